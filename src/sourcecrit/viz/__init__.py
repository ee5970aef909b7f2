"""Views of an Analysis: highlighted HTML text and altair charts. Helpers return objects."""

from sourcecrit.viz.highlight import HighlightedText, highlight

__all__ = ["HighlightedText", "highlight"]
