"""The checklist schema (pydantic v2): what an instructor may write in a checklist file.

This module imports none of its siblings: scoring, evidence hints and exports build on it.
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
      - id: outlet
        section: Investigate        # optional heading the item sits under
        question: Search for the outlet's name on another site.   # the move to make
        help: One or two sentences telling a student how to make it.
        answer: move                # move | yes_no_unsure | rating (1-5) | text
        show: link                  # move only: the evidence asked for, a link or a note
        finding: Who owns it?       # move only: what to write down about what you found
        weight: 1                   # only with rule "weighted"; finite, 0 or more
        evidence: [byline]          # hints from the article shown beside the item

A *move* item separates what the student did (``did``: yes, partly or no, and ``shown``:
the link or note that shows it) from what they found (``found``). Only the first is scored
(see :mod:`sourcecrit.checklists.scoring`): a score never rewards a favourable finding.
Every checklist ends with a verdict (trust, trust with care, do not trust, cannot tell), a
confidence from 0 to 100 and a reason, which are kept but never scored.

Yes/no and rating items (``good`` names the answer that earns the points) remain for
instructors' own checklists.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, field_validator, model_validator

from sourcecrit.errors import ChecklistError
from sourcecrit.yamlfile import RuleProblems

SLUG = r"^[a-z0-9][a-z0-9_-]*$"
AnswerType = Literal["move", "yes_no_unsure", "rating", "text"]
Rule = Literal["none", "sum", "weighted"]
YES_NO_UNSURE = ("yes", "no", "unsure")
RATING_VALUES = (1, 2, 3, 4, 5)
#: What a student says about a move: made it, made part of it, or not.
MOVE_DONE = ("yes", "partly", "no")
#: The verdict every checklist ends with, and the words a student sees.
VERDICTS = {
    "trust": "Trust",
    "trust_with_care": "Trust with care",
    "do_not_trust": "Do not trust",
    "cannot_tell": "Cannot tell",
}
#: Answer keys that belong to the verdict, not to an item; no item may use them as its id.
VERDICT_KEYS = ("verdict", "confidence", "reason")


def _yes_no(value: Any) -> Any:
    # YAML 1.1 reads a bare yes/no as a boolean; an instructor who writes `good: no`
    # means the word.
    if isinstance(value, bool):
        return "yes" if value else "no"
    return value


class Item(BaseModel):
    """One item of a checklist: a move to make (or a question to answer)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=SLUG)
    question: str = Field(min_length=1)
    help: str = ""
    section: str | None = None
    answer: AnswerType = "yes_no_unsure"
    weight: float = Field(default=1.0, ge=0, allow_inf_nan=False)
    good: Literal["yes", "no"] = "yes"
    show: Literal["link", "note"] = "note"
    finding: str = "What did you find?"
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

    @property
    def scored(self) -> bool:
        """True for moves, yes/no/unsure and rating items; free text is never scored."""
        return self.answer != "text"

    def worth(self, *, weighted: bool) -> float:
        """Return the most points this item can earn."""
        if not self.scored:
            return 0.0
        return float(self.weight) if weighted else 1.0


class Band(BaseModel):
    """A named range of scores, from ``min`` up to the next band's ``min``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=SLUG)
    label: str = Field(min_length=1)
    min: float = Field(ge=0, allow_inf_nan=False)
    description: str = ""


class Scoring(BaseModel):
    """How answers add up: the rule and the bands."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    rule: Rule = "none"
    bands: tuple[Band, ...] = ()


class ChecklistModel(BaseModel):
    """The data of a checklist file, validated; :class:`~sourcecrit.checklists.Checklist`
    adds scoring, evidence and completing to it."""

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
    def _consistent(self) -> ChecklistModel:
        problems = rule_problems(self)
        if problems:
            raise RuleProblems(problems)
        return self

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
        return sum(item.worth(weighted=self.weighted) for item in self.items)

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

    def check_answers(self, answers: Mapping[str, Any]) -> dict[str, Any]:
        """Return ``answers`` in canonical form, or raise naming the first bad one.

        A move becomes ``{"did": "yes" | "partly" | "no", "shown": text, "found": text}``
        (a bare "yes" or True is read as ``{"did": "yes"}``); yes/no answers become
        ``"yes"``/``"no"``/``"unsure"``; ratings become ints 1-5; text stays text. The
        verdict keys become a verdict id, an int 0-100 and text. ``None`` means not
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
            if answer is None:
                continue
            if item_id in VERDICT_KEYS:
                out[item_id] = _canonical_verdict(item_id, answer)
                continue
            item = known.get(item_id)
            if item is None:
                raise ChecklistError(
                    f"checklist {self.id!r} has no item {item_id!r} "
                    f"(its items are {', '.join(known)}, then {', '.join(VERDICT_KEYS)})"
                )
            out[item_id] = _canonical_answer(item, answer)
        return out


def rule_problems(checklist: ChecklistModel) -> list[tuple[tuple[str | int, ...], str]]:
    """Return the problems that involve more than one field, each with its location."""
    problems: list[tuple[tuple[str | int, ...], str]] = []
    seen: dict[str, int] = {}
    rule = checklist.scoring.rule
    for i, item in enumerate(checklist.items):
        if item.id in seen:
            problems.append(
                (("items", i, "id"), f"duplicate item id {item.id!r} (also items[{seen[item.id]}])")
            )
        if item.id in VERDICT_KEYS:
            problems.append(
                (("items", i, "id"), f"{item.id!r} is kept for the verdict; choose another id")
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
        for key in ("show", "finding"):
            if key in item.model_fields_set and item.answer != "move":
                problems.append((("items", i, key), f"{key} is only for items with answer: move"))
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
    top = sum(item.worth(weighted=rule == "weighted") for item in checklist.items)
    if bands[-1].min > top:
        problems.append(
            (
                ("scoring", "bands", len(bands) - 1, "min"),
                f"no score can reach {bands[-1].min:g}: the most points available is {top:g}",
            )
        )
    return problems


def _canonical_answer(item: Item, answer: Any) -> Any:
    if item.answer == "move":
        return _canonical_move(item, answer)
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


def _canonical_move(item: Item, answer: Any) -> dict[str, str]:
    if not isinstance(answer, Mapping):
        answer = {"did": answer}
    unknown = [k for k in answer if k not in ("did", "shown", "found")]
    if unknown:
        raise ChecklistError(
            f"answer to item {item.id!r} has unknown part {unknown[0]!r} (use did, shown, found)"
        )
    did = _yes_no(answer.get("did")) or None  # "" is a move not yet said to be made
    if did is not None and (not isinstance(did, str) or did.strip().lower() not in MOVE_DONE):
        raise ChecklistError(
            f"answer to item {item.id!r}: did must be one of {', '.join(MOVE_DONE)}; got {did!r}"
        )
    out = {"did": did.strip().lower() if isinstance(did, str) else ""}
    for part in ("shown", "found"):
        value = answer.get(part)
        if value is not None and not isinstance(value, str):
            raise ChecklistError(f"answer to item {item.id!r}: {part} must be text; got {value!r}")
        out[part] = value or ""
    return out


def _canonical_verdict(key: str, answer: Any) -> Any:
    if key == "verdict":
        word = str(answer).strip().lower().replace(" ", "_") if isinstance(answer, str) else None
        if word not in VERDICTS:
            raise ChecklistError(f"verdict must be one of {', '.join(VERDICTS)}; got {answer!r}")
        return word
    if key == "confidence":
        ok = isinstance(answer, (int, float)) and not isinstance(answer, bool)
        if not ok or not math.isfinite(answer) or not 0 <= answer <= 100:
            raise ChecklistError(f"confidence must be a number from 0 to 100; got {answer!r}")
        return int(round(answer))
    if not isinstance(answer, str):
        raise ChecklistError(f"reason must be text; got {answer!r}")
    return answer
