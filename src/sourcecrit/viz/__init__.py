"""Views of an Analysis: highlighted HTML text and altair charts. Helpers return objects.

``highlight`` and ``HighlightedText`` are imported on first use (PEP 562), so the plain-text
report of :mod:`sourcecrit.viz.text` does not import pandas with the HTML views.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sourcecrit.viz.highlight import HighlightedText, highlight

__all__ = ["HighlightedText", "highlight"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        value = getattr(importlib.import_module("sourcecrit.viz.highlight"), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'sourcecrit.viz' has no attribute {name!r}")
