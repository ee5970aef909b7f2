"""An exercise as a form: the article with its passages marked, one box per question.

Every answer is saved the moment it changes (:class:`~sourcecrit.exercises.ExerciseSession`),
so a kernel restart or a closed tab loses nothing: a new form for the same learner and
exercise opens with the answers filled in. Feedback appears when the student presses
**Check**. Everything from the article or the exercise file is escaped before it is shown.
Returns widgets; notebooks display them.
"""

from __future__ import annotations

import html
import os
from typing import Any

import ipywidgets as widgets

from sourcecrit.errors import LearnerError
from sourcecrit.exercises import (
    Exercise,
    ExerciseError,
    ExerciseSession,
    Grade,
    Question,
    load_exercise,
)
from sourcecrit.exercises.feedback import feedback_html
from sourcecrit.exercises.session import STORE_PREFIX
from sourcecrit.progress import ProgressError, ProgressStore
from sourcecrit.widgets.common import BrowserCopy, LearnerPrompt, store_for, tell_work_saved
from sourcecrit.widgets.word_picker import WordPicker
from sourcecrit.work.learner import current_learner, on_learner_change

FIND_HELP = "Click the words that answer the question; click a word again to drop it"


class QuestionBox(widgets.VBox):
    """One question: prompt, passage, answer box, Check button and feedback.

    Attributes:
        question: the question shown.
        input: the answer widget: RadioButtons (choice), Text (short), a
            :class:`~sourcecrit.widgets.word_picker.WordPicker` (find) or Textarea (reflect).
        check_button: shows feedback on the saved answer.
        feedback: the feedback (empty until Check is pressed).
        status: a problem saving, if there was one.
    """

    def __init__(self, form: ExerciseForm, question: Question, number: int):
        self.form = form
        self.question = question
        self.input = _input_for(question, form.exercise)
        self.check_button = widgets.Button(description="Check", icon="check")
        self.check_button.add_class("sc-check")
        self.feedback = widgets.HTML("")
        self.feedback.add_class("sc-feedback-box")
        self.status = widgets.HTML("")
        self._filling = False
        prompt = widgets.HTML(_prompt_html(question, number))
        self.input.observe(self._changed, names="value")
        self.check_button.on_click(self._check)
        super().__init__([prompt, self.input, self.check_button, self.feedback, self.status])
        self.add_class("sc-question")
        self.add_class(f"sc-question-{question.id}")

    def fill(self) -> None:
        """Show the session's saved answer (or keep what was typed before the name was)."""
        session = self.form.session
        if session is None:
            return
        question = self.question
        saved = session.answers.get(question.id)
        if saved is None:
            if self.input.value not in (None, "", []):
                self._changed({})  # typed before the name was given: save it now
            return
        if isinstance(saved, list) and not isinstance(self.input, WordPicker):
            saved = "\n".join(saved)  # a Textarea shows one pick per line
        self.status.value = ""
        if question.type == "choice" and saved not in (question.options or []):
            # The instructor changed the options since: keep the file as it is, say so.
            self.status.value = (
                f"<span style='color:#9a6700'>Your earlier answer “{html.escape(str(saved))}” "
                "is no longer one of the options; choose again.</span>"
            )
            return
        self._filling = True
        try:
            self.input.value = saved
        finally:
            self._filling = False

    def _changed(self, _change: dict) -> None:
        if self._filling:
            return
        self.feedback.value = ""  # old feedback would describe the old answer
        session = self.form.session
        if session is None:
            self.status.value = (
                "<span style='color:#9a6700'>Not saved yet: type your name at the top of the "
                "exercise first.</span>"
            )
            return
        try:
            session.answer(self.question.id, self.input.value, attempt=False)
        except (ExerciseError, ProgressError) as exc:
            self.status.value = (
                f"<span style='color:#cf222e'>Not saved: {html.escape(str(exc))}</span>"
            )
        else:
            self.status.value = ""
            self.form.browser_copy.refresh()
            tell_work_saved(session.learner, self.form.store.directory)

    def _check(self, _button: Any = None) -> None:
        session = self.form.session
        if session is None:
            self._changed({})
            return
        self.feedback.value = feedback_html(session.check(self.question.id))
        self.form.browser_copy.refresh()
        tell_work_saved(session.learner, self.form.store.directory)


class ExerciseForm(widgets.VBox):
    """The widget :func:`exercise_form` returns.

    Display it whole, or its parts one by one: ``form.header``, ``form.article`` and
    ``form["question-id"]`` (what the generated notebook does). Until the learner's name
    is known, the header asks for it and nothing is saved.

    Attributes:
        exercise: the exercise shown.
        session: the learner's answers, saved as they change (None until a name is given).
        header: title, introduction, learner (or the name prompt), notices, the offer to
            restore the browser's copy, and the browser copy itself.
        article: the article, passages marked with their question numbers.
        questions: question id → its :class:`QuestionBox`.
    """

    def __init__(
        self,
        exercise: Exercise,
        session: ExerciseSession | None = None,
        *,
        store: ProgressStore | str | os.PathLike[str] | None = None,
        follow: bool = False,
    ):
        self.exercise = exercise
        self.session = session
        self.store = session.store if session is not None else store_for(store)
        self.title = widgets.HTML()
        self.prompt = LearnerPrompt()
        self.prompt.on_name(self.start)
        if follow:  # no learner given: a name typed in any prompt opens their answers
            on_learner_change(self._follow)
        self.browser_copy = BrowserCopy(store=self.store)
        self.restore_offer = self.browser_copy.offer(
            STORE_PREFIX + exercise.id,
            empty_on_disk=self._empty_on_disk,
            restored=self._reload,
        )
        self.header = widgets.VBox([self.title, self.prompt, self.restore_offer, self.browser_copy])
        self.header.add_class("sc-exercise-header")
        self.article = widgets.HTML(article_html(exercise))
        self.article.add_class("sc-exercise-article")
        self.questions = {
            q.id: QuestionBox(self, q, n)
            for n, q in enumerate(exercise.questions, 1)
            if q.type != "annotate"  # widgets.annotate_question(form, id) shows these
        }
        super().__init__([self.header, self.article, *self.questions.values()])
        self.add_class("sc-exercise")
        if session is not None:
            self._started()
        else:
            self.title.value = _header_html(exercise, None)

    def start(self, learner: str) -> None:
        """Open ``learner``'s saved answers (the name prompt calls this)."""
        if self.session is not None and self.session.learner == learner:
            return
        self.session = ExerciseSession(self.exercise, learner=learner, store=self.store)
        self._started()

    def _follow(self, name: str | None) -> None:
        if name is not None:
            self.start(name)

    def _started(self) -> None:
        assert self.session is not None
        self.prompt.layout.display = "none"
        self.title.value = _header_html(self.exercise, self.session)
        for box in self.questions.values():
            box.fill()
        self.browser_copy.follow(self.session.learner)
        self.restore_offer.update()  # type: ignore[attr-defined]

    def _empty_on_disk(self) -> bool:
        return self.session is not None and not self.session.answers and not self.session.updated

    def _reload(self) -> None:
        assert self.session is not None
        self.session = ExerciseSession(
            self.exercise, learner=self.session.learner, store=self.store
        )
        self._started()

    def __getitem__(self, question_id: str) -> QuestionBox:
        if question_id not in self.questions:
            self.exercise.question(question_id)  # raises with the list of ids
        return self.questions[question_id]

    def grade(self) -> Grade:
        """Return feedback on every question and the score (displays as a table).

        Raises:
            LearnerError: no name has been given yet.
        """
        if self.session is None:
            raise LearnerError("type your name at the top of the exercise first")
        return self.session.grade()

    def summary(self) -> Grade | widgets.HTML:
        """Return :meth:`grade`, or a note asking for the name when none is given yet."""
        if self.session is None:
            return widgets.HTML("<p>Type your name at the top of the exercise first.</p>")
        return self.session.grade()


def exercise_form(
    exercise: Exercise | str | os.PathLike[str],
    *,
    learner: str | None = None,
    store: ProgressStore | str | os.PathLike[str] | None = None,
) -> ExerciseForm:
    """Return the form for ``exercise``, filled in with the learner's saved answers.

    Args:
        exercise: an Exercise, or the folder (or ``exercise.yaml``) of one.
        learner: whose answers (default: the name given this session with
            ``sourcecrit.set_learner`` or the name prompt, else ``$SOURCECRIT_LEARNER``;
            with none, the form asks for it and saves nothing before).
        store: a ProgressStore or a folder for one (default ``$SOURCECRIT_PROGRESS_DIR`` or
            ``~/.sourcecrit/progress``).
    """
    if not isinstance(exercise, Exercise):
        exercise = load_exercise(exercise)
    name = learner or current_learner()
    follow = learner is None
    if name is None:
        return ExerciseForm(exercise, store=store, follow=follow)
    # The form's own store (widgets.common.store_for): two forms never share one.
    session = ExerciseSession(exercise, learner=name, store=store_for(store))
    return ExerciseForm(exercise, session, follow=follow)


def article_html(exercise: Exercise) -> str:
    """Return the article as escaped HTML, each question's passage marked with its number."""
    text = exercise.text
    marks = sorted(
        (span, n)
        for n, q in enumerate(exercise.questions, 1)
        if (span := exercise.passage_span(q.id)) is not None
    )
    out, pos = [], 0
    for (start, end), n in marks:
        if start < pos:  # overlapping passages: the first one is marked
            continue
        out.append(html.escape(text[pos:start]))
        out.append(
            f"<mark class='sc-passage' title='Question {n}'>{html.escape(text[start:end])}"
            f"<sup>Q{n}</sup></mark>"
        )
        pos = end
    out.append(html.escape(text[pos:]))
    body = "".join(out).strip()
    paragraphs = "".join(f"<p>{p.strip()}</p>" for p in body.split("\n\n") if p.strip())
    return f"<div class='sc-article' style='max-width:48em;line-height:1.5'>{paragraphs}</div>"


def _header_html(exercise: Exercise, session: ExerciseSession | None) -> str:
    esc = html.escape
    parts = [f"<h3>{esc(exercise.title)}</h3>"]
    if exercise.intro:
        parts.append(f"<p>{esc(exercise.intro)}</p>")
    if session is None:
        facts = ["Type your name below first: your answers are saved under it"]
    else:
        facts = [f"Learner: {esc(session.learner)}", f"Answers saved in {esc(str(session.path))}"]
    if exercise.credit:
        facts.append(f"Article: {esc(exercise.credit)}")
    parts.append(f"<p><small>{' · '.join(facts)}</small></p>")
    for notice in session.notices if session is not None else []:
        parts.append(f"<p class='sc-notice' style='color:#9a6700'>{esc(notice)}</p>")
    return "".join(parts)


def _prompt_html(question: Question, number: int) -> str:
    esc = html.escape
    out = f"<p><b>Q{number}.</b> {esc(question.prompt)}</p>"
    if question.passage:
        out += f"<blockquote style='border-left:3px solid #ccc;padding-left:.8em'>{esc(question.passage)}</blockquote>"
    if question.type == "find":
        out += f"<p><small>{esc(FIND_HELP)}.</small></p>"
    return out


def _input_for(question: Question, exercise: Exercise) -> widgets.Widget:
    layout = widgets.Layout(width="95%")
    span = exercise.passage_span(question.id)
    if question.type == "find" and span is not None:
        box = WordPicker(exercise.text, *span)
    elif question.type == "choice":
        box = widgets.RadioButtons(options=list(question.options or []), value=None, layout=layout)
    elif question.type == "short":
        box = widgets.Text(value="", placeholder="Your answer", layout=layout)
    elif question.type == "find":  # an exercise built in Python, with no article text
        box = widgets.Textarea(
            value="", placeholder="One word or phrase per line", layout=layout, rows=4
        )
    else:
        box = widgets.Textarea(value="", placeholder="Your answer", layout=layout, rows=5)
    box.add_class(f"sc-answer-{question.type}")
    return box
