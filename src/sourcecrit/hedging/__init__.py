"""Hedging: hedges, boosters and weasel phrases with their scope."""

from __future__ import annotations

from spacy.tokens import Doc

from sourcecrit.extensions import ensure_extensions


def hedges(doc: Doc) -> list[dict]:
    """Return one record per hedge, booster or weasel cue found by ``sourcecrit_hedges``."""
    ensure_extensions()
    return list(doc._.sc_hedges or [])


def sentence_certainty(*, hedges: int, boosters: int, weasels: int) -> str:
    """Return ``uncertain``, ``neutral`` or ``emphatic`` for a sentence's cue counts."""
    if hedges + weasels > boosters:
        return "uncertain"
    if boosters > hedges + weasels:
        return "emphatic"
    return "neutral"


__all__ = ["hedges", "sentence_certainty"]
