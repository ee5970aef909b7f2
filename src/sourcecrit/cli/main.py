"""``sourcecrit COMMAND ...``: build the parser from the command modules and run one.

    sourcecrit analyze [FILE|DIR|URL ...] [--format table|json|html|csv|jsonl] [-o PATH]
    sourcecrit checklist list | show NAME | validate PATH
    sourcecrit exercise new FOLDER --article FILE | check PATH | build PATH [--check] | grade PATH
    sourcecrit lab [--port N] [--no-browser]
    sourcecrit work export [--learner NAME] -o FILE | import FILE
    sourcecrit class collect FOLDER -o FILE [--format generic|canvas|moodle]

Bad input exits with status 2 and one line on stderr naming the file and the problem.
Command modules import what they need inside ``run``, so parsing and ``--help`` stay fast.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from sourcecrit.cli import analyze, checklist, classroom, exercise, lab, work
from sourcecrit.cli.common import EXIT_BAD_INPUT, Parser, collect_less_often, print_error
from sourcecrit.errors import SourcecritError

#: The command modules, in the order ``--help`` lists them.
COMMANDS = (analyze, checklist, exercise, lab, work, classroom)


def build_parser() -> argparse.ArgumentParser:
    """Return the ``sourcecrit`` parser with every command registered."""
    parser = Parser(
        prog="sourcecrit",
        description="Source criticism for news articles: who says what, how sure, how reliable.",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    subparsers.required = True
    for command in COMMANDS:
        command.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except SourcecritError as exc:
        print_error(str(exc))
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print_error("interrupted")
        return 130


def console_main() -> int:
    """Run the ``sourcecrit`` console script (and ``python -m sourcecrit.cli``).

    :func:`main` in a process that ends with the command, so the garbage collector may run
    less often (:func:`sourcecrit.cli.common.collect_less_often`); calling :func:`main`
    from Python leaves the caller's collector settings alone.
    """
    collect_less_often()
    return main()
