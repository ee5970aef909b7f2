"""List the cue words annotated in a PolNeAR-format folder, most frequent first.

Usage::

    .venv/bin/python benchmarks/derive_cues.py ../shared/data/polnear/train [--top 300]

Prints counts of the lower-cased Cue spans (brat ``T`` lines labelled ``Cue``). The list is
a starting point for curating ``src/sourcecrit/data/cues.yaml`` by hand; it prints only cue
words and counts, never article text, and nothing it prints is committed.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path


def cue_counts(folder: Path) -> Counter[str]:
    """Return how often each lower-cased cue string is annotated under ``folder``."""
    counts: Counter[str] = Counter()
    for ann in sorted((folder / "attributions").glob("*.ann")):
        for line in ann.read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) == 3 and parts[1].startswith("Cue "):
                counts[" ".join(parts[2].lower().split())] += 1
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--top", type=int, default=300)
    args = parser.parse_args(argv)
    for cue, n in cue_counts(args.folder).most_common(args.top):
        print(f"{n:6d}  {cue}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
