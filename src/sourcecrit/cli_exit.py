"""What every ``sourcecrit`` command shares: its exit statuses and its one-line errors."""

from __future__ import annotations

import sys

EXIT_OK = 0
#: Something is out of date (a notebook older than its exercise.yaml).
EXIT_STALE = 1
#: The input cannot be used; stderr says why, in one line per problem.
EXIT_BAD_INPUT = 2


def print_error(message: str) -> None:
    """Print ``message`` on stderr as one ``sourcecrit: error: ...`` line."""
    print(f"sourcecrit: error: {' '.join(message.split())}", file=sys.stderr)
