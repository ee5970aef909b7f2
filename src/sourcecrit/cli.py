"""The ``sourcecrit`` command: a thin layer over the Python API.

    sourcecrit analyze [FILE|URL ...] [--format table|json|html] [--output PATH]
    sourcecrit checklist list | show NAME | validate PATH
    sourcecrit exercise new FOLDER --article FILE | check PATH | build PATH [--check] | grade PATH
    sourcecrit lab [--port N] [--no-browser]

Bad input exits with status 2 and one line on stderr naming the file and the problem.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from sourcecrit.analysis import Analysis, analyze_many
from sourcecrit.article import Article, load_article
from sourcecrit.cli_checklist import add_checklist_parser, run_checklist
from sourcecrit.cli_exercise import add_exercise_parser
from sourcecrit.cli_exit import EXIT_BAD_INPUT, EXIT_OK, print_error
from sourcecrit.errors import SourcecritError
from sourcecrit.resources import example_article_path

FORMATS = ("table", "json", "html")
TABLE_WIDTH = 60


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sourcecrit",
        description="Source criticism for news articles: who says what, how sure, how reliable.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    p = sub.add_parser(
        "analyze",
        help="find attributions and hedging in articles",
        description="Analyse articles (files or URLs). With no FILE, analyses the bundled "
        "example article (Izvestia, 10 March 2024).",
    )
    p.add_argument("sources", nargs="*", metavar="FILE|URL", help="article files or URLs")
    p.add_argument("--format", "-f", choices=FORMATS, default="table", help="output format")
    p.add_argument("--output", "-o", metavar="PATH", help="write to PATH instead of stdout")
    p.add_argument("--encoding", help="text encoding of the files when not UTF-8, e.g. cp1252")
    p.add_argument("--max-chars", type=int, help="size limit per article in characters")
    p.set_defaults(run=run_analyze)

    add_checklist_parser(sub)
    sub.choices["checklist"].set_defaults(run=run_checklist)
    add_exercise_parser(sub)

    p = sub.add_parser(
        "lab",
        help="open JupyterLab on the lessons",
        description="Start JupyterLab on the lesson notebooks.",
    )
    p.add_argument("--port", type=int, default=8888, help="port to serve on (default 8888)")
    p.add_argument("--no-browser", action="store_true", help="do not open a browser")
    p.add_argument("--dir", help="folder to open (default: the lessons folder)")
    p.set_defaults(run=run_lab)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = build_parser().parse_args(argv)
    try:
        return int(args.run(args))
    except SourcecritError as exc:
        print_error(str(exc))
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print_error("interrupted")
        return 130


# -- analyze ------------------------------------------------------------------------------


def run_analyze(args: argparse.Namespace) -> int:
    sources = args.sources or [str(example_article_path())]
    articles: list[Article] = []
    failed = 0
    for source in sources:
        try:
            articles.append(
                load_article(_as_source(source), encoding=args.encoding, max_chars=args.max_chars)
            )
        except SourcecritError as exc:
            failed += 1
            print_error(_name_in(str(exc), source))
    if not articles:
        return EXIT_BAD_INPUT

    analyses = list(_with_progress(analyze_many(articles), total=len(articles)))
    output = render(analyses, fmt=args.format)
    if args.output:
        Path(args.output).write_text(output, encoding="utf-8")
    else:
        sys.stdout.write(output)
    return EXIT_BAD_INPUT if failed else EXIT_OK


def render(analyses: list[Analysis], *, fmt: str) -> str:
    """Return the analyses as text in ``fmt`` (table, json or html)."""
    if fmt == "json":
        data = analyses[0].to_dict() if len(analyses) == 1 else [a.to_dict() for a in analyses]
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if fmt == "html":
        from sourcecrit.viz.highlight import standalone_page

        return "\n".join(standalone_page(a) for a in analyses) + "\n"
    if len(analyses) == 1:
        return table(analyses[0])
    return summary_table(analyses)


def table(analysis: Analysis) -> str:
    """Return a plain-text report of one Analysis: summary, attributions, sources, hedges."""
    s = analysis.summary()
    lines = [
        f"{s['article']}" + (f" ({s['date']})" if s["date"] else ""),
        f"{s['words']} words, {s['sentences']} sentences, {s['attributions']} attributions "
        f"from {s['sources']} sources; {s['hedges']} hedges, {s['boosters']} boosters, "
        f"{s['weasels']} weasel phrases.",
    ]
    lines += [f"warning: {w}" for w in analysis.warnings]
    sections = (
        (
            "Attributions",
            analysis.attributions,
            ["sentence", "speaker", "kind", "cue", "content", "source_type"],
        ),
        (
            "Sources",
            analysis.sources,
            ["speaker", "role", "source_type", "n_attributions", "aliases"],
        ),
        ("Hedging", analysis.hedges, ["sentence", "category", "cue", "explanation"]),
    )
    for title, df, cols in sections:
        lines += ["", f"{title} ({len(df)})"]
        if len(df):
            lines.append(_clip(df[cols]).to_string(index=False))
        else:
            lines.append("  none found")
    return "\n".join(lines) + "\n"


def summary_table(analyses: list[Analysis]) -> str:
    """Return one summary row per article."""
    df = pd.DataFrame([a.summary() for a in analyses])
    return df.to_string(index=False) + "\n"


def _clip(df: pd.DataFrame) -> pd.DataFrame:
    def clip(value: object) -> object:
        if isinstance(value, list):
            value = ", ".join(map(str, value))
        if isinstance(value, str):
            value = " ".join(value.split())
            return value if len(value) <= TABLE_WIDTH else value[: TABLE_WIDTH - 1] + "…"
        return "" if value is None or value is pd.NA else value

    return df.apply(lambda col: col.map(clip))


def _with_progress(items, *, total: int):
    if total < 2:
        yield from items
        return
    from tqdm.auto import tqdm

    yield from tqdm(items, total=total, desc="analysing", unit="article", file=sys.stderr)


def _as_source(source: str) -> str | Path:
    # On the command line a name is always a file or URL, never article text.
    return source if source.lower().startswith(("http://", "https://")) else Path(source)


def _name_in(message: str, source: str) -> str:
    return message if source in message else f"{source}: {message}"


# -- lab ----------------------------------------------------------------------------------


def lessons_dir() -> Path:
    """Return the lessons folder: ``notebooks/`` of a source checkout, else the cwd."""
    checkout = Path(__file__).resolve().parents[2] / "notebooks"
    return checkout if checkout.is_dir() else Path.cwd()


def run_lab(args: argparse.Namespace) -> int:
    if importlib.util.find_spec("jupyterlab") is None:
        raise SourcecritError(
            'JupyterLab is not installed here: pip install "sourcecrit[lab]" (or run make lab).'
        )
    folder = Path(args.dir) if args.dir else lessons_dir()
    if not folder.is_dir():
        raise SourcecritError(f"{folder}: no such folder.")
    command = [
        sys.executable,
        "-m",
        "jupyterlab",
        f"--ServerApp.root_dir={folder}",
        f"--port={args.port}",
    ]
    if args.no_browser:
        command.append("--no-browser")
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        # Containers and CI machines often run as root; JupyterLab refuses to without this.
        command.append("--allow-root")
    return subprocess.call(command, env=os.environ.copy())


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
