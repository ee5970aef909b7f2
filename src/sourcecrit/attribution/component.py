"""The ``sourcecrit_attribution`` spaCy component (placeholder until the attribution issue)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from sourcecrit.extensions import ensure_extensions


class AttributionComponent:
    def __init__(self, nlp: Language, name: str) -> None:
        ensure_extensions()
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.sc_attributions = []
        doc._.sc_sources = []
        return doc


@Language.factory("sourcecrit_attribution")
def make_attribution(nlp: Language, name: str) -> AttributionComponent:
    return AttributionComponent(nlp, name)
