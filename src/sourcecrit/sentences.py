"""Sentences as every sourcecrit table counts them.

spaCy sometimes makes a "sentence" of a lone paragraph break; such blank sentences are not
counted, so sentence numbers match what a reader sees. A character inside a blank stretch
belongs to the sentence before it.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc

#: Where the numbering is kept on a Doc, so that the components and the Analysis share
#: one computation instead of walking ``doc.sents`` each.
_CACHE = "sourcecrit.sentence_spans"


def sentence_spans(doc: Doc) -> list[tuple[int, int]]:
    """Return ``(start, end)`` character offsets of each non-blank sentence, trimmed.

    Computed once per Doc and kept in ``doc.user_data`` (with the Doc's length, so a Doc
    edited since is numbered afresh); callers must not change the list.
    """
    cached = doc.user_data.get(_CACHE)
    if cached is not None and cached[0] == len(doc):
        return cached[1]
    text = doc.text  # rebuilt by spaCy on every access: read it once
    spans = []
    for sent in doc.sents:
        chunk = text[sent.start_char : sent.end_char]
        stripped = chunk.strip()
        if not stripped:
            continue
        start = sent.start_char + (len(chunk) - len(chunk.lstrip()))
        spans.append((start, start + len(stripped)))
    doc.user_data[_CACHE] = (len(doc), spans)
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
