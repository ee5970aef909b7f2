"""What every ``sourcecrit`` command shares: exit statuses, one-line errors, output files."""

from __future__ import annotations

import argparse
import sys
from typing import NoReturn

EXIT_OK = 0
#: Something is out of date (a notebook older than its exercise.yaml), or, in corpus
#: mode, some articles could not be analysed (the others were).
EXIT_STALE = 1
#: The input cannot be used; stderr says why, in one line per problem.
EXIT_BAD_INPUT = 2


def print_error(message: str) -> None:
    """Print ``message`` on stderr as one ``sourcecrit: error: ...`` line."""
    print(f"sourcecrit: error: {' '.join(message.split())}", file=sys.stderr)


class Parser(argparse.ArgumentParser):
    """An ArgumentParser whose usage errors are one line on stderr (exit status 2)."""

    def error(self, message: str) -> NoReturn:
        print(
            f"{self.prog}: error: {' '.join(message.split())} (see {self.prog} --help)",
            file=sys.stderr,
        )
        self.exit(EXIT_BAD_INPUT)


def positive_int(text: str) -> int:
    """Parse a whole number of at least 1 (for ``--max-chars``, ``--jobs``)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} must be 1 or more")
    return value
