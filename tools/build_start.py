"""Build START.ipynb, the page ``sourcecrit lab`` opens: links to every lesson and exercise.

Titles come from the lessons' first headings and the exercises' ``exercise.yaml``, so the
page follows them; like the lessons, it is generated, never edited by hand.

    python tools/build_start.py          # write START.ipynb
    python tools/build_start.py --check  # exit 1 if it is out of date
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import nbformat
from nbformat.v4 import new_markdown_cell, new_notebook

from sourcecrit.exercises import find_exercises, load_exercise

REPO = Path(__file__).resolve().parents[1]
START = REPO / "START.ipynb"

INTRO = """\
# sourcecrit: start here

Read the news the way fact-checkers do: find out **who is speaking**, **how sure** they
are, and **whether the source deserves your trust**, first on your own and then against
the computer's reading.

Click a title to open it, then run its cells from the top (menu *Run → Run All Cells*).
Your answers are saved as you go."""

LESSONS = """\
## Lessons

Work through them in order."""

EXERCISES = """\
## Exercises

Practise on your own: an article and questions about it. Press **Check** for feedback on
each answer."""

TEACHERS = """\
## For teachers

Exercises are plain files (`exercise.yaml` and the article) in `exercises/`. Draft one
from any article with `sourcecrit exercise new FOLDER --article FILE`, check it with
`sourcecrit exercise check`, and see README.md for the rest."""


def first_heading(notebook: Path) -> str:
    """Return the first ``# heading`` of a notebook's first markdown cell, else its name."""
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    for cell in cells:
        if cell["cell_type"] == "markdown":
            for line in "".join(cell["source"]).splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return notebook.stem


def start_page(repo: Path = REPO) -> nbformat.NotebookNode:
    """Return the start page for the lessons and exercises under ``repo``."""
    lessons = sorted((repo / "notebooks").glob("[0-9][0-9]-*.ipynb"))
    lesson_lines = [
        f"{n}. [{first_heading(p)}]({p.relative_to(repo).as_posix()})"
        for n, p in enumerate(lessons, start=1)
    ]
    exercise_lines = []
    for folder in find_exercises(repo / "exercises"):
        exercise = load_exercise(folder)
        link = (folder / "exercise.ipynb").relative_to(repo).as_posix()
        exercise_lines.append(f"- [{exercise.title}]({link})")
    text = "\n\n".join(
        [
            INTRO,
            LESSONS + "\n\n" + "\n".join(lesson_lines),
            EXERCISES + "\n\n" + "\n".join(exercise_lines),
            TEACHERS,
        ]
    )
    nb = new_notebook()
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nb.metadata["language_info"] = {"name": "python"}
    cell = new_markdown_cell(text)
    cell["id"] = "start-00"
    nb.cells = [cell]
    return nb


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only check, write nothing")
    args = parser.parse_args(argv)
    text = nbformat.writes(start_page()) + "\n"
    if START.exists() and START.read_text(encoding="utf-8") == text:
        return 0
    if args.check:
        print("out of date (run python tools/build_start.py): START.ipynb")
        return 1
    START.write_text(text, encoding="utf-8")
    print(f"wrote {START.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
