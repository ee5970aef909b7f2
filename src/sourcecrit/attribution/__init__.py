"""Attribution: who says what. Quotes, reported speech, sources and their types."""

from __future__ import annotations

from spacy.tokens import Doc

from sourcecrit.extensions import ensure_extensions


def attributions(doc: Doc) -> list[dict]:
    """Return one record per attribution found by the ``sourcecrit_attribution`` component."""
    ensure_extensions()
    return list(doc._.sc_attributions or [])


def sources(doc: Doc) -> list[dict]:
    """Return one record per canonical source found by ``sourcecrit_attribution``."""
    ensure_extensions()
    return list(doc._.sc_sources or [])


__all__ = ["attributions", "sources"]
