"""Rule 2, "according to X" and its kin "in his view", "by one estimate", "in this poll":
the content is the clause the phrase modifies."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from sourcecrit.attribution.candidates import Candidate
from sourcecrit.attribution.syntax import (
    FINITE_TAGS,
    SUBJECT_DEPS,
    VerbIndex,
    cue_entry_for,
    source_chars,
    span_chars,
)
from sourcecrit.attribution.wordlists import words

#: Frame nouns that need a holder ("in *his* eyes", "in the view *of* many"): alone,
#: "in the end of the day" or "in view" frame nothing.
HELD_FRAMES = frozenset({"view", "opinion", "judgment", "judgement", "eye", "mind", "word"})


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
        if head.i == tok.i:
            # "According to MSNBC, basically.": the phrase is the root of its sentence and
            # modifies no clause. Where the parser hung a clause on the source instead
            # ("According to host Rush Limbaugh, the move reeks of fear": "reeks" an
            # apposition of "Limbaugh"), the clause after the comma is the content.
            found = _clause_after_root_phrase(doc, tok, pobj)
            if found is not None:
                out.append(_candidate(tok, to, pobj, *found))
            continue
        # "The number of countries that have ..., according to X, is ...": the phrase may
        # hang off a verb inside the subject; the attributed content is the whole clause.
        while (
            head.dep_
            in ("relcl", "acl", "pcomp", "pobj", "prep", "amod", "nsubj", "dobj", "attr", "appos")
            and head.head.i != head.i
        ):
            head = head.head
        phrase_left = tok.i
        phrase_right = max(pobj.right_edge.i, to.i)
        left, right = head.left_edge.i, head.right_edge.i
        right = _before_concession(head, min(left, phrase_left), right)
        lead = doc[left:phrase_left]
        if phrase_left <= left or all(
            t.is_punct or t.is_space or t.dep_ in ("cc", "advmod") for t in lead
        ):
            left = phrase_right + 1
        elif phrase_right >= right or all(
            t.is_punct or t.is_space for t in doc[phrase_right + 1 : right + 1]
        ):
            # (a paragraph break after the final period is a space token, not punctuation)
            right = phrase_left - 1
        content = span_chars(doc, left, right)
        if content is None or source is None or content[1] - content[0] < 8:
            continue
        out.append(_candidate(tok, to, pobj, content, source))
    return out


#: Words that open the writer's own concession after a reported clause.
_CONCESSIVE = frozenset({"although", "though", "whereas", "despite"})


def _before_concession(head: Token, left: int, right: int) -> int:
    """Return ``right`` cut before a trailing concession the source did not make.

    "According to the report, the plant will close, although the union disagrees": the
    report says the plant will close; "although the union disagrees" is the writer's. The
    cut is made only where the concession ("although", "though", "whereas", "despite")
    hangs on the reported clause's verb and runs to the end of the content.
    """
    doc = head.doc
    last = right  # the last word of the content, past any closing punctuation
    while last > left and (doc[last].is_punct or doc[last].is_space):
        last -= 1
    for child in head.children:
        if child.i <= head.i or not left < child.left_edge.i <= right:
            continue
        if child.right_edge.i >= last and (
            (
                child.dep_ == "advcl"
                and any(c.dep_ == "mark" and c.lower_ in _CONCESSIVE for c in child.children)
            )
            or (child.dep_ == "prep" and child.lower_ == "despite")
        ):
            cut = child.left_edge.i - 1
            while cut > left and (doc[cut].is_punct or doc[cut].is_space):
                cut -= 1
            return cut
    return right


def _candidate(
    tok: Token, to: Token, pobj: Token, content: tuple[int, int], source: tuple[int, int]
) -> Candidate:
    return Candidate(
        content_start=content[0],
        content_end=content[1],
        cue_start=tok.idx,
        cue_end=to.idx + len(to),
        source_start=source[0],
        source_end=source[1],
        kind="according_to",
        rule="according_to",
        source_token=pobj.i,
        cue_token=tok.i,
    )


def _clause_after_root_phrase(
    doc: Doc, tok: Token, pobj: Token
) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """Return ``(content, source)`` for a fronted "According to X, <clause>" the parser made
    the root of its sentence, or None when no clause with a finite verb follows the comma.

    The source ends at the first comma after "to"; the content is the rest of the sentence.
    "According to MSNBC, basically." has no verb after the comma: no attribution.
    """
    sent_end = tok.sent.end
    comma = next((t.i for t in doc[pobj.i : sent_end] if t.text == ","), None)
    if comma is None:
        return None
    rest = doc[comma + 1 : sent_end]
    if not any(t.tag_ in FINITE_TAGS for t in rest):
        return None
    source = span_chars(doc, pobj.left_edge.i, comma - 1)
    content = span_chars(doc, comma + 1, sent_end - 1)
    if source is None or content is None or content[1] - content[0] < 8:
        return None
    return content, source


def _frame_noun(prep: Token) -> Token | None:
    """Return the frame noun of "in his view", "by one estimate", "in one of the polls"."""
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    frames = words("source_frame_nouns")
    if pobj.lemma_.lower() not in frames and pobj.pos_ in ("NUM", "PRON"):
        # "in one of the first polls", "in some of the surveys"
        prep_of = next((c for c in pobj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        inner = next((g for g in prep_of.children if g.dep_ == "pobj"), None) if prep_of else None
        return pobj if inner is not None and inner.lemma_.lower() in frames else None
    if pobj.lemma_.lower() not in frames or pobj.pos_ != "NOUN":
        return None
    deps = {c.dep_ for c in pobj.children}
    of = any(c.dep_ == "prep" and c.lower_ == "of" for c in pobj.children)
    if pobj.lemma_.lower() in HELD_FRAMES:
        # "in his view", "in the view of many", not the set phrase "in view of the cost"
        held = "poss" in deps or ("det" in deps and of)
    else:
        held = bool(deps & {"poss", "det", "amod", "compound", "nummod"})
    return pobj if held else None


def _frame_holder(noun: Token) -> Token | None:
    """Return who holds the frame noun's view, if the phrase names them."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    return next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None


def frame_candidates(doc: Doc, *, verbs: VerbIndex) -> list[Candidate]:
    """Return "In his view, ...", "By one estimate, ...", "In this poll, ..." attributions.

    The phrase must be set off from its clause: fronted before the clause's subject, or
    after a comma ("..., by one estimate"). A clause whose verb is itself a cue ("In a
    statement, the ministry said ...") is left to the verb rule.
    """
    out = []
    for prep in doc:
        if prep.lower_ not in ("in", "by") or prep.dep_ != "prep":
            continue
        head = prep.head
        if head.dep_ in ("attr", "acomp") and any(
            c.dep_ == "pobj" and c.lemma_.lower() in HELD_FRAMES for c in prep.children
        ):
            head = head.head  # "The law is a disaster in their view": the parser hangs the
            # frame on the predicate noun; it frames the whole clause
        if head.pos_ not in ("VERB", "AUX") or cue_entry_for(head, verbs) is not None:
            continue
        noun = _frame_noun(prep)
        if noun is None:
            continue
        if head.dep_ in ("ccomp", "parataxis") and cue_entry_for(head.head, verbs) is not None:
            continue  # "In her view, the money was wasted, Okafor told reporters": the verb's
        subject = next(
            (c for c in head.children if c.dep_ in SUBJECT_DEPS or c.dep_ == "nsubjpass"), None
        )
        fronted = subject is not None and prep.right_edge.i < subject.left_edge.i
        after_comma = prep.i > 0 and doc[prep.i - 1].text == "," and prep.i > head.i
        left, right = head.left_edge.i, head.right_edge.i
        closing = all(t.is_punct or t.is_space for t in doc[prep.right_edge.i + 1 : right + 1])
        # "Only the rich are safe in his eyes.": a held view closing its clause frames it
        # as well as a fronted one does (a poll or count there is too often a topic).
        trailing = (
            closing
            and prep.i > head.i
            and noun.lemma_.lower() in HELD_FRAMES
            and _frame_holder(noun) is not None
        )
        if not (fronted or after_comma or trailing):
            continue
        if fronted:
            left = prep.right_edge.i + 1
        elif closing:
            right = prep.i - 1
        else:
            continue  # "..., by one estimate, ...": the clause goes on; left alone
        content = span_chars(doc, left, right)
        # Whose view: the possessor ("in *her* view", "by *the museum's* count") or the "of"
        # phrase ("in the view of *many*"); a count or poll without one is its own source.
        holder = _frame_holder(noun) or noun
        source = source_chars(doc, holder)
        if holder.i != noun.i and doc[holder.right_edge.i].dep_ == "case":
            source = span_chars(doc, holder.left_edge.i, holder.right_edge.i - 1)  # no "'s"
        if content is None or source is None or content[1] - content[0] < 8:
            continue
        out.append(
            Candidate(
                content_start=content[0],
                content_end=content[1],
                cue_start=prep.idx,
                cue_end=noun.idx + len(noun),  # the whole frame: "In her view"
                source_start=source[0],
                source_end=source[1],
                rule="frame",
                source_token=holder.i,
                cue_token=prep.i,
            )
        )
    return out
