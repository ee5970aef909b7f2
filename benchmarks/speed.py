"""Speed of sourcecrit against bare spaCy on the same texts, measured in one run.

    python benchmarks/speed.py DIR [--limit N] [--rounds R]

DIR holds ``.txt`` articles (e.g. ../shared/data/polnear/dev/text). Prints a Markdown table:

* words/s of bare ``nlp.pipe`` (the English model alone) and of ``analyze_many`` (model,
  sourcecrit's components and the Analysis with all four tables built as DataFrames, as a
  notebook reading them does), and the ratio of their times:
  sourcecrit's time ÷ bare spaCy's time on the same texts, so **lower is better** (1.00
  would mean sourcecrit costs nothing over parsing; the target is at most 1.10);
* the time each sourcecrit component adds, as a share of bare parsing time, measured by
  running the component alone on Docs the bare model already parsed;
* cold start (one run each, so only a rough figure; ``cli_speed.py`` gives medians): a
  fresh ``sourcecrit analyze`` on the example article against a fresh
  process that imports spaCy, loads the same model with ``spacy.load`` and parses the
  same article;
* peak memory (max RSS) of this process and of the CLI process.

Machines here are shared and noisy, so each timing is the median of ``--rounds`` rounds in
which bare spaCy and the full pipeline run in turn (interleaved), and only ratios taken in
the same run are worth comparing across machines.
"""

from __future__ import annotations

import argparse
import importlib.util
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from sourcecrit import Analysis, analyze_many
from sourcecrit.pipeline import COMPONENTS, get_base_nlp, get_nlp, model_candidates
from sourcecrit.resources import example_article_path


def read_texts(folder: Path, limit: int | None) -> list[str]:
    paths = sorted(folder.glob("*.txt"))[:limit]
    if not paths:
        sys.exit(f"speed.py: no .txt files in {folder}")
    return [p.read_text(encoding="utf-8") for p in paths]


def interleaved_times(rounds: int, *funcs) -> list[list[float]]:
    """Return each function's times over ``rounds`` rounds, the functions run in turn each round.

    Interleaving means a burst of load from other users of a shared machine slows both
    sides of a comparison, rather than only the one that happened to run during it.
    """
    times: list[list[float]] = [[] for _ in funcs]
    for _ in range(rounds):
        for k, func in enumerate(funcs):
            start = time.perf_counter()
            func()
            times[k].append(time.perf_counter() - start)
    return times


def median_of_interleaved(rounds: int, *funcs) -> list[float]:
    """Return the median time of each function over ``rounds`` interleaved rounds."""
    return [statistics.median(t) for t in interleaved_times(rounds, *funcs)]


def best_of_interleaved(rounds: int, *funcs) -> list[float]:
    """Return the best time of each function over ``rounds`` interleaved rounds."""
    return [min(t) for t in interleaved_times(rounds, *funcs)]


def median_of(rounds: int, func) -> float:
    """Return the median time of ``func`` over ``rounds`` rounds."""
    return median_of_interleaved(rounds, func)[0]


def component_seconds(texts: list[str], rounds: int) -> dict[str, float]:
    """Time each sourcecrit component alone on Docs already parsed by the bare model."""
    nlp = get_nlp()
    with nlp.select_pipes(disable=list(COMPONENTS)):
        docs = list(nlp.pipe(texts))
    out = {}
    for name in COMPONENTS:
        component = nlp.get_pipe(name)
        out[name] = median_of(rounds, lambda c=component: [c(doc) for doc in docs])
    return out


def with_tables(analysis: Analysis) -> Analysis:
    """Return ``analysis`` after building its four DataFrames (they are built when read)."""
    for table in ("attributions", "sources", "hedges", "sentences"):
        getattr(analysis, table)
    return analysis


def cold_start() -> tuple[float, float, int]:
    """Seconds for a fresh `sourcecrit analyze` and a fresh bare spaCy parse; CLI max RSS."""
    exe = shutil.which("sourcecrit") or str(Path(sys.executable).with_name("sourcecrit"))
    start = time.perf_counter()
    subprocess.run([exe, "analyze"], check=True, stdout=subprocess.DEVNULL)
    ours = time.perf_counter() - start
    cli_rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    code = "import sys, spacy; spacy.load(sys.argv[2])(open(sys.argv[1], encoding='utf-8').read())"
    model = next(n for n in model_candidates() if importlib.util.find_spec(n) is not None)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, str(example_article_path()), model], check=True)
    bare = time.perf_counter() - start
    return ours, bare, cli_rss


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="folder of .txt articles")
    parser.add_argument("--limit", type=int, help="use the first N files only")
    parser.add_argument(
        "--rounds", type=int, default=5, help="median of R interleaved rounds (default 5)"
    )
    args = parser.parse_args(argv)

    texts = read_texts(args.folder, args.limit)
    words = sum(len(t.split()) for t in texts)
    # First, while this process is small: a forked child's max RSS counts the parent's
    # pages it started with.
    cold_ours, cold_bare, cli_rss = cold_start()
    base, full = get_base_nlp(), get_nlp()
    list(base.pipe(texts[:2]))  # warm up both pipelines
    [with_tables(a) for a in analyze_many(texts[:2])]

    bare_s, ours_s = median_of_interleaved(
        args.rounds,
        lambda: list(base.pipe(texts)),
        lambda: [with_tables(a) for a in analyze_many(texts, nlp=full)],
    )
    parts = component_seconds(texts, args.rounds)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

    print(
        f"{len(texts)} articles, {words:,} words from {args.folder}; times are medians of "
        f"{args.rounds} interleaved rounds.\n"
        "The last column is sourcecrit's time ÷ bare spaCy's time on the same texts: "
        "lower is better, 1.00 means no cost over parsing.\n"
    )
    print("| measure | bare spaCy | sourcecrit | sourcecrit ÷ bare (time) |")
    print("|---|---:|---:|---:|")
    print(
        f"| words/s, whole pipeline | {words / bare_s:,.0f} | {words / ours_s:,.0f} "
        f"| {ours_s / bare_s:.2f} |"
    )
    print(
        f"| cold start, example article, one run each (s; medians: cli_speed.py) "
        f"| {cold_bare:.2f} | {cold_ours:.2f} "
        f"| {cold_ours / cold_bare:.2f} |"
    )
    for name, seconds in parts.items():
        print(f"| `{name}` time added | | {seconds:.2f} s | +{100 * seconds / bare_s:.1f}% |")
    print(
        f"\npeak memory: this process {rss / 1024:,.0f} MB, "
        f"`sourcecrit analyze` {cli_rss / 1024:,.0f} MB"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
