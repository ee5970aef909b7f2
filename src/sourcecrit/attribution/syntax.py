"""Parse helpers shared by the attribution rules: spans, subjects, sources, cue lookup.

They read spaCy's dependency parse (ClearNLP labels, as the English pipelines use) and work
on one token and its neighbours only, so every rule stays linear in the length of the
article.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from sourcecrit.attribution.lexicon import CueEntry
from sourcecrit.attribution.wordlists import words

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})
# Dependencies through which a cue without its own subject borrows one from its head:
# "responded ... by saying that" (pcomp), "added and said" (conj), "wants to say" (xcomp).
CLIMB_DEPS = frozenset({"xcomp", "conj", "pcomp", "prep", "advcl", "ccomp"})
EXPLETIVES = frozenset({"it", "there"})

#: The cue lexicon's verbs by lemma, then particle (None for a plain verb).
VerbIndex = dict[str, dict[str | None, CueEntry]]


def span_chars(doc: Doc, left: int, right: int) -> tuple[int, int] | None:
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


def subtree_chars(doc: Doc, tok: Token) -> tuple[int, int] | None:
    """Return the character offsets of ``tok``'s subtree, trimmed as :func:`span_chars`."""
    return span_chars(doc, tok.left_edge.i, tok.right_edge.i)


def source_chars(doc: Doc, tok: Token) -> tuple[int, int] | None:
    """Return the source phrase: the subject's subtree, without a trailing relative clause.

    Nor an "as" phrase the parser hangs on it: in "was seen by some as a defeat for Reed"
    the source is "some", not "some as a defeat for Reed" (which would make Reed the
    speaker). "Aides such as Reed" keeps its names.
    """
    right = tok.right_edge.i
    for child in tok.rights:
        if child.i <= tok.i:
            continue
        if child.dep_ in ("relcl", "acl") or (
            child.dep_ == "prep" and child.lower_ == "as" and doc[child.i - 1].lower_ != "such"
        ):
            right = min(right, child.left_edge.i - 1)
            break
    # "His ex-wife agreed": the tokenizer splits the word at its hyphen and the parser may
    # leave "-wife" out of the subject's subtree; a word is not cut at a hyphen.
    while (
        right + 2 < len(doc)
        and doc[right + 1].text == "-"
        and not doc[right].whitespace_
        and not doc[right + 1].whitespace_
        and doc[right + 2].is_alpha
    ):
        right += 2
    left = tok.left_edge.i
    # A headline or dateline run into the sentence ("PHILADELPHIA (UPI) -- The party said")
    # is not part of the source: start after the last line break.
    for i in range(tok.i, left - 1, -1):
        if "\n" in doc[i].text or "\n" in doc[i].whitespace_:
            left = i + 1
            break
    return span_chars(doc, left, right)


def particle_of(tok: Token) -> str | None:
    """Return the particle of a phrasal verb ("out" in "ruled out"), or None."""
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
    if not by_particle and tok.tag_ in ("VBG", "VBD", "VBN", "VBZ"):
        # The lemmatizer sometimes drops or keeps a final "e" or keeps a doubled consonant:
        # "hoping" -> "hop", "retweeted" -> "retweete", "hopes" -> "hop", "rated" -> "rat",
        # "extolled" -> "extoll".
        by_particle = verbs.get(lemma + "e") or (
            verbs.get(lemma[:-1]) if lemma.endswith("e") or lemma[-1:] * 2 == lemma[-2:] else None
        )
    if not by_particle:
        return None
    particle = particle_of(tok)
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


def is_passive(tok: Token) -> bool:
    """Return True when verb ``tok`` is passive (it has a passive auxiliary or subject)."""
    return any(c.dep_ in ("auxpass",) or c.dep_ in PASSIVE_SUBJECT_DEPS for c in tok.children)


def subject_of(tok: Token) -> Token | None:
    """Return the subject of cue ``tok``, borrowed from governing verbs when it has none."""
    current = tok
    no_control = False  # no control by a passive subject from here on
    for _ in range(4):
        for child in current.children:
            if child.dep_ in SUBJECT_DEPS:
                return _possessor_in_charge(child, current, tok) or child
        if is_passive(current):
            # "After saying her foot was swollen, she was whisked off"; "he was quoted as
            # saying": the passive verb's subject also does what its adjunct says (subject
            # control). A passive cue's own subject is what is reported, not who reports it;
            # nor does it control a participle on a noun ("was asked about Smith calling") or
            # one hung on the verb with no "after", "while", "as" (often a misparse).
            if current.i != tok.i and not no_control:
                return next((c for c in current.children if c.dep_ in PASSIVE_SUBJECT_DEPS), None)
            return None
        if current.dep_ == "acl" and current.head.dep_ in ("dobj", "pobj", "attr"):
            # "The ministry issued a statement saying ...": the statement's author speaks.
            current = current.head.head
            no_control = True
            continue
        if current.dep_ not in CLIMB_DEPS or current.head is current:
            return None
        # A ccomp has its own subject; borrowing from the governing verb would be wrong.
        if current.dep_ == "ccomp" and current is tok:
            return None
        if current.dep_ == "advcl" and not any(c.dep_ == "mark" for c in current.children):
            no_control = True  # (no control from a passive verb, as above)
        current = current.head
    return None


def _possessor_in_charge(subject: Token, verb: Token, cue: Token) -> Token | None:
    """Return "his" in "his best response was to say ...": the possessor does the saying.

    A possessed noun that is the subject of "be" with the cue as its infinitive ("Her plan
    was to argue that ...") names an act of the possessor's; the possessor is the source.
    """
    if (
        verb.lemma_ == "be"
        and cue.dep_ == "xcomp"
        and cue.head.i == verb.i
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in cue.children)
        and subject.pos_ == "NOUN"
    ):
        return next((c for c in subject.children if c.dep_ == "poss"), None)
    return None


def is_expletive(subject: Token, cue: Token, entry: CueEntry) -> bool:
    """Return True when ``subject`` is an empty "there" or "it" ("it seems that ...").

    "It" before an active verb of saying or taking a side is a real pronoun ("the ministry ...
    it said"); before "seem", "appear", a passive or an evidence verb it stands for nothing.
    """
    low = subject.lower_
    if low == "there":
        return True
    if low != "it":
        return False
    return entry.category == "evidence" or is_passive(cue) or subject.dep_ == "expl"


def antecedent(tok: Token) -> Token:
    """Return the noun a relative pronoun stands for ("officials *who* said" -> officials).

    Coordinated relative clauses share it ("someone who left, and *who* said ..."), and a
    noun in an opening "as" phrase stands for the subject it describes ("As someone who has
    seen it, I ...": the writer).
    """
    noun = _relative_noun(tok)
    if noun is None or (tok.lower_ == "which" and noun.ent_type_ == "PERSON"):
        return tok  # "which" never stands for a person: the parse went wrong
    prep = noun.head
    if noun.dep_ == "pobj" and prep.lower_ == "as" and prep.head.pos_ in ("VERB", "AUX"):
        subject = next((c for c in prep.head.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is not None and prep.i < subject.i:
            return subject
    return noun


def _relative_noun(tok: Token) -> Token | None:
    """Return the noun the relative clause of pronoun ``tok`` hangs on, or None."""
    if tok.tag_ not in ("WP", "WDT"):
        return None
    clause = tok.head
    while clause.dep_ == "conj" and clause.head.i < clause.i:
        clause = clause.head
    if clause.dep_ in ("relcl", "acl") and clause.head.i != clause.i:
        return clause.head
    # "..., and who said": the parser lost the clause; it shares the last one's noun.
    if tok.i > 0 and tok.nbor(-1).lower_ in ("and", "or", ","):
        for k in range(tok.i - 2, tok.sent.start - 1, -1):
            other = tok.doc[k]
            if other.lower_ == tok.lower_:
                return _relative_noun(other) if other.head.i != tok.head.i else None
    return None


def agent_of(tok: Token) -> Token | None:
    """Return the agent of a passive verb ("was denied *by the ministry*"), or None."""
    for child in tok.children:
        if child.dep_ == "agent":
            for grand in child.children:
                if grand.dep_ == "pobj":
                    return grand
    return None


def group_source_of(tok: Token) -> Token | None:
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


#: Tags of a finite verb (a clause with one can stand alone: "the move reeks of fear").
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
# Subordinators whose clause, after a comma, is the writer's comment on the content rather
# than part of it: "said X, though she did not discuss ...", "X, while others said ...".
WRITER_MARKS = frozenset({"though", "although", "while", "whereas", "as"})
TAIL_PREPS = frozenset({"with", "despite", "amid", "including"})


def trim_tail(doc: Doc, left: int, right: int) -> int:
    """Return a new right end for content ``left..right`` without a trailing comment.

    The writer often hangs a comma-separated tail on the reported clause that is not part
    of what the source said: a "though"/"while"/"as" clause, a participle ("..., saying
    that ...", itself a new attribution) or a non-restrictive "which"/"who"/"where" clause.
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
        if t.dep_ == "relcl" and doc[i].tag_ in ("WDT", "WP", "WRB"):
            # ("a close race in the state, where 18 votes are at stake")
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
    be a noun that takes such a clause (the ``clause_nouns`` list of
    ``data/attribution_words.yaml``).
    """
    if not any(g.dep_ == "mark" and g.lower_ == "that" for g in clause.children):
        return None
    clause_nouns = words("clause_nouns")
    for prep in verb.children:
        if prep.dep_ != "prep" or not verb.i < prep.i < clause.i:
            continue
        noun = next((g for g in prep.children if g.dep_ == "pobj"), None)
        if (
            noun is not None
            and noun.lemma_.lower() in clause_nouns
            and noun.right_edge.i + 1 == clause.left_edge.i
        ):
            return noun
    return None


def same_token(a: Token | None, b: Token) -> bool:
    """Return True when ``a`` is the token ``b`` (same position in the Doc)."""
    # spaCy makes a new Token object on each access, so compare positions, not identity.
    return a is not None and a.i == b.i
