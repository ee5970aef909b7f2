"""Entity lookups by bisection, so that resolving each source does not scan every entity.

``Doc.ents`` and ``Span.ents`` walk the whole Doc on each access; the resolver reads the
entity list once per Doc and finds what it needs in it by bisection (#10: analysis time
linear in article length).
"""

from __future__ import annotations

import bisect

from spacy.tokens import Span


class Entities:
    """A Doc's entities in text order (they never overlap, so their ends are sorted too)."""

    def __init__(self, ents: list[Span]) -> None:
        self.all = ents
        self._starts = [e.start for e in ents]

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
