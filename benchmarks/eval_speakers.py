"""Score sourcecrit's ``speaker`` and ``source_type`` columns on the PolNeAR speaker gold.

Usage::

    .venv/bin/python benchmarks/eval_speakers.py GOLD_JSON POLNEAR_DIR [--baseline REF]
        [--errors] [--json]

``GOLD_JSON`` is ``../shared/data/polnear-speakers/dev.json``; ``POLNEAR_DIR`` the PolNeAR
folder its articles come from (``../shared/data/polnear/dev``, with ``text/`` and
``attributions/``). Each gold record ``{"id": "<article>#<k>", "kind", "name"}`` resolves the
Source of the k-th ``E`` line of the article's first ``.ann`` file (PolNeAR, Newell, Margolin
& Ruths, LREC 2018).

Metrics (as ``../shared/data/README.md`` defines them):

- **speaker accuracy**: among gold *person* attributions that a prediction matches on
  content (the one-to-one content matching of ``eval_attribution.py``: a prediction takes
  the unmatched gold Content holding the largest share, at least half, of its content), the
  share whose ``speaker`` names the same person: the gold surname is a word of it, and no
  first name in it conflicts with the gold first name ("Bill Clinton" is not "Hillary
  Clinton"; "Mrs. Clinton" and "Clinton" are).
- split by how the gold Source names the person: **name** when the Source text holds a word
  of the gold name ("Trump", "Mr. Kamin"), else **pronoun/description** ("he", "who",
  "the Republican nominee");
- **source types**: gold ``kind`` (person, organisation, document, group, anonymous;
  ``unclear`` left out) against the matched prediction's ``source_type``, as a confusion
  table.

Beside sourcecrit the script prints a **baseline**: the speaker taken to be the raw source
text (what the column would say with no resolution at all). ``--baseline REF`` also scores
the sourcecrit of a git revision (``main``, a commit): its ``src/`` is exported with
``git archive`` into a temporary folder and this script runs on it in a subprocess.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tarfile
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
KINDS = ("person", "organisation", "document", "group", "anonymous")
#: Words before a surname that are titles, not first names.
TITLES = frozenset(
    "mr mrs ms miss dr sen rep gov gen president former vice senator governor secretary "
    "the first lady sir dame rev judge justice mayor general".split()
)
_ANN_LINE = re.compile(r"^[TEARMN#*]\d*\t")


@dataclass
class GoldEvent:
    """One ``E`` line: character sets of content and source, and the source text."""

    content: frozenset[int]
    source: frozenset[int]
    source_text: str


def _offsets(spec: str) -> frozenset[int]:
    chars: set[int] = set()
    for piece in spec.split(";"):
        start, end = piece.split()
        chars.update(range(int(start), int(end)))
    return frozenset(chars)


def read_events(path: Path, text: str) -> list[GoldEvent | None]:
    """Return every ``E`` line of a brat file in file order (None where it has no Content)."""
    spans: dict[str, frozenset[int]] = {}
    events: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not _ANN_LINE.match(line):
            continue
        ident, rest = line.split("\t", 1)
        if ident.startswith("T"):
            spans[ident] = _offsets(rest.split("\t", 1)[0].split(" ", 1)[1])
        elif ident.startswith("E"):
            events.append(dict(arg.split(":", 1) for arg in rest.split()))
    out: list[GoldEvent | None] = []
    for roles in events:
        content = spans.get(roles.get("Content", ""))
        if content is None:
            out.append(None)
            continue
        source = spans.get(roles.get("Source", ""), frozenset())
        # Discontinuous pieces are joined with a space; a gap inside one piece cannot occur.
        words, last = [], None
        for i in sorted(source):
            if last is not None and i != last + 1:
                words.append(" ")
            words.append(text[i])
            last = i
        out.append(GoldEvent(content, source, "".join(words)))
    return out


#: Name particles that belong to the surname ("Bill de Blasio"), never a first name.
PARTICLES = frozenset("de da di del la le van von der bin al".split())


def _words(name: str) -> list[str]:
    return [w for w in re.split(r"[^\w'-]+", name.lower().replace("’", "'")) if w]


def _surname(name: str) -> str:
    words = [w for w in _words(name) if w not in {"jr", "sr", "ii", "iii"}]
    return words[-1] if words else ""


def same_person(predicted: str | None, gold: str) -> bool:
    """Return True when ``predicted`` names the gold person (surname present, no other first name)."""
    if not predicted:
        return False
    pw, gw = _words(predicted), _words(gold)
    surname = _surname(gold)
    if surname not in pw:
        return False
    before = [w for w in pw[: pw.index(surname)] if w not in TITLES | PARTICLES and len(w) > 1]
    gold_first = [w for w in gw[: gw.index(surname)] if w not in PARTICLES and len(w) > 1]
    if before and gold_first and before[0] != gold_first[0]:
        return False
    return True


def named_by_source(source_text: str, gold_name: str) -> bool:
    """Return True when the gold Source text holds a word of the gold name (a *name* source)."""
    source = set(_words(source_text))
    return any(len(w) > 1 and w in source for w in _words(gold_name))


def _sentence_around(text: str, char: int, *, width: int = 200) -> str:
    """Return the line holding ``char``, cut to ``width`` characters either side of it."""
    start = max(text.rfind("\n", 0, char) + 1, char - width)
    end = text.find("\n", char)
    end = min(len(text) if end == -1 else end, char + width)
    return text[start:end]


def match(preds: list[dict], events: list[GoldEvent | None]) -> dict[int, dict]:
    """Return gold event index -> the prediction matched to it (eval_attribution's matching)."""
    matched: dict[int, dict] = {}
    for pred in sorted(preds, key=lambda p: (p["content_start"], p["content_end"])):
        length = pred["content_end"] - pred["content_start"]
        if length <= 0:
            continue
        shares = []
        for gi, g in enumerate(events):
            if g is None:
                continue
            inside = sum(
                1 for i in range(pred["content_start"], pred["content_end"]) if i in g.content
            )
            if inside * 2 >= length and gi not in matched:
                shares.append((inside / length, -gi, gi))
        if shares:
            matched[max(shares)[2]] = pred
    return matched


def predictions(folder: Path, names: list[str]) -> dict[str, tuple[str, list[dict]]]:
    """Return article -> (text, attribution records) from the sourcecrit on the path."""
    from sourcecrit.pipeline import get_nlp

    nlp = get_nlp()
    texts = [(folder / "text" / f"{n}.txt").read_text(encoding="utf-8") for n in names]
    out = {}
    for name, text, doc in zip(names, texts, nlp.pipe(texts), strict=True):
        keep = (
            "speaker",
            "source_text",
            "source_start",
            "source_end",
            "source_type",
            "content_start",
            "content_end",
        )
        out[name] = (text, [{k: r[k] for k in keep} for r in doc._.sc_attributions or []])
    return out


def score(gold: list[dict], folder: Path, *, raw_source: bool = False) -> dict:
    """Return the figures (counts, confusion and errors) for the sourcecrit on the path."""
    by_article: dict[str, dict[int, dict]] = {}
    for g in gold:
        name, k = g["id"].rsplit("#", 1)
        by_article.setdefault(name, {})[int(k)] = g
    names = sorted(by_article)
    preds = predictions(folder, names)
    tallies = {"all": [0, 0], "name": [0, 0], "pronoun/description": [0, 0]}
    raw = {"all": [0, 0], "name": [0, 0], "pronoun/description": [0, 0]}
    confusion: Counter[tuple[str, str]] = Counter()
    errors = []
    wrong_source = 0  # errors where the predicted source phrase is not the gold Source at all
    for name in names:
        text, records = preds[name]
        ann = sorted((folder / "attributions").glob(f"{name}_*.ann"))[0]
        events = read_events(ann, text)
        pairs = match(records, events)
        for k, g in by_article[name].items():
            pred = pairs.get(k)
            if pred is None or events[k] is None:
                continue
            if g["kind"] in KINDS:
                confusion[(g["kind"], pred["source_type"] or "(none)")] += 1
            if g["kind"] != "person" or not g["name"]:
                continue
            split = (
                "name"
                if named_by_source(events[k].source_text, g["name"])
                else "pronoun/description"
            )
            ok = same_person(pred["speaker"], g["name"])
            ok_raw = same_person(pred["source_text"], g["name"])
            for key in ("all", split):
                tallies[key][0] += 1
                tallies[key][1] += ok
                raw[key][0] += 1
                raw[key][1] += ok_raw
            if not ok:
                start, end = pred["source_start"], pred["source_end"]
                same_source = start is not None and any(
                    i in events[k].source for i in range(start, end)
                )
                wrong_source += not same_source
                errors.append(
                    f"{g['id']}: {'' if same_source else '[other source] '}source {events[k].source_text!r} gold {g['name']!r} "
                    f"predicted {pred['speaker']!r} (source text {pred['source_text']!r})"
                    f"\n    in: {_sentence_around(text, min(events[k].source or {pred['content_start']}))!r}"
                )
    n_gold_person = sum(1 for g in gold if g["kind"] == "person")
    return {
        "accuracy": tallies,
        "raw_source": raw,
        "confusion": {f"{a}|{b}": n for (a, b), n in confusion.items()},
        "errors": errors,
        "wrong_source": wrong_source,
        "n_gold_person": n_gold_person,
    }


def baseline_figures(ref: str, gold_path: Path, folder: Path) -> dict:
    """Score the sourcecrit of git revision ``ref``: export its ``src/`` and run this script on it."""
    with tempfile.TemporaryDirectory() as tmp:
        archive = subprocess.run(
            ["git", "-C", str(REPO), "archive", "--format=tar", ref, "src"],
            check=True,
            capture_output=True,
        ).stdout
        tar_path = Path(tmp) / "src.tar"
        tar_path.write_bytes(archive)
        with tarfile.open(tar_path) as tar:
            tar.extractall(tmp, filter="data")
        env = dict(os.environ, PYTHONPATH=str(Path(tmp) / "src"))
        out = subprocess.run(
            [sys.executable, __file__, str(gold_path), str(folder), "--json"],
            check=True,
            capture_output=True,
            text=True,
            env=env,
            cwd=tmp,
        ).stdout
    return json.loads(out)


def _ratio(pair: list[int]) -> str:
    return f"{pair[1] / pair[0]:.3f} ({pair[1]}/{pair[0]})" if pair[0] else "n/a"


def format_accuracy(columns: dict[str, dict[str, list[int]]]) -> str:
    """Return a Markdown table: one row per split, one column per system."""
    names = list(columns)
    lines = ["| speaker accuracy | " + " | ".join(names) + " |", "|---" * (len(names) + 1) + "|"]
    for split in ("all", "pronoun/description", "name"):
        lines.append(f"| {split} | " + " | ".join(_ratio(columns[n][split]) for n in names) + " |")
    return "\n".join(lines)


def format_confusion(confusion: dict[str, int]) -> str:
    """Return the gold kind x predicted source_type table (Markdown)."""
    cells = {tuple(k.split("|")): n for k, n in confusion.items()}
    predicted = sorted({b for _, b in cells})
    lines = [
        "| gold kind \\ source_type | " + " | ".join(predicted) + " | total |",
        "|---" * (len(predicted) + 2) + "|",
    ]
    for kind in KINDS:
        row = [cells.get((kind, p), 0) for p in predicted]
        lines.append(f"| {kind} | " + " | ".join(str(n) for n in row) + f" | {sum(row)} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold", type=Path, help="polnear-speakers/dev.json")
    parser.add_argument("folder", type=Path, help="PolNeAR folder with text/ and attributions/")
    parser.add_argument(
        "--baseline", metavar="REF", help="also score the sourcecrit of this git revision"
    )
    parser.add_argument(
        "--errors",
        action="store_true",
        help="list the wrongly resolved speakers, each with the line around its gold source",
    )
    parser.add_argument("--json", action="store_true", help="print the figures as JSON only")
    args = parser.parse_args(argv)
    gold = json.loads(args.gold.read_text(encoding="utf-8"))
    if not (args.folder / "text").is_dir() or not (args.folder / "attributions").is_dir():
        parser.error(f"{args.folder} must contain text/ and attributions/ folders")
    figures = score(gold, args.folder)
    if args.json:
        print(json.dumps(figures))
        return 0
    columns = {"speaker = raw source text": figures["raw_source"]}
    if args.baseline:
        columns[f"sourcecrit at {args.baseline}"] = baseline_figures(
            args.baseline, args.gold, args.folder
        )["accuracy"]
    columns["sourcecrit (this tree)"] = figures["accuracy"]
    print(
        f"{len(gold)} gold sources, {figures['n_gold_person']} persons; scored: persons matched on content"
    )
    print()
    print(format_accuracy(columns))
    n_wrong = len(figures["errors"])
    print(
        f"\nOf the {n_wrong} wrong speakers, {figures['wrong_source']} come from a predicted source phrase "
        "that does not overlap the gold Source (source extraction, not resolution)."
    )
    print()
    print("Source types (gold kind against predicted source_type, matched attributions):")
    print()
    print(format_confusion(figures["confusion"]))
    if args.errors:
        print()
        print("\n".join(figures["errors"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
