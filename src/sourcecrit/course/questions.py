"""The lessons' questions as data (``data/course/questions.yaml``), with their model answers.

Keeping them in one file lets lessons ask them in order and the teacher's notebook list every
model answer, from the same text.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Literal

import pandas as pd
from pydantic import BaseModel, ConfigDict, model_validator

from sourcecrit.errors import QuestionsError
from sourcecrit.resources import data_path
from sourcecrit.yamlfile import load_mapping, read_text, validated


class Question(BaseModel):
    """One question a lesson asks: write (with a model answer) or recall (with options)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    key: str
    lesson: str
    kind: Literal["write", "recall"]
    prompt: str
    model_answer: str | None = None
    options: list[str] | None = None
    answer: str | None = None
    explanation: str | None = None

    @model_validator(mode="after")
    def _complete_for_its_kind(self) -> Question:
        if self.kind == "write" and not self.model_answer:
            raise ValueError("a write question needs a model_answer")
        if self.kind == "recall":
            if not self.options or self.answer not in self.options or not self.explanation:
                raise ValueError(
                    "a recall question needs options, an answer among them and an explanation"
                )
        return self


class Questions(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    questions: list[Question]


@lru_cache(maxsize=1)
def course_questions() -> dict[str, Question]:
    """Return every lesson question by key, in course order."""
    path = data_path("course", "questions.yaml")
    text = read_text(path, error=QuestionsError, what="a questions", max_bytes=500_000)
    root, data = load_mapping(
        text, source=str(path), error=QuestionsError, what="a questions", keys="questions"
    )
    loaded = validated(
        Questions,
        data,
        root,
        source=str(path),
        error=QuestionsError,
        nested={"questions": Question},
    )
    return {q.key: q for q in loaded.questions}


def model_answers(lesson: str | None = None) -> pd.DataFrame:
    """Return the questions and model answers (of one lesson, or all) for the teacher."""
    rows = [
        {
            "Lesson": q.lesson,
            "Question": q.prompt,
            "Model answer": q.model_answer
            if q.kind == "write"
            else f"{q.answer} ({q.explanation})",
        }
        for q in course_questions().values()
        if lesson is None or q.lesson == lesson
    ]
    return pd.DataFrame(rows, columns=["Lesson", "Question", "Model answer"])
