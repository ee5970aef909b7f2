"""Custom attributes sourcecrit sets on spaCy objects.

Values stored here must stay JSON-like (dicts, lists, str, int, float, bool, None):
``nlp.pipe(n_process>1)`` ships Docs between processes with ``Doc.to_bytes``, which
serialises ``doc.user_data`` with msgpack.
"""

from __future__ import annotations

from spacy.tokens import Doc

#: Doc extensions and their defaults. Mutable defaults are never shared: components set
#: fresh lists on every Doc.
DOC_EXTENSIONS: dict[str, object] = {
    "sc_attributions": None,  # list[dict]: one record per attribution (see analysis.py)
    "sc_sources": None,  # list[dict]: one record per canonical source
    "sc_hedges": None,  # list[dict]: one record per hedge/booster/weasel cue
    "sc_warnings": None,  # list[str]: things a component could not handle well
}


def ensure_extensions() -> None:
    """Register sourcecrit's Doc extensions once (safe to call many times)."""
    for name, default in DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


def add_warning(doc: Doc, message: str) -> None:
    """Record a warning on the Doc; the Analysis shows it to the reader."""
    ensure_extensions()
    if doc._.sc_warnings is None:
        doc._.sc_warnings = []
    if message not in doc._.sc_warnings:
        doc._.sc_warnings.append(message)
