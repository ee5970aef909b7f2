"""Drafting an exercise from sourcecrit's analysis: it loads, and its answers are its own."""

from __future__ import annotations

from pathlib import Path

import pytest

from sourcecrit.article import Article, article_from_text
from sourcecrit.cli import main
from sourcecrit.exercises import ExerciseError, grade, load_exercise
from sourcecrit.exercises.draft import create_exercise

from .conftest import FLAGSHIP_DIR


@pytest.fixture(scope="module")
def drafted(tmp_path_factory, flagship):
    folder = tmp_path_factory.mktemp("draft") / "nato-draft"
    return create_exercise(folder, flagship)


def test_draft_asks_about_what_the_analysis_found(drafted):
    assert drafted.id == "nato-draft"
    kinds = {q.id: q.type for q in drafted.questions}
    assert kinds == {
        "who-is-it": "short",
        "kind-of-source": "choice",
        "find-hedges": "find",
        "find-boosters": "find",
        "find-weasels": "find",
        "what-to-check": "reflect",
    }
    who = drafted.question("who-is-it")
    assert "Alcaide" in who.accepted
    assert drafted.question("kind-of-source").answer == "A named expert"
    assert drafted.question("find-hedges").compare == "hedge"
    yaml_text = Path(drafted.source).read_text(encoding="utf-8")
    assert yaml_text.startswith("# DRAFT written by `sourcecrit exercise new`")


def test_the_drafted_answers_are_marked_right(drafted):
    answers = {}
    for q in drafted.questions:
        if q.type == "find":
            answers[q.id] = list(q.targets)
        elif q.type in ("short", "choice"):
            answers[q.id] = q.accepted[0]
    g = grade(drafted, answers)  # no analysis handed in: nothing compared
    assert all(f.status == "correct" for f in g.feedback if f.question in answers)
    assert g.points == g.max_points


def test_an_article_with_nothing_to_ask_gets_only_the_reflection(tmp_path):
    plain = article_from_text("Water boils at 100 degrees at sea level. Ice melts at 0 degrees.")
    ex = create_exercise(tmp_path / "plain", plain)
    assert [q.type for q in ex.questions] == ["reflect"]


def test_metadata_of_an_html_article_is_kept_as_header_lines(tmp_path):
    article = Article(
        text="Officials said the bridge may close.",
        metadata={"title": "Bridge", "outlet": "The Courier", "date": "2024-05-01"},
    )
    ex = create_exercise(tmp_path / "bridge", article, title="The bridge")
    folder = tmp_path / "bridge"
    assert (
        (folder / "article.txt")
        .read_text(encoding="utf-8")
        .startswith("title Bridge\ndate 2024-05-01\noutlet The Courier\n\n")
    )
    assert ex.as_article().outlet == "The Courier" and ex.credit == "The Courier, 2024-05-01"


def test_nothing_is_overwritten_and_bad_ids_are_refused(tmp_path, flagship):
    folder = tmp_path / "taken"
    folder.mkdir()
    (folder / "article.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(ExerciseError, match="already exists; nothing was written"):
        create_exercise(folder, flagship)
    assert (folder / "article.txt").read_text(encoding="utf-8") == "mine"
    with pytest.raises(ExerciseError, match="cannot be an exercise id"):
        create_exercise(tmp_path / "other", flagship, exercise_id="Not An Id")


def test_cli_new_writes_a_checked_exercise_and_its_notebook(tmp_path, capsys):
    folder = tmp_path / "fresh"
    assert (
        main(["exercise", "new", str(folder), "--article", str(FLAGSHIP_DIR / "article.txt")]) == 0
    )
    assert "Check every answer" in capsys.readouterr().out
    assert (folder / "exercise.ipynb").exists()
    drafted = load_exercise(folder)
    assert drafted.unverified == list(drafted.questions)  # every drafted answer is unchecked
    # check lists every unverified question in one run (exit 1: valid but not ready) ...
    assert main(["exercise", "check", str(folder)]) == 1
    err = capsys.readouterr().err
    assert all(f"question {q.id!r}" in err for q in drafted.questions)
    # ... and build refuses the student notebook until they are checked, unless --draft.
    notebook = (folder / "exercise.ipynb").read_text(encoding="utf-8")
    (folder / "exercise.ipynb").unlink()
    assert main(["exercise", "build", str(folder)]) == 2
    assert "not built" in capsys.readouterr().err and not (folder / "exercise.ipynb").exists()
    assert main(["exercise", "build", "--draft", str(folder)]) == 0
    assert (folder / "exercise.ipynb").read_text(encoding="utf-8") == notebook
    yaml_file = folder / "exercise.yaml"
    yaml_file.write_text(
        yaml_file.read_text(encoding="utf-8").replace("verified: false", "verified: true"),
        encoding="utf-8",
    )
    assert main(["exercise", "check", str(folder)]) == 0
    assert main(["exercise", "build", str(folder)]) == 0
    capsys.readouterr()
    assert (
        main(["exercise", "new", str(folder), "--article", str(FLAGSHIP_DIR / "article.txt")]) == 2
    )
    assert "already exists" in capsys.readouterr().err
    assert (
        main(["exercise", "new", str(tmp_path / "x"), "--article", str(tmp_path / "missing.txt")])
        == 2
    )
    assert "no such file" in capsys.readouterr().err
