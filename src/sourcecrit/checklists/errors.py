"""Errors for checklists: each names the file, the line and the key that is wrong."""

from __future__ import annotations

from sourcecrit.yamlfile import Problem, ProblemsError


class ChecklistError(ProblemsError):
    """A checklist (or answers to it) could not be used.

    Attributes:
        problems: every :class:`Problem` found, one per wrong key; ``str(error)`` shows
            the first and says how many more there are.
    """

    default_message = "invalid checklist"


__all__ = ["ChecklistError", "Problem"]
