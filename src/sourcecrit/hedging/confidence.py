"""How far to trust each hedging cue: ``high``, ``medium`` or ``low``, from measured precision.

The figures live in ``sourcecrit/data/rule_confidence/hedges.json``, written by
``benchmarks/eval_certainty.py --write-confidence`` from hand-made news gold (the file
records the command, the date and the counts). A lexicon record is rated by its own
precision when it produced enough cues on the gold to measure it, otherwise by the
precision of its whole category; the thresholds are in the file and in
``benchmarks/README_hedging.md``. A record the file does not know (a custom lexicon) takes
its category's rating, and ``low`` when even that is missing: the machine says it is unsure
rather than guess that it is right.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sourcecrit.errors import LexiconError
from sourcecrit.resources import data_path

LEVELS = ("high", "medium", "low")
CONFIDENCE_FILE = ("rule_confidence", "hedges.json")


@dataclass(frozen=True)
class CueConfidence:
    """Confidence per lexicon record id and per category."""

    records: dict[str, str]
    categories: dict[str, str]

    def of(self, record_id: str, category: str) -> str:
        """Return the confidence for a cue found by ``record_id`` (category as a fallback)."""
        return self.records.get(record_id) or self.categories.get(category) or "low"


def parse_confidence(data: Any, *, label: str) -> CueConfidence:
    """Return the validated confidence table.

    Raises:
        LexiconError: the data is not a mapping with ``records`` (id -> mapping with a
            ``confidence`` of high/medium/low), naming the file and the bad entry.
    """
    if not isinstance(data, dict) or not isinstance(data.get("records"), dict):
        raise LexiconError(f"{label}: expected a mapping with 'records'")
    records: dict[str, str] = {}
    for rid, entry in data["records"].items():
        level = entry.get("confidence") if isinstance(entry, dict) else None
        if level not in LEVELS:
            raise LexiconError(
                f"{label}: record {rid!r}, key 'confidence': {level!r} is not one of "
                f"{', '.join(LEVELS)}"
            )
        records[rid] = level
    categories: dict[str, str] = {}
    for name, entry in (data.get("categories") or {}).items():
        level = entry.get("confidence") if isinstance(entry, dict) else None
        if level in LEVELS:
            categories[name] = level
    return CueConfidence(records, categories)


@functools.cache
def load_confidence(path: Path | str | None = None) -> CueConfidence:
    """Return the confidence table at ``path`` (default: the bundled file), cached."""
    file = Path(path) if path is not None else data_path(*CONFIDENCE_FILE)
    label = str(path) if path is not None else "sourcecrit/data/" + "/".join(CONFIDENCE_FILE)
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise LexiconError(f"{label}: cannot read the confidence file ({exc})") from exc
    return parse_confidence(data, label=label)
