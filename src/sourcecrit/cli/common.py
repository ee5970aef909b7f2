"""What every ``sourcecrit`` command shares: exit statuses, one-line errors, output files."""

from __future__ import annotations

import argparse
import gc
import os
import stat
import sys
from pathlib import Path
from typing import NoReturn, TextIO

from sourcecrit.errors import OutputFileError

EXIT_OK = 0
#: Something is out of date (a notebook older than its exercise.yaml).
EXIT_STALE = 1
#: Many articles: some could not be read and were skipped (stderr names each); the rest
#: were analysed.
EXIT_SOME_FAILED = 1
#: The input cannot be used; stderr says why, in one line per problem.
EXIT_BAD_INPUT = 2

#: Cyclic-collector thresholds of the ``sourcecrit`` command (see collect_less_often).
FEW_COLLECTIONS = (20_000, 50, 50)


def error_line(message: str) -> str:
    """Return ``message`` as one ``sourcecrit: error: ...`` line (whitespace folded)."""
    return f"sourcecrit: error: {' '.join(message.split())}"


def print_error(message: str) -> None:
    """Print ``message`` on stderr as one ``sourcecrit: error: ...`` line."""
    print(error_line(message), file=sys.stderr)


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


def check_output(path: str | os.PathLike[str]) -> Path:
    """Return ``path`` if it can be written as a file, else raise :class:`OutputFileError`.

    Called before any analysis, so a wrong ``-o`` costs nothing. A file without write
    permission is refused even for root, who could otherwise overwrite it.
    """
    target = Path(path)
    if target.is_dir():
        raise OutputFileError(f"{target} is a folder; give a file name to write to")
    if not target.parent.is_dir():
        raise OutputFileError(f"{target}: the folder {target.parent} does not exist")
    if target.exists() and not target.stat().st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        raise OutputFileError(f"{target} is read-only; choose another file or make it writable")
    return target


def open_output(path: str | os.PathLike[str]) -> TextIO:
    """Open ``path`` for writing text (see :func:`check_output`); raise OutputFileError."""
    target = check_output(path)
    try:
        return target.open("w", encoding="utf-8", newline="")
    except OSError as exc:
        raise OutputFileError(f"{target}: cannot be written ({exc.strerror or exc})") from None


def output_folder(path: str | os.PathLike[str]) -> Path:
    """Return ``path`` as a folder to write into, made if missing; raise OutputFileError."""
    folder = Path(path)
    if folder.exists() and not folder.is_dir():
        raise OutputFileError(f"{folder} is a file, not a folder")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputFileError(f"{folder}: cannot be made ({exc.strerror or exc})") from None
    if not os.access(folder, os.W_OK):
        raise OutputFileError(f"{folder}: cannot be written to")
    return folder


def collect_less_often() -> None:
    """Make Python's cyclic garbage collector run less often, for the rest of the process.

    For the ``sourcecrit`` command, whose process ends with the command. Loading spaCy's
    model and sourcecrit's data creates hundreds of thousands of objects that live until
    then; with the default thresholds (700, 10, 10) the collector walks them again and
    again as they are created, twice in full. ``benchmarks/cli_speed.py`` prints the
    seconds a cold ``sourcecrit analyze`` spends collecting, both ways. Objects freed by
    reference counting (most of them) are not affected, and the rarer collections free the
    same garbage.
    """
    gc.set_threshold(*FEW_COLLECTIONS)
