"""Find attributions in a parsed Doc: cue, source and content, before speakers are resolved.

The rules follow the structure of attribution relations described by Pareti (2016,
"PARC 3.0: A corpus of attribution relations", LREC) and annotated in PolNeAR (Newell et al.
2018): a *cue* (usually a verb of saying or believing) links a *source* (its subject, or
the agent of a passive) to a *content* (a clause, a quote, an object or a prepositional
phrase). They are applied in this order:

1. cue verbs from the lexicon with a clausal, infinitive, object or prepositional content
   found in the dependency parse (Krestel, Bergler & Witte 2008, "Minding the Source");
2. "according to X", whose content is the clause it modifies;
3. direct quotes not yet covered, linked to a cue verb right before or after the marks
   (``“...,” he said`` / ``He said: “...”``), and quotes that continue the previous
   speaker's words in the next paragraph;
4. the lede pattern: a claim standing alone, its source in the next sentence with a cue
   and no content of its own ("X is true. Colonel Y told Izvestia ...").

Everything here works in one or two passes over the tokens: no per-token search of the
whole Doc, so the cost stays linear in the length of the article.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from sourcecrit.attribution.lexicon import CueEntry
from sourcecrit.attribution.quotes import Quote

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})
# Dependencies through which a cue without its own subject borrows one from its head:
# "responded ... by saying that" (pcomp), "added and said" (conj), "wants to say" (xcomp).
CLIMB_DEPS = frozenset({"xcomp", "conj", "pcomp", "prep", "advcl", "ccomp"})
EXPLETIVES = frozenset({"it", "there"})
# Verbs whose subject is not a source but part of the content ("X seems to ...").
RAISING_VERBS = frozenset({"seem", "appear"})
# Objects that say how much, not what: "said little", "said nothing".
LIGHT_OBJECTS = frozenset({"little", "much", "nothing", "lot"})
#: Nouns completed by a "that"-clause saying what was said or thought ("the statement that
#: ..."). The parser sometimes hangs that clause on the verb before the noun instead.
CLAUSE_NOUNS = frozenset({"statement", "claim", "report", "assertion", "allegation",
    "suggestion", "announcement", "warning", "promise", "denial", "news", "rumour", "rumor",
    "idea", "fact", "belief", "view", "argument", "insistence", "assurance", "remark",
    "word", "comment", "accusation", "charge", "notion", "hope", "fear", "theory"})
#: Words that open an indirect question: "would not disclose *which* states ...".
WH_WORDS = frozenset({"which", "what", "who", "whom", "whose", "whether", "how", "when",
    "where", "why"})
# Modifiers that make "support", "attack" or "defense" a deed rather than a view:
# "military and financial support for Kyiv", "a terrorist attack on Nice".
MATERIAL_SENSES = frozenset({"military", "financial", "economic", "material", "logistical",
                             "humanitarian", "terrorist", "terror", "physical", "air", "armed",
                             "violent", "deadly", "missile", "cyber", "chemical", "nuclear"})
ANSWER_VERBS = frozenset({"respond", "reply", "answer", "react", "retort"})
# Tokens allowed between a quote and the cue that follows it: `,” he said` / `,” said Smith`.
MAX_AFTER_GAP = 6
MAX_BEFORE_GAP = 4
# Cues of the lede pattern ("Claim. Colonel Y told Izvestia."). "said" is left out: a bare
# "X said." after a sentence is more often a reply to a question or a caption (PolNeAR train:
# 9 right, 16 wrong) than the source of the sentence before.
LEDE_CUES = frozenset({"tell", "report", "state"})


@dataclass
class Candidate:
    """One attribution before speaker resolution (offsets are characters into doc.text)."""

    cue_start: int | None
    cue_end: int | None
    entry: CueEntry | None
    content_start: int
    content_end: int
    source_start: int | None
    source_end: int | None
    kind: str = "indirect"
    rule: str = "verb"
    source_token: int | None = None  # head token of the source phrase
    cue_token: int | None = None
    inherit_from: int | None = None  # index of the candidate whose speaker this repeats
    notes: list[str] = field(default_factory=list)


def _span_chars(doc: Doc, left: int, right: int) -> tuple[int, int] | None:
    """Return character offsets of tokens ``left..right`` (inclusive), trimmed of spaces and
    of non-quote punctuation at either end; None when nothing is left."""
    while left <= right and (doc[left].is_space or (doc[left].is_punct and not doc[left].is_quote)):
        left += 1
    while right >= left and (
        doc[right].is_space or (doc[right].is_punct and not doc[right].is_quote)
    ):
        right -= 1
    if left > right:
        return None
    return doc[left].idx, doc[right].idx + len(doc[right])


def _subtree_chars(doc: Doc, tok: Token) -> tuple[int, int] | None:
    return _span_chars(doc, tok.left_edge.i, tok.right_edge.i)


def source_chars(doc: Doc, tok: Token) -> tuple[int, int] | None:
    """Return the source phrase: the subject's subtree, without a trailing relative clause."""
    right = tok.right_edge.i
    for child in tok.rights:
        if child.dep_ in ("relcl", "acl") and child.i > tok.i:
            right = min(right, child.left_edge.i - 1)
            break
    left = tok.left_edge.i
    # A headline or dateline run into the sentence ("PHILADELPHIA (UPI) -- The party said")
    # is not part of the source: start after the last line break.
    for i in range(tok.i, left - 1, -1):
        if "\n" in doc[i].text or "\n" in doc[i].whitespace_:
            left = i + 1
            break
    return _span_chars(doc, left, right)


def _particle_of(tok: Token) -> str | None:
    for child in tok.children:
        if child.dep_ == "prt":
            return child.lower_
    return None


def cue_entry_for(tok: Token, verbs: dict[str, dict[str | None, CueEntry]]) -> CueEntry | None:
    """Return the lexicon entry for ``tok`` as a cue verb, or None.

    Args:
        tok: a token of a parsed Doc.
        verbs: lemma -> particle (None for a plain verb) -> entry, as built by
            :func:`verb_index`.
    """
    if tok.pos_ not in ("VERB", "AUX") or tok.dep_ in ("amod", "compound"):
        return None
    lemma = tok.lemma_.lower()
    by_particle = verbs.get(lemma)
    if not by_particle and tok.tag_ in ("VBG", "VBD", "VBN"):
        # The lemmatizer sometimes drops or keeps a final "e": "hoping" -> "hop",
        # "retweeted" -> "retweete".
        by_particle = verbs.get(lemma + "e") or (verbs.get(lemma[:-1]) if lemma.endswith("e") else None)
    if not by_particle:
        return None
    particle = _particle_of(tok)
    if particle and particle in by_particle:
        return by_particle[particle]
    return by_particle.get(None)


def verb_index(cues: dict[str, CueEntry]) -> dict[str, dict[str | None, CueEntry]]:
    """Return the cue lexicon indexed by verb lemma, then particle."""
    index: dict[str, dict[str | None, CueEntry]] = {}
    for entry in cues.values():
        if entry.pos == "verb":
            index.setdefault(entry.verb, {})[entry.particle] = entry
    return index


def _is_passive(tok: Token) -> bool:
    return any(c.dep_ in ("auxpass",) or c.dep_ in PASSIVE_SUBJECT_DEPS for c in tok.children)


def _subject_of(tok: Token) -> Token | None:
    """Return the subject of cue ``tok``, borrowed from governing verbs when it has none."""
    current = tok
    for _ in range(4):
        for child in current.children:
            if child.dep_ in SUBJECT_DEPS:
                return child
        if _is_passive(current):
            return None
        if current.dep_ == "acl" and current.head.dep_ in ("dobj", "pobj", "attr"):
            # "The ministry issued a statement saying ...": the statement's author speaks.
            current = current.head.head
            continue
        if current.dep_ not in CLIMB_DEPS or current.head is current:
            return None
        # A ccomp has its own subject; borrowing from the governing verb would be wrong.
        if current.dep_ == "ccomp" and current is tok:
            return None
        current = current.head
    return None


def _is_expletive(subject: Token, cue: Token, entry: CueEntry) -> bool:
    """Return True when ``subject`` is an empty "there" or "it" ("it seems that ...").

    "It" before an active verb of saying or taking a side is a real pronoun ("the ministry ...
    it said"); before "seem", "appear", a passive or an evidence verb it stands for nothing.
    """
    low = subject.lower_
    if low == "there":
        return True
    if low != "it":
        return False
    return entry.category == "evidence" or _is_passive(cue) or subject.dep_ == "expl"


def antecedent(tok: Token) -> Token:
    """Return the noun a relative pronoun stands for ("officials *who* said" -> officials)."""
    if tok.tag_ in ("WP", "WDT") and tok.head.dep_ in ("relcl", "acl") and tok.head.head is not tok.head:
        return tok.head.head
    return tok


def _agent_of(tok: Token) -> Token | None:
    for child in tok.children:
        if child.dep_ == "agent":
            for grand in child.children:
                if grand.dep_ == "pobj":
                    return grand
    return None


def _group_source_of(tok: Token) -> Token | None:
    """Return a passive cue's "in a number of countries" phrase (a vague group as source)."""
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in ("in", "among") and child.i < tok.i:
            for grand in child.children:
                if grand.dep_ == "pobj" and (
                    grand.tag_ in ("NNS", "NNPS")
                    or any(g.lower_ in ("number", "some", "many", "several") for g in grand.subtree)
                ):
                    return grand
    return None


# Subordinators whose clause, after a comma, is the writer's comment on the content rather
# than part of it: "said X, though she did not discuss ...", "X, while others said ...".
WRITER_MARKS = frozenset({"though", "although", "while", "whereas", "as"})
TAIL_PREPS = frozenset({"with", "despite", "amid", "including"})


def _trim_tail(doc: Doc, left: int, right: int) -> int:
    """Return a new right end for content ``left..right`` without a trailing comment.

    The writer often hangs a comma-separated tail on the reported clause that is not part
    of what the source said: a "though"/"while"/"as" clause, a participle ("..., saying
    that ...", itself a new attribution) or a non-restrictive "which"/"who" clause.
    """
    for t in doc[left + 1 : right + 1]:
        i = t.left_edge.i
        if i <= left + 1 or t.right_edge.i < right or not (left <= t.head.i <= right):
            continue
        prev = doc[i - 1]
        if prev.text not in (",", "—", "–", "-", ";"):
            continue
        marks = {c.lower_ for c in t.children if c.dep_ == "mark"}
        if t.dep_ == "advcl" and marks & WRITER_MARKS:
            return i - 2
        if t.dep_ in ("advcl", "xcomp", "conj") and t.tag_ == "VBG":
            return i - 2
        if t.dep_ == "relcl" and doc[i].tag_ in ("WDT", "WP"):
            return i - 2
        if t.dep_ == "prep" and t.lower_ in TAIL_PREPS:
            return i - 2
        if t.dep_ in ("appos", "npadvmod") and t.pos_ in ("NOUN", "PRON", "NUM") and t.i > i:
            return i - 2
    return right


def noun_of_clause(verb: Token, clause: Token) -> Token | None:
    """Return the noun a "that"-clause completes when the parser hung it on the verb.

    In "commenting on the statement of Polish Foreign Minister Radoslaw Sikorski that some
    alliance countries have already sent their military", the small model attaches the
    clause to "commenting"; it says what the *statement* was, so it is Sikorski's content.
    The clause must follow the verb's prepositional object directly, and that object must
    be a noun that takes such a clause (:data:`CLAUSE_NOUNS`).
    """
    if not any(g.dep_ == "mark" and g.lower_ == "that" for g in clause.children):
        return None
    for prep in verb.children:
        if prep.dep_ != "prep" or not verb.i < prep.i < clause.i:
            continue
        noun = next((g for g in prep.children if g.dep_ == "pobj"), None)
        if (
            noun is not None
            and noun.lemma_.lower() in CLAUSE_NOUNS
            and noun.right_edge.i + 1 == clause.left_edge.i
        ):
            return noun
    return None


def _is_token(a: Token | None, b: Token) -> bool:
    # spaCy makes a new Token object on each access, so compare positions, not identity.
    return a is not None and a.i == b.i


def _content_range(tok: Token, entry: CueEntry) -> tuple[int, int] | None:
    """Return the token range (inclusive) of what cue ``tok`` attributes, or None.

    Order of preference: a clause (ccomp; one after the cue before one before it), a
    to-infinitive (xcomp) when the cue allows one, a prepositional object the cue allows
    ("warned *of* ...", with a following "if"-clause), a direct object or a gerund when the
    cue allows one (and the object's "that"-clause, for "expressed doubt that ...").
    """
    children = list(tok.children)
    ccomps = [c for c in children if c.dep_ == "ccomp" and noun_of_clause(tok, c) is None]
    if ccomps:
        after = [c for c in ccomps if c.i > tok.i]
        chosen = after[0] if after else ccomps[-1]
        right = chosen.right_edge.i
        for conj in chosen.children:
            # "announced that he was ill and vowed to ...": a second verb with no subject of
            # its own goes with the cue's subject, not inside the content.
            if (
                conj.dep_ == "conj"
                and conj.pos_ in ("VERB", "AUX")
                and conj.i > chosen.i
                and not any(g.dep_ in SUBJECT_DEPS for g in conj.children)
                and conj.tag_ in ("VBD", "VBZ")
            ):
                right = min(right, conj.left_edge.i - 1)
        right = _trim_tail(tok.doc, chosen.left_edge.i, right)
        return chosen.left_edge.i, right
    xcomp = next((c for c in children if c.dep_ in ("xcomp", "advcl") and c.i > tok.i and any(
        g.dep_ == "aux" and g.lower_ == "to" for g in c.children)), None)
    if xcomp is not None and entry.category in ("speech", "stance"):
        # "urged Congress to act", "called on the U.S. to press China": the person asked
        # and what they are asked to do, together.
        for child in children:
            obj = child if child.dep_ == "dobj" and child.pos_ != "PRON" else None
            if child.dep_ == "prep" and (child.lower_ in ("on", "upon") or child.lower_ in entry.preps):
                obj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if obj is not None and tok.i < obj.i < xcomp.i and obj.lemma_ != "condition":
                # ("spoke on condition of anonymity to discuss ..." is not a request)
                return obj.left_edge.i, xcomp.right_edge.i
    if entry.infinitive:
        for child in children:
            if child.dep_ == "xcomp" and child.i > tok.i:
                return child.left_edge.i, child.right_edge.i
    for child in children:
        if child.dep_ == "prep" and child.lower_ in entry.preps and child.i > tok.i:
            for grand in child.children:
                if grand.dep_ in ("pobj", "pcomp"):
                    left, right = grand.left_edge.i, grand.right_edge.i
                    for other in children:
                        if other.dep_ == "advcl" and other.left_edge.i == right + 1:
                            right = other.right_edge.i
                        if other.dep_ == "ccomp" and _is_token(noun_of_clause(tok, other), grand):
                            right = other.right_edge.i  # "on the statement ... that ..."
                    return left, right
    oprd = next((c for c in children if c.dep_ == "oprd" and c.i > tok.i), None)
    dobj = next((c for c in children if c.dep_ == "dobj" and c.i > tok.i), None)
    if oprd is not None and dobj is not None:
        # "called the suspension “arbitrary”": the object and what it is called.
        return dobj.left_edge.i, oprd.right_edge.i
    for child in children:
        if child.dep_ == "dobj" and child.i > tok.i:
            for grand in child.children:
                if grand.dep_ in ("acl", "ccomp") and any(
                    g.dep_ == "mark" and g.lower_ in ("that", "whether", "if") for g in grand.children
                ):
                    return grand.left_edge.i, grand.right_edge.i
            if entry.object and child.pos_ != "PRON" and child.lemma_.lower() not in LIGHT_OBJECTS:
                right = child.right_edge.i
                # "sees him as the stronger candidate", "shows Clinton up by 10 points".
                for other in children:
                    if other.dep_ == "dobj" and other.i > child.i and other.left_edge.i == right + 1:
                        right = other.right_edge.i  # "deemed the deal a disaster": two objects
                    if other.dep_ in ("prep", "advmod", "oprd") and other.i == right + 1 and (
                        other.lower_ in ("as", "at", "up", "down", "ahead", "behind", "leading")
                    ):
                        right = other.right_edge.i
                return child.left_edge.i, right
            return None
    if entry.object:
        for child in children:
            if (
                child.dep_ in ("advcl", "xcomp")
                and child.tag_ == "VBG"
                and child.left_edge.i == child.i > tok.i
                and not tok.doc[child.i - 1].is_punct  # "said, looking over at Bennett"
            ):
                return child.left_edge.i, child.right_edge.i
    return None


def _quote_just_before(doc: Doc, tok: Token, quote_ends: dict[int, Quote]) -> Quote | None:
    """Return the quote that closes right before cue ``tok`` and its subject, if any.

    ``“...,” Mr. Miranda said`` and ``“...,” said his friend``: the parser often hangs the
    quote elsewhere (or splits it into sentences), but the layout is unambiguous.
    """
    left = tok.i
    for child in tok.children:
        if child.dep_ in SUBJECT_DEPS and child.i < tok.i:
            left = min(left, child.left_edge.i)
    for child in tok.lefts:
        if child.dep_ in ("advmod", "aux", "neg") and child.i == left - 1:
            left = child.i
    j = left - 1
    while j >= 0 and doc[j].text in (",", "—", "–", "-"):
        j -= 1
    if j < 0 or not doc[j].is_quote:
        return None
    return quote_ends.get(doc[j].idx + len(doc[j]))


def verb_candidates(
    doc: Doc, verbs: dict[str, dict[str | None, CueEntry]], quotes: list[Quote] | None = None
) -> list[Candidate]:
    """Return one candidate per cue verb that has a content in the parse (rule 1)."""
    out = []
    quote_ends = {q.close_end: q for q in quotes or []}
    for tok in doc:
        entry = cue_entry_for(tok, verbs)
        if entry is None:
            continue
        content_range = _content_range(tok, entry)
        if content_range is not None:
            content_range = (content_range[0], _trim_tail(doc, *content_range))
            if any(c.dep_ == "neg" for c in tok.children) and doc[content_range[0]].lower_ in WH_WORDS:
                # "he would not disclose which states sent troops": a refusal to say, so
                # nothing is attributed.
                continue
        raised = None
        if entry.cue in RAISING_VERBS and content_range is not None and content_range[0] > tok.i:
            # "Mr. Rubio appeared to be on the upswing": the subject is part of how things
            # seem, not a speaker; the whole "X appeared to ..." is the content, with no source.
            raised = next((c for c in tok.children if c.dep_ in SUBJECT_DEPS and c.i < tok.i), None)
            if raised is not None and raised.lower_ not in EXPLETIVES:
                content_range = (raised.left_edge.i, content_range[1])
        content = None
        inverted = None
        if (
            entry.category == "speech"
            and tok.tag_ in ("VBD", "VBZ", "VBP")
            and content_range is not None
            and content_range[0] == tok.i + 1
            and tok.i > 0
            and (doc[tok.i - 1].text == "," or doc[tok.i - 1].is_quote)
            and not any(c.dep_ in SUBJECT_DEPS for c in tok.children)
        ):
            # "“...,” said Robin Maynard": the parser took the speaker for an object.
            inverted = next((c for c in tok.children if c.dep_ == "dobj" and c.i == tok.i + 1 or (
                c.dep_ == "dobj" and c.left_edge.i == tok.i + 1)), None)
            if inverted is not None and inverted.pos_ in ("PROPN", "NOUN"):
                content_range = None
            else:
                inverted = None
        if entry.category == "speech" and not (
            content_range is not None and content_range[0] > tok.i
        ):
            q = _quote_just_before(doc, tok, quote_ends)
            if q is not None:
                content_range = None
                content = (q.open_start, q.close_end)
        if content_range is not None:
            content = _span_chars(doc, *content_range)
        elif tok.dep_ == "parataxis" or (
            tok.dep_ in ("ccomp", "advcl")
            and entry.category == "speech"
            and tok.i > tok.head.i
            and doc[tok.i - 1].is_punct
        ):
            # "Content, officials said." parsed with the cue hanging off the content's verb.
            head = tok.head
            left, right = head.left_edge.i, head.right_edge.i
            cue_left = tok.left_edge.i
            if cue_left > head.i:
                right = cue_left - 1
            else:
                left = tok.right_edge.i + 1
            content = _span_chars(doc, left, right)
        elif _is_passive(tok) and entry.object:
            # "the possibility ... was denied": the passive subject is what is attributed,
            # unless it is a pronoun ("nothing can be ruled out") or a relative pronoun.
            for child in tok.children:
                if (
                    child.dep_ in PASSIVE_SUBJECT_DEPS
                    and child.pos_ not in ("PRON", "DET")
                    and not any(t.tag_ in ("WDT", "WP", "WP$") for t in child.subtree)
                ):
                    content = _subtree_chars(doc, child)
        if content is None:
            continue
        subject = _subject_of(tok) if raised is None else None
        if subject is not None and subject.lower_ == "you" and entry.category != "speech":
            continue  # "if you want to understand ...": generic, nobody's belief
        if content[1] - content[0] < 4:
            continue  # a lone pronoun or stray word is not something attributed
        if subject is not None and subject.lower_ == "that" and subject.i == tok.i - 1 and (
            tok.i + 1 < len(doc) and doc[tok.i + 1].text == ","
        ):
            continue  # "That said, ...": a set phrase, nobody speaks
        source_tok = None
        if inverted is not None:
            source_tok = inverted
        elif subject is not None and not _is_expletive(subject, tok, entry):
            source_tok = subject
        elif _is_passive(tok):
            source_tok = _agent_of(tok) or _group_source_of(tok)
        source = source_chars(doc, source_tok) if source_tok is not None else None
        if source and content[0] <= source[0] and source[1] <= content[1]:
            continue  # the "source" sits inside its own content: a misparse
        cue_end_tok = tok
        particle = entry.particle
        if particle:
            for child in tok.children:
                if child.dep_ == "prt" and child.lower_ == particle:
                    cue_end_tok = child if child.i > tok.i else tok
        cue_start, cue_end = tok.idx, cue_end_tok.idx + len(cue_end_tok)
        if (
            tok.dep_ == "pcomp"
            and tok.head.lower_ == "by"
            and tok.head.head.lemma_.lower() in ANSWER_VERBS
            and tok.head.head.i < tok.i
        ):
            # "responded to this by saying that ...": the whole phrase is the cue.
            cue_start = tok.head.head.idx
        if content[0] < cue_end and cue_start < content[1] and raised is None:
            continue  # content swallowing its own cue: the parse went wrong
        out.append(
            Candidate(
                cue_start,
                cue_end,
                entry,
                content[0],
                content[1],
                source[0] if source else None,
                source[1] if source else None,
                source_token=source_tok.i if source_tok is not None else None,
                cue_token=tok.i,
            )
        )
    return out


def noun_candidates(doc: Doc, nouns: dict[str, CueEntry]) -> list[Candidate]:
    """Return attributions carried by a noun: "Smith's claim that ...", "the statement of the
    ministry that ...", "a statement saying ..." (PARC's nominal cues, Pareti 2016).

    Only a noun from the lexicon with a "that"-clause (or a "saying"-clause) counts, so "the
    fact that" or "the idea that" never do.
    """
    out = []
    for tok in doc:
        if tok.pos_ != "NOUN":
            continue
        entry = nouns.get(tok.lemma_.lower())
        if entry is None:
            continue
        content_tok = None
        by_prep = False
        for child in tok.rights:
            if child.dep_ in ("acl", "ccomp", "relcl") and any(
                g.dep_ == "mark" and g.lower_ == "that" for g in child.children
            ):
                content_tok = child
            elif child.dep_ == "acl" and child.lemma_ == "say":
                content_tok = next((g for g in child.children if g.dep_ == "ccomp"), None)
            if content_tok is not None:
                break
        if content_tok is None and tok.dep_ == "pobj" and tok.head.dep_ == "prep":
            verb = tok.head.head
            content_tok = next(
                (c for c in verb.children if c.dep_ == "ccomp" and _is_token(noun_of_clause(verb, c), tok)),
                None,
            )
        if content_tok is None and entry.preps:
            # "his support for the bill", "her criticism of the plan": the prepositional
            # object is what the noun attributes.
            for child in tok.rights:
                if child.dep_ == "prep" and child.lower_ in entry.preps:
                    content_tok = next((g for g in child.children if g.dep_ in ("pobj", "pcomp")), None)
                    by_prep = True
                    break
        if content_tok is None:
            continue
        content = _subtree_chars(doc, content_tok)
        if content is None:
            continue
        source_tok = next((c for c in tok.children if c.dep_ == "poss"), None)
        if source_tok is None:
            for child in tok.rights:
                if (
                    child.dep_ == "prep"
                    and child.lower_ in ("of", "by", "from")
                    and child.i < content_tok.i
                    and content_tok.head.i != child.i
                ):
                    source_tok = next((g for g in child.children if g.dep_ == "pobj"), None)
                    break
        if source_tok is None and tok.dep_ in ("dobj", "pobj", "attr") and tok.i < content_tok.i:
            # "Clinton expressed support for ...", "he launched an attack on ...": whoever
            # does the verb the noun is the object of holds the view.
            verb = tok.head
            while verb.dep_ in ("prep", "prt", "advmod") and verb.head.i != verb.i:
                verb = verb.head  # "came out in support of"
            if verb.pos_ in ("VERB", "AUX") and not _is_passive(verb):
                subject = _subject_of(verb)
                if subject is not None and subject.lower_ not in EXPLETIVES and subject.i < tok.i:
                    source_tok = subject
        if by_prep and source_tok is None:
            continue  # "the attack on Nice", "support for the bill" with nobody holding it
        if by_prep and any(c.dep_ in ("amod", "compound") and c.lemma_.lower() in MATERIAL_SENSES for c in tok.children):
            continue  # "military and financial support for Kyiv": aid or force, not a view
        source = source_chars(doc, source_tok) if source_tok is not None else None
        if source and source[1] > content[0] and source_tok is not None:
            # The source's subtree ran into the content: stop it where the content starts.
            source = _span_chars(doc, source_tok.left_edge.i, content_tok.left_edge.i - 1)
        out.append(
            Candidate(
                tok.idx,
                tok.idx + len(tok),
                entry,
                content[0],
                content[1],
                source[0] if source else None,
                source[1] if source else None,
                rule="noun",
                source_token=source_tok.i if source_tok is not None and source else None,
                cue_token=tok.i,
            )
        )
    return out


def according_candidates(doc: Doc) -> list[Candidate]:
    """Return "according to X" attributions (rule 2); the cue is the words "according to"."""
    out = []
    for tok in doc:
        if tok.lower_ != "according" or tok.i + 1 >= len(doc) or doc[tok.i + 1].lower_ != "to":
            continue
        to = doc[tok.i + 1]
        pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
        if pobj is None:
            pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
        if pobj is None:
            continue
        source = source_chars(doc, pobj)
        head = tok.head
        if head is tok:
            continue
        # "The number of countries that have ..., according to X, is ...": the phrase may
        # hang off a verb inside the subject; the attributed content is the whole clause.
        while head.dep_ in ("relcl", "acl", "pcomp", "pobj", "prep", "amod", "nsubj", "dobj", "attr", "appos") and head.head is not head:
            head = head.head
        phrase_left = tok.i
        phrase_right = max(pobj.right_edge.i, to.i)
        left, right = head.left_edge.i, head.right_edge.i
        lead = doc[left:phrase_left]
        if phrase_left <= left or all(t.is_punct or t.is_space or t.dep_ in ("cc", "advmod") for t in lead):
            left = phrase_right + 1
        elif phrase_right >= right or all(t.is_punct or t.is_space for t in doc[phrase_right + 1 : right + 1]):
            # (a paragraph break after the final period is a space token, not punctuation)
            right = phrase_left - 1
        content = _span_chars(doc, left, right)
        if content is None or source is None or content[1] - content[0] < 8:
            continue
        out.append(
            Candidate(
                tok.idx,
                to.idx + len(to),
                None,
                content[0],
                content[1],
                source[0],
                source[1],
                kind="according_to",
                rule="according_to",
                source_token=pobj.i,
                cue_token=tok.i,
            )
        )
    return out


#: Line-initial labels before a colon that are not sources ("Note: ...", "Q: ...").
NOT_SOURCE_LABELS = frozenset({
    "note", "update", "updated", "correction", "related", "photo", "photos", "video", "watch",
    "read", "editor", "q", "a", "source", "sources", "credit", "image", "listen", "see",
    "more", "subscribe", "follow", "contact", "disclosure", "advertisement", "tags", "topics",
    "breaking", "bombshell", "boom", "look", "wow", "exclusive", "reminder", "email", "alert",
    "analysis", "opinion", "commentary", "developing", "live", "shocking", "huge",
})


MAX_HEADLINE = 25  # tokens after the colon


def headline_candidates(doc: Doc) -> list[Candidate]:
    """Return the headline pattern "Name: what they said" (a line that opens with a short
    name, then a colon, then the words attributed to it: "Poll: Sanders leads in Iowa").

    The source is the name before the colon (at most five words, no verb or pronoun), the cue
    the colon, the content the rest of the line up to a semicolon.
    """
    out = []
    n = len(doc)
    for tok in doc:
        if tok.text != ":":
            continue
        j = tok.i - 1
        while j >= 0 and "\n" not in doc[j].text and "\n" not in doc[j].whitespace_:
            j -= 1
        label = doc[j + 1 : tok.i]
        if not 1 <= len(label) <= 5 or tok.whitespace_ == "" and tok.i + 1 < n and not doc[tok.i + 1].is_quote:
            continue
        if any(t.pos_ in ("VERB", "AUX", "PRON", "ADP", "SCONJ", "CCONJ") or t.like_num for t in label):
            continue
        head = label[-1]
        if head.pos_ not in ("PROPN", "NOUN") or head.lower_ in NOT_SOURCE_LABELS or len(head.text) < 2:
            continue
        if not label[0].text[0].isupper() or (len(label) == 1 and head.text.isupper() and len(head) > 3):
            continue  # "height: 275px", a section label such as "EXCLUSIVE:"
        k = tok.i + 1
        while k < n and "\n" not in doc[k].text and doc[k].text != ";" and "\n" not in doc[k - 1].whitespace_:
            k += 1
        if k - tok.i > MAX_HEADLINE:
            continue  # a paragraph, not a headline: "Jeb Bush: Student loans. Some big ideas ..."
        content = _span_chars(doc, tok.i + 1, k - 1)
        source = _span_chars(doc, label.start, label.end - 1)
        if content is None or source is None or k - tok.i < 4:
            continue
        out.append(
            Candidate(
                tok.idx,
                tok.idx + 1,
                None,
                content[0],
                content[1],
                source[0],
                source[1],
                rule="headline",
                source_token=head.i,
                cue_token=tok.i,
            )
        )
    return out


def _quote_level(quotes: list[Quote], char: int) -> int | None:
    """Return the index of the innermost quote holding ``char``, or None."""
    best = None
    for k, q in enumerate(quotes):
        if q.open_start <= char < q.close_end and (best is None or q.depth > quotes[best].depth):
            best = k
    return best


def quote_candidates(
    doc: Doc,
    quotes: list[Quote],
    covered: list[Candidate],
    verbs: dict[str, dict[str | None, CueEntry]],
) -> list[Candidate]:
    """Return attributions for quotes no earlier rule covered (rule 3)."""
    out: list[Candidate] = []
    token_at = {t.idx: t.i for t in doc}
    text = doc.text
    for q in quotes:
        if q.end - q.start < 2:
            continue
        if any(_covers(c, q) for c in covered + out):
            continue
        level = q.parent
        cand = _cue_after(doc, q, quotes, level, token_at, verbs) or _cue_before(
            doc, q, quotes, level, token_at, verbs
        )
        if cand is None:
            continue
        tok, entry = cand
        if entry.verb not in NAMING_VERBS and is_title(text, q, doc, token_at):
            continue
        subject = _subject_of(tok)
        source = source_chars(doc, subject) if subject is not None else None
        out.append(
            Candidate(
                tok.idx,
                tok.idx + len(tok),
                entry,
                q.open_start,
                q.close_end,
                source[0] if source else None,
                source[1] if source else None,
                kind="direct",
                rule="quote",
                source_token=subject.i if subject is not None else None,
                cue_token=tok.i,
            )
        )
    return out


# Verbs that give something a name: "called Rubio “Little Marco”" quotes the name itself.
NAMING_VERBS = frozenset({"call", "label", "dub", "bill", "refer", "name", "address", "list", "describe"})
TITLE_SMALL_WORDS = frozenset({"a", "an", "the", "of", "and", "or", "to", "in", "on", "for", "with", "at", "by", "from"})


def is_title(text: str, q: Quote, doc: Doc, token_at: dict[int, int]) -> bool:
    """Return True when quote ``q`` names a show, book or slogan rather than quoting words.

    ``NBC's “Meet the Press”``, ``the reality show “The Apprentice,”``: a short quote whose
    words are all capitalised (small words aside), right after a possessive, a preposition,
    an article or a noun.
    """
    words = [w.strip(".,;:!?'\"“”‘’()") for w in text[q.start : q.end].split()]
    words = [w for w in words if w and w[0].isalpha()]
    if not words or len(words) > 6:
        return False
    if not all(w[0].isupper() or w.lower() in TITLE_SMALL_WORDS for w in words) or not words[0][0].isupper():
        return False
    i = token_at.get(q.open_start)
    j = i - 1 if i is not None else None
    while j is not None and j >= 0 and doc[j].is_space:
        j -= 1
    return j is not None and j >= 0 and (doc[j].tag_ == "POS" or doc[j].pos_ in ("ADP", "DET", "NOUN", "PROPN"))


def _covers(c: Candidate, q: Quote) -> bool:
    """Return True when candidate ``c`` already accounts for quote ``q`` (an attribution
    nested inside the quote, with its cue inside, does not)."""
    if not (c.content_start < q.end and q.start < c.content_end):
        return False
    return c.cue_start is None or not (q.open_start <= c.cue_start < q.close_end)


def _cue_after(doc, q, quotes, level, token_at, verbs):
    i = token_at.get(q.close_end - 1)
    if i is None:
        return None
    for j in range(i + 1, min(i + 1 + MAX_AFTER_GAP, len(doc))):
        tok = doc[j]
        if tok.is_quote or "\n" in tok.text:
            return None
        if tok.is_sent_start and j > i + 1 and tok.text[0].isupper() and not tok.pos_ == "PROPN":
            return None
        entry = cue_entry_for(tok, verbs)
        if entry is not None and entry.category == "speech":
            if _quote_level(quotes, tok.idx) != level:
                return None
            return tok, entry
    return None


def _cue_before(doc, q, quotes, level, token_at, verbs):
    i = token_at.get(q.open_start)
    if i is None:
        return None
    for j in range(i - 1, max(i - 1 - MAX_BEFORE_GAP, -1), -1):
        tok = doc[j]
        if tok.is_quote or "\n" in tok.text or tok.text in (".", "?", "!"):
            return None
        entry = cue_entry_for(tok, verbs)
        if entry is not None and entry.category == "speech":
            if _quote_level(quotes, tok.idx) != level:
                return None
            return tok, entry
    return None


def continuation_candidates(
    doc: Doc, quotes: list[Quote], found: list[Candidate], paragraph_starts: list[int]
) -> list[Candidate]:
    """Return quotes that open a paragraph and carry on the previous quoted speaker (rule 3b).

    News style lets a speaker's quote run on in the next paragraph without a new "he said"
    when no one else has spoken in between; only a quote that opens its paragraph and
    follows a paragraph whose last attribution had a source is taken.
    """
    out: list[Candidate] = []
    starts = set(paragraph_starts)
    for q in quotes:
        if q.depth or q.open_start not in starts or q.end - q.start < 20:
            continue
        everything = found + out
        if any(_covers(c, q) for c in everything):
            continue
        before = [c for c in everything if c.content_end <= q.open_start]
        if not before:
            continue
        prev = max(before, key=lambda c: c.content_end)
        # Only the paragraph right before: count paragraph starts between them.
        between = [s for s in paragraph_starts if prev.content_end < s < q.open_start]
        if between or prev.source_start is None:
            continue
        if prev.kind not in ("direct", "mixed"):
            continue
        out.append(
            Candidate(
                None,
                None,
                None,
                q.open_start,
                q.close_end,
                prev.source_start,
                prev.source_end,
                kind="direct",
                rule="continuation",
                source_token=prev.source_token,
                inherit_from=found.index(prev) if prev in found else None,
            )
        )
    return out


def lede_candidates(
    doc: Doc,
    found: list[Candidate],
    sentences: list[tuple[int, int]],
    verbs: dict[str, dict[str | None, CueEntry]],
) -> list[Candidate]:
    """Return the lede pattern: a claim, then its source and cue in the next sentence (rule 4).

    Only when the cue is the root of its sentence, has a subject and no content of its own,
    and the sentence before holds no attribution at all.
    """
    out = []
    text = None
    cue_tokens = {c.cue_token for c in found if c.cue_token is not None}
    for tok in doc:
        if tok.dep_ != "ROOT" or tok.i in cue_tokens:
            continue
        entry = cue_entry_for(tok, verbs)
        if entry is None or entry.cue not in LEDE_CUES:
            continue
        subject = _subject_of(tok)
        if subject is None or subject.lower_ in EXPLETIVES:
            continue
        k = next((n for n, (s, e) in enumerate(sentences) if s <= tok.idx < e), None)
        if not k:
            continue
        prev_start, prev_end = sentences[k - 1]
        if any(c.content_start < prev_end and prev_start < c.content_end for c in found + out):
            continue
        if any(
            c.cue_start is not None and prev_start <= c.cue_start < prev_end for c in found + out
        ):
            continue
        source = source_chars(doc, subject)
        if source is None:
            continue
        end = prev_end
        text = doc.text if text is None else text
        while end > prev_start and text[end - 1] in ".!? ":
            end -= 1
        out.append(
            Candidate(
                tok.idx,
                tok.idx + len(tok),
                entry,
                prev_start,
                end,
                source[0],
                source[1],
                rule="lede",
                source_token=subject.i,
                cue_token=tok.i,
            )
        )
    return out


def extend_over_quotes(candidates: list[Candidate], quotes: list[Quote]) -> None:
    """Grow each content to cover the quotes it overlaps (a multi-sentence quote is parsed as
    several sentences, and the cue's clause is only the last one), and set ``kind``.

    A quote that holds the cue itself is not taken in: the cue then belongs to a nested
    attribution inside that quote.
    """
    for c in candidates:
        for q in quotes:
            if not (q.open_start < c.content_end and c.content_start < q.close_end):
                continue
            if c.cue_start is not None and q.open_start <= c.cue_start < q.close_end:
                continue
            start, end = min(c.content_start, q.open_start), max(c.content_end, q.close_end)
            if c.cue_start is not None and start < c.cue_end and c.cue_start < end:
                continue
            c.content_start, c.content_end = start, end
        if c.kind in ("according_to", "direct"):
            continue
        inside = [
            q
            for q in quotes
            if c.content_start <= q.open_start and q.close_end <= c.content_end
        ]
        if not inside:
            continue
        quoted = _union_length([(q.open_start, q.close_end) for q in inside])
        length = c.content_end - c.content_start
        c.kind = "direct" if quoted >= length - 6 else "mixed"


def _union_length(spans: list[tuple[int, int]]) -> int:
    total, last = 0, -1
    for start, end in sorted(spans):
        start = max(start, last)
        if end > start:
            total += end - start
            last = end
    return total


def deduplicate(candidates: list[Candidate]) -> list[Candidate]:
    """Drop candidates whose content repeats an earlier one's (the first found wins)."""
    seen: set[tuple[int, int]] = set()
    out = []
    for c in candidates:
        key = (c.content_start, c.content_end)
        if key in seen:
            continue
        seen.add(key)
        out.append(c)
    return out
