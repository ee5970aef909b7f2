"""The attribution candidate: one cue, source and content found by a rule, before speakers.

Every rule in :mod:`sourcecrit.attribution.rules` returns :class:`Candidate` records (built
with keywords); :func:`extend_over_quotes` and :func:`deduplicate` tidy them up before the
component resolves speakers.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sourcecrit.attribution.lexicon import CueEntry
from sourcecrit.attribution.quotes import Quote


@dataclass(kw_only=True)
class Candidate:
    """One attribution before speaker resolution (offsets are characters into doc.text).

    Attributes:
        content_start, content_end: what is attributed.
        cue_start, cue_end: the cue ("said", "according to"), None for a continued quote.
        entry: the cue's lexicon entry, when the cue is a lexicon word.
        source_start, source_end: who is reported, None when nobody is named.
        kind: ``direct``, ``indirect``, ``mixed`` or ``according_to``.
        rule: the rule that made it (``verb``, ``noun``, ``according_to``, ``headline``,
            ``quote``, ``continuation``, ``lede``); its measured precision is the row's
            confidence.
        source_token, cue_token: token indices of the source's head and of the cue.
        inherit_from: index of the candidate whose speaker this one repeats.
    """

    content_start: int
    content_end: int
    cue_start: int | None = None
    cue_end: int | None = None
    entry: CueEntry | None = None
    source_start: int | None = None
    source_end: int | None = None
    kind: str = "indirect"
    rule: str = "verb"
    source_token: int | None = None  # head token of the source phrase
    cue_token: int | None = None
    inherit_from: int | None = None  # index of the candidate whose speaker this repeats
    notes: list[str] = field(default_factory=list)


def extend_over_quotes(candidates: list[Candidate], quotes: list[Quote]) -> None:
    """Grow each content to cover the quotes it overlaps (a multi-sentence quote is parsed as
    several sentences, and the cue's clause is only the last one), and set ``kind``.

    A quote that holds the cue itself is not taken in: the cue then belongs to a nested
    attribution inside that quote.
    """
    for c in candidates:
        for q in quotes:
            if not (q.open_start < c.content_end and c.content_start < q.close_end):
                continue
            if c.cue_start is not None and q.open_start <= c.cue_start < q.close_end:
                continue
            start, end = min(c.content_start, q.open_start), max(c.content_end, q.close_end)
            if (
                c.cue_start is not None
                and c.cue_end is not None
                and start < c.cue_end
                and c.cue_start < end
            ):
                continue
            c.content_start, c.content_end = start, end
        if c.kind in ("according_to", "direct"):
            continue
        inside = [
            q for q in quotes if c.content_start <= q.open_start and q.close_end <= c.content_end
        ]
        if not inside:
            continue
        quoted = _union_length([(q.open_start, q.close_end) for q in inside])
        length = c.content_end - c.content_start
        c.kind = "direct" if quoted >= length - 6 else "mixed"


def _union_length(spans: list[tuple[int, int]]) -> int:
    total, last = 0, -1
    for start, end in sorted(spans):
        start = max(start, last)
        if end > start:
            total += end - start
            last = end
    return total


def deduplicate(candidates: list[Candidate]) -> list[Candidate]:
    """Drop candidates whose content repeats an earlier one's (the first found wins)."""
    seen: set[tuple[int, int]] = set()
    out = []
    for c in candidates:
        key = (c.content_start, c.content_end)
        if key in seen:
            continue
        seen.add(key)
        out.append(c)
    return out
