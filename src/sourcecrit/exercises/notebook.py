"""The student notebook for an exercise, generated from ``exercise.yaml``.

Instructors edit the YAML and the article, never the notebook (DESIGN.md, "Exercises as
text files"): :func:`write_notebook` regenerates it, and ``sourcecrit exercise build``
does the same from the command line. The notebook sits next to ``exercise.yaml`` and loads
it from there, so the folder can be copied, zipped or opened on Binder as it is.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from sourcecrit.exercises.model import Exercise, ExerciseError
from sourcecrit.markdown_text import markdown_text

NOTEBOOK_FILE = "exercise.ipynb"

_HOW = (
    "**How this works.** Run the cells from the top (menu *Run → Run All Cells*) and type "
    "your name in the box that appears: your answers are saved under it. Read the article, "
    "then answer each question in the box under it. Press **Check** to see feedback: a "
    "wrong answer gets a hint, so you can try again.\n\n"
    "**Keep your work.** Answers are saved as you type, and a copy is kept in this browser. "
    "On Binder, the whole session is thrown away when you close it or leave it idle for a "
    "few minutes: before you stop, download your work file at the bottom of this notebook "
    "and hand it in. To go on later, upload that file there."
)


def build_notebook(exercise: Exercise):
    """Return the student notebook for ``exercise`` (an ``nbformat`` notebook, no outputs)."""
    try:
        import nbformat
    except ImportError as exc:  # pragma: no cover - nbformat is a dependency
        raise ExerciseError("building a notebook needs nbformat: pip install nbformat") from exc
    return nbformat.from_dict(notebook_dict(exercise))


def notebook_dict(exercise: Exercise) -> dict[str, Any]:
    """Return the student notebook for ``exercise`` as plain nbformat-4 JSON data.

    Built without importing nbformat, whose JSON-schema checker takes seconds to import,
    so that ``sourcecrit exercise check`` can compare notebooks at once.
    """
    # Title, intro and credit are the instructor's plain text: shown as typed, never run as
    # HTML or read as Markdown (issue 16). The intro keeps its paragraphs.
    intro = [f"# {markdown_text(exercise.title, one_line=True)}"]
    if exercise.intro:
        intro += [
            markdown_text(p, one_line=True) for p in exercise.intro.split("\n\n") if p.strip()
        ]
    if exercise.credit:
        intro.append(f"*Article: {markdown_text(exercise.credit, one_line=True)}.*")
    intro.append(_HOW)
    cells = [
        _markdown_cell("\n\n".join(intro)),
        _code_cell(
            "from sourcecrit.exercises import load_exercise\n"
            "from sourcecrit.widgets import exercise_form\n\n"
            'exercise = load_exercise("exercise.yaml")\n'
            "form = exercise_form(exercise)\n"
            "form.header"
        ),
        _markdown_cell("## The article\n\nThe passages the questions ask about are highlighted."),
        _code_cell("form.article"),
    ]
    for n, question in enumerate(exercise.questions, 1):
        cells.append(_markdown_cell(f"## Question {n}"))
        if question.type == "annotate":  # the annotator; its committed answer is graded
            cells.append(
                _code_cell(
                    "from sourcecrit.widgets import annotate_question\n\n"
                    f'annotate_question(form, "{question.id}")'
                )
            )
            continue
        cells.append(_code_cell(f'form["{question.id}"]'))
    cells.append(
        _markdown_cell(
            "## Your score\n\nRun this cell again whenever you want to see where you stand."
        )
    )
    cells.append(_code_cell("form.summary()"))
    cells.append(
        _markdown_cell(
            "## Hand in your work\n\nDownload your work file and hand it in as your teacher "
            "asked (keep a copy). Starting again in a new session? Upload the file here, then "
            "run the notebook again."
        )
    )
    cells.append(_code_cell("from sourcecrit.widgets import hand_in\n\nhand_in()"))
    for i, cell in enumerate(cells):
        cell["id"] = f"{exercise.id[:40]}-{i:02d}"
    metadata = {
        "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
        "language_info": {"name": "python"},
        "sourcecrit": {"exercise": exercise.id, "generated_from": "exercise.yaml"},
    }
    return {"cells": cells, "metadata": metadata, "nbformat": 4, "nbformat_minor": 5}


def notebook_text(exercise: Exercise) -> str:
    """Return the notebook for ``exercise`` as the text written to disk.

    The same bytes ``nbformat.writes`` gives: sorted keys, one-space indent, sources split
    into lines.
    """
    nb = notebook_dict(exercise)
    for cell in nb["cells"]:
        cell["source"] = cell["source"].splitlines(keepends=True)
    text = json.dumps(nb, sort_keys=True, indent=1, separators=(",", ": "), ensure_ascii=False)
    return text + "\n"


def _markdown_cell(source: str) -> dict[str, Any]:
    return {"cell_type": "markdown", "metadata": {}, "source": source}


def _code_cell(source: str) -> dict[str, Any]:
    return {
        "cell_type": "code",
        "execution_count": None,
        "metadata": {},
        "outputs": [],
        "source": source,
    }


def write_notebook(exercise: Exercise, path: str | os.PathLike[str] | None = None) -> Path:
    """Write the student notebook and return its path.

    Args:
        path: where to write (default ``exercise.ipynb`` next to ``exercise.yaml``). The
            notebook loads ``exercise.yaml`` from its own folder, so keep it there.

    Raises:
        ExerciseError: the exercise was not loaded from a file and no path was given, or
            the file cannot be written.
    """
    if path is None:
        if exercise.source is None or exercise.source.startswith("<"):
            raise ExerciseError("give a path: this exercise was not loaded from a folder")
        path = Path(exercise.source).parent / NOTEBOOK_FILE
    target = Path(path)
    try:
        target.write_text(notebook_text(exercise), encoding="utf-8")
    except OSError as exc:
        raise ExerciseError(f"{target}: cannot be written ({exc.strerror or exc})") from None
    return target
