"""The checklist schema (pydantic v2) and the :class:`Checklist` students fill in.

A checklist file is YAML with this shape (see ``sourcecrit/data/checklists/`` for real ones)::

    id: sift                        # lower case, digits, - and _
    title: SIFT - four moves
    credit: Mike Caulfield, ...     # who made the original
    licence: CC BY 4.0              # the original's licence
    url: https://...                # where the original is published (optional)
    intro: Read this first ...      # what the checklist is for, for students
    scoring:
      rule: sum                     # none | sum | weighted
      bands:                        # lowest first; the first starts at 0
        - {id: dig, label: Keep digging, min: 0}
        - {id: checked, label: Well checked, min: 4}
    items:
      - id: stop
        section: Stop               # optional heading the item sits under
        question: Did you stop ...?
        help: One or two sentences telling a student how to answer.
        answer: yes_no_unsure       # yes_no_unsure | rating (1-5) | text
        weight: 1                   # only with rule "weighted"
        good: "yes"                 # the answer that earns the points (quote it in YAML)
        evidence: [lede]            # hints from the article shown beside the item
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, field_validator, model_validator

from sourcecrit.checklists.errors import ChecklistError
from sourcecrit.checklists.scoring import (
    RATING_VALUES,
    YES_NO_UNSURE,
    Score,
    band_for,
    is_answered,
    item_points,
    item_worth,
)
from sourcecrit.yamlfile import RuleProblems

if TYPE_CHECKING:
    from sourcecrit.checklists.evidence import Evidence
    from sourcecrit.checklists.export import CompletedChecklist

SLUG = r"^[a-z0-9][a-z0-9_-]*$"
AnswerType = Literal["yes_no_unsure", "rating", "text"]
Rule = Literal["none", "sum", "weighted"]


def _yes_no(value: Any) -> Any:
    # YAML 1.1 reads a bare yes/no as a boolean; an instructor who writes `good: no`
    # means the word.
    if isinstance(value, bool):
        return "yes" if value else "no"
    return value


class Item(BaseModel):
    """One question of a checklist."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=SLUG)
    question: str = Field(min_length=1)
    help: str = ""
    section: str | None = None
    answer: AnswerType = "yes_no_unsure"
    weight: float = Field(default=1.0, ge=0)
    good: Literal["yes", "no"] = "yes"
    evidence: tuple[str, ...] = ()

    @field_validator("good", mode="before")
    @classmethod
    def _good_word(cls, value: Any) -> Any:
        return _yes_no(value)

    @field_validator("evidence", mode="before")
    @classmethod
    def _evidence_list(cls, value: Any) -> Any:
        if value is None:
            return ()
        return (value,) if isinstance(value, str) else value

    @field_validator("evidence")
    @classmethod
    def _known_signals(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        from sourcecrit.checklists.evidence import SIGNALS

        unknown = [name for name in value if name not in SIGNALS]
        if unknown:
            raise ValueError(
                f"unknown evidence signal {unknown[0]!r}; use one of {', '.join(SIGNALS)}"
            )
        return value

    @property
    def scored(self) -> bool:
        """True for yes/no/unsure and rating items; free text is never scored."""
        return self.answer != "text"


class Band(BaseModel):
    """A named range of scores, from ``min`` up to the next band's ``min``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=SLUG)
    label: str = Field(min_length=1)
    min: float = Field(ge=0)
    description: str = ""


class Scoring(BaseModel):
    """How answers add up: the rule and the bands."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    rule: Rule = "none"
    bands: tuple[Band, ...] = ()


class Checklist(BaseModel):
    """A source-reliability checklist: questions, how they score, and the original's credit.

    Load one with :func:`sourcecrit.checklists.load_checklist`.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=SLUG)
    title: str = Field(min_length=1)
    credit: str = Field(min_length=1)
    licence: str = Field(min_length=1)
    url: str | None = None
    adapted: str = ""
    intro: str = ""
    scoring: Scoring = Scoring()
    items: tuple[Item, ...] = Field(min_length=1)

    _source: str | None = PrivateAttr(default=None)

    @model_validator(mode="after")
    def _consistent(self) -> Checklist:
        problems = rule_problems(self)
        if problems:
            raise RuleProblems(problems)
        return self

    # -- reading ---------------------------------------------------------------------------

    @property
    def source(self) -> str | None:
        """The file this checklist was loaded from (None for one built in Python)."""
        return self._source

    @property
    def weighted(self) -> bool:
        return self.scoring.rule == "weighted"

    @property
    def max_points(self) -> float | None:
        """The most points the answers can earn (None when the checklist is not scored)."""
        if self.scoring.rule == "none":
            return None
        return sum(item_worth(item, weighted=self.weighted) for item in self.items)

    @property
    def signals(self) -> list[str]:
        """The evidence signals the items ask for, in the order they are first asked for."""
        return list(dict.fromkeys(name for item in self.items for name in item.evidence))

    def item(self, item_id: str) -> Item:
        """Return the item called ``item_id``."""
        for item in self.items:
            if item.id == item_id:
                return item
        raise ChecklistError(f"checklist {self.id!r} has no item {item_id!r}")

    def _repr_html_(self) -> str:
        esc = html.escape
        rows = "".join(
            f"<tr><td>{esc(item.section or '')}</td><td><b>{esc(item.question)}</b>"
            f"<br><small>{esc(item.help)}</small></td><td>{esc(item.answer)}</td>"
            + (f"<td>{item.weight:g}</td>" if self.weighted else "")
            + "</tr>"
            for item in self.items
        )
        head = "<th></th><th>Question</th><th>Answer</th>" + (
            "<th>Points</th>" if self.weighted else ""
        )
        return (
            f'<div class="sourcecrit-checklist"><h4>{esc(self.title)}</h4>'
            + (f"<p>{esc(self.intro)}</p>" if self.intro else "")
            + f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"
            + f"<p><small>Adapted from {esc(self.credit)} ({esc(self.licence)})</small></p></div>"
        )

    # -- answers ---------------------------------------------------------------------------

    def check_answers(self, answers: Mapping[str, Any]) -> dict[str, Any]:
        """Return ``answers`` in canonical form, or raise naming the first bad one.

        Yes/no answers become ``"yes"``/``"no"``/``"unsure"`` (booleans and any letter case
        are accepted), ratings become ints 1-5, text stays text; ``None`` means not
        answered yet and is dropped.

        Raises:
            ChecklistError: an answer names an unknown item or does not fit its item.
        """
        if not isinstance(answers, Mapping):
            raise ChecklistError(
                f"answers must be a mapping of item id to answer, not {type(answers).__name__}"
            )
        out: dict[str, Any] = {}
        known = {item.id: item for item in self.items}
        for item_id, answer in answers.items():
            item = known.get(item_id)
            if item is None:
                raise ChecklistError(
                    f"checklist {self.id!r} has no item {item_id!r} "
                    f"(its items are {', '.join(known)})"
                )
            if answer is None:
                continue
            out[item_id] = _canonical_answer(item, answer)
        return out

    def score(self, answers: Mapping[str, Any]) -> Score:
        """Return the score of ``answers`` (a mapping of item id to answer).

        Items without an answer earn nothing, so a partial score is a lower bound; see
        :attr:`Score.complete`. The rules are described in :mod:`sourcecrit.checklists.scoring`.

        Raises:
            ChecklistError: an answer names an unknown item or does not fit its item.
        """
        answers = self.check_answers(answers)
        answered = sum(is_answered(item, answers.get(item.id)) for item in self.items)
        if self.scoring.rule == "none":
            return Score(None, None, None, answered, len(self.items))
        value = sum(
            item_points(item, answers.get(item.id), weighted=self.weighted) for item in self.items
        )
        band = band_for(list(self.scoring.bands), value)
        return Score(value, self.max_points, band, answered, len(self.items))

    def evidence(self, analysis: Any) -> list[Evidence]:
        """Return the evidence hints from ``analysis`` for this checklist's items.

        Each hint carries the ids of the items it informs. Hints are computed only from the
        Analysis (nothing is parsed again); hints that need the spaCy Doc are left out when
        the Analysis has none (one rebuilt from JSON). See
        :mod:`sourcecrit.checklists.evidence`.
        """
        from sourcecrit.checklists.evidence import evidence_for

        return evidence_for(self, analysis)

    def complete(
        self,
        answers: Mapping[str, Any],
        *,
        analysis: Any = None,
        learner: str | None = None,
    ) -> CompletedChecklist:
        """Return the answered checklist, ready to export to JSON, Markdown or a DataFrame.

        Args:
            answers: item id → answer.
            analysis: the Analysis of the article the answers are about; its evidence
                hints go into the export.
            learner: who answered.
        """
        from sourcecrit.checklists.export import CompletedChecklist

        answers = self.check_answers(answers)
        evidence = self.evidence(analysis) if analysis is not None else []
        return CompletedChecklist(
            checklist=self,
            answers=answers,
            score=self.score(answers),
            evidence=evidence,
            learner=learner,
            article=_article_info(analysis),
        )


def rule_problems(checklist: Checklist) -> list[tuple[tuple[str | int, ...], str]]:
    """Return the problems that involve more than one field, each with its location."""
    problems: list[tuple[tuple[str | int, ...], str]] = []
    seen: dict[str, int] = {}
    rule = checklist.scoring.rule
    for i, item in enumerate(checklist.items):
        if item.id in seen:
            problems.append(
                (("items", i, "id"), f"duplicate item id {item.id!r} (also items[{seen[item.id]}])")
            )
        seen.setdefault(item.id, i)
        weight_given = "weight" in item.model_fields_set
        if weight_given and rule != "weighted" and item.weight != 1:
            problems.append(
                (
                    ("items", i, "weight"),
                    f"weights only count with scoring rule 'weighted' (this checklist uses {rule!r})",
                )
            )
        if weight_given and not item.scored and item.weight:
            problems.append(
                (("items", i, "weight"), "free-text items are not scored; remove weight")
            )
    bands = checklist.scoring.bands
    if rule == "none":
        if bands:
            problems.append((("scoring", "bands"), "bands need scoring rule 'sum' or 'weighted'"))
        return problems
    if not any(item.scored for item in checklist.items):
        problems.append(
            (("items",), f"scoring rule {rule!r} needs at least one item that is not free text")
        )
    if rule == "weighted" and not any(item.scored and item.weight > 0 for item in checklist.items):
        problems.append(
            (("items",), "scoring rule 'weighted' needs at least one item with a weight above 0")
        )
    if not bands:
        problems.append((("scoring", "bands"), f"scoring rule {rule!r} needs at least one band"))
        return problems
    if bands[0].min != 0:
        problems.append((("scoring", "bands", 0, "min"), "the first band must start at 0"))
    ids: set[str] = set()
    for j, band in enumerate(bands):
        if band.id in ids:
            problems.append((("scoring", "bands", j, "id"), f"duplicate band id {band.id!r}"))
        ids.add(band.id)
        if j and band.min <= bands[j - 1].min:
            problems.append(
                (
                    ("scoring", "bands", j, "min"),
                    "bands must be listed lowest first, each min above the one before",
                )
            )
    top = sum(item_worth(item, weighted=rule == "weighted") for item in checklist.items)
    if bands[-1].min > top:
        problems.append(
            (
                ("scoring", "bands", len(bands) - 1, "min"),
                f"no score can reach {bands[-1].min:g}: the most points available is {top:g}",
            )
        )
    return problems


def _canonical_answer(item: Item, answer: Any) -> Any:
    if item.answer == "yes_no_unsure":
        word = _yes_no(answer)
        if isinstance(word, str) and word.strip().lower() in YES_NO_UNSURE:
            return word.strip().lower()
        raise ChecklistError(
            f"answer to item {item.id!r} must be one of {', '.join(YES_NO_UNSURE)}; got {answer!r}"
        )
    if item.answer == "rating":
        if isinstance(answer, bool):
            rating = None
        elif isinstance(answer, int) or (isinstance(answer, float) and answer.is_integer()):
            rating = int(answer)
        elif isinstance(answer, str) and answer.strip().isdigit():
            rating = int(answer.strip())
        else:
            rating = None
        if rating not in RATING_VALUES:
            raise ChecklistError(
                f"answer to item {item.id!r} must be a rating from 1 to 5; got {answer!r}"
            )
        return rating
    if not isinstance(answer, str):
        raise ChecklistError(f"answer to item {item.id!r} must be text; got {answer!r}")
    return answer


def _article_info(analysis: Any) -> dict[str, Any] | None:
    if analysis is None:
        return None
    article = getattr(analysis, "article", None)
    metadata = dict(getattr(article, "metadata", {}) or {})
    return {"name": getattr(article, "name", None), **metadata}
