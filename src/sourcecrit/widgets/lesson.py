"""Small widgets the lessons are built from: write before you see, recall, the quiz.

Each keeps the order the course is built on: the student commits first, then sees the
model answer or the feedback. Everything is saved through the progress store as it changes.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

import ipywidgets as widgets

from sourcecrit.course import NO_TRICK, discernment, quiz_items, techniques
from sourcecrit.course.questions import course_questions
from sourcecrit.widgets.common import Saver

#: An answer shorter than this many words is not yet an answer to compare with a model.
MIN_WORDS = 3


class WriteThenReveal(widgets.VBox):
    """The widget :func:`write_then_reveal` returns.

    The model answer stays hidden until the student's own answer is written and saved; the
    first saved answer is kept as written (``first``), later edits are saved beside it.
    """

    def __init__(self, prompt: str, model_answer: str, *, saver: Saver):
        self.saver, self.model_answer = saver, model_answer
        self.answer = widgets.Textarea(
            placeholder="Write your answer here…", layout={"width": "95%"}
        )
        self.button = widgets.Button(description="Save, then show the model answer")
        self.button.on_click(lambda _b: self.commit())
        self.model = widgets.HTML()
        self.status = widgets.HTML()
        self.first: str | None = None
        super().__init__(
            [
                saver.bar,
                widgets.HTML(f"<b>{html.escape(prompt)}</b>"),
                self.answer,
                self.button,
                self.model,
                self.status,
            ]
        )
        self.add_class("sourcecrit-write-then-reveal")
        saver.on_reload(self._restore)
        self._restore()

    def _restore(self) -> None:
        saved = self.saver.load()
        if saved and isinstance(saved.answers.get("first"), str):
            self.first = saved.answers["first"]
            self.answer.value = str(saved.answers.get("latest") or self.first)
            self._reveal()

    @property
    def revealed(self) -> bool:
        return self.first is not None

    def commit(self) -> bool:
        """Save the answer; the first time, show the model answer. Return True when saved."""
        text = self.answer.value.strip()
        if len(text.split()) < MIN_WORDS:
            self.status.value = "Write a sentence or two first: the model answer comes after yours."
            return False
        answers = {"first": self.first or text, "latest": text}
        self.status.value = self.saver.save(answers)
        if not self.saver.saved(self.status.value):
            return False
        self.first = answers["first"]
        self._reveal()
        return True

    def _reveal(self) -> None:
        self.button.description = "Save my changes"
        self.model.value = (
            '<div class="sc-model-answer"><b>Model answer</b> (compare it with yours: what did '
            f"you see that it does not, and what did it see?)<br>{html.escape(self.model_answer)}</div>"
        )


class RecallQuestion(widgets.VBox):
    """The widget :func:`recall_question` returns: one choice, checked, every attempt saved."""

    def __init__(
        self, prompt: str, options: Sequence[str], answer: str, explanation: str, *, saver: Saver
    ):
        if answer not in options:
            raise ValueError(f"the answer {answer!r} is not one of the options")
        self.saver, self.right, self.explanation = saver, answer, explanation
        self.choice = widgets.RadioButtons(
            options=list(options), value=None, layout={"width": "max-content"}
        )
        self.button = widgets.Button(description="Check")
        self.button.on_click(lambda _b: self.check())
        self.feedback = widgets.HTML()
        self.attempts: list[str] = []
        super().__init__(
            [
                saver.bar,
                widgets.HTML(f"<b>{html.escape(prompt)}</b>"),
                self.choice,
                self.button,
                self.feedback,
            ]
        )
        self.options = list(options)
        saver.on_reload(self._restore)
        self._restore()

    def _restore(self) -> None:
        saved = self.saver.load()
        if saved and isinstance(saved.answers.get("attempts"), list):
            self.attempts = [a for a in saved.answers["attempts"] if a in self.options]
            if self.attempts:
                self.choice.value = self.attempts[-1]
                self._show(self.attempts[-1])

    def check(self) -> bool | None:
        """Check the chosen option; return whether it is right (None when nothing is chosen)."""
        chosen = self.choice.value
        if chosen is None:
            self.feedback.value = "Pick an answer first."
            return None
        self.attempts.append(chosen)
        status = self.saver.save(
            {"attempts": list(self.attempts), "first_try_right": self.attempts[0] == self.right}
        )
        self._show(chosen, status)
        return chosen == self.right

    def _show(self, chosen: str, status: str = "") -> None:
        verdict = "Right." if chosen == self.right else "Not quite: look again and try once more."
        why = f" {html.escape(self.explanation)}" if chosen == self.right else ""
        self.feedback.value = f"{verdict}{why} {status}"


class PrebunkingQuiz(widgets.VBox):
    """The widget :func:`prebunking_quiz` returns: name the trick in each post, or none."""

    def __init__(self, which: str, *, saver: Saver):
        self.which, self.saver = which, saver
        self.items = quiz_items(which)
        names = [(t.name, t.id) for t in techniques().values()]
        options = [("(choose)", None), ("No trick: an honest post", NO_TRICK), *names]
        self.inputs = {
            i.id: widgets.Dropdown(options=options, layout={"width": "22em"}) for i in self.items
        }
        self.button = widgets.Button(description="Score my answers")
        self.button.on_click(lambda _b: self.score())
        self.result = widgets.HTML()
        rows = [
            widgets.VBox(
                [widgets.HTML(f"<blockquote>{html.escape(i.text)}</blockquote>"), self.inputs[i.id]]
            )
            for i in self.items
        ]
        super().__init__([saver.bar, *rows, self.button, self.result])
        self.options = dict(options)
        saver.on_reload(self._restore)
        self._restore()

    def _restore(self) -> None:
        saved = self.saver.load()
        for item_id, value in saved.answers.items() if saved else []:
            if item_id in self.inputs and value in self.options.values():
                self.inputs[item_id].value = value

    def answers(self) -> dict[str, str]:
        return {k: w.value for k, w in self.inputs.items() if w.value}

    def score(self) -> Any:
        """Save the answers and show the discernment score with each post's explanation."""
        answers = self.answers()
        status = self.saver.save(answers)
        result = discernment(answers, self.which)
        names = {t.id: t.name for t in techniques().values()} | {NO_TRICK: "no trick"}
        lines = "".join(
            f"<li>{html.escape(i.text[:60])}… <b>{html.escape(names[i.technique])}</b>: "
            f"{html.escape(i.why)}</li>"
            for i in self.items
        )
        self.result.value = f"{result._repr_html_()}<ul>{lines}</ul>{status}"
        return result


def write_then_reveal(
    prompt: str,
    model_answer: str,
    *,
    key: str,
    article: Any = None,
    learner: str | None = None,
    store: Any = None,
) -> WriteThenReveal:
    """Return a question whose model answer shows only after the student's answer is saved."""
    return WriteThenReveal(
        prompt, model_answer, saver=Saver(learner=learner, key=key, article=article, store=store)
    )


def recall_question(
    prompt: str,
    options: Sequence[str],
    answer: str,
    explanation: str,
    *,
    key: str,
    learner: str | None = None,
    store: Any = None,
) -> RecallQuestion:
    """Return a recall question from an earlier lesson: pick, check, see why."""
    return RecallQuestion(
        prompt,
        options,
        answer,
        explanation,
        saver=Saver(learner=learner, key=key, article=None, store=store),
    )


def prebunking_quiz(which: str, *, learner: str | None = None, store: Any = None) -> PrebunkingQuiz:
    """Return the prebunking quiz set ``which`` ("before" or "after")."""
    return PrebunkingQuiz(
        which, saver=Saver(learner=learner, key=f"prebunking-{which}", article=None, store=store)
    )


def ask(
    key: str, *, article: Any = None, learner: str | None = None, store: Any = None
) -> widgets.VBox:
    """Return the widget for the course question ``key`` (see ``data/course/questions.yaml``).

    Write questions show their model answer only after the student's answer is saved;
    recall questions give feedback after each try.
    """
    question = course_questions()[key]
    if question.kind == "write":
        return write_then_reveal(
            question.prompt,
            question.model_answer or "",
            key=key,
            article=article,
            learner=learner,
            store=store,
        )
    return recall_question(
        question.prompt,
        question.options or [],
        question.answer or "",
        question.explanation or "",
        key=key,
        learner=learner,
        store=store,
    )
