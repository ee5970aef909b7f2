"""Adjective cues: "Many Democrats are afraid that turnout will drop", "she was critical of
the plan", "the aides were not sure whether ...".

A belief, feeling or stance can be carried by a predicative adjective rather than a verb:
the subject of "be" (or "feel", "seem", "remain") holds it (or the subject of a "with"
small clause, or the noun a comma-set adjective follows), and the adjective's clause,
to-infinitive or prepositional object is what is held (PARC 3.0 and PolNeAR annotate such
attitudes as attributions, Pareti 2016).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from sourcecrit.attribution.candidates import Candidate
from sourcecrit.attribution.lexicon import CueEntry
from sourcecrit.attribution.syntax import (
    EXPLETIVES,
    SUBJECT_DEPS,
    source_chars,
    span_chars,
    trim_tail,
)

#: How a predicative adjective hangs on its verb: "is sure", "seemed confident".
PREDICATE_DEPS = frozenset({"acomp", "oprd"})


def _content_of(tok: Token, entry: CueEntry) -> Token | None:
    """Return the head of what adjective ``tok`` attributes: a clause ("sure *that* ..."),
    an infinitive when the entry allows one ("willing *to* ..."), or the object of one of
    its prepositions ("critical *of* the plan")."""
    for child in tok.rights:
        if child.dep_ == "ccomp" or (
            child.dep_ in ("advcl", "xcomp")
            and any(
                g.dep_ == "mark" and g.lower_ in ("that", "if", "whether") for g in child.children
            )
        ):
            return child
        if child.dep_ == "xcomp" and entry.infinitive:
            if any(g.dep_ == "aux" and g.lower_ == "to" for g in child.children):
                return child
        if child.dep_ == "prep" and child.lower_ in entry.preps:
            return next((g for g in child.children if g.dep_ in ("pobj", "pcomp")), None)
    return None


def _holder(tok: Token) -> Token | None:
    """Return who holds the attitude adjective ``tok`` names, or None when it is not used
    of anyone.

    The subject of "be", "feel", "seem" ("voters *are* worried about ..."); the adjective's
    own subject in a small clause ("*With voters* increasingly worried about prices, ...");
    the noun a comma-set adjective follows ("Residents, *angry about the noise*, left").
    """
    if tok.dep_ in PREDICATE_DEPS:
        return next((c for c in tok.head.children if c.dep_ in SUBJECT_DEPS), None)
    if tok.dep_ == "advcl" and any(c.lower_ == "with" and c.i < tok.i for c in tok.children):
        # "With voters worried about prices, ...", not "he is determined that ..." parsed as
        # a clause of its own (which the verb rule or a predicate reading covers)
        return next((c for c in tok.children if c.dep_ in SUBJECT_DEPS), None)
    if (
        tok.dep_ == "amod"
        and tok.i > tok.head.i
        and tok.head.pos_ in ("NOUN", "PROPN", "PRON")
        and tok.left_edge.i > 0
        and tok.doc[tok.left_edge.i - 1].text == ","
    ):
        return tok.head
    return None


def adjective_candidates(doc: Doc, *, adjectives: dict[str, CueEntry]) -> list[Candidate]:
    """Return one candidate per cue adjective with a content and a holder.

    Args:
        doc: a parsed Doc.
        adjectives: the lexicon's adjective cues by lemma.
    """
    out = []
    for tok in doc:
        if tok.pos_ not in ("ADJ", "VERB"):
            continue
        entry = adjectives.get(tok.lower_) or adjectives.get(tok.lemma_.lower())
        if entry is None:
            continue
        holder = _holder(tok)
        content_tok = _content_of(tok, entry) if holder is not None else None
        if content_tok is None or holder is None or holder.lower_ in EXPLETIVES:
            continue  # "it is certain that ...": the writer's own judgement, nobody's view
        if holder.lower_ == "you" and entry.category != "speech":
            continue  # "if you are worried about ...": generic, nobody's view
        left, right = content_tok.left_edge.i, content_tok.right_edge.i
        content = span_chars(doc, left, trim_tail(doc, left, right))
        source = source_chars(doc, holder)
        if tok.dep_ == "amod":  # "Residents, angry about the noise, ...": stop before it
            source = span_chars(doc, holder.left_edge.i, tok.left_edge.i - 1)
        if content is None or source is None or content[1] - content[0] < 4:
            continue
        if content[0] <= source[0] < content[1]:
            continue  # the holder inside its own content: a misparse
        out.append(
            Candidate(
                content_start=content[0],
                content_end=content[1],
                cue_start=tok.idx,
                cue_end=tok.idx + len(tok),
                entry=entry,
                source_start=source[0],
                source_end=source[1],
                rule="adjective",
                source_token=holder.i,
                cue_token=tok.i,
            )
        )
    return out
