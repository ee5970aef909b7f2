"""Errors for checklists: each names the file, the line and the key that is wrong."""

from __future__ import annotations

from sourcecrit.errors import ChecklistError, Problem  # defined in errors.py (#9)

__all__ = ["ChecklistError", "Problem"]
