"""The ``sourcecrit_hedges`` spaCy component (placeholder until the hedging issue)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from sourcecrit.extensions import ensure_extensions


class HedgeComponent:
    def __init__(self, nlp: Language, name: str) -> None:
        ensure_extensions()
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.sc_hedges = []
        return doc


@Language.factory("sourcecrit_hedges")
def make_hedges(nlp: Language, name: str) -> HedgeComponent:
    return HedgeComponent(nlp, name)
