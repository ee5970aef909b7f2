"""An exercise's ``annotate`` question as an annotator: the prompt above, the answer graded.

The student's committed (frozen) spans become their answer to the question in the
exercise session, so ``form.grade()``, ``sourcecrit exercise grade`` and the class
overview mark it with :func:`sourcecrit.span_agreement.agreement`. Everything else the
annotator keeps (second version, flags) is saved under the exercise and question.
"""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as widgets

from sourcecrit.errors import AnnotatorError
from sourcecrit.exercises import ExerciseSession, analysis_once
from sourcecrit.exercises.annotate import reference_spans, target_spans
from sourcecrit.widgets.annotator import Annotator
from sourcecrit.work.learner import current_learner


class AnnotateQuestion(widgets.VBox):
    """The widget :func:`annotate_question` returns: the prompt and :attr:`annotator`."""

    def __init__(self, prompt: widgets.HTML, annotator: Annotator, question_id: str):
        self.annotator = annotator
        super().__init__([prompt, annotator])
        self.add_class("sc-annotate-question")
        self.add_class(f"sc-annotate-{question_id}")


def annotate_question(form: Any, question_id: str) -> AnnotateQuestion:
    """Return the annotator for ``question_id`` (an ``annotate`` question) of the form's
    exercise; its committed answer is saved as the learner's answer to the question.

    Args:
        form: the exercise form (``form`` in the exercise notebook), whose session opens
            once the learner has given a name; or an :class:`ExerciseSession` directly.
        question_id: the question's id.

    Raises:
        ExerciseError: no such question. AnnotatorError: it is not an annotate question.
    """

    def session_now() -> ExerciseSession | None:
        if isinstance(form, ExerciseSession):
            return form
        if form.session is None and current_learner():
            form.start(current_learner())  # the name was given in the annotator's own prompt
        return form.session

    session = session_now()
    exercise = form.exercise
    question = exercise.question(question_id)
    if question.type != "annotate" or question.layer is None:
        raise AnnotatorError(
            f"question {question_id!r} is a {question.type} question, not annotate"
        )
    text = exercise.text
    window = exercise.passage_span(question_id) or (0, len(text))
    passage = exercise.passage_span(question_id)

    def reference() -> list[dict[str, Any]]:
        if question.targets is not None:
            return target_spans(question, text, passage)
        current = session_now()  # the session hands in the Analysis (exercises are data)
        source = current.machine_analysis if current is not None else analysis_once(exercise)
        return reference_spans(question, text, window, source)

    def committed(spans: list[list[Any]] | None) -> None:
        current = session_now()
        if current is not None:
            current.answer(question_id, spans)

    annotator = Annotator(
        text=text,
        article=exercise.as_article() or text,
        layer=question.layer,
        window=window,
        reference=reference,
        reference_name="the key" if question.targets is not None else "the machine",
        key=f"exercise-{exercise.id}-{question_id}",
        learner=session.learner if session is not None else None,
        store=form.store,
        on_commit=committed,
    )
    if (
        session is not None
        and annotator.committed
        and session.answers.get(question_id) != sorted(annotator.frozen)
    ):
        committed(annotator.frozen)  # the two files disagree: the annotator's state wins
    n = [q.id for q in exercise.questions].index(question_id) + 1
    prompt = widgets.HTML(
        f"<p><b>Q{n}.</b> {html.escape(question.prompt)}</p>"
        "<p><small>Mark the words first, commit, and only then compare.</small></p>"
    )
    return AnnotateQuestion(prompt, annotator, question_id)
