"""A grade shown to people: Markdown for files and terminals, HTML for notebooks.

Question ids are checked when the exercise loads, but titles, hints and explanations come
from the instructor's YAML and learner names and echoed answers from students, so every
one of them is escaped: with :func:`html.escape` in HTML and with
:func:`sourcecrit.markdown_text.markdown_text` in Markdown (issue 16).
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Protocol

from sourcecrit.markdown_text import markdown_text


# What is rendered, described here so that the data classes (exercises/feedback.py) import
# this module and never the other way round.
class Feedback(Protocol):
    @property
    def question(self) -> str: ...
    @property
    def status(self) -> str: ...
    @property
    def points(self) -> float: ...
    @property
    def max_points(self) -> int: ...
    @property
    def message(self) -> str: ...


class Grade(Protocol):
    @property
    def title(self) -> str: ...
    @property
    def learner(self) -> str | None: ...
    @property
    def feedback(self) -> Sequence[Feedback]: ...
    @property
    def points(self) -> float: ...
    @property
    def max_points(self) -> int: ...
    @property
    def answered(self) -> int: ...


#: The sign before each question's line, by status.
MARKS = {"correct": "✓", "partly": "◐", "wrong": "✗", "unanswered": "·", "answered": "✎"}
_COLOURS = {"correct": "#1a7f37", "partly": "#9a6700", "wrong": "#cf222e"}


def grade_markdown(grade: Grade) -> str:
    """Return ``grade`` as Markdown: a heading, the total, one line per question."""
    who = f" — {grade.learner}" if grade.learner else ""
    lines = [
        f"# {markdown_text(grade.title + who, one_line=True)}",
        "",
        f"Score: {points_text(grade.points)} of {grade.max_points} "
        f"({grade.answered} of {len(grade.feedback)} questions answered)",
        "",
    ]
    for f in grade.feedback:
        question = markdown_text(f.question, one_line=True)
        message = markdown_text(f.message, one_line=True)
        lines.append(
            f"- {MARKS[f.status]} **{question}** "
            f"({points_text(f.points)}/{f.max_points}): {message}"
        )
    return "\n".join(lines) + "\n"


def grade_html(grade: Grade) -> str:
    """Return ``grade`` as escaped HTML: title, learner, total and one line per question."""
    who = f" — {html.escape(grade.learner)}" if grade.learner else ""
    rows = "".join(feedback_html(f, with_id=True) for f in grade.feedback)
    return (
        f"<div class='sc-grade'><h3>{html.escape(grade.title)}{who}</h3>"
        f"<p><b>Score: {points_text(grade.points)} of {grade.max_points}</b> "
        f"({grade.answered} of {len(grade.feedback)} questions answered)</p>{rows}</div>"
    )


def feedback_html(feedback: Feedback, *, with_id: bool = False) -> str:
    """Return one feedback line as escaped HTML, coloured by status.

    The status goes into a class name, so it must be one of :data:`MARKS` (a ``KeyError``
    otherwise), never free text.
    """
    mark = MARKS[feedback.status]
    colour = _COLOURS.get(feedback.status, "#57606a")
    label = f"<b>{html.escape(feedback.question)}</b> " if with_id else ""
    points = (
        f" ({points_text(feedback.points)}/{feedback.max_points})" if feedback.max_points else ""
    )
    return (
        f"<div class='sc-feedback sc-{feedback.status}' style='color:{colour}'>"
        f"{mark} {label}{html.escape(feedback.message)}{points}</div>"
    )


def points_text(value: float) -> str:
    """Return points as short text: ``1.5``, ``2``."""
    return f"{value:g}"
