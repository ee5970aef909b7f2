"""Map character offsets to sentence numbers, the way every DataFrame counts sentences."""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc


def sentence_starts(doc: Doc) -> list[int]:
    """Return the character offset where each sentence of ``doc`` starts, in order."""
    return [sent.start_char for sent in doc.sents]


def sentence_of(starts: list[int], char: int) -> int:
    """Return the 0-based number of the sentence holding character ``char``.

    Args:
        starts: the result of :func:`sentence_starts` for the same Doc.
        char: a character offset into ``doc.text``.
    """
    return max(bisect_right(starts, char) - 1, 0)
