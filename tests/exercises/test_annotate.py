"""``annotate`` questions: validated like passages, marked with agreement(), shown as an
annotator whose committed answer is the graded one."""

from __future__ import annotations

import pytest

from sourcecrit.exercises import (
    ExerciseError,
    ExerciseSession,
    analysis_once,
    load_exercise,
    validate_exercise,
)
from sourcecrit.layers import machine_spans
from sourcecrit.widgets import annotate_question, exercise_form

HEAD = """\
id: marks
title: Marking practice
questions:
"""
KEYED = """\
  - id: sure
    type: annotate
    layer: certainty
    prompt: Mark the hedges.
    passage: He added that the military could be there as instructors. He also expressed doubt
    targets:
      - {text: could, label: hedge}
      - {text: expressed doubt, label: hedge}
    hint: Look for a modal verb.
    explanation: Both make the claim less certain.
"""
MACHINE = """\
  - id: who
    type: annotate
    layer: attribution
    prompt: Mark who says what.
    passage: Retired NATO Colonel José Antonio Alcaide told Izvestia
    reference: machine
"""


def spans(ex, question_id, *phrases_and_labels):
    from sourcecrit.exercises.matching import occurrences

    where = ex.passage_span(question_id)
    return [[*occurrences(ex.text, p, within=where)[0], label] for p, label in phrases_and_labels]


def test_flagship_has_an_annotate_question_per_layer(flagship_exercise):
    layers = {q.layer for q in flagship_exercise.questions if q.type == "annotate"}
    assert layers == {"certainty", "attribution"}
    assert validate_exercise(flagship_exercise.source) == []


@pytest.mark.parametrize(
    ("question", "message"),
    [
        (
            KEYED.replace("    targets:", "    reference: machine\n    targets:"),
            "either 'targets' or",
        ),
        (MACHINE.replace("    reference: machine\n", ""), "either 'targets' or"),
        (
            KEYED.replace(
                "label: hedge}\n      - {text: expressed",
                "label: source}\n      - {text: expressed",
            ),
            "'source' is not a certainty label",
        ),
        (KEYED.replace("text: could", "text: would"), "'would' is not in the passage"),
        (KEYED.replace("    layer: certainty\n", ""), "needs 'layer'"),
        (
            KEYED.replace("type: annotate", "type: find").replace("    layer: certainty\n", ""),
            "a find target is the words",
        ),
        (KEYED.replace("layer: certainty", "layer: tone"), "layer"),
    ],
)
def test_bad_annotate_questions_are_reported(write_exercise, question, message):
    with pytest.raises(ExerciseError, match=message) as info:
        load_exercise(write_exercise(HEAD + question))
    assert "exercise.yaml" in str(info.value)


def test_answers_are_marked_with_agreement(write_exercise, tmp_path):
    ex = load_exercise(write_exercise(HEAD + KEYED))
    session = ExerciseSession(ex, learner="Ada", store=tmp_path / "progress")
    assert session.feedback("sure").status == "unanswered"
    both = spans(ex, "sure", ("could", "hedge"), ("expressed doubt", "hedge"))
    fb = session.answer("sure", both)
    assert (fb.status, fb.points) == ("correct", 1)
    assert "Both make the claim less certain." in fb.message
    # One of two, and one word of "expressed doubt": partial credit, and the hint.
    fb = session.answer("sure", spans(ex, "sure", ("could", "hedge"), ("doubt", "hedge")))
    assert fb.status == "partly" and 0 < fb.points < 1
    assert fb.points == pytest.approx(0.75)  # F1 of credit 1.5 over 2 and 2
    assert "Hint: Look for a modal verb." in fb.message
    assert "expressed doubt" not in fb.message  # the feedback never names the targets
    fb = session.answer("sure", [])  # "I found none" is an answer, and a wrong one here
    assert (fb.status, fb.points) == ("wrong", 0)
    assert session.answers["sure"] == []
    with pytest.raises(ExerciseError, match="not \\[start, end, label\\]"):
        session.answer("sure", [[3, 1, "hedge"]])
    with pytest.raises(ExerciseError, match="marked spans"):
        session.answer("sure", "could")


def test_machine_reference_marks_against_the_analysis(write_exercise, tmp_path, nlp):
    ex = load_exercise(write_exercise(HEAD + MACHINE))
    machine = machine_spans(analysis_once(ex)(), "attribution", within=ex.passage_span("who"))
    assert machine, "the machine finds no attribution in the passage"
    session = ExerciseSession(ex, learner="Ada", store=tmp_path)
    fb = session.answer("who", [[m["start"], m["end"], m["label"]] for m in machine])
    assert fb.status == "correct" and "sourcecrit's reading: 100%" in fb.message


def test_annotate_question_widget_saves_the_committed_answer(write_exercise, tmp_path):
    ex = load_exercise(write_exercise(HEAD + KEYED))
    form = exercise_form(ex, learner="Ada", store=tmp_path)
    assert "sure" not in form.questions  # the form leaves annotate questions to the annotator
    box = annotate_question(form.session, "sure")
    ann = box.annotator
    assert (
        ann.text
        == "He added that the military could be there as instructors. He also expressed doubt"
    )
    ann.add_span(*spans(ex, "sure", ("could", "hedge"))[0])
    assert "sure" not in form.session.answers  # nothing is an answer before the commitment
    ann.commit()
    assert form.session.answers["sure"] == spans(ex, "sure", ("could", "hedge"))
    assert form.grade().to_frame().set_index("question").loc["sure", "status"] == "partly"
    ann.reveal()
    assert [r["label"] for r in ann.reference] == ["hedge", "hedge"]
    ann.add_span(*spans(ex, "sure", ("expressed doubt", "hedge"))[0])  # the second version
    assert form.session.answers["sure"] == spans(ex, "sure", ("could", "hedge"))  # not graded
    # A new session (a restarted kernel) sees the same graded answer and annotator state.
    again = annotate_question(ExerciseSession(ex, learner="Ada", store=tmp_path), "sure")
    assert again.annotator.revealed and len(again.annotator.spans) == 2
    with pytest.raises(Exception, match="not annotate"):
        ex2 = load_exercise(
            write_exercise(
                HEAD
                + KEYED.replace("type: annotate", "type: reflect")
                .replace("    layer: certainty\n", "")
                .replace(
                    "    targets:\n      - {text: could, label: hedge}\n      - {text: expressed doubt, label: hedge}\n",
                    "",
                ),
                name="r",
            )
        )
        annotate_question(ExerciseSession(ex2, learner="Ada", store=tmp_path), "sure")
