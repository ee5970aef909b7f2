"""Score sourcecrit's hedging cues on CoNLL-2010 data, beside a plain word-list baseline.

Usage::

    .venv/bin/python benchmarks/eval_hedging.py \\
        --wiki ../shared/data/wiki-weasel/train.csv \\
        --bioscope ../shared/data/bioscope [--limit N] [--n-process 2] \\
        [--reading wikipedia]

Two measurements (either or both), each printed as a Markdown table with the same metric
for sourcecrit and for the baseline, computed in the same run on the same sentences:

- **Sentence level, CoNLL-2010 Wikipedia** (Farkas et al. 2010; file with ``text,label``
  columns, label 1 = the sentence holds a weasel or hedge cue). A sentence is predicted
  uncertain when sourcecrit finds a ``hedge`` or ``weasel`` cue in it (boosters do not
  count). The text is tokenised Penn-Treebank style (``-LRB-``, `````` ``, `` 's``); it is
  un-tokenised before parsing (:func:`detokenize`). Precision, recall and F1 of the
  "uncertain" class, on all rows and separately on even and odd rows: the lexicon's
  candidate words were checked against even rows only, so the odd rows show how well
  that choice carries over.
- **Cue level, BioScope speculation cues** (Vincze et al. 2008; ``abstracts.xml`` and
  ``full_papers.xml``, or one of them). Gold cues are the ``<cue type="speculation">``
  elements (several elements sharing one ``ref`` form one discontinuous cue). Predicted
  cues are sourcecrit's ``hedge`` cues. A predicted cue is correct when it shares at least
  one character with a gold cue; recall is the share of gold cues some prediction
  overlaps. Exact-match figures (same start and end) are printed too.

``--reading`` chooses how the hedging component reads (``analyze(..., reading=...)``):
``news`` (the default, the news-certainty guidelines) or ``wikipedia`` (also what
Wikipedia's *Manual of Style/Words to watch* asks editors to avoid: puffery, unnamed
research, doubt cast by a word, editorializing). Every table title names the reading used.

The baseline is our own plain word list (:data:`BASELINE_WORDS`, written for this
benchmark): a sentence is uncertain when any of its words is in the list, and every
occurrence of a listed word is a cue. It stands in for the MIT-licensed npm ``hedges``
list that ``../shared/data/README.md`` quotes (F1 0.51 on the Wikipedia file), which is not
vendored here.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

#: A plain list of hedge and weasel words, no context: the baseline. Written for this
#: benchmark from common English hedges (modals, "seem", "suggest", "possibly") and the
#: vague-attribution words a Wikipedia editor is warned about ("some", "many", "critics").
BASELINE_WORDS = frozenset(
    """
    may might could would possibly perhaps maybe probably likely unlikely possible
    apparently seemingly reportedly allegedly supposedly presumably arguably seem seems
    seemed appear appears appeared suggest suggests suggested suggesting indicate indicates
    indicated believe believed believes think thought suppose assume estimated
    approximately roughly about around some many several most various numerous critics
    experts observers widely generally often usually claim claimed claims
    """.split()
)

_PTB = [
    (r"-LRB-", "("),
    (r"-RRB-", ")"),
    (r"-LSB-", "["),
    (r"-RSB-", "]"),
    (r"-LCB-", "{"),
    (r"-RCB-", "}"),
]


def detokenize(text: str) -> str:
    """Return Penn-Treebank-tokenised text as ordinary text.

    ``-LRB- 2-10-2 -RRB-`` becomes ``(2-10-2)``, ```` ``Stories'' ```` becomes
    ``"Stories"``, ``DSB 's`` becomes ``DSB's`` and spaces before punctuation go.
    """
    for token, char in _PTB:
        text = text.replace(token, char)
    text = re.sub(r"``\s*", '"', text)
    text = re.sub(r"\s*''", '"', text)
    text = re.sub(r"\s+(n't|'s|'re|'ve|'ll|'d|'m)\b", r"\1", text, flags=re.IGNORECASE)
    text = re.sub(r"\s+([.,;:!?%)\]}])", r"\1", text)
    text = re.sub(r"([(\[{$])\s+", r"\1", text)
    return " ".join(text.split())


# -- data ---------------------------------------------------------------------------------


def read_wiki(path: Path, *, limit: int | None = None) -> list[tuple[str, bool]]:
    """Return ``(text, uncertain)`` pairs from a CoNLL-2010 Wikipedia CSV (``text,label``).

    With ``limit``, rows are taken evenly across the file (which is sorted by label), so a
    quick run still sees both classes.
    """
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        if not reader.fieldnames or not {"text", "label"} <= set(reader.fieldnames):
            sys.exit(f"eval_hedging.py: {path} needs the columns text,label")
        rows = [(detokenize(r["text"]), r["label"].strip() == "1") for r in reader]
    if limit and limit < len(rows):
        step = len(rows) / limit
        rows = [rows[int(i * step)] for i in range(limit)]
    return rows


@dataclass
class BioSentence:
    """One BioScope sentence: its text and the character offsets of its speculation cues."""

    text: str
    cues: list[frozenset[int]] = field(default_factory=list)


def bioscope_files(path: Path) -> list[Path]:
    """Return the BioScope XML files at ``path`` (a folder of them, or one file)."""
    if path.is_dir():
        files = sorted(path.glob("*.xml"))
        if not files:
            sys.exit(f"eval_hedging.py: no .xml files in {path}")
        return files
    if not path.is_file():
        sys.exit(f"eval_hedging.py: {path} does not exist")
    return [path]


def read_bioscope(path: Path, *, limit: int | None = None) -> list[BioSentence]:
    """Return the sentences of BioScope XML file(s) with their speculation cues."""
    out: list[BioSentence] = []
    for file in bioscope_files(path):
        for element in ET.parse(file).iter("sentence"):
            out.append(_bio_sentence(element))
    if limit and limit < len(out):
        step = len(out) / limit
        out = [out[int(i * step)] for i in range(limit)]
    return out


def _bio_sentence(element: ET.Element) -> BioSentence:
    parts: list[str] = []
    cues: dict[str, set[int]] = {}

    def walk(node: ET.Element) -> None:
        start = sum(len(p) for p in parts)
        if node.text:
            parts.append(node.text)
        for child in node:
            walk(child)
            if child.tail:
                parts.append(child.tail)
        if node.tag == "cue" and node.get("type") == "speculation":
            end = start + len("".join(node.itertext()))
            cues.setdefault(node.get("ref", str(start)), set()).update(range(start, end))

    walk(element)
    return BioSentence("".join(parts), [frozenset(c) for c in cues.values() if c])


# -- scoring ------------------------------------------------------------------------------


@dataclass
class PRF:
    """Precision, recall and F1 from running counts."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    n_pred_ok: int | None = None  # for cue level: correct predictions (may differ from tp)

    @property
    def precision(self) -> float:
        ok = self.tp if self.n_pred_ok is None else self.n_pred_ok
        total = self.tp + self.fp if self.n_pred_ok is None else self.n_pred_ok + self.fp
        return ok / total if total else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def sentence_scores(predicted: list[bool], gold: list[bool]) -> PRF:
    """Return P/R/F1 of the positive ("uncertain") class."""
    s = PRF()
    for p, g in zip(predicted, gold, strict=True):
        s.tp += p and g
        s.fp += p and not g
        s.fn += g and not p
    return s


def cue_scores(
    predicted: list[list[tuple[int, int]]], gold: list[list[frozenset[int]]], *, exact: bool = False
) -> PRF:
    """Return cue-level P/R/F1: overlap match (default) or exact start/end match."""
    s = PRF(n_pred_ok=0)
    for pred, cues in zip(predicted, gold, strict=True):
        spans = [frozenset(range(a, b)) for a, b in pred]
        for span in spans:
            if any((span == c) if exact else (span & c) for c in cues):
                s.n_pred_ok = (s.n_pred_ok or 0) + 1
            else:
                s.fp += 1
        for c in cues:
            if any((span == c) if exact else (span & c) for span in spans):
                s.tp += 1
            else:
                s.fn += 1
    return s


_WORD = re.compile(r"[A-Za-z]+(?:[-'][A-Za-z]+)*")


def baseline_cues(text: str) -> list[tuple[int, int]]:
    """Return the character spans of every baseline word in ``text``."""
    return [m.span() for m in _WORD.finditer(text) if m.group().lower() in BASELINE_WORDS]


# -- running sourcecrit -------------------------------------------------------------------


def parsed_docs(
    texts: list[str], *, desc: str, batch_size: int, n_process: int, reading: str = "news"
) -> Iterator:
    """Yield each text's Doc from sourcecrit's pipeline without attribution, with progress."""
    from tqdm import tqdm

    from sourcecrit.pipeline import get_nlp

    nlp = get_nlp(reading=reading)
    # Attribution is not measured here; leaving it out makes the run faster and cannot
    # change the hedging results (the hedging component does not read it).
    with nlp.select_pipes(disable=["sourcecrit_attribution"]):
        docs = nlp.pipe(texts, batch_size=batch_size, n_process=n_process)
        yield from tqdm(docs, total=len(texts), desc=desc, unit="sent", file=sys.stderr)


def parsed(
    texts: list[str], *, desc: str, batch_size: int, n_process: int, reading: str = "news"
) -> Iterator[list[dict]]:
    """Yield sourcecrit's hedge records for each text, parsing with ``nlp.pipe``."""
    docs = parsed_docs(
        texts, desc=desc, batch_size=batch_size, n_process=n_process, reading=reading
    )
    for doc in docs:
        yield list(doc._.sc_hedges or [])


def table(title: str, rows: Iterable[tuple[str, PRF]], *, note: str = "") -> str:
    lines = [f"### {title}", "", "| system | precision | recall | F1 |", "|---|---:|---:|---:|"]
    for name, s in rows:
        lines.append(f"| {name} | {s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f} |")
    if note:
        lines += ["", note]
    return "\n".join(lines) + "\n"


def cue_ablation(cue_ids: list[set[str]], gold: list[bool]) -> str:
    """Return a table: per lexicon record, its sentence hits and F1 without it.

    ``cue_ids[i]`` holds the ids of the hedge/weasel records found in sentence ``i``. For
    each record: on even rows, how many flagged sentences it appears in are uncertain /
    certain by the gold label, and the even- and odd-row F1 when that record alone is left
    out (a leave-one-out ablation). It shows which records cost more precision than they
    bring recall, and whether that holds on the odd rows the lexicon was not checked on.
    """
    halves = {p: [i for i in range(len(gold)) if i % 2 == p] for p in (0, 1)}

    def f1(parity: int, drop: str | None) -> float:
        idx = halves[parity]
        pred = [bool(cue_ids[i] - {drop}) for i in idx]
        return sentence_scores(pred, [gold[i] for i in idx]).f1

    base = (f1(0, None), f1(1, None))
    lines = [
        f"### Leave-one-out by lexicon record (even F1 {base[0]:.3f}, odd F1 {base[1]:.3f})",
        "",
        "| record | even: in uncertain | even: in certain | even F1 without | odd F1 without |",
        "|---|---:|---:|---:|---:|",
    ]
    rows = []
    for cid in sorted(set().union(*cue_ids)):
        hits = [gold[i] for i in halves[0] if cid in cue_ids[i]]
        rows.append((sum(hits), len(hits) - sum(hits), cid, f1(0, cid), f1(1, cid)))
    for pos, neg, cid, even, odd in sorted(rows, key=lambda r: (-r[0] - r[1], r[2])):
        lines.append(f"| {cid} | {pos} | {neg} | {even:.3f} | {odd:.3f} |")
    return "\n".join(lines) + "\n"


def evaluate_wiki(
    path: Path,
    *,
    limit: int | None,
    batch_size: int,
    n_process: int,
    by_cue: bool = False,
    without: frozenset[str] = frozenset(),
    reading: str = "news",
) -> str:
    """Return the sentence-level tables (all, even, odd rows) for a CoNLL-2010 Wikipedia CSV.

    ``without`` names lexicon records to leave out in an extra row, e.g. to see what the
    sentence F1 would be if "may" did not count (the record stays in the product).
    """
    rows = read_wiki(path, limit=limit)
    texts, gold = [t for t, _ in rows], [g for _, g in rows]
    cue_ids = [
        {r["id"] for r in recs if r["category"] in ("hedge", "weasel")}
        for recs in parsed(
            texts, desc="wiki-weasel", batch_size=batch_size, n_process=n_process, reading=reading
        )
    ]
    ours = [bool(ids) for ids in cue_ids]
    base = [bool(baseline_cues(t)) for t in texts]
    out = []
    for label, keep in (
        ("all rows", lambda i: True),
        ("even rows", lambda i: i % 2 == 0),
        ("odd rows", lambda i: i % 2 == 1),
    ):
        idx = [i for i in range(len(rows)) if keep(i)]
        g = [gold[i] for i in idx]
        systems = [("sourcecrit (hedge or weasel cue)", sentence_scores([ours[i] for i in idx], g))]
        if without:
            systems.append(
                (
                    f"sourcecrit without {', '.join(sorted(without))}",
                    sentence_scores([bool(cue_ids[i] - without) for i in idx], g),
                )
            )
        systems.append(("baseline word list", sentence_scores([base[i] for i in idx], g)))
        out.append(
            table(
                f"CoNLL-2010 Wikipedia, sentence level, {label} ({len(idx):,} sentences, "
                f"{sum(g):,} uncertain; reading: {reading})",
                systems,
            )
        )
    if by_cue:
        out.append(cue_ablation(cue_ids, gold))
    return "\n".join(out)


def evaluate_bioscope(
    path: Path, *, limit: int | None, batch_size: int, n_process: int, reading: str = "news"
) -> str:
    sentences = read_bioscope(path, limit=limit)
    texts = [s.text for s in sentences]
    gold = [s.cues for s in sentences]
    ours = [
        [(r["start"], r["end"]) for r in recs if r["category"] == "hedge"]
        for recs in parsed(
            texts, desc="bioscope", batch_size=batch_size, n_process=n_process, reading=reading
        )
    ]
    base = [baseline_cues(t) for t in texts]
    n_cues = sum(len(c) for c in gold)
    return table(
        f"BioScope speculation cues, cue level ({len(sentences):,} sentences, {n_cues:,} cues; "
        f"reading: {reading})",
        [
            ("sourcecrit hedges (overlap)", cue_scores(ours, gold)),
            ("baseline word list (overlap)", cue_scores(base, gold)),
            ("sourcecrit hedges (exact)", cue_scores(ours, gold, exact=True)),
            ("baseline word list (exact)", cue_scores(base, gold, exact=True)),
        ],
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--wiki", type=Path, help="CoNLL-2010 Wikipedia CSV (text,label)")
    parser.add_argument("--bioscope", type=Path, help="BioScope folder or XML file")
    parser.add_argument("--limit", type=int, help="use N sentences per corpus, spread evenly")
    parser.add_argument("--batch-size", type=int, default=256)
    parser.add_argument("--n-process", type=int, default=1)
    parser.add_argument(
        "--by-cue", action="store_true", help="wiki: add a leave-one-out table per lexicon record"
    )
    parser.add_argument(
        "--without",
        metavar="IDS",
        help="wiki: add a row scored as if these lexicon records (comma-separated ids) were absent",
    )
    parser.add_argument(
        "--reading",
        choices=("news", "wikipedia"),
        default="news",
        help="how the hedging component reads (default news); printed in every table title",
    )
    args = parser.parse_args(argv)
    without = frozenset(w.strip() for w in (args.without or "").split(",") if w.strip())
    if without:
        from sourcecrit.hedging.lexicon import load_lexicon

        unknown = sorted(without - {e.id for e in load_lexicon().entries})
        if unknown:
            parser.error(f"--without: no lexicon record has the id {unknown[0]!r}")
    if not (args.wiki or args.bioscope):
        parser.error("give --wiki PATH, --bioscope PATH or both")
    if args.wiki and not args.wiki.is_file():
        parser.error(f"--wiki: {args.wiki} is not a file")
    opts = {
        "limit": args.limit,
        "batch_size": args.batch_size,
        "n_process": args.n_process,
        "reading": args.reading,
    }
    if args.wiki:
        print(evaluate_wiki(args.wiki, by_cue=args.by_cue, without=without, **opts))
    if args.bioscope:
        print(evaluate_bioscope(args.bioscope, **opts))
    return 0


if __name__ == "__main__":
    sys.exit(main())
