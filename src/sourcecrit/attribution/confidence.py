"""How sure the machine is of each attribution: the measured precision of the rule behind it.

Each attribution row carries ``rule`` (which rule made it) and ``confidence`` (``high``,
``medium`` or ``low``). The confidence is not a guess: ``benchmarks/rule_confidence.py``
scores every rule on PolNeAR (Newell, Margolin & Ruths 2018) and writes the precision of
each rule to ``data/rule_confidence/attribution.yaml``, with the command and the date. The
levels follow fixed thresholds (:data:`THRESHOLDS`): a student can read "low" as "about one
in four of these is wrong, check it yourself".
"""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from sourcecrit.errors import LexiconError
from sourcecrit.resources import data_path
from sourcecrit.yamlfile import validated_file

DEFAULT_FILE = ("rule_confidence", "attribution.yaml")
LEVELS = ("high", "medium", "low")
#: Lowest measured precision for each level; anything below the last is ``low``.
THRESHOLDS = (("high", 0.90), ("medium", 0.75))
#: Fewer scored predictions than this and a key falls back to its rule's figure.
MIN_PREDICTIONS = 20


def level_for(precision: float) -> str:
    """Return ``high`` (precision ≥ 0.90), ``medium`` (≥ 0.75) or ``low``."""
    for level, floor in THRESHOLDS:
        if precision >= floor:
            return level
    return "low"


def rule_key(rule: str, *, category: str | None = None, nested: bool = False) -> str:
    """Return the key under which a rule's precision is measured and looked up.

    Cue verbs and nouns are split by cue category (``verb/speech``, ``verb/stance``); an
    attribution whose cue sits inside a quotation gets ``/nested`` (it reports someone
    inside someone else's words, and is scored as such).
    """
    key = rule
    if rule in ("verb", "noun") and category:
        key += f"/{category}"
    if nested:
        key += "/nested"
    return key


def keys_counted(key: str) -> list[str]:
    """Return the keys a prediction with ``key`` is counted under: its own, and its rule's
    (``verb/speech`` -> ``verb``) or, when nested, every nested one's (``verb/nested``,
    ``nested``). A key with too few predictions falls back along the same line, so a nested
    attribution never borrows the figure of top-level ones."""
    parts = key.split("/")
    if parts[-1] == "nested":
        return list(dict.fromkeys([key, f"{parts[0]}/nested", "nested"]))
    return list(dict.fromkeys([key, parts[0]]))


class RuleRow(BaseModel):
    """One rule's (or rule key's) measured precision."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    predicted: int = Field(ge=0)
    correct: int = Field(ge=0)
    precision: float | None = Field(default=None, ge=0, le=1)
    confidence: Literal["high", "medium", "low"]

    @model_validator(mode="after")
    def _counts(self) -> RuleRow:
        if self.correct > self.predicted:
            raise ValueError("'correct' must not be more than 'predicted'")
        return self


class RuleConfidenceFile(BaseModel):
    """``data/rule_confidence/attribution.yaml``, as ``benchmarks/rule_confidence.py`` writes it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    about: str = ""
    command: str = ""
    date: dt.date | None = None
    splits: tuple[str, ...] = ()
    thresholds: dict[str, float] = {}
    min_predictions: int | None = None
    rules: dict[str, RuleRow]


@functools.cache
def load_rule_confidence(path: Path | None = None) -> dict[str, dict[str, Any]]:
    """Return the measured rule precisions (default: the bundled file), read once.

    Read through the one YAML validator (:func:`sourcecrit.yamlfile.validated_file`).

    Returns:
        ``key -> {"predicted", "correct", "precision", "confidence"}``.

    Raises:
        LexiconError: the file cannot be read or is malformed; each problem names the
            file, the line and the key.
    """
    source = path if path is not None else data_path(*DEFAULT_FILE)
    table = validated_file(
        source, RuleConfidenceFile, error=LexiconError, what="a rule confidence", cache=path is None
    )
    return {key: row.model_dump() for key, row in table.rules.items()}


def confidence_of(rule: str, *, category: str | None = None, nested: bool = False) -> str:
    """Return ``high``, ``medium`` or ``low`` for an attribution made by ``rule``.

    The most specific measured key with at least :data:`MIN_PREDICTIONS` predictions wins;
    a rule never measured is ``low`` (the machine cannot say how often it is right).
    """
    table = load_rule_confidence()
    for key in keys_counted(rule_key(rule, category=category, nested=nested)):
        row = table.get(key)
        if row is not None and row["predicted"] >= MIN_PREDICTIONS:
            return str(row["confidence"])
    return "low"
