"""How sure the machine is of each attribution: the measured precision of the rule behind it.

Each attribution row carries ``rule`` (which rule made it) and ``confidence`` (``high``,
``medium`` or ``low``). The confidence is not a guess: ``benchmarks/rule_confidence.py``
scores every rule on PolNeAR (Newell, Margolin & Ruths 2018) and writes the precision of
each rule to ``data/rule_confidence/attribution.yaml``, with the command and the date. The
levels follow fixed thresholds (:data:`THRESHOLDS`): a student can read "low" as "about one
in four of these is wrong, check it yourself".
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import yaml

from sourcecrit.errors import LexiconError
from sourcecrit.resources import data_path

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


def parse_rule_confidence(data: Any, *, label: str) -> dict[str, dict[str, Any]]:
    """Return ``key -> {"predicted", "correct", "precision", "confidence"}`` from the data.

    Raises:
        LexiconError: the mapping is malformed; the message names the file and the key.
    """
    if not isinstance(data, dict) or not isinstance(data.get("rules"), dict):
        raise LexiconError(f"{label}: expected a mapping with a mapping under 'rules'")
    out: dict[str, dict[str, Any]] = {}
    for key, row in data["rules"].items():
        where = f"{label}: rules.{key}"
        if not isinstance(row, dict):
            raise LexiconError(f"{where}: expected a mapping")
        predicted, correct = row.get("predicted"), row.get("correct")
        if (
            not isinstance(predicted, int)
            or not isinstance(correct, int)
            or not 0 <= correct <= predicted
        ):
            raise LexiconError(
                f"{where}: 'predicted' and 'correct' must be counts, correct ≤ predicted"
            )
        if row.get("confidence") not in LEVELS:
            raise LexiconError(f"{where}.confidence: expected one of {', '.join(LEVELS)}")
        out[str(key)] = dict(row)
    return out


@functools.cache
def load_rule_confidence(path: Path | None = None) -> dict[str, dict[str, Any]]:
    """Return the measured rule precisions (default: the bundled file), read once.

    Raises:
        LexiconError: the file cannot be read or is malformed.
    """
    source = path if path is not None else data_path(*DEFAULT_FILE)
    label = str(path) if path is not None else "sourcecrit/data/" + "/".join(DEFAULT_FILE)
    try:
        text = Path(source).read_text(encoding="utf-8")
        data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (OSError, yaml.YAMLError) as exc:
        raise LexiconError(f"{label}: cannot read the rule confidence file ({exc})") from exc
    return parse_rule_confidence(data, label=label)


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
