"""A learner's answers are on disk the moment they are given, and survive a new session."""

from __future__ import annotations

import json

import pytest

from sourcecrit.exercises import ExerciseError, ExerciseSession, analysis_once, load_exercise
from sourcecrit.exercises.session import saved_learners
from sourcecrit.progress import ProgressStore

from .conftest import SMALL


@pytest.fixture
def small(write_exercise):
    return load_exercise(write_exercise(SMALL))


@pytest.fixture
def store(tmp_path):
    return ProgressStore(tmp_path / "progress")


def _on_disk(session):
    return json.loads(session.path.read_text(encoding="utf-8"))


def test_each_answer_is_saved_at_once_and_a_new_session_has_it(small, store):
    s = ExerciseSession(small, learner="Ada", store=store)
    assert s.answers == {} and s.notices == []
    fb = s.answer("who", "Alcaide")
    assert fb.status == "correct"
    record = _on_disk(s)
    assert record["answers"] == {"who": "Alcaide"}
    assert record["learner"] == "Ada" and record["checklist"] == "exercise-small"
    s.answer("hedges", "could\nexpressed doubt")
    assert _on_disk(s)["answers"]["hedges"] == ["could", "expressed doubt"]

    again = ExerciseSession(small, learner="Ada", store=ProgressStore(store.directory))
    assert again.answers == {"who": "Alcaide", "hedges": ["could", "expressed doubt"]}
    assert again.grade().points == 2
    assert not list(store.directory.rglob("*.tmp"))  # atomic writes leave no temp files


def test_a_blank_answer_removes_the_saved_one(small, store):
    s = ExerciseSession(small, learner="Ada", store=store)
    s.answer("who", "Alcaide")
    assert s.answer("who", "  ").status == "unanswered"
    assert _on_disk(s)["answers"] == {}


def test_learners_and_exercises_do_not_share_files(small, store, write_exercise):
    ada = ExerciseSession(small, learner="Ada", store=store)
    bob = ExerciseSession(small, learner="Bob", store=store)
    ada.answer("who", "Alcaide")
    bob.answer("who", "Putin")
    assert ada.path != bob.path
    assert ExerciseSession(small, learner="Ada", store=store).answers == {"who": "Alcaide"}
    assert saved_learners(small, store) == ["Ada", "Bob"]
    # A checklist with the exercise's id never reads these answers.
    assert store.load("Ada", "small", small.as_article()).answers == {}


def test_bad_answers_and_unknown_questions_raise_without_touching_the_file(small, store):
    s = ExerciseSession(small, learner="Ada", store=store)
    s.answer("who", "Alcaide")
    with pytest.raises(ExerciseError, match="no question 'nope'"):
        s.answer("nope", "x")
    with pytest.raises(ExerciseError, match="must be text"):
        s.answer("who", 3)
    with pytest.raises(ExerciseError, match="'An editor' is not one of the options of 'kind'"):
        s.answer("kind", "An editor")
    assert _on_disk(s)["answers"] == {"who": "Alcaide"}


def test_a_damaged_file_is_kept_aside_and_the_backup_restored(small, store):
    s = ExerciseSession(small, learner="Ada", store=store)
    s.answer("who", "Alcaide")
    s.answer("kind", "An expert")  # the first version is now the backup
    s.path.write_text("{ not json", encoding="utf-8")
    again = ExerciseSession(small, learner="Ada", store=store)
    assert again.answers == {"who": "Alcaide"}
    assert any("could not be read" in n for n in again.notices)
    assert any("restored from the last good copy" in n for n in again.notices)
    assert list(s.path.parent.glob("*.corrupt-*.json"))


def test_answers_to_questions_since_removed_stay_on_disk(small, store, write_exercise):
    s = ExerciseSession(small, learner="Ada", store=store)
    s.answer("who", "Alcaide")
    s.answer("kind", "An expert")
    fewer = load_exercise(write_exercise(SMALL.split("  - id: kind")[0], name="ex"))
    t = ExerciseSession(fewer, learner="Ada", store=store)
    assert t.answers == {"who": "Alcaide"}
    t.answer("who", "José Antonio Alcaide")
    assert _on_disk(t)["answers"] == {"who": "José Antonio Alcaide", "kind": "An expert"}


def test_an_unwritable_store_says_so_and_keeps_the_answer_in_the_session(small, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    s = ExerciseSession(small, learner="Ada", store=blocker)
    from sourcecrit.progress import ProgressError

    with pytest.raises(ProgressError, match="could not save answers"):
        s.answer("who", "Alcaide")
    assert s.answers == {"who": "Alcaide"}


def test_fixing_a_typo_in_the_article_keeps_the_answers(write_exercise, store):
    folder = write_exercise(SMALL)
    ex = load_exercise(folder)
    ExerciseSession(ex, learner="Ada", store=store).answer("who", "Alcaide")
    article = folder / "article.txt"
    article.write_text(
        article.read_text(encoding="utf-8").replace("fight", "fight."), encoding="utf-8"
    )
    fixed = load_exercise(folder)
    assert fixed.text != ex.text
    assert ExerciseSession(fixed, learner="Ada", store=store).answers == {"who": "Alcaide"}


def test_two_sessions_for_one_learner_never_erase_each_other(small, store):
    old = ExerciseSession(small, learner="Ada", store=ProgressStore(store.directory))
    new = ExerciseSession(small, learner="Ada", store=ProgressStore(store.directory))
    new.answer("who", "Alcaide")
    old.answer("kind", "An expert")  # the old session never saw "who"
    assert _on_disk(old)["answers"] == {"who": "Alcaide", "kind": "An expert"}
    old.answer("kind", "An anonymous source")
    assert ExerciseSession(small, learner="Ada", store=store).answers == {
        "who": "Alcaide",
        "kind": "An anonymous source",
    }


def test_every_attempt_is_logged_with_first_try_status(small, store):
    s = ExerciseSession(small, learner="Ada", store=store)
    s.answer("who", "Putin")
    s.answer("who", "Alcaide")
    again = ExerciseSession(small, learner="Ada", store=store)
    assert [(a["item"], a["answer"], a["status"]) for a in again.attempts] == [
        ("who", "Putin", "wrong"),
        ("who", "Alcaide", "correct"),
    ]
    assert again.first_try("who") == "wrong" and again.first_try("kind") is None


def test_a_hand_edited_file_with_wrong_types_is_reported_not_fatal(small, store):
    s = ExerciseSession(small, learner="Ada", store=store)
    s.answer("who", "Alcaide")
    record = _on_disk(s)
    record["answers"] = {"who": 42, "hedges": [1, 2], "kind": "An expert"}
    s.path.write_text(json.dumps(record), encoding="utf-8")
    again = ExerciseSession(small, learner="Ada", store=store)
    assert set(again.problems) == {"who", "hedges"}
    assert any(str(again.path) in n for n in again.notices)
    assert again.answers == {"kind": "An expert"}
    g = again.grade()
    assert {f.question: f.status for f in g.feedback}["who"] == "unanswered"
    assert _on_disk(again)["answers"]["who"] == 42  # kept for the teacher to see


def test_grading_the_class_goes_on_past_a_hand_edited_file(small, store, capsys):
    from sourcecrit.cli import main

    for name, answer in (("Ada", "Alcaide"), ("Bob", "Alcaide")):
        ExerciseSession(small, learner=name, store=store).answer("who", answer)
    bad = ExerciseSession(small, learner="Bob", store=store)
    record = _on_disk(bad)
    record["answers"]["who"] = ["not", 1]
    bad.path.write_text(json.dumps(record), encoding="utf-8")
    status = main(
        ["exercise", "grade", str(small.source), "--progress-dir", str(store.directory), "--json"]
    )
    out, err = capsys.readouterr()
    assert status == 0
    grades = {g["learner"]: g["points"] for g in json.loads(out)}
    assert grades["Ada"] == 1 and grades["Bob"] == 0
    assert str(bad.path) in err and "Traceback" not in err


def test_the_exercise_never_analyses_the_session_is_handed_the_analysis(write_exercise, store):
    # Issue 9: data objects never load a model. The session calls the function it was
    # handed, once, and only when an answer needs the machine's reading (a right answer to
    # a ``compare`` question); other answers are marked without it.
    text = SMALL.replace(
        "    targets: [could, expressed doubt]\n", "    targets: [could]\n    compare: hedge\n"
    )
    ex = load_exercise(write_exercise(text))
    assert not hasattr(ex, "analysis") and [q.id for q in ex.machine_marked] == ["hedges"]
    calls = []
    made = analysis_once(ex)

    def handed_in():
        calls.append(1)
        return made()

    session = ExerciseSession(ex, learner="Ada", store=store, analysis=handed_in)
    session.answer("who", "Alcaide")
    session.answer("hedges", ["expressed doubt"])  # not right: the machine stays out
    assert calls == []
    fb = session.answer("hedges", ["could"])
    assert "sourcecrit's analysis marks these hedges here" in fb.message
    session.grade()
    assert calls == [1] and made() is made()


def test_grading_a_machine_marked_answer_without_the_analysis_says_what_to_hand_in(
    write_exercise,
):
    from sourcecrit.exercises import grade

    yaml_text = SMALL + (
        "  - id: mark\n    type: annotate\n    layer: certainty\n    reference: machine\n"
        "    prompt: Mark the hedges.\n"
        "    passage: He added that the military could be there as instructors.\n"
    )
    ex = load_exercise(write_exercise(yaml_text))
    assert [q.id for q in ex.machine_marked] == ["mark"]
    assert grade(ex, {"who": "Alcaide"}).points == 1  # nothing needs the machine
    with pytest.raises(ExerciseError, match="mark: marked against sourcecrit's reading"):
        grade(ex, {"mark": [[14, 19, "hedge"]]})
