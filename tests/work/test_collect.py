"""The classroom, end to end from Python: two students work, hand in, a teacher collects."""

from __future__ import annotations

import csv
import io
import json

import pytest

import sourcecrit
from sourcecrit.cli import main
from sourcecrit.exercises import ExerciseSession
from sourcecrit.progress import ProgressStore
from sourcecrit.work import class_overview, export_work

from ..exercises.conftest import FLAGSHIP_DIR


def _questions(exercise):
    by = {}
    for q in exercise.questions:
        by.setdefault(q.type, q)
    return by


@pytest.fixture
def handed_in(flagship_exercise, tmp_path):
    """Ada answers two questions right (one after a wrong first try); Bob one wrong."""
    q = _questions(flagship_exercise)
    ada = ExerciseSession(flagship_exercise, learner="Ada", store=tmp_path / "ada-home")
    ada.answer(
        q["choice"].id,
        q["choice"].options[-1]
        if q["choice"].options[-1] not in q["choice"].accepted
        else q["choice"].options[0],
    )
    ada.answer(q["choice"].id, q["choice"].accepted[0])
    ada.answer(q["short"].id, q["short"].accepted[0])
    ada.answer(q["reflect"].id, "I would check <b>who</b> Izvestia is.")
    bob = ExerciseSession(flagship_exercise, learner="Bob", store=tmp_path / "bob-home")
    bob.answer(q["short"].id, "Somebody else entirely")
    folder = tmp_path / "handed-in"
    folder.mkdir()
    export_work("Ada", folder / "ada.json", store=tmp_path / "ada-home")
    export_work("Bob", folder / "bob.json", store=tmp_path / "bob-home")
    return folder, ada, bob


def test_collect_writes_one_row_per_student_with_the_right_scores(
    flagship_exercise, handed_in, tmp_path, capsys
):
    folder, ada, bob = handed_in
    out = tmp_path / "class.csv"
    status = main(
        ["class", "collect", str(folder), "-o", str(out), "--exercises", str(FLAGSHIP_DIR)]
    )
    assert status == 0, capsys.readouterr().err
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert list(rows[0]) == ["learner", flagship_exercise.id, "total", "max_total", "work_file"]
    assert [r["learner"] for r in rows] == ["Ada", "Bob"]
    by = {r["learner"]: r for r in rows}
    assert float(by["Ada"][flagship_exercise.id]) == ada.grade().points
    assert float(by["Bob"][flagship_exercise.id]) == bob.grade().points == 0
    assert ada.grade().points >= 2  # choice + short right, the reflection counted
    assert int(by["Ada"]["max_total"]) == flagship_exercise.max_points
    assert by["Bob"]["work_file"] == "bob.json"


@pytest.mark.parametrize("fmt, first", [("canvas", "Student"), ("moodle", "Username")])
def test_lms_formats_have_their_headers(flagship_exercise, handed_in, tmp_path, fmt, first):
    folder, ada, _ = handed_in
    out = tmp_path / f"{fmt}.csv"
    args = ["class", "collect", str(folder), "-o", str(out), "--format", fmt]
    assert main([*args, "--exercises", str(FLAGSHIP_DIR)]) == 0
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert rows[0][0] == first and rows[0][-1] == flagship_exercise.title
    if fmt == "canvas":
        assert rows[0][:5] == ["Student", "ID", "SIS User ID", "SIS Login ID", "Section"]
        assert (
            rows[1][0] == "Points Possible" and float(rows[1][-1]) == flagship_exercise.max_points
        )
        rows = rows[1:]
    assert [r[0] for r in rows[1:]] == ["Ada", "Bob"]
    assert float(rows[1][-1]) == ada.grade().points


def test_a_corrupted_or_foreign_work_file_is_reported_and_skipped(handed_in, tmp_path, capsys):
    folder, _, _ = handed_in
    bob = folder / "bob.json"
    bob.write_text(bob.read_text(encoding="utf-8").replace("Somebody", "Anybody"), encoding="utf-8")
    (folder / "notes.json").write_text(json.dumps({"shopping": ["milk"]}), encoding="utf-8")
    out = tmp_path / "class.csv"
    assert (
        main(["class", "collect", str(folder), "-o", str(out), "--exercises", str(FLAGSHIP_DIR)])
        == 0
    )
    err = capsys.readouterr().err
    assert "bob.json" in err and "checksum" in err and "notes.json" in err
    assert "Traceback" not in err
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert [r["learner"] for r in rows] == ["Ada"]


def test_a_folder_with_no_usable_work_file_exits_2(tmp_path, capsys):
    (tmp_path / "x.json").write_text("nope", encoding="utf-8")
    assert main(["class", "collect", str(tmp_path), "-o", str(tmp_path / "c.csv")]) == 2
    assert "no usable work files" in capsys.readouterr().err


def test_class_overview_first_try_wrong_answers_and_reflections(flagship_exercise, handed_in):
    folder, _, _ = handed_in
    q = _questions(flagship_exercise)
    overview = sourcecrit.class_overview(folder, exercises=[flagship_exercise])
    questions = overview.questions.set_index("question")
    assert questions.loc[q["choice"].id, "right_first_try"] == 0.0  # Ada's first try was wrong
    assert questions.loc[q["short"].id, "students"] == 2
    assert questions.loc[q["short"].id, "right_first_try"] == 0.5
    assert "Somebody else entirely (1)" in questions.loc[q["short"].id, "common_wrong"]
    assert list(overview.reflections["learner"]) == ["Ada"]
    shown = overview._repr_html_()
    assert "&lt;b&gt;who&lt;/b&gt;" in shown and "<b>who</b>" not in shown
    report = overview.student_report("Ada")
    assert report.startswith("<!DOCTYPE html>") and "&lt;b&gt;who" in report
    assert "Feedback for Ada" in report


def test_overview_counts_machine_readings_flagged_wrong(flagship_exercise, tmp_path):
    for name, reason in (
        ("Ada", "it is a quote of a quote"),
        ("Bob", "not <script>a</script> source"),
    ):
        store = ProgressStore(tmp_path / name)
        state = {
            "frozen": [[0, 4, "source"]],
            "committed": True,
            "revealed": True,
            "flags": {"m1": {"reason": reason, "label": "source", "text": "NATO"}},
            "agreement": 0.5 if name == "Ada" else "not a number",
        }
        store.save_items(name, "annotator-sources", "nato-a1b2c3d4e5", state)
        export_work(name, tmp_path / f"{name}.json", store=store)
    overview = class_overview(tmp_path)
    assert overview.flags.to_dict("records")[0]["students"] == 2
    assert list(overview.annotations["spans_before_reveal"]) == [1, 1]
    assert overview.annotations["agreement"].tolist()[0] == 0.5
    assert overview.annotations["agreement"].isna().tolist() == [False, True]
    assert "&lt;script&gt;" in overview._repr_html_()


def test_an_exercises_folder_without_exercises_is_a_clear_error(handed_in, tmp_path, capsys):
    folder, _, _ = handed_in
    out = tmp_path / "c.csv"
    assert (
        main(
            ["class", "collect", str(folder), "-o", str(out), "--exercises", str(tmp_path / "none")]
        )
        == 2
    )
    err = capsys.readouterr().err
    assert "no exercise.yaml" in err and "Traceback" not in err and not out.exists()


def test_reports_show_a_hostile_name_and_answers_as_text(flagship_exercise, tmp_path, live_markup):
    # Issue 16: names and answers come from students' work files; in the class overview
    # and each student's report page they are text, in elements and attributes alike.
    name = "Eve' onload='alert(1)\"><script>alert(2)</script>"
    q = _questions(flagship_exercise)
    eve = ExerciseSession(flagship_exercise, learner=name, store=tmp_path / "home")
    eve.answer(q["short"].id, '"><img src=x onerror=alert(3)>')
    eve.answer(q["reflect"].id, "<script>alert(4)</script>")
    folder = tmp_path / "handed-in"
    folder.mkdir()
    export_work(name, folder / "eve.json", store=tmp_path / "home")
    overview = class_overview(folder, exercises=[flagship_exercise])
    report = overview.student_report(name)
    assert live_markup(report) == [] and live_markup(overview._repr_html_()) == []
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in report
    assert "&lt;script&gt;alert(4)&lt;/script&gt;" in report
    [path] = overview.write_reports(tmp_path / "reports")
    assert path.parent == tmp_path / "reports" and live_markup(path.read_text()) == []
