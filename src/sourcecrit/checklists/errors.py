"""Errors for checklists: each names the file, the line and the key that is wrong."""

from __future__ import annotations

from dataclasses import dataclass

from sourcecrit.errors import SourcecritError


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a checklist file.

    Attributes:
        source: the file (or ``"<checklist>"`` for a checklist built in Python).
        line: 1-based line in the file, or None when it cannot be placed.
        key: where in the checklist, e.g. ``items[2] (id 'trace').weight``.
        message: what is wrong, in words an instructor can act on.
    """

    source: str
    line: int | None
    key: str
    message: str

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line is not None else self.source
        return f"{where}: {self.key}: {self.message}" if self.key else f"{where}: {self.message}"


class ChecklistError(SourcecritError):
    """A checklist (or answers to it) could not be used.

    Attributes:
        problems: every problem found, one per wrong key; ``str(error)`` shows the first
            and says how many more there are.
    """

    def __init__(self, message: str | None = None, *, problems: list[Problem] | None = None):
        self.problems = list(problems or [])
        if message is None:
            if not self.problems:
                message = "invalid checklist"
            else:
                message = str(self.problems[0])
                if len(self.problems) > 1:
                    message += f" (and {len(self.problems) - 1} more problems)"
        super().__init__(message)
