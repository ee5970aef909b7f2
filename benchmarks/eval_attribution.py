"""Score sourcecrit's attributions (and textacy's direct quotations) on a PolNeAR-format folder.

Usage::

    .venv/bin/python benchmarks/eval_attribution.py ../shared/data/polnear/dev [--limit N]
        [--offset K] [--no-textacy] [--by-cue]

The folder holds ``text/NAME.txt`` and ``attributions/NAME_XXXX.ann`` (brat standoff, as
published with PolNeAR, Newell, Margolin & Ruths, LREC 2018). When several annotators
annotated one article, the first ``.ann`` in sorted order is used.

Metrics (the same definitions as ``../shared/data/README.md``):

- **precision**: share of predicted attributions whose content has at least half of its
  characters inside one gold Content span (discontinuous gold spans count as the union of
  their pieces).
- **recall**: share of gold attributions matched. Matching is one-to-one: each prediction,
  in text order, takes the unmatched gold attribution holding the largest share of its
  content characters (at least half). A prediction that only fits an already-matched gold
  Content still counts as correct for precision but adds nothing to recall.
- **source overlap** (among matches): share of matched pairs whose predicted source shares
  at least one character with the gold Source, or where both have no source.
- **cue overlap** (among matches): share of matched pairs whose predicted cue shares at
  least one character with the gold Cue.
- **nested predictions**: a prediction whose cue lies inside another prediction's content
  ("Smith said [voters *want* change]") is counted like any other prediction, and the
  table shows how many there are. PolNeAR annotates no nested attribution (none of the
  2,192 dev gold attributions has its cue inside another's Content), so the usual test
  cannot judge one: its content lies inside the outer gold Content and always "matches".
  ``nested_precision`` therefore scores nested predictions strictly: one is right only when
  it matches a gold Content that does not hold its own cue. ``--strict-nested`` scores them
  that way in the headline precision and recall too (every nested prediction PolNeAR does
  not confirm counts as wrong).
- **recall (quotes)**: recall over the gold attributions whose Content contains a double
  quote mark (``"``, ``“``, ``”``, ``«``, ``»``).

textacy's ``direct_quotations`` runs on the same parsed Docs; when it raises (it refuses
texts with an odd number of quote marks), that article counts as empty output.

``--by-cue`` adds sourcecrit's least precise cue lemmas: where the lexicon or the rules
attribute more than the annotators did.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

QUOTE_MARKS = frozenset('"“”«»')
_ANN_LINE = re.compile(r"^[TEARMN#*]\d*\t")


@dataclass
class GoldAttribution:
    """One gold attribution: sets of character offsets for content, source and cue."""

    content: frozenset[int]
    source: frozenset[int] = field(default_factory=frozenset)
    cue: frozenset[int] = field(default_factory=frozenset)
    has_quote: bool = False


@dataclass
class Prediction:
    """One predicted attribution as character offsets (``None`` when missing)."""

    content_start: int
    content_end: int
    source_start: int | None = None
    source_end: int | None = None
    cue_start: int | None = None
    cue_end: int | None = None


@dataclass
class Counts:
    """Running totals for one system."""

    n_pred: int = 0
    n_pred_correct: int = 0
    n_gold: int = 0
    n_matched: int = 0
    n_source_ok: int = 0
    n_cue_ok: int = 0
    n_gold_quote: int = 0
    n_matched_quote: int = 0
    n_failed_docs: int = 0
    n_nested: int = 0
    n_nested_correct: int = 0

    def row(self) -> dict[str, float]:
        """Return the metrics as fractions (0.0 where the denominator is 0)."""

        def div(a: int, b: int) -> float:
            return a / b if b else 0.0

        return {
            "precision": div(self.n_pred_correct, self.n_pred),
            "recall": div(self.n_matched, self.n_gold),
            "source_overlap": div(self.n_source_ok, self.n_matched),
            "cue_overlap": div(self.n_cue_ok, self.n_matched),
            "recall_quotes": div(self.n_matched_quote, self.n_gold_quote),
            "nested_precision": div(self.n_nested_correct, self.n_nested),
            "n_nested": self.n_nested,
            "n_pred": self.n_pred,
            "n_gold": self.n_gold,
            "failed_docs": self.n_failed_docs,
        }


def _offsets(spec: str) -> frozenset[int]:
    chars: set[int] = set()
    for piece in spec.split(";"):
        start, end = piece.split()
        chars.update(range(int(start), int(end)))
    return frozenset(chars)


def read_ann(path: Path, text: str) -> list[GoldAttribution]:
    """Return the gold attributions of one brat ``.ann`` file.

    Args:
        path: the ``.ann`` file.
        text: the article text the offsets point into (to see quote marks).

    Raises:
        ValueError: a line is not valid brat standoff; the message names file and line.
    """
    spans: dict[str, tuple[str, frozenset[int]]] = {}
    events: list[dict[str, str]] = []
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or not _ANN_LINE.match(line):
            # A span's text may hold a line break: its tail is a line of plain text.
            continue
        try:
            ident, rest = line.split("\t", 1)
            if ident.startswith("T"):
                label_offsets = rest.split("\t", 1)[0]
                label, spec = label_offsets.split(" ", 1)
                spans[ident] = (label, _offsets(spec))
            elif ident.startswith("E"):
                roles = {}
                for arg in rest.split():
                    role, target = arg.split(":", 1)
                    roles[role] = target
                events.append(roles)
        except ValueError as exc:
            raise ValueError(f"{path}:{lineno}: not brat standoff: {line!r}") from exc
    gold = []
    for roles in events:
        content_id = roles.get("Content")
        if content_id is None or content_id not in spans:
            continue
        content = spans[content_id][1]
        source = spans[roles["Source"]][1] if roles.get("Source") in spans else frozenset()
        cue = spans[roles["Cue"]][1] if roles.get("Cue") in spans else frozenset()
        has_quote = any(text[i] in QUOTE_MARKS for i in content if i < len(text))
        gold.append(GoldAttribution(content, source, cue, has_quote))
    return gold


def read_corpus(folder: Path) -> list[tuple[str, str, list[GoldAttribution]]]:
    """Return ``(name, text, gold)`` for every article with an annotation file.

    Args:
        folder: a PolNeAR-format folder with ``text/`` and ``attributions/``.
    """
    text_dir, ann_dir = folder / "text", folder / "attributions"
    if not text_dir.is_dir() or not ann_dir.is_dir():
        raise SystemExit(f"{folder} must contain text/ and attributions/ folders")
    anns = sorted(ann_dir.glob("*.ann"))
    articles = []
    for text_path in sorted(text_dir.glob("*.txt")):
        name = text_path.stem
        # Annotation files are NAME_XXXX.ann: the suffix after the last "_" is the annotator.
        candidates = [a for a in anns if a.stem.rsplit("_", 1)[0] == name]
        if not candidates:
            continue
        text = text_path.read_text(encoding="utf-8")
        articles.append((name, text, read_ann(candidates[0], text)))
    return articles


def _overlaps(start: int | None, end: int | None, chars: frozenset[int]) -> bool:
    if start is None or end is None:
        return False
    return any(i in chars for i in range(start, end))


def is_nested(pred: Prediction, others: list[Prediction]) -> bool:
    """Return True when ``pred``'s cue lies inside another prediction's content."""
    if pred.cue_start is None:
        return False
    return any(o is not pred and o.content_start <= pred.cue_start < o.content_end for o in others)


def _confirmed(pred: Prediction, gold: list[GoldAttribution]) -> int:
    """Return 1 when half of ``pred``'s content lies in a gold Content not holding its cue."""
    length = pred.content_end - pred.content_start
    for g in gold:
        if length <= 0 or _overlaps(pred.cue_start, pred.cue_end, g.content):
            continue
        inside = sum(1 for i in range(pred.content_start, pred.content_end) if i in g.content)
        if inside * 2 >= length:
            return 1
    return 0


def score_document(
    predictions: Iterable[Prediction],
    gold: list[GoldAttribution],
    counts: Counts,
    *,
    strict_nested: bool = False,
) -> None:
    """Add one document's predictions, scored against its gold attributions, to ``counts``.

    Args:
        strict_nested: a nested prediction (:func:`is_nested`) may not match the gold Content
            that holds its own cue (the outer attribution); off by default, see the module
            docstring. ``nested_precision`` is always scored this way.
    """
    counts.n_gold += len(gold)
    counts.n_gold_quote += sum(g.has_quote for g in gold)
    matched: set[int] = set()
    predictions = sorted(predictions, key=lambda p: (p.content_start, p.content_end))
    for pred in predictions:
        counts.n_pred += 1
        nested = is_nested(pred, predictions)
        counts.n_nested += nested
        length = pred.content_end - pred.content_start
        if length <= 0:
            continue
        shares, confirmed = [], False
        for gi, g in enumerate(gold):
            inside = sum(1 for i in range(pred.content_start, pred.content_end) if i in g.content)
            if inside * 2 < length:
                continue
            holds_cue = _overlaps(pred.cue_start, pred.cue_end, g.content)
            confirmed = confirmed or not holds_cue
            if strict_nested and nested and holds_cue:
                continue  # g is the attribution this one is nested in, not its match
            shares.append((inside / length, -gi, gi))
        counts.n_nested_correct += nested and confirmed
        if not shares:
            continue
        counts.n_pred_correct += 1
        free = [s for s in shares if s[2] not in matched]
        if not free:
            continue
        gi = max(free)[2]
        matched.add(gi)
        g = gold[gi]
        counts.n_matched += 1
        counts.n_matched_quote += g.has_quote
        no_source = pred.source_start is None and not g.source
        if no_source or _overlaps(pred.source_start, pred.source_end, g.source):
            counts.n_source_ok += 1
        if _overlaps(pred.cue_start, pred.cue_end, g.cue):
            counts.n_cue_ok += 1


def sourcecrit_predictions(doc) -> list[Prediction]:
    """Return sourcecrit's attributions on a Doc processed by ``get_nlp()``."""
    return [
        Prediction(
            r["content_start"],
            r["content_end"],
            r["source_start"],
            r["source_end"],
            r["cue_start"],
            r["cue_end"],
        )
        for r in doc._.sc_attributions or []
        if r["content_start"] is not None
    ]


def textacy_predictions(doc) -> list[Prediction]:
    """Return textacy 0.13 ``direct_quotations`` as predictions; errors give no output."""
    from textacy.extract.triples import direct_quotations

    try:
        triples = list(direct_quotations(doc))
    except Exception:  # noqa: BLE001 - any textacy failure counts as empty output
        return []

    def bounds(tokens) -> tuple[int | None, int | None]:
        tokens = list(tokens)
        if not tokens:
            return None, None
        return min(t.idx for t in tokens), max(t.idx + len(t) for t in tokens)

    out = []
    for triple in triples:
        c0, c1 = bounds(triple.content)
        s0, s1 = bounds(triple.speaker)
        q0, q1 = bounds(triple.cue)
        out.append(Prediction(c0, c1, s0, s1, q0, q1))
    return out


def textacy_failed(doc) -> bool:
    """Return True when textacy's ``direct_quotations`` raises on ``doc``."""
    from textacy.extract.triples import direct_quotations

    try:
        list(direct_quotations(doc))
    except Exception:  # noqa: BLE001
        return True
    return False


def cue_lemma(doc, record: dict) -> str:
    """Return the lemma of a record's cue ("said" -> "say"; "according to" -> "according")."""
    if record["cue_start"] is None:
        return "(no cue)"
    span = doc.char_span(record["cue_start"], record["cue_end"], alignment_mode="expand")
    return span.root.lemma_.lower() if span is not None else record["cue"].lower()


def rule_of(doc, record: dict, nested: bool) -> str:
    """Return the confidence key of a record: rule, cue category, nested (see confidence.py)."""
    from sourcecrit.attribution.confidence import rule_key

    return rule_key(record["rule"], category=record["cue_category"], nested=nested)


def _cue_key(doc, record: dict, nested: bool) -> str:
    return cue_lemma(doc, record)


def tally_cues(
    doc,
    gold: list[GoldAttribution],
    tally: dict[str, list[int]],
    *,
    key: Callable[[Any, dict, bool], str] = _cue_key,
    strict_nested: bool = False,
) -> None:
    """Add each sourcecrit prediction on ``doc`` to ``tally[key]`` as [predicted, correct].

    A prediction is correct as in :func:`score_document` (half its content inside one gold
    Content that does not hold its cue), judged on its own, so the per-cue figures do not
    depend on the order in which predictions are matched. ``key`` is :func:`cue_lemma` (the
    default, by
    :func:`cue_lemma`) or :func:`rule_of`; it is given the doc, the record and whether the
    record is nested (:func:`is_nested`).
    """
    records = [r for r in doc._.sc_attributions or [] if r["content_start"] is not None]
    preds = [
        Prediction(
            r["content_start"], r["content_end"], cue_start=r["cue_start"], cue_end=r["cue_end"]
        )
        for r in records
    ]
    for record, pred in zip(records, preds):
        counts = Counts()
        nested = is_nested(pred, preds)
        score_document([pred], gold, counts)
        # alone, a prediction is never nested: judge a nested one as score_document would
        correct = (
            counts.n_pred_correct if not (nested and strict_nested) else _confirmed(pred, gold)
        )
        entry = tally.setdefault(key(doc, record, nested), [0, 0])
        entry[0] += 1
        entry[1] += correct


def format_cue_table(
    tally: dict[str, list[int]], *, min_count: int = 15, most: int = 40, what: str = "cue"
) -> str:
    """Return a Markdown table of the least precise cues with at least ``min_count`` predictions."""
    rows = [(ok / n, n, cue) for cue, (n, ok) in tally.items() if n >= min_count]
    rows.sort(key=lambda r: (r[0], -r[1], r[2]))
    lines = [
        f"### sourcecrit precision by {what} (least precise first, at least {min_count} predictions)",
        "",
        f"| {what} | predicted | precision |",
        "|---|---:|---:|",
    ]
    lines += [f"| {cue} | {n} | {p:.3f} |" for p, n, cue in rows[:most]]
    return "\n".join(lines)


def format_table(rows: dict[str, dict[str, float]]) -> str:
    """Return a Markdown table of the metric rows, one per system."""
    cols = ["precision", "recall", "source_overlap", "cue_overlap", "recall_quotes"]
    cols += ["nested_precision"]
    head = "| system | " + " | ".join(cols) + " | predicted | nested | gold | failed docs |"
    sep = "|---" * (len(cols) + 5) + "|"
    lines = [head, sep]
    for name, row in rows.items():
        vals = " | ".join(f"{row[c]:.3f}" for c in cols)
        counts = f"{row['n_pred']} | {row['n_nested']} | {row['n_gold']} | {row['failed_docs']}"
        lines.append(f"| {name} | {vals} | {counts} |")
    return "\n".join(lines)


def evaluate(
    articles: list[tuple[str, str, list[GoldAttribution]]],
    *,
    systems: dict[str, Callable],
    nlp=None,
    progress: bool = True,
    cue_tally: dict[str, list[int]] | None = None,
    rule_tally: dict[str, list[int]] | None = None,
    strict_nested: bool = False,
) -> dict[str, dict[str, float]]:
    """Parse every article once and score each system on the parsed Docs.

    Args:
        articles: the result of :func:`read_corpus`.
        systems: name -> function returning a list of :class:`Prediction` for a Doc.
        nlp: the pipeline; defaults to ``sourcecrit.pipeline.get_nlp()``.
        progress: show a tqdm bar on stderr.
        cue_tally: when given, filled with sourcecrit's per-cue counts (:func:`tally_cues`).
        rule_tally: when given, filled with sourcecrit's counts per rule (:func:`rule_of`).
        strict_nested: see :func:`score_document`.
    """
    from tqdm import tqdm

    if nlp is None:
        from sourcecrit.pipeline import get_nlp

        nlp = get_nlp()
    counts = {name: Counts() for name in systems}
    docs = nlp.pipe(text for _, text, _ in articles)
    bar = tqdm(zip(articles, docs), total=len(articles), file=sys.stderr, disable=not progress)
    for (_, _, gold), doc in bar:
        if cue_tally is not None:
            tally_cues(doc, gold, cue_tally, strict_nested=strict_nested)
        if rule_tally is not None:
            tally_cues(doc, gold, rule_tally, key=rule_of, strict_nested=strict_nested)
        for name, predict in systems.items():
            preds = predict(doc)
            if name.startswith("textacy") and textacy_failed(doc):
                counts[name].n_failed_docs += 1
            score_document(preds, gold, counts[name], strict_nested=strict_nested)
    return {name: c.row() for name, c in counts.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="PolNeAR-format folder (text/, attributions/)")
    parser.add_argument("--limit", type=int, default=None, help="score only the first N articles")
    parser.add_argument(
        "--offset",
        type=int,
        default=0,
        help="skip the first K articles (with --limit: a slice of a folder not used for tuning)",
    )
    parser.add_argument("--no-textacy", action="store_true", help="skip the textacy row")
    parser.add_argument(
        "--by-cue",
        action="store_true",
        help="add a table of sourcecrit's least precise cues (by lemma)",
    )
    parser.add_argument(
        "--by-rule",
        action="store_true",
        help="add a table of sourcecrit's precision per rule (the keys of rule confidence)",
    )
    parser.add_argument(
        "--strict-nested",
        action="store_true",
        help="a nested prediction may not match the gold Content holding its cue",
    )
    args = parser.parse_args(argv)
    end = args.offset + args.limit if args.limit is not None else None
    articles = read_corpus(args.folder)[args.offset : end]
    systems: dict[str, Callable] = {"sourcecrit": sourcecrit_predictions}
    if not args.no_textacy:
        systems["textacy 0.13 direct_quotations"] = textacy_predictions
    tally: dict[str, list[int]] | None = {} if args.by_cue else None
    rules: dict[str, list[int]] | None = {} if args.by_rule else None
    rows = evaluate(
        articles,
        systems=systems,
        cue_tally=tally,
        rule_tally=rules,
        strict_nested=args.strict_nested,
    )
    skipped = f" (after the first {args.offset})" if args.offset else ""
    print(f"{len(articles)} articles from {args.folder}{skipped}")
    print(format_table(rows))
    if tally is not None:
        print()
        print(format_cue_table(tally))
    if rules is not None:
        print()
        print(format_cue_table(rules, min_count=1, most=100, what="rule"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
