"""``sourcecrit analyze [FILE|URL ...]``: parse and delegate to :mod:`sourcecrit.analysis`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sourcecrit.cli.common import EXIT_BAD_INPUT, EXIT_OK, positive_int, print_error

FORMATS = ("table", "json", "html")


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``analyze`` command to the ``sourcecrit`` parser."""
    p = subparsers.add_parser(
        "analyze",
        help="find attributions and hedging in articles",
        description="Analyse articles (files or URLs). With no FILE, analyses the bundled "
        "example article (Izvestia, 10 March 2024).",
    )
    p.add_argument("sources", nargs="*", metavar="FILE|URL", help="article files or URLs")
    p.add_argument("--format", "-f", choices=FORMATS, default="table", help="output format")
    p.add_argument("--output", "-o", metavar="PATH", help="write to PATH instead of stdout")
    p.add_argument("--encoding", help="text encoding of the files when not UTF-8, e.g. cp1252")
    p.add_argument("--max-chars", type=positive_int, help="size limit per article in characters")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Run ``sourcecrit analyze ...``; return the exit status."""
    from sourcecrit.analysis import analyze_many, as_article
    from sourcecrit.article import Article
    from sourcecrit.errors import SourcecritError
    from sourcecrit.resources import example_article_path

    sources = args.sources or [str(example_article_path())]
    articles: list[Article] = []
    failed = 0
    for source in sources:
        try:
            articles.append(
                as_article(_as_source(source), encoding=args.encoding, max_chars=args.max_chars)
            )
        except SourcecritError as exc:
            failed += 1
            print_error(_name_in(str(exc), source))
    if not articles:
        return EXIT_BAD_INPUT

    analyses = list(_with_progress(analyze_many(articles), total=len(articles)))
    output = _render(analyses, fmt=args.format)
    if args.output:
        Path(args.output).write_text(output, encoding="utf-8")
    else:
        sys.stdout.write(output)
    return EXIT_BAD_INPUT if failed else EXIT_OK


def _render(analyses: list, *, fmt: str) -> str:
    import json

    if fmt == "json":
        data = analyses[0].to_dict() if len(analyses) == 1 else [a.to_dict() for a in analyses]
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if fmt == "html":
        from sourcecrit.viz.highlight import standalone_page

        return "\n".join(standalone_page(a) for a in analyses) + "\n"
    from sourcecrit.viz.text import analysis_text, summary_text

    return analysis_text(analyses[0]) if len(analyses) == 1 else summary_text(analyses)


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
