"""The attribution candidate: one cue, source and content found by a rule, before speakers.

Every rule in :mod:`sourcecrit.attribution.rules` returns :class:`Candidate` records (built
with keywords); :func:`extend_over_quotes` and :func:`deduplicate` tidy them up before the
component resolves speakers.
"""

from __future__ import annotations

import bisect
import itertools
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
    index = SpanIndex([(q.open_start, q.close_end) for q in quotes])
    for c in candidates:
        # The quotes are taken in order, each tested against the content grown so far; only
        # the ones overlapping it are looked at, again after each growth.
        last = -1
        grown = True
        while grown:
            grown = False
            for k in index.overlapping(c.content_start, c.content_end):
                if k <= last:
                    continue
                last = k
                if _extend(c, quotes[k]):
                    grown = True
                    break
        if c.kind in ("according_to", "direct"):
            continue
        inside = [
            quotes[k]
            for k in index.overlapping(c.content_start, c.content_end)
            if c.content_start <= quotes[k].open_start and quotes[k].close_end <= c.content_end
        ]
        if not inside:
            continue
        quoted = _union_length([(q.open_start, q.close_end) for q in inside])
        length = c.content_end - c.content_start
        c.kind = "direct" if quoted >= length - 6 else "mixed"


def _extend(c: Candidate, q: Quote) -> bool:
    """Grow ``c``'s content over quote ``q`` unless the quote holds its cue; return True when
    the content changed."""
    if c.cue_start is not None and q.open_start <= c.cue_start < q.close_end:
        return False
    start, end = min(c.content_start, q.open_start), max(c.content_end, q.close_end)
    if (
        c.cue_start is not None
        and c.cue_end is not None
        and start < c.cue_end
        and c.cue_start < end
    ):
        return False
    changed = (start, end) != (c.content_start, c.content_end)
    c.content_start, c.content_end = start, end
    return changed


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


class SpanIndex:
    """Spans sorted by start, to find the ones overlapping a range without scanning all.

    A prefix maximum of the ends lets :meth:`overlapping` walk back from the first span that
    starts at or after the range's end and stop as soon as no earlier span reaches into the
    range, so a query costs the number of spans it returns plus a bisection, not the
    length of the article (issue #10, linear scaling).
    """

    def __init__(self, spans: list[tuple[int, int]] | None = None) -> None:
        ordered = sorted(enumerate(spans or []), key=lambda item: item[1][0])
        self.starts: list[int] = [start for _, (start, _) in ordered]
        self.ends: list[int] = [end for _, (_, end) in ordered]
        self.keys: list[int] = [k for k, _ in ordered]  # position in the order given
        self.reach: list[int] = list(itertools.accumulate(self.ends, max))  # prefix max

    def add(self, start: int, end: int) -> None:
        """Add a span; its key is the number of spans added before it."""
        key = len(self.keys)
        if self.starts and start < self.starts[-1]:
            at = bisect.bisect_right(self.starts, start)
            self.starts.insert(at, start)
            self.ends.insert(at, end)
            self.keys.insert(at, key)
            self.reach = list(itertools.accumulate(self.ends, max))
            return
        self.starts.append(start)
        self.ends.append(end)
        self.keys.append(key)
        self.reach.append(max(end, self.reach[-1]) if self.reach else end)

    def overlapping(self, start: int, end: int) -> list[int]:
        """Return the keys of the spans with ``span_start < end`` and ``span_end > start``,
        in the order the spans were added."""
        out = []
        j = bisect.bisect_left(self.starts, end) - 1
        while j >= 0 and self.reach[j] > start:
            if self.ends[j] > start:
                out.append(self.keys[j])
            j -= 1
        out.sort()
        return out


def content_index(candidates: list[Candidate]) -> SpanIndex:
    """Return a :class:`SpanIndex` of the candidates' contents (keys = list positions)."""
    return SpanIndex([(c.content_start, c.content_end) for c in candidates])


def innermost_quote(quotes: list[Quote], starts: list[int], char: int) -> int | None:
    """Return the index of the innermost quote holding ``char``, or None.

    Quotes nest without crossing and are sorted by opening mark (``starts``), so the last
    quote opening at or before ``char`` either holds it or one of its parents does.
    """
    k: int | None = bisect.bisect_right(starts, char) - 1
    while k is not None and k >= 0:
        q = quotes[k]
        if q.open_start <= char < q.close_end:
            return k
        k = q.parent
    return None
