"""Classify the gold attributions sourcecrit misses on a PolNeAR-format folder.

Usage::

    .venv/bin/python benchmarks/attribution_misses.py ../shared/data/polnear/train \
        --offset 700 --limit 150 [--show CATEGORY --examples 20]

Each gold attribution the scorer of ``eval_attribution.py`` leaves unmatched falls in one
of these categories:

- ``none``: no prediction's content overlaps the gold Content (the cue is not in the
  lexicon, or the construction is not handled);
- ``too_long``: a prediction overlaps the gold Content but less than half of its content
  lies in it, and the rest lies in no other gold Content (it runs past the reported clause:
  a following sentence, a trailing clause); ``too_long`` is split by where the surplus
  lies (``after``, ``before``, ``both``) and whether it crosses a sentence end;
- ``shared``: a prediction would match this gold Content, but it matched another one
  (possible only where gold Contents overlap: a prediction holds half its characters in
  at most one of two disjoint Contents, so one prediction covering two gold attributions
  is counted as ``too_long`` or ``elsewhere``);
- ``elsewhere``: the overlapping predictions lie mostly in another gold Content.

Counts are printed by category, by gold cue lemma and by construction (the gold cue's
part of speech and dependency label). ``--show`` prints examples of one category to the
terminal, for reading; nothing is written to disk, so no corpus text enters the repository.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from eval_attribution import (  # noqa: E402
    Counts,
    Prediction,
    read_corpus,
    score_document,
    sourcecrit_predictions,
)


def _matched_gold(preds: list[Prediction], gold) -> tuple[set[int], dict[int, int]]:
    """Return the matched gold indices and, per prediction index, the gold it took."""
    matched: set[int] = set()
    took: dict[int, int] = {}
    order = sorted(range(len(preds)), key=lambda i: (preds[i].content_start, preds[i].content_end))
    for pi in order:
        p = preds[pi]
        length = p.content_end - p.content_start
        if length <= 0:
            continue
        shares = []
        for gi, g in enumerate(gold):
            inside = sum(1 for i in range(p.content_start, p.content_end) if i in g.content)
            if inside * 2 >= length:
                shares.append((inside / length, -gi, gi))
        free = [s for s in shares if s[2] not in matched]
        if free:
            gi = max(free)[2]
            matched.add(gi)
            took[pi] = gi
    return matched, took


def classify(g, gi: int, preds: list[Prediction], gold, doc) -> tuple[str, str]:
    """Return ``(category, detail)`` for the unmatched gold attribution ``g``."""
    lo, hi = min(g.content), max(g.content) + 1
    overlapping = []
    for p in preds:
        inside = sum(1 for i in range(p.content_start, p.content_end) if i in g.content)
        if inside:
            overlapping.append((inside, p))
    if not overlapping:
        return "none", ""
    for inside, p in overlapping:
        if inside * 2 >= p.content_end - p.content_start:
            return "shared", ""
    inside, p = max(overlapping, key=lambda x: x[0])
    others = [
        sum(1 for i in range(p.content_start, p.content_end) if i in o.content)
        for oi, o in enumerate(gold)
        if oi != gi
    ]
    if others and max(others) > inside:
        return "elsewhere", ""
    after, before = p.content_end > hi, p.content_start < lo
    where = "both" if after and before else "after" if after else "before" if before else "inside"
    span = doc.char_span(p.content_start, p.content_end, alignment_mode="expand")
    crosses = span is not None and len({t.sent.start for t in span}) > 1
    return "too_long", where + (" +sentence" if crosses else "")


def gold_cue(doc, g) -> tuple[str, str]:
    """Return the gold cue's lemma(s) and construction (POS/dependency of its root)."""
    if not g.cue:
        return "(no cue)", "(no cue)"
    span = doc.char_span(min(g.cue), max(g.cue) + 1, alignment_mode="expand")
    if span is None:
        return "(unaligned)", "(unaligned)"
    root = span.root
    lemma = " ".join(t.lemma_.lower() for t in span if t.idx in g.cue)
    return lemma or root.lemma_.lower(), f"{root.pos_}/{root.dep_}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="PolNeAR-format folder (text/, attributions/)")
    parser.add_argument("--offset", type=int, default=0, help="skip the first K articles")
    parser.add_argument("--limit", type=int, default=None, help="read only N articles")
    parser.add_argument("--top", type=int, default=25, help="rows per table")
    parser.add_argument("--show", default=None, help="print examples of this category")
    parser.add_argument("--examples", type=int, default=15, help="how many examples to print")
    parser.add_argument("--lemma", default=None, help="with --show: only this gold cue lemma")
    args = parser.parse_args(argv)

    from sourcecrit.pipeline import get_nlp

    end = args.offset + args.limit if args.limit is not None else None
    articles = read_corpus(args.folder)[args.offset : end]
    nlp = get_nlp()
    cats: Counter[str] = Counter()
    by_lemma: dict[str, Counter[str]] = {}
    by_construction: dict[str, Counter[str]] = {}
    details: Counter[str] = Counter()
    shown = 0
    counts = Counts()
    for (name, text, gold), doc in zip(articles, nlp.pipe(t for _, t, _ in articles)):
        preds = sourcecrit_predictions(doc)
        score_document(preds, gold, counts)
        matched, _ = _matched_gold(preds, gold)
        for gi, g in enumerate(gold):
            if gi in matched:
                continue
            cat, detail = classify(g, gi, preds, gold, doc)
            lemma, construction = gold_cue(doc, g)
            cats[cat] += 1
            if detail:
                details[detail] += 1
            by_lemma.setdefault(lemma, Counter())[cat] += 1
            by_construction.setdefault(construction, Counter())[cat] += 1
            if args.show == cat and shown < args.examples and args.lemma in (None, lemma):
                shown += 1
                lo, hi = min(g.content), max(g.content) + 1
                near = [p for p in preds if p.content_start < hi and p.content_end > lo]
                print(f"--- {name} [{lemma} {construction}] {detail}")
                src = text[min(g.source) : max(g.source) + 1] if g.source else "-"
                print("  source:", src.replace("\n", " ")[:80])
                print("  gold:", text[lo:hi].replace("\n", " ")[:300])
                for p in near:
                    piece = text[p.content_start : p.content_end].replace("\n", " ")
                    print("  pred:", piece[:300])
    row = counts.row()
    print(f"{len(articles)} articles; precision {row['precision']:.3f} recall {row['recall']:.3f}")
    print(
        f"misses {sum(cats.values())} of {row['n_gold']}: "
        + ", ".join(f"{c} {n}" for c, n in cats.most_common())
    )
    print("too_long by surplus:", ", ".join(f"{d} {n}" for d, n in details.most_common()))
    order = ["none", "too_long", "shared", "elsewhere"]
    for title, table in (("gold cue lemma", by_lemma), ("construction", by_construction)):
        print(f"\n| {title} | total | " + " | ".join(order) + " |")
        print("|---" * (len(order) + 2) + "|")
        rows = sorted(table.items(), key=lambda kv: -sum(kv[1].values()))[: args.top]
        for key, c in rows:
            print(f"| {key} | {sum(c.values())} | " + " | ".join(str(c[o]) for o in order) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
