"""Passive judgements: "The mayor has been called a liar", "it is considered a threat",
"he was criticized for his policies".

A passive verb of naming, judging or taking a side with a complement says that someone
(named in a "by" phrase, or nobody) holds a view of the subject: the view is the subject
together with what it is called or judged ("the mayor ... a liar"), so the content is the
whole clause, cue included, as PolNeAR and PARC 3.0 mark it (Pareti 2016).
"""

from __future__ import annotations

from spacy.tokens import Token

from sourcecrit.attribution.lexicon import CueEntry
from sourcecrit.attribution.syntax import PASSIVE_SUBJECT_DEPS, is_passive, trim_tail


def _complement(tok: Token, entry: CueEntry) -> Token | None:
    """Return what a passive cue calls or judges its subject: "called *a liar*", "seen *as*
    weak", and for a verb of taking a side the reason, "criticized *for* the delay"."""
    for child in tok.rights:
        if child.dep_ == "oprd":
            return child
        if child.dep_ == "prep" and (
            child.lower_ == "as" or (child.lower_ == "for" and entry.category == "stance")
        ):
            if any(g.dep_ in ("pobj", "pcomp", "amod", "acomp") for g in child.children):
                return child
        if child.dep_ == "advcl" and any(
            g.dep_ in ("mark", "advmod") and g.lower_ == "as" for g in child.children
        ):
            return child  # "was viewed as favorable" parsed as a clause
    return None


def judged_passive_range(tok: Token, entry: CueEntry) -> tuple[int, int, Token | None] | None:
    """Return ``(left, right, agent)`` for a passive judgement by cue ``tok``: the token range
    (inclusive) from the subject to the complement, and the head of its "by" phrase (the
    source) when it has one; None when ``tok`` is not a passive judgement."""
    if not is_passive(tok):
        return None
    subject = next((c for c in tok.children if c.dep_ in PASSIVE_SUBJECT_DEPS), None)
    if subject is None or subject.i > tok.i or subject.tag_ in ("WDT", "WP"):
        return None  # "what is being called ...": the relative clause's head is elsewhere
    complement = _complement(tok, entry)
    if complement is None:
        return None
    left, right = subject.left_edge.i, complement.right_edge.i
    agent = None
    for by in list(tok.children) + [t for t in complement.subtree if t.lower_ == "by"]:
        if (by.dep_ == "agent" or (by.dep_ == "prep" and by.lower_ == "by")) and (
            left < by.i <= right
        ):
            # "called a liar *by colleagues*" (the parser may hang "by" on "liar"): the source
            agent = next((g for g in by.children if g.dep_ == "pobj"), None)
            if by.right_edge.i >= right:
                right = by.left_edge.i - 1  # at the end: cut; inside, the source stays in
    if agent is None and entry.category not in ("speech", "stance"):
        # "North Carolina will be considered a battleground": a belief held by nobody in
        # particular is the writer's own assessment.
        return None
    return left, trim_tail(tok.doc, left, right), agent
