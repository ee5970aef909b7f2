"""A student working through an exercise: answers saved to disk as they are given.

Each answer is written at once, atomically (:mod:`sourcecrit.progress`), so a kernel
restart, a closed tab or a crash loses nothing: a new session for the same learner and
exercise starts with the answers saved before. Saved answers to questions the exercise no
longer has are kept in the file, untouched.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from sourcecrit.exercises.feedback import (
    Feedback,
    Grade,
    grade,
    normalised_answer,
    question_feedback,
)
from sourcecrit.exercises.model import Exercise, ExerciseError
from sourcecrit.progress import ProgressStore

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
    ):
        self.exercise = exercise
        self.store = store if isinstance(store, ProgressStore) else ProgressStore(store)
        self.learner = learner
        saved = self.store.load(learner, self.key, None)
        self._answers: dict[str, Any] = dict(saved.answers)
        self.notices: list[str] = list(saved.notices)
        self.updated = saved.updated

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
        """Question id → saved answer, for this exercise's questions (a copy)."""
        ids = {q.id for q in self.exercise.questions}
        return {k: v for k, v in self._answers.items() if k in ids}

    def answer(self, question_id: str, value: Any) -> Feedback:
        """Record ``value`` as the answer to ``question_id``, save it, and return feedback.

        A blank answer removes the saved one.

        Raises:
            ExerciseError: no such question, the answer has the wrong shape, or it is not
                one of a choice question's options.
            ProgressError: the answer could not be saved (the earlier answers are still on
                disk, and the new one stays in this session so it can be saved again).
        """
        question = self.exercise.question(question_id)
        value = normalised_answer(question, value)
        if question.type == "choice" and value is not None and value not in (question.options or []):
            raise ExerciseError(
                f"{value!r} is not one of the options of {question_id!r}: "
                + "; ".join(question.options or [])
            )
        if value is None:
            self._answers.pop(question_id, None)
        else:
            self._answers[question_id] = value
        self.save()
        return self.feedback(question_id)

    def save(self) -> Path:
        """Save every answer now (atomically) and return the file's path."""
        return self.store.save(self.learner, self.key, None, self._answers)

    def feedback(self, question_id: str) -> Feedback:
        """Return feedback on the saved answer to ``question_id``."""
        question = self.exercise.question(question_id)
        return question_feedback(self.exercise, question, self._answers.get(question_id))

    def grade(self) -> Grade:
        """Return feedback on every question and the total score."""
        return grade(self.exercise, self._answers, learner=self.learner)


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
