"""The prebunking quiz of lesson 09, scored for discernment, not for suspicion.

Students name the manipulation technique in short posts, or say "no trick". Following the
Bad News studies (Roozenbeek & van der Linden 2019; Maertens et al. 2021), what counts is
telling manipulative from honest material: the score is the share of manipulative posts
flagged minus the share of honest posts wrongly flagged, so marking everything as a trick
scores 0, not full marks.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sourcecrit.course.schemas import Prebunking, course_data

NO_TRICK = "none"


@dataclass(frozen=True)
class Technique:
    id: str
    name: str
    explanation: str


@dataclass(frozen=True)
class QuizItem:
    id: str
    text: str
    technique: str  # a technique id, or "none"
    why: str


def techniques() -> dict[str, Technique]:
    """Return the techniques the quiz asks about, by id."""
    return {
        key: Technique(id=key, name=value.name, explanation=value.explanation)
        for key, value in course_data("course/prebunking.yaml", Prebunking).techniques.items()
    }


def quiz_items(which: str) -> list[QuizItem]:
    """Return the posts of one quiz set: ``"before"`` or ``"after"`` the lesson."""
    sets = course_data("course/prebunking.yaml", Prebunking).sets
    if which not in sets:
        raise ValueError(f"no quiz set {which!r}; choose one of {', '.join(sets)}")
    return [QuizItem(**item.model_dump()) for item in sets[which]]


@dataclass(frozen=True)
class Discernment:
    """How well a student told manipulative posts from honest ones.

    Attributes:
        hits: manipulative posts the student flagged as some trick.
        right_technique: of those, how many with the right technique named.
        false_alarms: honest posts the student flagged as a trick.
        manipulative, honest: how many of each the set holds.
        unanswered: posts the student left without an answer.
    """

    hits: int
    right_technique: int
    false_alarms: int
    manipulative: int
    honest: int
    unanswered: int

    @property
    def score(self) -> float:
        """Hit rate minus false-alarm rate, from -1 to 1 (0 for flagging everything)."""
        hit_rate = self.hits / self.manipulative if self.manipulative else 0.0
        alarm_rate = self.false_alarms / self.honest if self.honest else 0.0
        return round(hit_rate - alarm_rate, 3)

    def summary(self) -> str:
        return (
            f"You spotted {self.hits} of {self.manipulative} manipulative posts "
            f"({self.right_technique} with the right technique) and raised "
            f"{self.false_alarms} false alarm{'s' if self.false_alarms != 1 else ''} on "
            f"{self.honest} honest posts. Discernment: {self.score:+.2f} (from -1 to +1; "
            "calling everything a trick gives 0)."
        )

    def _repr_html_(self) -> str:
        return f"<p>{html.escape(self.summary())}</p>"


def discernment(answers: Mapping[str, Any], which: str) -> Discernment:
    """Return the discernment of ``answers`` (post id → technique id or "none") on one set."""
    items = quiz_items(which)
    hits = right = alarms = unanswered = 0
    for item in items:
        answer = answers.get(item.id)
        if answer in (None, ""):
            unanswered += 1
            continue
        flagged = answer != NO_TRICK
        if item.technique == NO_TRICK:
            alarms += flagged
        elif flagged:
            hits += 1
            right += answer == item.technique
    manipulative = sum(item.technique != NO_TRICK for item in items)
    return Discernment(
        hits=hits,
        right_technique=right,
        false_alarms=alarms,
        manipulative=manipulative,
        honest=len(items) - manipulative,
        unanswered=unanswered,
    )
