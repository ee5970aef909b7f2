"""The exercise schema (pydantic v2): what an instructor writes in ``exercise.yaml``.

An exercise is a folder holding ``exercise.yaml`` and the article it is about::

    id: nato-in-ukraine               # lower case, digits, - and _
    title: Who says NATO troops are in Ukraine?
    article: article.txt              # the article, next to exercise.yaml
    credit: Izvestia, 10 March 2024   # where the article comes from (optional)
    intro: What students should do, in plain words (optional).
    questions:
      - id: who-colonel
        type: short                   # choice | short | find | reflect | annotate
        prompt: Who told Izvestia that NATO soldiers are in Ukraine?
        passage: "Retired NATO Colonel José Antonio Alcaide told Izvestia"
        answer: [Alcaide, José Antonio Alcaide]   # accepted answers
        hint: Look for the verb "told".           # shown after a wrong answer
        explanation: Why the answer is right.      # shown after a right one
        points: 1                                  # default 1 (0 for reflect)
        verified: false                            # a drafted key nobody checked yet

Question types:

- ``choice``: ``options`` (two or more) and ``answer``, one of them. An option may be
  written ``{text: ..., why: ...}``: ``why`` is the feedback shown when it is picked
  ("A reporter would be named in the byline").
- ``short``: ``answer``, one text or a list of accepted texts (case, accents and
  punctuation do not matter; a near miss is told to check the spelling).
- ``find``: the student picks words out of ``passage``; ``targets`` are the words to find,
  each as it appears in the passage. ``compare`` (optional: ``hedge``, ``booster``,
  ``weasel`` or ``attribution``) adds to the feedback on a right answer what sourcecrit's
  own analysis marks in the passage, so students can weigh the machine's reading against
  theirs.
- ``annotate``: the student marks ``layer`` (``certainty`` or ``attribution``) in the
  passage, commits, then compares with ``targets`` ({text, label} each) or with
  ``reference: machine``; marked with ``agreement`` (see :mod:`sourcecrit.exercises.annotate`).
- ``reflect``: free writing, not marked; ``answer`` (optional) is a model answer shown once
  the student has written theirs. Worth 0 points unless ``points`` is given, in which case
  any answer earns them.

``verified: false`` marks an answer nobody has checked yet: ``sourcecrit exercise new``
writes it on every answer it drafts from the machine's reading, ``exercise check`` lists
such questions and ``exercise build`` refuses to build the student notebook while any
remain (unless ``--draft``). Delete the line, or write ``verified: true``, once checked.

``passage`` must be quoted from the article (case, curly quotes, accents and line breaks
need not match), so the notebook can show it in place and ``find`` answers can be located.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationInfo,
    field_validator,
    model_validator,
)

from sourcecrit.errors import ExerciseError  # defined in errors.py (#9)
from sourcecrit.exercises.annotate import annotate_problems, target_problems
from sourcecrit.exercises.matching import fold, occurrences
from sourcecrit.yamlfile import RuleProblems

SLUG = r"^[a-z0-9][a-z0-9_-]*$"
QuestionType = Literal["choice", "short", "find", "reflect", "annotate"]
Compare = Literal["hedge", "booster", "weasel", "attribution"]
#: Keys each question type may use besides id, type, prompt, passage, hint, explanation
#: and points.
TYPE_KEYS: dict[str, set[str]] = {
    "choice": {"options", "answer", "why"},
    "short": {"answer"},
    "find": {"targets", "compare"},
    "reflect": {"answer"},
    "annotate": {"layer", "targets", "reference"},  # see exercises/annotate.py
}
#: Keys each question type must have.
REQUIRED_KEYS: dict[str, set[str]] = {
    "choice": {"options", "answer"},
    "short": {"answer"},
    "find": {"targets", "passage"},
    "reflect": set(),
    "annotate": {"layer"},
}


class Question(BaseModel):
    """One question of an exercise (see the module docstring for the keys)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=SLUG, max_length=60)
    type: QuestionType
    prompt: str = Field(min_length=1)
    passage: str | None = Field(default=None, min_length=1)
    options: list[str] | None = None
    answer: str | list[str] | None = None
    targets: list[str | dict[str, str]] | None = None
    compare: Compare | None = None
    layer: Literal["certainty", "attribution"] | None = None
    reference: Literal["machine"] | None = None
    hint: str | None = None
    explanation: str | None = None
    points: int | None = Field(default=None, ge=0, le=100)
    verified: bool = True
    why: dict[str, str] | None = None

    @model_validator(mode="before")
    @classmethod
    def _options_with_why(cls, data: Any) -> Any:
        # ``- {text: ..., why: ...}`` options become plain options plus a ``why`` mapping.
        options = data.get("options") if isinstance(data, dict) else None
        if not isinstance(options, list) or not any(isinstance(o, dict) for o in options):
            return data
        plain, why = [], dict(data.get("why") or {})
        for option in options:
            if isinstance(option, dict) and set(option) <= {"text", "why"} and "text" in option:
                plain.append(option["text"])
                if isinstance(option.get("why"), str) and isinstance(option["text"], str):
                    why[option["text"]] = option["why"]
            else:
                plain.append(option)  # left for the type check to report
        return {**data, "options": plain, "why": why or None}

    @field_validator("prompt", "passage", "hint", "explanation")
    @classmethod
    def _not_blank(cls, value: str | None) -> str | None:
        if value is not None and not value.strip():
            raise ValueError("must not be blank")
        return value.strip() if value is not None else None

    @field_validator("options", "targets")
    @classmethod
    def _texts(cls, value: list[str] | None) -> list[str] | None:
        if value is not None and any(isinstance(v, str) and not v.strip() for v in value):
            raise ValueError("must not hold blank entries")
        return value

    @property
    def worth(self) -> int:
        """Points the question is worth (1 by default, 0 for reflect)."""
        if self.points is not None:
            return self.points
        return 0 if self.type == "reflect" else 1

    @property
    def accepted(self) -> list[str]:
        """The accepted answers of a ``short`` or ``choice`` question, or the model answer."""
        if self.answer is None:
            return []
        return [self.answer] if isinstance(self.answer, str) else list(self.answer)

    def problems(self) -> list[tuple[tuple[str | int, ...], str]]:
        """Return what is wrong with the keys this question's type needs (locations relative
        to the question)."""
        out: list[tuple[tuple[str | int, ...], str]] = []
        given = {
            k
            for k in ("options", "answer", "targets", "compare", "why", "layer", "reference")
            if getattr(self, k) is not None
        }
        for key in sorted(given - TYPE_KEYS[self.type]):
            allowed = [t for t, keys in TYPE_KEYS.items() if key in keys]
            out.append(((key,), f"only {' and '.join(allowed)} questions take {key!r}"))
        for key in sorted(
            REQUIRED_KEYS[self.type] - given - ({"passage"} if self.passage else set())
        ):
            out.append(((key,), f"a {self.type} question needs {key!r}"))
        if self.type == "choice" and self.options is not None:
            folded = [fold(o)[0].strip() for o in self.options]
            if len(self.options) < 2:
                out.append((("options",), "give at least two options"))
            if len(set(folded)) < len(folded):
                out.append((("options",), "two options are the same"))
            if isinstance(self.answer, list):
                out.append((("answer",), "a choice question has one answer, not a list"))
            elif self.answer is not None and fold(self.answer)[0].strip() not in folded:
                out.append((("answer",), f"{self.answer!r} is not one of the options"))
        if self.type == "choice" and self.why and self.options is not None:
            for option in self.why:
                if option not in self.options:
                    out.append((("why",), f"{option!r} is not one of the options"))
        if self.type in ("short", "reflect") and isinstance(self.answer, list):
            if not self.answer or any(not a.strip() for a in self.answer):
                out.append((("answer",), "accepted answers must not be blank"))
            if self.type == "reflect":
                out.append((("answer",), "a reflect question's answer is one model answer"))
        elif isinstance(self.answer, str) and not self.answer.strip():
            out.append((("answer",), "must not be blank"))
        out += annotate_problems(self)
        if self.type == "find" and self.targets is not None and self.passage:
            for n, target in enumerate(self.targets):
                if not isinstance(target, str):
                    out.append((("targets", n), "a find target is the words themselves"))
                elif not occurrences(self.passage, target):
                    out.append((("targets", n), f"{target!r} is not in the passage"))
        return out


class Exercise(BaseModel):
    """An exercise: an article and questions about it, with feedback for each answer.

    Load one with :func:`sourcecrit.exercises.load_exercise`; the article is read from the
    file named by ``article`` next to ``exercise.yaml``.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=SLUG, max_length=60)
    title: str = Field(min_length=1)
    article: str = Field(default="article.txt", min_length=1)
    credit: str | None = None
    intro: str | None = None
    questions: list[Question] = Field(min_length=1)

    _text: str = PrivateAttr(default="")
    _article: Any = PrivateAttr(default=None)
    _passages: dict[str, tuple[int, int]] = PrivateAttr(default_factory=dict)
    _source: str | None = PrivateAttr(default=None)

    @model_validator(mode="after")
    def _consistent(self, info: ValidationInfo) -> Exercise:
        problems: list[tuple[tuple[str | int, ...], str]] = []
        seen: set[str] = set()
        text = (info.context or {}).get("text")
        for n, question in enumerate(self.questions):
            where = ("questions", n)
            if question.id in seen:
                problems.append(((*where, "id"), f"the id {question.id!r} is used twice"))
            seen.add(question.id)
            problems += [((*where, *loc), msg) for loc, msg in question.problems()]
            if text is not None and question.passage:
                spans = occurrences(text, question.passage)
                if not spans:
                    problems.append(
                        (
                            (*where, "passage"),
                            f"this passage is not in {self.article}: quote the article word for word",
                        )
                    )
                else:
                    self._passages[question.id] = spans[0]
            if text is not None and question.targets is not None:
                span = self._passages.get(question.id)
                problems += [
                    ((*where, *loc), m) for loc, m in target_problems(question, text, span)
                ]
        if problems:
            raise RuleProblems(problems)
        if text is not None:
            self._text = text
        return self

    # -- reading ---------------------------------------------------------------------------

    @property
    def text(self) -> str:
        """The article's body text; every offset an exercise gives refers to it."""
        return self._text

    @property
    def source(self) -> str | None:
        """The ``exercise.yaml`` this exercise was loaded from (None if built in Python)."""
        return self._source

    def as_article(self) -> Any:
        """Return the :class:`~sourcecrit.article.Article` the questions are about."""
        return self._article

    def question(self, question_id: str) -> Question:
        """Return the question called ``question_id``.

        Raises:
            ExerciseError: there is no such question (the message lists the ids).
        """
        for question in self.questions:
            if question.id == question_id:
                return question
        ids = ", ".join(q.id for q in self.questions)
        raise ExerciseError(
            f"exercise {self.id!r} has no question {question_id!r}; its questions are {ids}"
        )

    def passage_span(self, question_id: str) -> tuple[int, int] | None:
        """Return where the question's passage sits in :attr:`text`, or None if it has none."""
        self.question(question_id)
        return self._passages.get(question_id)

    @property
    def machine_marked(self) -> list[Question]:
        """The questions that read sourcecrit's own analysis of the article: ``find``
        questions with ``compare`` and ``annotate`` questions with no ``targets`` (marked
        against the machine). The exercise never makes that analysis itself (it is a data
        object, DESIGN.md): whoever marks answers hands it in (see
        :func:`sourcecrit.exercises.session.analysis_once`)."""
        return [
            q for q in self.questions if q.compare or (q.type == "annotate" and q.targets is None)
        ]

    @property
    def max_points(self) -> int:
        return sum(q.worth for q in self.questions)

    @property
    def unverified(self) -> list[Question]:
        """The questions whose key is marked ``verified: false`` (nobody checked it yet)."""
        return [q for q in self.questions if not q.verified]
