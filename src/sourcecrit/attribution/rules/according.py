"""Rule 2, "according to X": the content is the clause the phrase modifies."""

from __future__ import annotations

from spacy.tokens import Doc

from sourcecrit.attribution.candidates import Candidate
from sourcecrit.attribution.syntax import source_chars, span_chars


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
        while (
            head.dep_
            in ("relcl", "acl", "pcomp", "pobj", "prep", "amod", "nsubj", "dobj", "attr", "appos")
            and head.head is not head
        ):
            head = head.head
        phrase_left = tok.i
        phrase_right = max(pobj.right_edge.i, to.i)
        left, right = head.left_edge.i, head.right_edge.i
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
        out.append(
            Candidate(
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
        )
    return out
