"""Feedback on a student's answers: what was right, what to look at again, and a score.

Feedback teaches before it grades. A wrong answer gets the instructor's hint, never the
answer itself, so the student can try again; a right one gets the explanation of why it is
right. ``find`` answers are marked against the passage: each target counts for the share of
its words picked (one word of "expressed doubt" is half of it), and the total is divided by
the number of targets plus the picks that are not a target or are more than
:data:`SLACK_WORDS` words longer than the target they cover (so copying the whole passage,
or clicking every word, earns little, while finding something never earns nothing). A pick
that is not in the passage is pointed out and costs nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Literal

from sourcecrit.errors import AgreementError
from sourcecrit.exercises.annotate import annotate_feedback, normalised_spans
from sourcecrit.exercises.matching import near_answer, occurrences, same_answer, words
from sourcecrit.exercises.model import ExerciseError, Question
from sourcecrit.exercises.rendering import feedback_html, grade_html, grade_markdown

if TYPE_CHECKING:
    import pandas as pd

Status = Literal["correct", "partly", "wrong", "unanswered", "answered"]
#: Longest answer kept for one question, in characters.
MAX_ANSWER_CHARS = 10_000
#: A pick may be this many words longer than the target it covers ("may also" for "may").
SLACK_WORDS = 2


@dataclass(frozen=True)
class Feedback:
    """What one answer earned, and what the student should read next.

    Attributes:
        question: the question's id.
        status: ``correct``, ``partly``, ``wrong``, ``unanswered``, or ``answered`` (a
            reflection was written; it is not marked).
        points: points earned (may be a fraction for ``find`` questions).
        max_points: what the question is worth.
        message: plain text for the student.
    """

    question: str
    status: Status
    points: float
    max_points: int
    message: str

    def _repr_html_(self) -> str:
        return feedback_html(self)


@dataclass(frozen=True)
class Grade:
    """Feedback on every question of an exercise, and the total."""

    exercise: str
    title: str
    feedback: tuple[Feedback, ...]
    learner: str | None = None

    @property
    def points(self) -> float:
        return round(sum(f.points for f in self.feedback), 2)

    @property
    def max_points(self) -> int:
        return sum(f.max_points for f in self.feedback)

    @property
    def answered(self) -> int:
        """How many questions have an answer."""
        return sum(f.status != "unanswered" for f in self.feedback)

    def to_frame(self) -> pd.DataFrame:
        """Return one row per question: question, status, points, max_points, message."""
        import pandas as pd

        return pd.DataFrame(
            [
                {
                    "question": f.question,
                    "status": f.status,
                    "points": f.points,
                    "max_points": f.max_points,
                    "message": f.message,
                }
                for f in self.feedback
            ],
            columns=["question", "status", "points", "max_points", "message"],
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "exercise": self.exercise,
            "title": self.title,
            "learner": self.learner,
            "points": self.points,
            "max_points": self.max_points,
            "answered": self.answered,
            "questions": self.to_frame().to_dict(orient="records"),
        }

    def to_markdown(self) -> str:
        """Return the grade as Markdown (a heading, the total, one line per question)."""
        return grade_markdown(self)

    def _repr_html_(self) -> str:
        return grade_html(self)


def feedback_for(
    question: Question,
    answer: Any,
    *,
    text: str = "",
    passage: tuple[int, int] | None = None,
    analysis: Any = None,
) -> Feedback:
    """Return the feedback on ``answer`` to ``question``.

    Args:
        question: the question.
        answer: what the student gave: the chosen option (choice), a text (short, reflect),
            or the picked words, a list or one per line (find). None or blank: unanswered.
        text: the article text (``find`` answers are located in it).
        passage: where the question's passage sits in ``text``.
        analysis: sourcecrit's Analysis of ``text`` (or a function returning it, called only
            when needed), for questions with ``compare``: its cues in the passage are added
            to the feedback on a right answer.

    Raises:
        ExerciseError: the answer has the wrong shape for the question (e.g. a number).
    """
    answer = normalised_answer(question, answer)
    worth = question.worth
    if answer is None:
        return Feedback(question.id, "unanswered", 0, worth, "Not answered yet.")
    if question.type == "reflect":
        message = "Saved."
        if question.accepted:
            message += f" Compare yours with one possible answer: {question.accepted[0]}"
        return Feedback(question.id, "answered", worth, worth, message)
    if question.type in ("choice", "short"):
        return _one_answer(question, answer)
    if question.type == "annotate":  # marked with agreement(): exercises/annotate.py
        marked = annotate_feedback(question, answer, text=text, passage=passage, analysis=analysis)
        return Feedback(question.id, marked[0], marked[1], worth, marked[2])
    feedback = _picks(question, answer, text=text, passage=passage)
    if question.compare and analysis is not None and feedback.status == "correct":
        # Only once the student has found every target: earlier, it would give them away.
        if callable(analysis):
            analysis = analysis()
        found = machine_cues(analysis, question.compare, passage or (0, len(text)))
        targets = [t for t in question.targets or [] if isinstance(t, str)]
        message = _machine_message(question.compare, found, targets)
        feedback = replace(feedback, message=_join(feedback.message, message))
    return feedback


def normalised_answer(question: Question, answer: Any) -> Any:
    """Return ``answer`` in the form it is saved in, or None when it is blank.

    ``find`` answers become a list of picks (a text is split at line breaks and semicolons);
    other answers are text.

    Raises:
        ExerciseError: the answer is not text (or, for ``find``, a list of texts), or it is
            longer than :data:`MAX_ANSWER_CHARS`.
    """
    if answer is None:
        return None
    if question.type == "annotate":  # committed spans; [] is "I found none", an answer
        try:
            return normalised_spans(question, answer)
        except AgreementError as exc:
            raise ExerciseError(str(exc)) from None
    if question.type == "find":
        if isinstance(answer, str):
            answer = [p for line in answer.splitlines() for p in line.split(";")]
        if not isinstance(answer, (list, tuple)) or not all(isinstance(p, str) for p in answer):
            raise ExerciseError(
                f"the answer to {question.id!r} must be the words picked, as text or a list of texts; got {answer!r}"
            )
        picks = [p.strip() for p in answer if p.strip()]
        _check_length(question, "\n".join(picks))
        return picks or None
    if not isinstance(answer, str):
        raise ExerciseError(f"the answer to {question.id!r} must be text; got {answer!r}")
    _check_length(question, answer)
    return answer.strip() or None


def machine_cues(analysis: Any, kind: str, passage: tuple[int, int]) -> list[str]:
    """Return the cues of ``kind`` sourcecrit found inside ``passage``, in text order.

    ``kind`` is a hedge category (``hedge``, ``booster``, ``weasel``) or ``attribution``
    (the attributions' cue words, such as "said" or "according to").
    """
    lo, hi = passage
    if kind == "attribution":
        frame = analysis.attributions
        rows = frame[(frame["cue_start"] >= lo) & (frame["cue_end"] <= hi)]
        return [analysis.text[s:e] for s, e in zip(rows["cue_start"], rows["cue_end"])]
    frame = analysis.hedges
    rows = frame[(frame["category"] == kind) & (frame["start"] >= lo) & (frame["end"] <= hi)]
    return [analysis.text[s:e] for s, e in zip(rows["start"], rows["end"])]


def _machine_message(kind: str, found: list[str], targets: list[str]) -> str:
    plural = {
        "hedge": "hedges",
        "booster": "boosters",
        "weasel": "weasel phrases",
        "attribution": "attribution cues",
    }[kind]
    if not found:
        return f"sourcecrit's analysis finds no {plural} here. Why might it miss them?"
    if sorted(map(_folded, found)) == sorted(map(_folded, targets)):
        return f"sourcecrit's analysis marks the same {plural}."
    words = ", ".join(f"“{w}”" for w in found)
    return f"sourcecrit's analysis marks these {plural} here: {words}. Do you agree with it?"


def _folded(text: str) -> str:
    return " ".join(words(text))


# -- marking -------------------------------------------------------------------------------


def _one_answer(question: Question, answer: str) -> Feedback:
    worth = question.worth
    why = next((w for o, w in (question.why or {}).items() if same_answer(answer, o)), None)
    if any(same_answer(answer, a) for a in question.accepted):
        return Feedback(
            question.id, "correct", worth, worth, _join("Right.", why, question.explanation)
        )
    if question.type == "short" and any(near_answer(answer, a) for a in question.accepted):
        return Feedback(
            question.id, "wrong", 0, worth, "Nearly: check the spelling against the article."
        )
    if question.type == "choice":
        message = _join(f"Not quite: “{answer}” is not the best answer.", why)
    else:
        message = "Not what we were looking for."
    return Feedback(
        question.id, "wrong", 0, worth, _join(message, question.hint and f"Hint: {question.hint}")
    )


def _picks(
    question: Question, picks: list[str], *, text: str, passage: tuple[int, int] | None
) -> Feedback:
    worth = question.worth
    targets = [t for t in question.targets or [] if isinstance(t, str)]  # find: words
    where = passage or (0, len(text))
    target_spans = [occurrences(text, t, within=where) for t in targets]
    target_words = [set(words(t)) for t in targets]
    credit = [0.0] * len(targets)  # share of each target's words picked
    wrong: list[str] = []
    too_long: list[str] = []
    missing: list[str] = []
    for pick in picks:
        spans = occurrences(text, pick, within=where)
        if not spans:
            missing.append(pick)
            continue
        covered = {
            n
            for n, t_spans in enumerate(target_spans)
            for s in spans
            for t in t_spans
            if s[0] < t[1] and t[0] < s[1]
        }
        if not covered:
            wrong.append(pick)
        elif all(len(words(pick)) > len(words(targets[n])) + SLACK_WORDS for n in covered):
            too_long.append(pick)
        else:
            picked = set(words(pick))
            for n in covered:
                share = (
                    len(target_words[n] & picked) / len(target_words[n]) if target_words[n] else 1
                )
                credit[n] = min(1.0, credit[n] + share)
    found = sum(c == 1.0 for c in credit)
    partial = [t for t, c in zip(targets, credit) if 0 < c < 1]
    # Every pick that is not a target dilutes the score (copying the whole passage, or
    # clicking every word, earns little), but finding something never earns nothing.
    denominator = len(targets) + len(wrong) + len(too_long)
    score = sum(credit) / denominator if targets else 0
    points = round(worth * score, 2)
    parts = [f"You found {found} of {len(targets)}."]
    if partial:
        parts.append(
            f"Part of {', '.join(f'“{t}”' for t in partial)}: pick all the words that do the work."
        )
    if wrong:
        parts.append(f"Not what we were looking for: {', '.join(f'“{w}”' for w in wrong)}.")
    if too_long:
        parts.append(
            f"Too long, pick only the words that do the work: {', '.join(f'“{_clip(t)}”' for t in too_long)}."
        )
    if missing:
        parts.append(f"Not in the passage: {', '.join(f'“{m}”' for m in missing)}.")
    if found == len(targets) and not wrong and not too_long:
        status: Status = "correct"
        parts.append(question.explanation or "")
    else:
        status = "partly" if any(credit) else "wrong"
        if question.hint:
            parts.append(f"Hint: {question.hint}")
    return Feedback(question.id, status, points, worth, _join(*parts))


def _check_length(question: Question, answer: str) -> None:
    if len(answer) > MAX_ANSWER_CHARS:
        raise ExerciseError(
            f"the answer to {question.id!r} is {len(answer):,} characters long; "
            f"at most {MAX_ANSWER_CHARS:,} are kept"
        )


def _clip(text: str, size: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= size else text[: size - 1] + "…"


def _join(*parts: str | None) -> str:
    return " ".join(p.strip() for p in parts if p and p.strip())
