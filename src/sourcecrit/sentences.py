"""Sentences as every sourcecrit table counts them.

spaCy sometimes makes a "sentence" of a lone paragraph break; such blank sentences are not
counted, so sentence numbers match what a reader sees. A character inside a blank stretch
belongs to the sentence before it.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc


def sentence_spans(doc: Doc) -> list[tuple[int, int]]:
    """Return ``(start, end)`` character offsets of each non-blank sentence, trimmed."""
    text = doc.text
    spans = []
    for sent in doc.sents:
        chunk = text[sent.start_char : sent.end_char]
        stripped = chunk.strip()
        if not stripped:
            continue
        start = sent.start_char + (len(chunk) - len(chunk.lstrip()))
        spans.append((start, start + len(stripped)))
    return spans


def sentence_starts(doc: Doc) -> list[int]:
    """Return the character offset where each (non-blank) sentence of ``doc`` starts."""
    return [start for start, _ in sentence_spans(doc)]


def sentence_of(starts: list[int], char: int) -> int:
    """Return the 0-based number of the sentence holding character ``char``.

    Args:
        starts: the result of :func:`sentence_starts` for the same Doc.
        char: a character offset into ``doc.text``.
    """
    return max(bisect_right(starts, char) - 1, 0)
