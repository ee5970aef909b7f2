"""Work files: export everything one learner did, read it back, merge it into a store."""

from __future__ import annotations

import json

import pytest

from sourcecrit.cli import main
from sourcecrit.errors import LearnerError, WorkFileError
from sourcecrit.exercises import ExerciseSession
from sourcecrit.progress import ProgressStore
from sourcecrit.work import (
    collect_work,
    current_learner,
    export_work,
    forget_learner,
    import_work,
    read_work_file,
    set_learner,
)
from sourcecrit.work.workfile import checksum


@pytest.fixture
def store(tmp_path):
    return ProgressStore(tmp_path / "progress")


def _answered(exercise, store, learner="Ada"):
    s = ExerciseSession(exercise, learner=learner, store=store)
    questions = {q.type: q for q in exercise.questions}
    choice = questions["choice"]
    s.answer(choice.id, choice.options[-1])  # a first try
    s.answer(choice.id, choice.accepted[0])  # then the right one
    store.save_item(learner, "sift", "nato-a1b2c3d4e5", "stop", "yes")  # a checklist move
    return s


def test_work_file_holds_every_answer_attempt_and_checklist(flagship_exercise, store, tmp_path):
    s = _answered(flagship_exercise, store)
    path = export_work("Ada", tmp_path / "ada.json", store=store)
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert (doc["format"], doc["schema"], doc["learner"]) == ("sourcecrit-work", 1, "Ada")
    assert doc["checksum"] == checksum(doc) and doc["created"]
    work = read_work_file(path)
    record = work.record(s.key)
    assert record["answers"] == s.answers
    assert [a["status"] for a in record["events"]] == ["wrong", "correct"]
    assert set(record["times"]) == set(s.answers)
    assert work.record("sift")["answers"] == {"stop": "yes"}


def test_nothing_saved_is_a_clear_error(store):
    with pytest.raises(WorkFileError, match="no saved answers for 'Ada'"):
        collect_work("Ada", store=store)


@pytest.mark.parametrize(
    "damage, why",
    [
        (lambda t: t.replace('"stop": "yes"', '"stop": "no"'), "checksum does not match"),
        (lambda t: t[: len(t) // 2], "not readable JSON"),
        (lambda t: json.dumps({"hello": 1}), "not a sourcecrit work file"),
        (lambda t: t.replace('"schema": 1', '"schema": 7'), "schema 7"),
        (lambda t: "[" * 50_000 + "]" * 50_000, "not readable JSON"),
    ],
)
def test_damaged_or_foreign_files_are_refused_by_name(flagship_exercise, store, tmp_path, damage, why):
    _answered(flagship_exercise, store)
    path = export_work("Ada", tmp_path / "ada.json", store=store)
    path.write_text(damage(path.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(WorkFileError, match=why) as info:
        read_work_file(path)
    assert str(path) in str(info.value)


def test_import_into_a_fresh_store_restores_everything(flagship_exercise, store, tmp_path):
    s = _answered(flagship_exercise, store)
    path = export_work("Ada", tmp_path / "ada.json", store=store)
    fresh = ProgressStore(tmp_path / "fresh")
    report = import_work(path, store=fresh)
    assert report.added == len(s.answers) + 1 and report.updated == 0
    again = ExerciseSession(flagship_exercise, learner="Ada", store=fresh)
    assert again.answers == s.answers and len(again.attempts) == 2
    assert fresh.load("Ada", "sift", "nato-a1b2c3d4e5").answers == {"stop": "yes"}
    assert import_work(path, store=fresh).added == 0  # importing twice changes nothing


def test_import_never_overwrites_a_newer_answer(flagship_exercise, store, tmp_path):
    choice = next(q for q in flagship_exercise.questions if q.type == "choice")
    short = next(q for q in flagship_exercise.questions if q.type == "short")
    s = ExerciseSession(flagship_exercise, learner="Ada", store=store)
    s.answer(choice.id, choice.options[0])
    s.answer(short.id, "an old answer")
    path = export_work("Ada", tmp_path / "old.json", store=store)
    s.answer(short.id, "a newer answer")  # given after the export
    s.answer(choice.id, None)  # and this one cleared after the export
    report = import_work(path, store=store)
    assert report.kept == 2 and report.added == 0
    after = ExerciseSession(flagship_exercise, learner="Ada", store=store)
    assert after.answers == {short.id: "a newer answer"}


def test_import_keeps_answers_the_file_does_not_have(flagship_exercise, store, tmp_path):
    _answered(flagship_exercise, store)
    path = export_work("Ada", tmp_path / "ada.json", store=store)
    other = ProgressStore(tmp_path / "other")
    other.save_item("Ada", "craap", None, "currency", "recent")
    import_work(path, store=other)
    assert other.load("Ada", "craap", None).answers == {"currency": "recent"}


def test_cli_export_and_import(flagship_exercise, store, tmp_path, capsys, monkeypatch):
    _answered(flagship_exercise, store)
    _answered(flagship_exercise, store, learner="Bob")
    out = tmp_path / "ada.json"
    monkeypatch.delenv("SOURCECRIT_LEARNER", raising=False)
    forget_learner()
    # Two learners saved: the CLI will not guess whose work to export.
    assert main(["work", "export", "-o", str(out), "--progress-dir", str(store.directory)]) == 2
    assert "--learner" in capsys.readouterr().err
    args = ["work", "export", "--learner", "Ada", "-o", str(out)]
    assert main([*args, "--progress-dir", str(store.directory)]) == 0
    assert read_work_file(out).learner == "Ada"
    monkeypatch.setenv("SOURCECRIT_PROGRESS_DIR", str(tmp_path / "fresh"))
    assert main(["work", "import", str(out)]) == 0
    assert "answers added" in capsys.readouterr().out
    assert ProgressStore(tmp_path / "fresh").learners() == ["Ada"]
    out.write_text("{}", encoding="utf-8")
    assert main(["work", "import", str(out)]) == 2
    err = capsys.readouterr().err
    assert str(out) in err and "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_set_learner_is_remembered_and_checked(monkeypatch):
    monkeypatch.delenv("SOURCECRIT_LEARNER", raising=False)
    forget_learner()
    assert current_learner() is None  # never the login name
    monkeypatch.setenv("SOURCECRIT_LEARNER", "Env Name")
    assert current_learner() == "Env Name"
    assert set_learner("  Ada  ") == "Ada" and current_learner() == "Ada"
    for bad in ("", "   ", "x" * 101, "a\x00b", "a\ud800"):
        with pytest.raises(LearnerError):
            set_learner(bad)
    assert current_learner() == "Ada"
    forget_learner()
