"""Reference rates for the checklists' evidence hints: the PolNeAR median per 100 words.

"0.95 hedges per 100 words" means little on its own. This script runs sourcecrit's full
pipeline over PolNeAR's news articles (Newell, Margolin & Ruths, LREC 2018: 2016 US
political news from seven publishers) and writes the median (and quartiles) per article
of hedges, boosters, weasel phrases and attributions per 100 words, counted exactly as
the hints count them (words = whitespace-separated tokens of the body; attributions nested
inside a quote left out). The corpus is not copied: only the figures are stored, in
``src/sourcecrit/data/reference_rates.yaml``, with the command that produced them.

Run (the corpus path is an argument; see ../shared/data/README.md)::

    PYTHONPATH=src python benchmarks/reference_rates.py ../shared/data/polnear \
        --out src/sourcecrit/data/reference_rates.yaml
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
from pathlib import Path

import yaml

RATES = ("hedge", "booster", "weasel", "attribution")
#: One line per rate, for the data file's readers.
EXPLANATIONS = {
    "hedge": "words that soften a claim (may, reportedly, appears) per 100 words",
    "booster": "words that harden a claim (indeed, clearly, certainly) per 100 words",
    "weasel": "phrases that hide who holds a view (some say, many experts) per 100 words",
    "attribution": "claims credited to a source (said, according to), per 100 words",
}
HEADER = (
    "# How often the checklists' counted things occur in ordinary news: the median (and\n"
    "# quartiles) per article, per 100 words, over PolNeAR. Written by\n"
    "# benchmarks/reference_rates.py; rerun the command below to reproduce. Read by\n"
    "# sourcecrit.checklists.wording, so a hint can set an article's rate beside the\n"
    "# typical one.\n"
)


def article_texts(polnear: Path, splits: list[str]) -> list[tuple[str, str]]:
    """Return ``(name, text)`` for every article of ``splits``, sorted by split and name."""
    out = []
    for split in splits:
        folder = polnear / split / "text"
        if not folder.is_dir():
            raise SystemExit(f"{folder}: no such folder (give the PolNeAR folder)")
        for path in sorted(folder.glob("*.txt")):
            out.append((f"{split}/{path.stem}", path.read_text(encoding="utf-8")))
    return out


def rates(doc) -> dict[str, float] | None:
    """Return one article's counts per 100 words, or None for an article with no words."""
    words = len(doc.text.split())
    if not words:
        return None
    hedges = doc._.sc_hedges or []
    attributions = [a for a in (doc._.sc_attributions or []) if not a.get("nested")]
    counts = {c: sum(1 for h in hedges if h.get("category") == c) for c in RATES[:3]}
    counts["attribution"] = len(attributions)
    return {name: 100 * n / words for name, n in counts.items()}


def summary(per_article: list[dict[str, float]]) -> dict[str, dict[str, float]]:
    """Return the median and quartiles of each rate, rounded to 2 decimals."""
    out = {}
    for name in RATES:
        values = sorted(r[name] for r in per_article)
        q1, median, q3 = statistics.quantiles(values, n=4, method="inclusive")
        out[name] = {
            "median": round(median, 2),
            "q1": round(q1, 2),
            "q3": round(q3, 2),
            "explanation": EXPLANATIONS[name],
        }
    return out


def render(record: dict) -> str:
    """Return the data file's text: the header comment, then the record as YAML."""
    return HEADER + yaml.safe_dump(record, sort_keys=False, allow_unicode=True, width=88)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("polnear", type=Path, help="the PolNeAR folder (with train/ and dev/)")
    parser.add_argument("--splits", nargs="+", default=["train", "dev"])
    parser.add_argument("--out", type=Path, help="write the figures here (YAML)")
    parser.add_argument("--limit", type=int, help="only the first N articles (a quick look)")
    parser.add_argument("--n-process", type=int, default=1)
    parser.add_argument("--batch-size", type=int, default=8)
    args = parser.parse_args(argv)

    from tqdm import tqdm

    from sourcecrit.pipeline import get_nlp

    articles = article_texts(args.polnear, args.splits)[: args.limit]
    nlp = get_nlp()
    texts = [text for _, text in articles]
    docs = nlp.pipe(texts, batch_size=args.batch_size, n_process=args.n_process)
    per_article = [
        r
        for r in (rates(doc) for doc in tqdm(docs, total=len(texts), file=sys.stderr))
        if r is not None
    ]
    figures = summary(per_article)
    command = "PYTHONPATH=src python benchmarks/reference_rates.py ../shared/data/polnear " + (
        f"--splits {' '.join(args.splits)}"
        + (f" --limit {args.limit}" if args.limit else "")
        + " --out src/sourcecrit/data/reference_rates.yaml"
    )
    record = {
        "corpus": (
            "PolNeAR v1.0.0 (Newell, Margolin & Ruths, LREC 2018): US political news of "
            f"2016 from seven publishers; splits {', '.join(args.splits)}"
        ),
        "articles": len(per_article),
        "computed": dt.date.today().isoformat(),
        "command": command,
        "per_100_words": figures,
    }
    text = render(record)
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
