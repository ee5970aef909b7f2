"""How analysis time grows with article length: it should grow linearly.

    python benchmarks/scaling.py DIR [--sizes 25000,100000,400000,2000000] [--bare]

DIR holds ``.txt`` articles (e.g. ../shared/data/polnear/train/text). For each size, an
article of exactly that many characters is built at run time from DIR's texts (in sorted
order, joined by blank lines, cut at exactly that size), and analysed with
``sourcecrit.analyze`` in a fresh process, so that each size's peak memory is its own and
no cache carries over. Prints a Markdown table: seconds, words/s, microseconds per word,
the CPU seconds the analysis took (less disturbed than wall-clock time when other jobs
share the machine) and per word, and the peak memory (max RSS) of the process; then the
ratio of the per-word cost at the largest size to that at the smallest, in wall-clock and
in CPU time (1.0 means linear; higher is worse).

With ``--bare``, each size is also parsed by the bare English model in the same chunks
(``sourcecrit.pipeline.chunks``), in the same child process, for comparison.

The texts stay where they are: nothing is written to disk.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

DEFAULT_SIZES = (25_000, 100_000, 400_000, 2_000_000)


def build_text(folder: Path, size: int) -> str:
    """Return exactly ``size`` characters of article text from the ``.txt`` files in ``folder``.

    Articles are joined with blank lines (starting again from the first when the folder
    holds fewer characters than asked) and the result is cut at ``size`` characters.
    """
    paths = sorted(folder.glob("*.txt"))
    if not paths:
        raise SystemExit(f"scaling.py: no .txt files in {folder}")
    parts: list[str] = []
    total = -2  # the joined length: each article after the first adds 2 for its blank line
    k = 0
    while total < size:
        text = paths[k % len(paths)].read_text(encoding="utf-8").strip()
        k += 1
        if text:
            parts.append(text)
            total += len(text) + 2
    return "\n\n".join(parts)[:size]


def measure(folder: Path, size: int, *, bare: bool) -> dict[str, float]:
    """Analyse one article of ``size`` characters in this process; return its figures."""
    import resource

    from sourcecrit import analyze
    from sourcecrit.pipeline import get_base_nlp, get_nlp

    text = build_text(folder, size)
    warm = analyze("The minister said that the troops may be there.")  # load and warm up
    tables = ("attributions", "sources", "hedges", "sentences")
    for table in tables:
        getattr(warm, table)  # and import pandas, outside the timing
    out: dict[str, float] = {"chars": len(text), "words": len(text.split())}
    start, cpu = time.perf_counter(), time.process_time()
    analysis = analyze(text, nlp=get_nlp())
    for table in tables:
        getattr(analysis, table)  # the DataFrames are built when first read: build them all
    out["seconds"] = time.perf_counter() - start
    out["cpu_seconds"] = time.process_time() - cpu
    out["sentences"] = len(analysis.sentences)
    out["attributions"] = len(analysis.attributions)
    del analysis
    out["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    if bare:
        from sourcecrit.pipeline import chunks

        base = get_base_nlp()
        start = time.perf_counter()
        for _ in base.pipe(chunks(text, 100_000), batch_size=4):
            pass
        out["bare_seconds"] = time.perf_counter() - start
    return out


def run_child(folder: Path, size: int, *, bare: bool) -> dict[str, float]:
    command = [sys.executable, __file__, str(folder), "--child", str(size)]
    if bare:
        command.append("--bare")
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"scaling.py: the {size:,}-character run failed:\n{result.stderr}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="folder of .txt articles")
    parser.add_argument(
        "--sizes",
        default=",".join(str(s) for s in DEFAULT_SIZES),
        help="comma-separated article sizes in characters (default 25k,100k,400k,2M)",
    )
    parser.add_argument("--bare", action="store_true", help="also time the bare model")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if not args.folder.is_dir():
        raise SystemExit(f"scaling.py: {args.folder} is not a folder")
    if args.child:
        print(json.dumps(measure(args.folder, args.child, bare=args.bare)))
        return 0

    sizes = sorted(int(s) for s in args.sizes.split(","))
    print(f"Articles built from {args.folder}; one fresh process per size.\n")
    header = (
        "| characters | words | seconds | words/s | µs per word | CPU s | CPU µs per word "
        "| peak memory (MB) |"
    )
    rule = "|---:|---:|---:|---:|---:|---:|---:|---:|"
    if args.bare:
        header += " bare spaCy (s) | sourcecrit ÷ bare |"
        rule += "---:|---:|"
    print(header)
    print(rule)
    rows = []
    for size in sizes:
        row = run_child(args.folder, size, bare=args.bare)
        rows.append(row)
        per_word = 1e6 * row["seconds"] / row["words"]
        line = (
            f"| {row['chars']:,.0f} | {row['words']:,.0f} | {row['seconds']:.1f} | "
            f"{row['words'] / row['seconds']:,.0f} | {per_word:.0f} | "
            f"{row['cpu_seconds']:.1f} | {1e6 * row['cpu_seconds'] / row['words']:.0f} | "
            f"{row['peak_mb']:,.0f} |"
        )
        if args.bare:
            line += f" {row['bare_seconds']:.1f} | {row['seconds'] / row['bare_seconds']:.2f} |"
        print(line, flush=True)
    first, last = rows[0], rows[-1]
    ratio = (last["seconds"] / last["words"]) / (first["seconds"] / first["words"])
    print(
        f"\nper-word cost at {last['chars']:,.0f} characters ÷ at {first['chars']:,.0f}: "
        f"{ratio:.2f} (1.00 is linear; lower is better)"
    )
    cpu_ratio = (last["cpu_seconds"] / last["words"]) / (first["cpu_seconds"] / first["words"])
    print(
        f"the same in CPU seconds of the process (less sensitive to other jobs on the "
        f"machine): {cpu_ratio:.2f}"
    )
    print(f"peak memory at {last['chars']:,.0f} characters: {last['peak_mb']:,.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
