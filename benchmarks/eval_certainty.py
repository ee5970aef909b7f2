"""Score sourcecrit's certainty cues (hedge, booster, weasel) on hand-made news gold.

Usage::

    .venv/bin/python benchmarks/eval_certainty.py ../shared/data/news-certainty \\
        ../shared/data/polnear [--split dev] [--errors] [--by-entry] [--reading wikipedia] \\
        [--write-confidence src/sourcecrit/data/rule_confidence/hedges.json]

``NEWS_GOLD_DIR`` holds ``<split>.json`` (``{"articles": [...], "cues": [{"article",
"start", "end", "text", "category"}]}``, offsets into the PolNeAR text; see its
``GUIDELINES.md``); ``POLNEAR_DIR`` holds ``<split>/text/<article>.txt``.

Scoring (as the gold's README defines it): a predicted cue is right when it overlaps a gold
cue *of the same category*; precision is the share of predicted cues of a category that
are right, recall the share of gold cues of that category that some prediction of the same
category overlaps. Printed per category beside a plain word-list baseline
(:data:`BASELINE_WORDS`, every occurrence of a listed word or phrase is a cue, no context).

``--by-entry`` prints, per lexicon record, how many cues it produced and how many were
right. ``--write-confidence`` turns those counts into the ``confidence`` that every row of
``Analysis.hedges`` carries (see :func:`confidence_table` for the rule and thresholds) and
writes them, with the command and the date, as JSON. ``--errors`` prints every wrong and
every missed cue with its sentence, for reading by hand (corpus text: print only, never
copy into the project).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

CATEGORIES = ("hedge", "booster", "weasel")

#: A plain word list per category, no context: the baseline. Written for this benchmark
#: from the guidelines' own examples of each category.
BASELINE_WORDS: dict[str, tuple[str, ...]] = {
    "hedge": (
        "may",
        "might",
        "could",
        "would",
        "appear",
        "appears",
        "seem",
        "seems",
        "suggest",
        "suggests",
        "possible",
        "possibly",
        "likely",
        "unlikely",
        "probably",
        "perhaps",
        "reportedly",
        "allegedly",
        "apparently",
        "presumably",
        "supposedly",
        "unclear",
        "I think",
        "we believe",
    ),
    "booster": (
        "indeed",
        "clearly",
        "certainly",
        "undoubtedly",
        "obviously",
        "of course",
        "in fact",
        "definitely",
        "surely",
        "no doubt",
        "believe me",
        "the fact is",
        "evident",
        "proves",
    ),
    "weasel": (
        "some",
        "many",
        "critics",
        "experts",
        "analysts",
        "observers",
        "sources",
        "officials",
        "it is believed",
        "it is said",
        "widely",
        "increasingly",
    ),
}

#: Confidence from measured precision (documented in benchmarks/README_hedging.md).
HIGH, MEDIUM = 0.85, 0.60
#: A record's precision is smoothed towards its category's: as if it had made this many
#: more predictions at the category's precision (additive smoothing). A record seen twice
#: is rated mostly by its category; one seen twenty times mostly by itself.
PRIOR_WEIGHT = 5


@dataclass
class Counts:
    """Running counts for one category (or one lexicon record)."""

    predicted: int = 0
    right: int = 0
    gold: int = 0
    found: int = 0

    @property
    def precision(self) -> float:
        return self.right / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def read_gold(gold_dir: Path, polnear_dir: Path, split: str) -> tuple[dict[str, str], list[dict]]:
    """Return ``({article: text}, cues)`` for ``split``; exits with a message on bad paths."""
    gold_file = gold_dir / f"{split}.json"
    if not gold_file.is_file():
        sys.exit(f"eval_certainty.py: {gold_file} does not exist")
    data = json.loads(gold_file.read_text(encoding="utf-8"))
    texts = {}
    for name in data["articles"]:
        path = polnear_dir / split / "text" / f"{name}.txt"
        if not path.is_file():
            sys.exit(f"eval_certainty.py: {path} does not exist")
        texts[name] = path.read_text(encoding="utf-8")
    return texts, data["cues"]


def baseline_cues(text: str) -> list[dict]:
    """Return ``{"start", "end", "category"}`` for every baseline word or phrase in ``text``."""
    out = []
    for category, words in BASELINE_WORDS.items():
        for word in words:
            for m in re.finditer(r"\b" + re.escape(word) + r"\b", text, flags=re.IGNORECASE):
                out.append({"start": m.start(), "end": m.end(), "category": category, "id": word})
    return out


def overlaps(a: dict, b: dict) -> bool:
    return a["start"] < b["end"] and b["start"] < a["end"]


def score(predicted: dict[str, list[dict]], gold: list[dict]) -> dict[str, Counts]:
    """Return per-category counts; each prediction gets ``right`` set in place."""
    counts = {c: Counts() for c in CATEGORIES}
    by_article: dict[str, list[dict]] = {}
    for cue in gold:
        by_article.setdefault(cue["article"], []).append(cue)
    for article, preds in predicted.items():
        golds = by_article.get(article, [])
        for p in preds:
            c = counts[p["category"]]
            c.predicted += 1
            p["right"] = any(overlaps(p, g) and g["category"] == p["category"] for g in golds)
            c.right += p["right"]
        for g in golds:
            c = counts[g["category"]]
            c.gold += 1
            g["found"] = any(overlaps(p, g) and g["category"] == p["category"] for p in preds)
            c.found += g["found"]
    return counts


def sourcecrit_cues(
    texts: dict[str, str], *, lexicon: Path | None = None, reading: str = "news"
) -> dict[str, list[dict]]:
    """Return sourcecrit's hedge records per article (pipeline without attribution).

    With ``lexicon``, the hedging component is built from that YAML file instead of the
    bundled one (e.g. an earlier version: ``git show REV:src/sourcecrit/data/hedges.yaml``).
    ``reading`` is the hedging component's reading (``news`` or ``wikipedia``).
    """
    from sourcecrit.pipeline import get_nlp, load_model

    if lexicon is None:
        nlp = get_nlp(reading=reading)
    else:
        nlp = load_model()
        if "sourcecrit_hedges" in nlp.pipe_names:
            nlp.remove_pipe("sourcecrit_hedges")
        config = {"lexicon": str(lexicon), "reading": reading}
        nlp.add_pipe("sourcecrit_hedges", config=config, last=True)
    names = list(texts)
    disable = [p for p in ("sourcecrit_attribution",) if p in nlp.pipe_names]
    with nlp.select_pipes(disable=disable):
        docs = nlp.pipe([texts[n] for n in names], batch_size=4)
        return {
            n: [dict(r) for r in doc._.sc_hedges or []] for n, doc in zip(names, docs, strict=True)
        }


def table(rows: Iterable[tuple[str, dict[str, Counts]]]) -> str:
    lines = [
        "| system | category | gold | predicted | precision | recall | F1 |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    for name, counts in rows:
        for cat in CATEGORIES:
            c = counts[cat]
            lines.append(
                f"| {name} | {cat} | {c.gold} | {c.predicted} | {c.precision:.3f} | "
                f"{c.recall:.3f} | {c.f1:.3f} |"
            )
    return "\n".join(lines) + "\n"


def by_entry(predicted: dict[str, list[dict]]) -> dict[str, Counts]:
    """Return per lexicon record (``id``) its predicted and right counts."""
    out: dict[str, Counts] = {}
    for preds in predicted.values():
        for p in preds:
            c = out.setdefault(p["id"], Counts())
            c.predicted += 1
            c.right += p["right"]
    return out


def level(precision: float) -> str:
    """Return ``high`` (>= 0.85), ``medium`` (>= 0.60) or ``low`` for a measured precision."""
    if precision >= HIGH:
        return "high"
    return "medium" if precision >= MEDIUM else "low"


def smoothed_precision(own: Counts, category: Counts) -> float:
    """Return ``(right + w * p_cat) / (predicted + w)``, ``w`` = :data:`PRIOR_WEIGHT`.

    The record's own precision, pulled towards its category's precision in proportion to
    how few predictions it made on the gold (0 predictions: the category's precision).
    """
    return (own.right + PRIOR_WEIGHT * category.precision) / (own.predicted + PRIOR_WEIGHT)


def confidence_table(
    entries: dict[str, Counts], categories: dict[str, Counts], lexicon_ids: dict[str, str]
) -> dict[str, dict]:
    """Return per lexicon record its measured counts, smoothed precision and confidence."""
    out = {}
    for rid, category in lexicon_ids.items():
        own = entries.get(rid, Counts())
        precision = smoothed_precision(own, categories[category])
        out[rid] = {
            "category": category,
            "predicted": own.predicted,
            "right": own.right,
            "smoothed_precision": round(precision, 3),
            "confidence": level(precision),
        }
    return out


def print_errors(texts: dict[str, str], predicted: dict[str, list[dict]], gold: list[dict]) -> None:
    def context(text: str, start: int, end: int) -> str:
        a = max(text.rfind("\n", 0, start), text.rfind(". ", 0, start) + 1, start - 160, 0)
        b = min(x for x in (text.find("\n", end), text.find(". ", end), end + 160) if x != -1)
        return (text[a:start] + "[[" + text[start:end] + "]]" + text[end:b]).strip()

    for name, preds in predicted.items():
        for p in preds:
            if not p["right"]:
                print(
                    f"FP {p['category']:7} {p['id']:20} {context(texts[name], p['start'], p['end'])}"
                )
    for g in gold:
        if not g["found"]:
            print(
                f"FN {g['category']:7} {'':20} {context(texts[g['article']], g['start'], g['end'])}"
            )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold_dir", type=Path, help="news-certainty folder (holds dev.json)")
    parser.add_argument("polnear_dir", type=Path, help="PolNeAR folder (holds dev/text)")
    parser.add_argument("--split", default="dev")
    parser.add_argument("--errors", action="store_true", help="print wrong and missed cues")
    parser.add_argument("--by-entry", action="store_true", help="per lexicon record counts")
    parser.add_argument("--write-confidence", type=Path, metavar="PATH")
    parser.add_argument(
        "--lexicon",
        type=Path,
        action="append",
        default=[],
        metavar="YAML",
        help="also score sourcecrit with this lexicon file (repeatable), e.g. an older one",
    )
    parser.add_argument(
        "--reading",
        choices=("news", "wikipedia"),
        default="news",
        help="the hedging component's reading (default news, the guidelines' own)",
    )
    args = parser.parse_args(argv)
    if args.write_confidence and args.reading != "news":
        parser.error("--write-confidence measures the news reading; leave --reading out")

    texts, gold = read_gold(args.gold_dir, args.polnear_dir, args.split)
    base = {n: baseline_cues(t) for n, t in texts.items()}
    base_counts = score(base, [dict(g) for g in gold])
    ours = sourcecrit_cues(texts, reading=args.reading)
    our_counts = score(ours, gold)
    title = f"## Certainty cues on news-certainty/{args.split}.json ({len(texts)} articles)"
    if args.reading != "news":
        title += f", reading: {args.reading}"
    print(title + "\n")
    rows = [("word-list baseline", base_counts)]
    for path in args.lexicon:
        rows.append(
            (
                f"sourcecrit, lexicon {path.name}",
                score(
                    sourcecrit_cues(texts, lexicon=path, reading=args.reading),
                    [dict(g) for g in gold],
                ),
            )
        )
    rows.append(("sourcecrit", our_counts))
    print(table(rows))
    entries = by_entry(ours)
    if args.by_entry:
        print("| record | predicted | right | precision |\n|---|---:|---:|---:|")
        for rid, c in sorted(entries.items(), key=lambda kv: -kv[1].predicted):
            print(f"| {rid} | {c.predicted} | {c.right} | {c.precision:.3f} |")
        print()
    if args.errors:
        print_errors(texts, ours, gold)
    if args.write_confidence:
        from sourcecrit.hedging.lexicon import read_lexicon

        ids = {e.id: e.category for e in read_lexicon().entries}
        data = {
            "about": (
                "Measured precision of each hedging lexicon record on hand-made news gold; "
                "smoothed_precision = (right + w * category precision) / (predicted + w), "
                f"w = {PRIOR_WEIGHT}; confidence: high if it is >= {HIGH}, medium if >= "
                f"{MEDIUM}, else low. The gold is the set the lexicon was tuned on, so "
                "these precisions are optimistic."
            ),
            "command": "python benchmarks/eval_certainty.py NEWS_GOLD_DIR POLNEAR_DIR "
            f"--split {args.split} --write-confidence PATH",
            "date": dt.date.today().isoformat(),
            "gold": f"news-certainty/{args.split}.json ({len(texts)} articles, {len(gold)} cues)",
            "thresholds": {"high": HIGH, "medium": MEDIUM, "prior_weight": PRIOR_WEIGHT},
            "categories": {
                c: {
                    "predicted": k.predicted,
                    "right": k.right,
                    "precision": round(k.precision, 3),
                    "confidence": level(k.precision),
                }
                for c, k in our_counts.items()
            },
            "records": confidence_table(entries, our_counts, ids),
        }
        args.write_confidence.parent.mkdir(parents=True, exist_ok=True)
        args.write_confidence.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {args.write_confidence}", file=sys.stderr)
    counts = Counter(g["category"] for g in gold)
    print(f"gold cues: {dict(counts)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
