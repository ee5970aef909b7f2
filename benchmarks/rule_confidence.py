"""Measure each attribution rule's precision on PolNeAR and store it as rule confidence.

Usage::

    .venv/bin/python benchmarks/rule_confidence.py ../shared/data/polnear/dev \\
        ../shared/data/polnear/train [--write src/sourcecrit/data/rule_confidence/attribution.yaml]

Every prediction of sourcecrit on the given PolNeAR-format folders is judged on its own, as
``eval_attribution.py --by-rule --strict-nested`` does (half its content inside a gold
Content; for a nested prediction, one that does not hold its cue: PolNeAR annotates no nested
attribution, so nested ones are only as sure as the gold confirms), and counted under its
rule key (:func:`sourcecrit.attribution.confidence.rule_key`:
the rule, the cue category for verbs and nouns, ``/nested`` when its cue lies inside another
attribution's content). The precision of each key gives its confidence level
(:func:`sourcecrit.attribution.confidence.level_for`: high ≥ 0.90, medium ≥ 0.75, else low).
``--write`` stores the table with the figures, the command and the date; without it the
table is printed only.
"""

from __future__ import annotations

import argparse
import datetime
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).parent))

import eval_attribution as ev  # noqa: E402


def measure(folders: list[Path], *, limit: int | None = None) -> dict[str, list[int]]:
    """Return ``rule key -> [predicted, correct]`` over every article of ``folders``, with
    the coarser keys (a rule, all nested ones) summed from the fine ones."""
    from sourcecrit.attribution.confidence import keys_counted

    tally: dict[str, list[int]] = {}
    for folder in folders:
        articles = ev.read_corpus(folder)[:limit]
        ev.evaluate(articles, systems={}, rule_tally=tally, strict_nested=True)
    # add each key's counts to its coarser keys ("verb/speech" -> "verb"), the fallbacks
    totals: dict[str, list[int]] = {}
    for key, (n, ok) in tally.items():
        for counted in keys_counted(key):
            row = totals.setdefault(counted, [0, 0])
            row[0] += n
            row[1] += ok
    return totals


def confidence_table(tally: dict[str, list[int]]) -> dict[str, dict[str, object]]:
    """Return the rows to store: counts, precision (3 decimals) and level, by key."""
    from sourcecrit.attribution.confidence import level_for

    rows = {}
    for key in sorted(tally):
        n, ok = tally[key]
        rows[key] = {
            "predicted": n,
            "correct": ok,
            "precision": round(ok / n, 3),
            "confidence": level_for(ok / n),
        }
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", type=Path, nargs="+", help="PolNeAR-format folders")
    parser.add_argument("--limit", type=int, default=None, help="first N articles per folder")
    parser.add_argument("--write", type=Path, default=None, help="store the table here (YAML)")
    args = parser.parse_args(argv)
    rows = confidence_table(measure(args.folders, limit=args.limit))
    print("| rule key | predicted | correct | precision | confidence |")
    print("|---|---:|---:|---:|---|")
    for key, row in rows.items():
        print(
            f"| {key} | {row['predicted']} | {row['correct']} | {row['precision']:.3f} | {row['confidence']} |"
        )
    if args.write is not None:
        from sourcecrit.attribution.confidence import MIN_PREDICTIONS, THRESHOLDS

        command = (
            "benchmarks/rule_confidence.py "
            + " ".join(f"../shared/data/polnear/{f.name}" for f in args.folders)
            + f" --write {args.write}"
        )
        data = {
            "about": (
                "Precision of each attribution rule on PolNeAR v1.0.0 (Newell, Margolin & Ruths "
                "2018), each prediction judged on its own as in benchmarks/eval_attribution.py. "
                "Written by the command below; do not edit by hand."
            ),
            "command": command,
            "date": datetime.date.today().isoformat(),
            "splits": [f.name for f in args.folders],
            "thresholds": {level: floor for level, floor in THRESHOLDS},
            "min_predictions": MIN_PREDICTIONS,
            "rules": rows,
        }
        args.write.parent.mkdir(parents=True, exist_ok=True)
        args.write.write_text(
            yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8"
        )
        print(f"written to {args.write}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
