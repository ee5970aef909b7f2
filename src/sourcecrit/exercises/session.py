"""A student working through an exercise: answers saved to disk as they are given.

Each answer is written at once, atomically (:mod:`sourcecrit.progress`), so a kernel
restart, a closed tab or a crash loses nothing: a new session for the same learner and
exercise starts with the answers saved before. Saved answers to questions the exercise no
longer has are kept in the file, untouched.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sourcecrit.exercises.feedback import Feedback, Grade, normalised_answer
from sourcecrit.exercises.grading import grade, question_feedback
from sourcecrit.exercises.model import Exercise, ExerciseError
from sourcecrit.progress import ProgressStore
from sourcecrit.progress_files import now_stamp

if TYPE_CHECKING:  # the analysis is made only when an answer needs it
    from sourcecrit.analysis import Analysis

#: Prefix of the progress-store key, so an exercise never shares a file with a checklist
#: of the same name. Answers are filed by exercise id alone, not by the article's text, so
#: an instructor who fixes a typo in the article does not hide what students wrote.
STORE_PREFIX = "exercise-"


class ExerciseSession:
    """One learner's answers to one exercise, kept on disk.

    Args:
        exercise: the exercise.
        learner: the learner's name (their answers are filed under it).
        store: where answers are saved (default: a :class:`~sourcecrit.progress.ProgressStore`
            in ``$SOURCECRIT_PROGRESS_DIR`` or ``~/.sourcecrit/progress``), or a folder.
        analysis: sourcecrit's Analysis of the exercise's article, or a function returning
            it (such as :func:`analysis_once`, shared by every learner's session). Without
            it, the session makes it on first need (this loads spaCy): only for questions
            that compare with or are marked against sourcecrit's reading.

    Attributes:
        notices: what the learner should be told on opening (e.g. a damaged file was moved
            aside and the answers restored from the backup); empty when all was well.
    """

    def __init__(
        self,
        exercise: Exercise,
        *,
        learner: str,
        store: ProgressStore | str | os.PathLike[str] | None = None,
        analysis: Any = None,
    ):
        self.exercise = exercise
        self._analysis = analysis
        self.store = store if isinstance(store, ProgressStore) else ProgressStore(store)
        self.learner = learner
        saved = self.store.load(learner, self.key, None)
        self._answers: dict[str, Any] = dict(saved.answers)
        self.events: list[dict[str, Any]] = list(saved.events)
        self.notices: list[str] = list(saved.notices)
        self.updated = saved.updated
        #: question id → why its saved answer cannot be used (a hand-edited file holding a
        #: number where text belongs); such answers count as unanswered and stay on disk.
        self.problems: dict[str, str] = {}
        for question in exercise.questions:
            if question.id in self._answers:
                try:
                    normalised_answer(question, self._answers[question.id])
                except ExerciseError as exc:
                    self.problems[question.id] = str(exc)
        if self.problems:
            self.notices.append(
                f"Some saved answers in {saved.path} could not be read and count as not "
                "answered: " + "; ".join(self.problems.values())
            )

    def __repr__(self) -> str:
        return (
            f"ExerciseSession({self.exercise.id!r}, learner={self.learner!r}, "
            f"{len(self.answers)} of {len(self.exercise.questions)} answered)"
        )

    @property
    def key(self) -> str:
        return STORE_PREFIX + self.exercise.id

    @property
    def path(self) -> Path:
        """The file the answers are saved in."""
        return self.store.path_for(self.learner, self.key, None)

    @property
    def answers(self) -> dict[str, Any]:
        """Question id → saved answer, for this exercise's questions (a copy).

        Answers that cannot be read (see :attr:`problems`) are left out."""
        ids = {q.id for q in self.exercise.questions} - set(self.problems)
        return {k: v for k, v in self._answers.items() if k in ids}

    @property
    def attempts(self) -> list[dict[str, Any]]:
        """Every checked answer, oldest first: ``at``, ``item``, ``answer``, ``status``,
        ``points``."""
        return [e for e in self.events if e.get("kind") == "attempt"]

    def first_try(self, question_id: str) -> str | None:
        """Return the status of the first checked answer to ``question_id`` (or None)."""
        for event in self.attempts:
            if event.get("item") == question_id:
                return event.get("status")
        return None

    def answer(self, question_id: str, value: Any, *, attempt: bool = True) -> Feedback:
        """Record ``value`` as the answer to ``question_id``, save it, and return feedback.

        A blank answer removes the saved one. With ``attempt`` (default) the answer and
        its feedback are logged as an attempt (see :attr:`attempts`); the form saves each
        keystroke with ``attempt=False`` and logs an attempt when Check is pressed.

        Raises:
            ExerciseError: no such question, the answer has the wrong shape, or it is not
                one of a choice question's options.
            ProgressError: the answer could not be saved (the earlier answers are still on
                disk, and the new one stays in this session so it can be saved again).
        """
        question = self.exercise.question(question_id)
        value = normalised_answer(question, value)
        if (
            question.type == "choice"
            and value is not None
            and value not in (question.options or [])
        ):
            raise ExerciseError(
                f"{value!r} is not one of the options of {question_id!r}: "
                + "; ".join(question.options or [])
            )
        if value is None:
            self._answers.pop(question_id, None)
        else:
            self._answers[question_id] = value
        self.problems.pop(question_id, None)
        feedback = self.feedback(question_id)
        events = [self._attempt(feedback)] if attempt and value is not None else []
        self.events.extend(events)
        self.store.save_items(self.learner, self.key, None, {question_id: value}, events=events)
        return feedback

    def check(self, question_id: str) -> Feedback:
        """Return feedback on the saved answer to ``question_id`` and log it as an attempt."""
        feedback = self.feedback(question_id)
        if feedback.status != "unanswered":
            event = self._attempt(feedback)
            self.events.append(event)
            self.store.save_items(self.learner, self.key, None, {}, events=[event])
        return feedback

    def _attempt(self, feedback: Feedback) -> dict[str, Any]:
        return {
            "kind": "attempt",
            "at": now_stamp(),
            "item": feedback.question,
            "answer": self._answers.get(feedback.question),
            "status": feedback.status,
            "points": feedback.points,
        }

    def save(self) -> Path:
        """Save every answer now (atomically, merged per item) and return the file's path."""
        return self.store.save(self.learner, self.key, None, self._answers)

    def feedback(self, question_id: str) -> Feedback:
        """Return feedback on the saved answer to ``question_id``."""
        question = self.exercise.question(question_id)
        answer = None if question_id in self.problems else self._answers.get(question_id)
        return question_feedback(self.exercise, question, answer, analysis=self.machine_analysis)

    def grade(self) -> Grade:
        """Return feedback on every question and the total score (unreadable answers count
        as unanswered; see :attr:`problems`)."""
        return grade(
            self.exercise, self.answers, learner=self.learner, analysis=self.machine_analysis
        )

    def machine_analysis(self) -> Analysis:
        """Return sourcecrit's Analysis of the article: the one handed in, or made now
        (loading spaCy) and kept, so feedback always reads the same analysis."""
        if self._analysis is None:
            self._analysis = analysis_once(self.exercise)
        if callable(self._analysis):
            self._analysis = self._analysis()
        return self._analysis


def analysis_once(exercise: Exercise) -> Callable[[], Analysis]:
    """Return a function that analyses ``exercise``'s article on its first call (loading
    spaCy) and returns that same Analysis ever after.

    Hand it to every learner's :class:`ExerciseSession` or to :func:`grade`: the article is
    analysed once for the class, and not at all if no answer needs it.
    """
    made: list[Analysis] = []

    def analysis() -> Analysis:
        if not made:
            from sourcecrit.analysis import analyze

            article = exercise.as_article()
            made.append(analyze(article if article is not None else exercise.text))
        return made[0]

    return analysis


def saved_learners(
    exercise: Exercise, store: ProgressStore | str | os.PathLike[str] | None = None
) -> list[str]:
    """Return the learners who have answers to ``exercise`` saved in ``store``, sorted.

    An instructor who collects students' progress folders into one can grade them all.
    Files that cannot be read are skipped (loading one as that learner says why).
    """
    store = store if isinstance(store, ProgressStore) else ProgressStore(store)
    name = store.path_for("x", STORE_PREFIX + exercise.id, None).name
    found = set()
    for path in store.directory.glob(f"*/{name}"):
        try:
            record = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError):
            continue
        learner = record.get("learner") if isinstance(record, dict) else None
        if isinstance(learner, str) and learner.strip():
            found.add(learner)
    return sorted(found, key=str.casefold)
