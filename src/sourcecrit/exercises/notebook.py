"""The student notebook for an exercise, generated from ``exercise.yaml``.

Instructors edit the YAML and the article, never the notebook (DESIGN.md, "Exercises as
text files"): :func:`write_notebook` regenerates it, and ``sourcecrit exercise build``
does the same from the command line. The notebook sits next to ``exercise.yaml`` and loads
it from there, so the folder can be copied, zipped or opened on Binder as it is.
"""

from __future__ import annotations

import os
from pathlib import Path

from sourcecrit.exercises.model import Exercise, ExerciseError

NOTEBOOK_FILE = "exercise.ipynb"

_HOW = (
    "**How this works.** Read the article, then answer each question in the box under it. "
    "Press **Check** to see feedback: a wrong answer gets a hint, so you can try again. "
    "Your answers are saved as you type, so you can close this notebook and come back later. "
    "Run the cells from the top (menu *Run → Run All Cells*)."
)


def build_notebook(exercise: Exercise):
    """Return the student notebook for ``exercise`` (an ``nbformat`` notebook, no outputs)."""
    try:
        from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook
    except ImportError as exc:  # pragma: no cover - nbformat is a dependency
        raise ExerciseError("building a notebook needs nbformat: pip install nbformat") from exc
    nb = new_notebook()
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nb.metadata["language_info"] = {"name": "python"}
    nb.metadata["sourcecrit"] = {"exercise": exercise.id, "generated_from": "exercise.yaml"}
    intro = [f"# {exercise.title}"]
    if exercise.intro:
        intro.append(exercise.intro)
    if exercise.credit:
        intro.append(f"*Article: {exercise.credit}.*")
    intro.append(_HOW)
    cells = [
        new_markdown_cell("\n\n".join(intro)),
        new_code_cell(
            "from sourcecrit.exercises import load_exercise\n"
            "from sourcecrit.widgets import exercise_form\n\n"
            'exercise = load_exercise("exercise.yaml")\n'
            "form = exercise_form(exercise)\n"
            "form.header"
        ),
        new_markdown_cell(
            "## The article\n\nThe passages the questions ask about are highlighted."
        ),
        new_code_cell("form.article"),
    ]
    for n, question in enumerate(exercise.questions, 1):
        cells.append(new_markdown_cell(f"## Question {n}"))
        if question.type == "annotate":  # the annotator; its committed answer is graded
            cells.append(
                new_code_cell(
                    "from sourcecrit.widgets import annotate_question\n\n"
                    f'annotate_question(form.session, "{question.id}")'
                )
            )
            continue
        cells.append(new_code_cell(f'form["{question.id}"]'))
    cells.append(
        new_markdown_cell(
            "## Your score\n\nRun this cell again whenever you want to see where you stand."
        )
    )
    cells.append(new_code_cell("form.grade()"))
    for i, cell in enumerate(cells):
        cell["id"] = f"{exercise.id[:40]}-{i:02d}"
    nb.cells = cells
    return nb


def notebook_text(exercise: Exercise) -> str:
    """Return the notebook for ``exercise`` as the text written to disk."""
    import nbformat

    return nbformat.writes(build_notebook(exercise)) + "\n"


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
