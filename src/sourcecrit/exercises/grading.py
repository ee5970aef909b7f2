"""Marking a learner's answers to a whole exercise: one :class:`Grade` per learner.

The exercise is a data object and never analyses its article (DESIGN.md): questions that
compare with sourcecrit's reading, or are marked against it, get the Analysis from the
caller, handed in as an Analysis or as a function called only when an answer needs it
(:func:`sourcecrit.exercises.session.analysis_once`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sourcecrit.exercises.feedback import Feedback, Grade, feedback_for
from sourcecrit.exercises.model import Exercise, ExerciseError, Question


def grade(
    exercise: Exercise,
    answers: Mapping[str, Any],
    *,
    learner: str | None = None,
    analysis: Any = None,
    compare: bool = True,
) -> Grade:
    """Return the :class:`Grade` for ``answers`` (question id → answer) to ``exercise``.

    Answers to questions the exercise does not have are ignored (they are kept on disk by
    the progress store, in case a question is renamed back).

    Args:
        analysis: sourcecrit's Analysis of the exercise's article, or a function returning
            it (called only when an answer needs it; see
            :func:`~sourcecrit.exercises.session.analysis_once`). Grading never makes one
            itself, so without it no model is loaded.
        compare: with an ``analysis``, questions that ask for it get sourcecrit's own
            reading of the passage in their feedback (default).

    Raises:
        ExerciseError: an answer to a question marked against sourcecrit's reading was given
            but no ``analysis`` was handed in.
    """
    missing = [
        q.id
        for q in exercise.machine_marked
        if q.type == "annotate" and answers.get(q.id) is not None and analysis is None
    ]
    if missing:
        raise ExerciseError(_NEEDS_ANALYSIS.format(ids=", ".join(missing)))
    return Grade(
        exercise=exercise.id,
        title=exercise.title,
        feedback=tuple(
            _safe_feedback(
                exercise,
                q,
                answers.get(q.id),
                analysis if compare or q.type == "annotate" else None,
            )
            for q in exercise.questions
        ),
        learner=learner,
    )


_NEEDS_ANALYSIS = (
    "{ids}: marked against sourcecrit's reading of the article; hand it in: "
    "analysis=analysis_once(exercise) (from sourcecrit.exercises)"
)


def _safe_feedback(exercise: Exercise, question: Question, answer: Any, analysis: Any) -> Feedback:
    # One hand-edited answer (a number where text belongs) must not stop a whole grade.
    try:
        return question_feedback(exercise, question, answer, analysis=analysis)
    except ExerciseError as exc:
        return Feedback(
            question.id, "unanswered", 0, question.worth, f"The saved answer cannot be read: {exc}"
        )


def question_feedback(
    exercise: Exercise, question: Question, answer: Any, *, analysis: Any = None
) -> Feedback:
    """Return :func:`feedback_for` ``answer`` to one of ``exercise``'s questions, located in
    its article.

    Args:
        analysis: sourcecrit's Analysis of the article, or a function returning it (called
            only if needed): for ``compare`` questions (without it, their feedback has no
            machine reading) and ``annotate`` questions marked against the machine (needed).
    """
    return feedback_for(
        question,
        answer,
        text=exercise.text,
        passage=exercise.passage_span(question.id),
        analysis=analysis,
    )
