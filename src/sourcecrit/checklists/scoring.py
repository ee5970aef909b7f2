"""Scores for checklist answers: points per item, the total, and the band it falls in.

Scores measure how thoroughly the moves were made and shown, never what was found. A
*move* earns half its points when the student made it ("partly": a quarter) and the other
half when they also show it: a link (``show: link``), or a note of at least
:data:`NOTE_WORDS` words or with a link (``show: note``). What they found, and the verdict
at the end, are kept and never scored, so a student who checks and finds problems scores
as high as one who checks and finds none, and higher than one who answers "yes" everywhere
without showing anything.

Three rules, chosen in the checklist file:

- ``none``: the checklist is a thinking aid; nothing is added up.
- ``sum``: every scored item is worth one point.
- ``weighted``: every scored item is worth its ``weight`` (NewsGuard's criteria, for
  example, are worth 22, 18, 12.5, ... points out of 100).

A yes/no/unsure item earns its points when the answer is the checklist's *good* answer
(usually "yes"); "unsure" and the other answer earn nothing. A 1-5 rating earns a share of
the points on a straight line (1 → none, 5 → all). Free-text items are never scored.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sourcecrit.checklists.model import (
    RATING_VALUES,
    YES_NO_UNSURE,
    Band,
    ChecklistModel,
    Item,
)

__all__ = [
    "RATING_VALUES",
    "YES_NO_UNSURE",
    "Score",
    "band_for",
    "format_points",
    "is_answered",
    "item_points",
    "item_worth",
    "move_shown",
    "score_answers",
]

#: A note shows a move when it has at least this many words (or a link).
NOTE_WORDS = 4
#: The share of a move's points for saying it was made, by answer.
MOVE_SHARE = {"yes": 0.5, "partly": 0.25, "no": 0.0, "": 0.0}
_LINK = re.compile(r"https?://[^\s/]+\.[^\s]+", re.IGNORECASE)
#: Sums of weights like 12.5 + 7.5 are exact in binary, but instructors may use thirds;
#: rounding before comparing with a band's minimum keeps a boundary score on the boundary.
_PRECISION = 6


@dataclass(frozen=True)
class Score:
    """The score of a set of answers.

    Attributes:
        value: points earned (None when the checklist is not scored).
        max: points available (None when the checklist is not scored).
        band: the band ``value`` falls in (None when the checklist has no bands).
        answered: items with an answer (free-text items count when not blank).
        total: items in the checklist.
    """

    value: float | None
    max: float | None
    band: Band | None
    answered: int
    total: int

    @property
    def complete(self) -> bool:
        """True when every item has an answer."""
        return self.answered == self.total

    @property
    def percent(self) -> float | None:
        """``value`` as a percentage of ``max`` (None when not scored)."""
        if self.value is None or not self.max:
            return None
        return round(100 * self.value / self.max, 1)

    def to_dict(self) -> dict[str, Any]:
        return {
            "value": self.value,
            "max": self.max,
            "band": self.band.id if self.band else None,
            "band_label": self.band.label if self.band else None,
            "answered": self.answered,
            "total": self.total,
        }

    def __str__(self) -> str:
        progress = f"{self.answered} of {self.total} answered"
        if self.value is None:
            return progress
        text = f"{format_points(self.value)} of {format_points(self.max or 0)} points"
        if self.band is not None:
            text += f": {self.band.label}"
        return f"{text} ({progress})"


def format_points(value: float) -> str:
    """Return ``value`` without a trailing ``.0`` (``60`` not ``60.0``, but ``12.5``)."""
    value = round(value, _PRECISION)
    return str(int(value)) if value == int(value) else f"{value:g}"


def is_answered(item: Item, answer: Any) -> bool:
    """True when ``answer`` counts as an answer to ``item`` (blank text does not)."""
    if answer is None:
        return False
    if item.answer == "move":
        return isinstance(answer, Mapping) and bool(answer.get("did"))
    if item.answer == "text":
        return bool(str(answer).strip())
    return True


def item_points(item: Item, answer: Any, *, weighted: bool) -> float:
    """Return the points ``answer`` earns on ``item``.

    Args:
        item: the checklist item.
        answer: "yes"/"no"/"unsure", a rating 1-5, text, or None for no answer.
        weighted: use the item's weight (the ``weighted`` rule) instead of one point.
    """
    if item.answer == "text" or answer is None:
        return 0.0
    worth = float(item.weight) if weighted else 1.0
    if item.answer == "move":
        if not isinstance(answer, Mapping):
            return 0.0
        did = answer.get("did") or ""
        share = MOVE_SHARE.get(did, 0.0)
        if share and move_shown(item, answer.get("shown")):
            share += 0.5
        return worth * share
    if item.answer == "yes_no_unsure":
        return worth if answer == item.good else 0.0
    # A rating: a straight line from 1 (nothing) to 5 (everything), or the other way
    # round when a low rating is the good one.
    share = (int(answer) - 1) / 4
    if item.good == "no":
        share = 1 - share
    return worth * share


def item_worth(item: Item, *, weighted: bool) -> float:
    """Return the most points ``item`` can earn."""
    return item.worth(weighted=weighted)


def move_shown(item: Item, shown: Any) -> bool:
    """True when ``shown`` is evidence enough of the move: a link, or a note of some words."""
    if not isinstance(shown, str) or not shown.strip():
        return False
    if _LINK.search(shown):
        return True
    return item.show == "note" and len(shown.split()) >= NOTE_WORDS


def score_answers(checklist: ChecklistModel, answers: Mapping[str, Any]) -> Score:
    """Return the score of ``answers`` (checked with :meth:`ChecklistModel.check_answers`).

    Items without an answer earn nothing, so a partial score is a lower bound; see
    :attr:`Score.complete`. The verdict is never scored.
    """
    answers = checklist.check_answers(answers)
    answered = sum(is_answered(item, answers.get(item.id)) for item in checklist.items)
    total = len(checklist.items)
    if checklist.scoring.rule == "none":
        return Score(None, None, None, answered, total)
    weighted = checklist.weighted
    value = sum(
        item_points(item, answers.get(item.id), weighted=weighted) for item in checklist.items
    )
    band = band_for(list(checklist.scoring.bands), value)
    return Score(value, checklist.max_points, band, answered, total)


def band_for(bands: list[Band], value: float) -> Band | None:
    """Return the band ``value`` falls in: the last one whose ``min`` it reaches."""
    chosen = None
    value = round(value, _PRECISION)
    for band in sorted(bands, key=lambda b: b.min):
        if value >= round(band.min, _PRECISION):
            chosen = band
    return chosen
