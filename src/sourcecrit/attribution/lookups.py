"""Entity lookups by bisection, so that resolving each source does not scan every entity.

``Doc.ents`` and ``Span.ents`` walk the whole Doc on each access; the resolver reads the
entity list once per Doc and finds what it needs in it by bisection (#10: analysis time
linear in article length).
"""

from __future__ import annotations

import bisect
import heapq
from collections.abc import Iterator

from spacy.tokens import Doc, Span


class Entities:
    """A Doc's entities in text order (they never overlap, so their ends are sorted too)."""

    def __init__(self, ents: list[Span]) -> None:
        self.all = ents
        self._starts = [e.start for e in ents]
        self.org_starts = [e.start for e in ents if e.label_ in ("ORG", "GPE")]
        self._words: dict[str, list[int]] | None = None

    def inside(self, span: Span | None) -> list[Span]:
        """Return the entities wholly inside ``span`` (none for None), in text order."""
        if not span:
            return []
        found = []
        k = bisect.bisect_left(self._starts, span.start)
        while k < len(self.all) and self.all[k].end <= span.end:
            found.append(self.all[k])
            k += 1
        return found

    def holding(self, i: int) -> Span | None:
        """Return the entity holding token ``i``, or None."""
        k = bisect.bisect_right(self._starts, i) - 1
        return self.all[k] if k >= 0 and i < self.all[k].end else None

    def starting_at(self, i: int) -> Span | None:
        """Return the entity whose first token is ``i``, or None."""
        ent = self.holding(i)
        return ent if ent is not None and ent.start == i else None

    def word_or_org_before(self, doc: Doc, word: str, i: int) -> Iterator[int]:
        """Yield, latest first, the tokens before token ``i`` that are ``word`` (lower case)
        or start an ORG or GPE entity: a walk over those alone, not every token."""
        if self._words is None:
            self._words = {}
            for tok in doc:
                self._words.setdefault(tok.lower_, []).append(tok.i)
        last = None
        merged = heapq.merge(
            _before(self._words.get(word, []), i), _before(self.org_starts, i), reverse=True
        )
        for k in merged:
            if k != last:
                yield k
            last = k


def _before(positions: list[int], i: int) -> Iterator[int]:
    for j in range(bisect.bisect_left(positions, i) - 1, -1, -1):
        yield positions[j]
