"""Attribution: who says what. Quotes, reported speech, sources and their types.

The ``sourcecrit_attribution`` spaCy component (:mod:`.component`) does the work; the
functions here read its results off a processed Doc.
"""

from __future__ import annotations

from spacy.tokens import Doc

from sourcecrit.attribution.lexicon import SOURCE_TYPES, load_cues, load_source_types
from sourcecrit.attribution.source_types import source_type_descriptions
from sourcecrit.extensions import ensure_extensions


def attributions(doc: Doc) -> list[dict]:
    """Return one record per attribution found by the ``sourcecrit_attribution`` component.

    Keys follow :data:`sourcecrit.columns.ATTRIBUTIONS`, then the extras ``role``,
    ``cue_category``, ``cue_loaded``, ``cue_explanation``, ``nested``, ``rule`` and
    ``source_evidence`` (see :mod:`sourcecrit.attribution.component`).
    """
    ensure_extensions()
    return list(doc._.sc_attributions or [])


def sources(doc: Doc) -> list[dict]:
    """Return one record per canonical source found by ``sourcecrit_attribution``."""
    ensure_extensions()
    return list(doc._.sc_sources or [])


__all__ = [
    "SOURCE_TYPES",
    "attributions",
    "load_cues",
    "load_source_types",
    "source_type_descriptions",
    "sources",
]
