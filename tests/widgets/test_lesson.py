"""Lesson widgets driven from Python: commit first, then the model answer or the feedback."""

from __future__ import annotations

import pytest

from sourcecrit.progress import ProgressStore
from sourcecrit.widgets.lesson import prebunking_quiz, recall_question, write_then_reveal
from sourcecrit.work.learner import forget_learner, set_learner


@pytest.fixture
def store(tmp_path):
    return ProgressStore(tmp_path / "progress")


@pytest.fixture(autouse=True)
def _no_session_learner(monkeypatch):
    monkeypatch.delenv("SOURCECRIT_LEARNER", raising=False)
    forget_learner()
    yield
    forget_learner()


def test_model_answer_hidden_until_an_answer_is_saved_and_first_kept(store):
    box = write_then_reveal(
        "Who speaks first?", "The colonel.", key="q1", learner="Ada", store=store
    )
    assert box.model.value == "" and not box.revealed
    box.answer.value = "short"
    assert box.commit() is False and box.model.value == ""
    box.answer.value = "A retired colonel, in the second sentence."
    assert box.commit() and "The colonel." in box.model.value
    box.answer.value = "A retired NATO colonel, named only in the second sentence."
    box.commit()
    again = write_then_reveal(
        "Who speaks first?", "The colonel.", key="q1", learner="Ada", store=store
    )
    assert again.revealed and again.first == "A retired colonel, in the second sentence."
    assert again.answer.value.startswith("A retired NATO colonel")


def test_nothing_is_saved_without_a_name_and_the_model_stays_hidden(store):
    box = write_then_reveal("Why?", "Because.", key="q2", store=store)
    box.answer.value = "Because the source is named."
    assert box.commit() is False
    assert "type your name" in box.status.value and box.model.value == ""
    assert store.learners() == []
    set_learner("Bea")
    assert box.commit() and store.learners() == ["Bea"]


def test_recall_question_records_attempts_and_first_try(store):
    q = recall_question(
        "Which is a cue?",
        ["said", "Macron"],
        "said",
        "Cues report speech.",
        key="r1",
        learner="Ada",
        store=store,
    )
    assert q.check() is None
    q.choice.value = "Macron"
    assert q.check() is False and "Not quite" in q.feedback.value
    q.choice.value = "said"
    assert q.check() is True and "Cues report speech." in q.feedback.value
    saved = store.load("Ada", "r1", None).answers
    assert saved == {"attempts": ["Macron", "said"], "first_try_right": False}


def test_prebunking_quiz_scores_discernment_and_restores(store):
    quiz = prebunking_quiz("before", learner="Ada", store=store)
    for item in quiz.items:
        quiz.inputs[item.id].value = "emotion"
    result = quiz.score()
    assert result.score == 0.0 and "false alarm" in quiz.result.value
    again = prebunking_quiz("before", learner="Ada", store=store)
    assert again.answers() == {i.id: "emotion" for i in again.items}
