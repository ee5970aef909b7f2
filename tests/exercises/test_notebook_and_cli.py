"""The student notebook is generated from exercise.yaml; the CLI checks, builds and grades."""

from __future__ import annotations

import json

import nbformat
import pytest

from sourcecrit.cli import main
from sourcecrit.exercises import (
    NOTEBOOK_FILE,
    ExerciseError,
    ExerciseSession,
    build_notebook,
    exercise_from_yaml,
    load_exercise,
    notebook_text,
    write_notebook,
)

from .conftest import FLAGSHIP_DIR, REPO, SMALL


def test_notebook_has_one_cell_per_question_and_no_outputs(write_exercise):
    ex = load_exercise(write_exercise(SMALL))
    nb = build_notebook(ex)
    sources = [c.source for c in nb.cells]
    assert sources[0].startswith("# A small exercise")
    assert 'load_exercise("exercise.yaml")' in sources[1]
    for q in ex.questions:
        assert f'form["{q.id}"]' in sources
    assert sources[-3] == "form.summary()"
    assert sources[-1].endswith("hand_in()")  # every exercise ends with handing in
    assert all(c.get("outputs", []) == [] for c in nb.cells)
    nbformat.validate(nb)


def test_write_notebook_puts_it_next_to_the_yaml(write_exercise):
    folder = write_exercise(SMALL)
    path = write_notebook(load_exercise(folder))
    assert path == folder / NOTEBOOK_FILE
    assert path.read_text(encoding="utf-8") == notebook_text(load_exercise(folder))


def test_write_notebook_needs_a_path_for_an_exercise_built_from_text(write_exercise):
    folder = write_exercise(SMALL)
    ex = exercise_from_yaml(SMALL, folder=folder)
    with pytest.raises(ExerciseError, match="give a path"):
        write_notebook(ex)


def test_committed_exercise_notebooks_are_up_to_date():
    # Instructors edit exercise.yaml; the notebook must be rebuilt from it.
    assert main(["exercise", "build", "--check", str(REPO / "exercises")]) == 0


def test_cli_check_names_each_problem(write_exercise, capsys):
    good = write_exercise(SMALL, name="good")
    write_notebook(load_exercise(good))
    assert main(["exercise", "check", str(good)]) == 0
    assert "valid exercise 'small', 4 questions, 3 points" in capsys.readouterr().out

    bad = write_exercise(SMALL.replace("answer: An expert", "answer: Nobody"), name="bad")
    assert main(["exercise", "check", str(bad)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert err[0].startswith("sourcecrit: error: ") and "exercise.yaml:15: questions[1]" in err[0]


def test_cli_check_and_build_report_stale_notebooks(write_exercise, capsys):
    folder = write_exercise(SMALL)
    assert main(["exercise", "check", str(folder)]) == 1
    assert "out of date; run sourcecrit exercise build" in capsys.readouterr().err
    assert main(["exercise", "build", "--check", str(folder)]) == 1
    assert not (folder / NOTEBOOK_FILE).exists()
    assert main(["exercise", "build", str(folder)]) == 0
    assert (folder / NOTEBOOK_FILE).exists()
    assert main(["exercise", "build", "--check", str(folder)]) == 0


def test_cli_on_a_folder_with_no_exercise(tmp_path, capsys):
    assert main(["exercise", "check", str(tmp_path)]) == 2
    assert "no exercise.yaml here or in the folders inside" in capsys.readouterr().err


def test_cli_grade_one_learner_everyone_and_json(write_exercise, tmp_path, capsys):
    folder = write_exercise(SMALL)
    ex = load_exercise(folder)
    progress = tmp_path / "progress"
    ExerciseSession(ex, learner="Ada", store=progress).answer("who", "Alcaide")
    bob = ExerciseSession(ex, learner="Bob", store=progress)
    bob.answer("who", "Putin")
    bob.answer("kind", "An expert")

    assert (
        main(
            ["exercise", "grade", str(folder), "--progress-dir", str(progress), "--learner", "Ada"]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert "# A small exercise — Ada" in out and "Score: 1 of 3" in out

    assert main(["exercise", "grade", str(folder), "--progress-dir", str(progress)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["learner", "points", "answered"]
    assert lines[1].split() == ["Ada", "1", "1", "of", "4"]
    assert lines[2].split() == ["Bob", "1", "2", "of", "4"]

    assert main(["exercise", "grade", str(folder), "--progress-dir", str(progress), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [d["learner"] for d in data] == ["Ada", "Bob"]
    assert data[1]["questions"][0]["status"] == "wrong"


def test_cli_grade_with_no_answers(write_exercise, tmp_path, capsys):
    folder = write_exercise(SMALL)
    assert main(["exercise", "grade", str(folder), "--progress-dir", str(tmp_path / "none")]) == 2
    assert "no saved answers to 'small'" in capsys.readouterr().err


def test_flagship_exercise_checks_clean(capsys):
    assert main(["exercise", "check", str(FLAGSHIP_DIR)]) == 0


HOSTILE = '<script>alert(1)</script> <img src=x onerror="alert(2)"> *bold* [link](javascript:x)'


def test_first_cell_shows_the_instructors_markup_as_text(write_exercise):
    # Issue 16: title, intro and credit are plain text from exercise.yaml; rendered the
    # CommonMark way (raw HTML allowed, as Jupyter's renderer does), no tag may come alive.
    from markdown_it import MarkdownIt

    yaml_text = SMALL.replace("title: A small exercise", f"title: '{HOSTILE}'") + (
        f"intro: '{HOSTILE}\n\n  <b>second</b> paragraph'\ncredit: '{HOSTILE}'\n"
    )
    ex = exercise_from_yaml(yaml_text, folder=write_exercise(SMALL))
    first = build_notebook(ex).cells[0].source
    rendered = MarkdownIt("commonmark").render(first)
    for tag in ("<script", "<img", "<b>", "<em>bold", "<a "):
        assert tag not in rendered
    assert rendered.count("&lt;script&gt;alert(1)&lt;/script&gt;") == 3
    assert rendered.count("*bold*") == 3 and "second</b> paragraph" not in rendered
    assert first.startswith("# \\<script\\>")
