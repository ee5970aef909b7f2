"""``sourcecrit analyze [FILE|DIR|URL ...]``: parse and delegate to :mod:`sourcecrit.corpus`.

One article prints a report (``table``), its full analysis (``json``) or a highlighted page
(``html``). Many articles (folders are expanded) give one summary row each; ``csv`` and
``jsonl`` stream those rows as articles finish, with a progress bar on stderr. An article
that cannot be read gets one line on stderr and is skipped; the exit status is then 1
(2 when none could be read, or when ``-o`` cannot be written).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from sourcecrit.cli.common import (
    EXIT_BAD_INPUT,
    EXIT_OK,
    EXIT_SOME_FAILED,
    check_output,
    error_line,
    open_output,
    output_folder,
    positive_int,
)
from sourcecrit.errors import OutputFileError

if TYPE_CHECKING:
    from sourcecrit.analysis import Analysis

FORMATS = ("table", "json", "html", "csv", "jsonl")
#: Formats written row by row as each article finishes.
ROW_FORMATS = ("csv", "jsonl")


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``analyze`` command to the ``sourcecrit`` parser."""
    p = subparsers.add_parser(
        "analyze",
        help="find attributions and hedging in articles",
        description="Analyse articles: files, folders of .txt/.md/.html files, or URLs. "
        "With none, analyses the bundled example article (Izvestia, 10 March 2024). "
        "Many articles give one summary row each.",
    )
    p.add_argument("sources", nargs="*", metavar="FILE|DIR|URL", help="articles or folders")
    p.add_argument(
        "--format",
        "-f",
        choices=FORMATS,
        default="table",
        help="output format (csv and jsonl: one summary row per article)",
    )
    p.add_argument("--output", "-o", metavar="PATH", help="write to PATH instead of stdout")
    p.add_argument(
        "--json-dir", metavar="DIR", help="also write each article's full analysis as DIR/NAME.json"
    )
    p.add_argument(
        "--jobs",
        "-j",
        type=positive_int,
        default=1,
        help="parser processes for many articles (default 1)",
    )
    p.add_argument("--encoding", help="text encoding of the files when not UTF-8, e.g. cp1252")
    p.add_argument("--max-chars", type=positive_int, help="size limit per article in characters")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Run ``sourcecrit analyze ...``; return the exit status."""
    from tqdm import tqdm

    from sourcecrit.corpus import analyze_corpus, article_paths, json_path, row_writer, summary_row
    from sourcecrit.resources import example_article_path

    sources = article_paths(args.sources) if args.sources else [example_article_path()]
    # Output places are checked before the model loads: a wrong -o costs nothing.
    json_dir = output_folder(args.json_dir) if args.json_dir else None
    streaming = args.format in ROW_FORMATS
    if args.output and not streaming:
        check_output(args.output)  # opened (and emptied) only when there is a report
    out: TextIO = open_output(args.output) if args.output and streaming else sys.stdout
    failed = done = 0
    analyses: list[Analysis] = []
    taken: set[str] = set()
    with tqdm(
        total=len(sources),
        desc="analysing",
        unit="article",
        file=sys.stderr,
        disable=len(sources) < 2,
    ) as bar:

        def report(source: Any, exc: Exception) -> None:
            nonlocal failed
            failed += 1
            message = str(exc)
            bar.write(
                error_line(message if str(source) in message else f"{source}: {message}"),
                file=sys.stderr,
            )
            bar.update()

        try:
            write_row = row_writer(out, fmt=args.format) if streaming else None
            results = analyze_corpus(
                sources,
                jobs=args.jobs,
                encoding=args.encoding,
                max_chars=args.max_chars,
                on_error=report,
            )
            for source, analysis in results:
                bar.update()
                if json_dir is not None:
                    _write_json(json_path(json_dir, source, taken=taken), analysis)
                done += 1
                if write_row is not None:
                    write_row(summary_row(source, analysis))
                else:
                    analyses.append(analysis)
            if analyses:
                report_text = _render(analyses, fmt=args.format)
                if args.output:
                    with open_output(args.output) as file:
                        file.write(report_text)
                else:
                    out.write(report_text)
        finally:
            if out is not sys.stdout:
                out.close()
    if not done:
        return EXIT_BAD_INPUT
    return EXIT_SOME_FAILED if failed else EXIT_OK


def _write_json(path: Path, analysis: Analysis) -> None:
    try:
        path.write_text(analysis.to_json() + "\n", encoding="utf-8")
    except OSError as exc:
        raise OutputFileError(f"{path}: cannot be written ({exc.strerror or exc})") from None


def _render(analyses: list[Analysis], *, fmt: str) -> str:
    if fmt == "json":
        import json

        data = analyses[0].to_dict() if len(analyses) == 1 else [a.to_dict() for a in analyses]
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if fmt == "html":
        from sourcecrit.viz.highlight import standalone_page

        return "\n".join(standalone_page(a) for a in analyses) + "\n"
    from sourcecrit.viz.text import analysis_text, summary_text

    return analysis_text(analyses[0]) if len(analyses) == 1 else summary_text(analyses)
