"""``annotate`` questions: the student marks a layer in the passage before any answer shows.

In ``exercise.yaml``::

    - id: mark-certainty
      type: annotate
      layer: certainty                  # or attribution (labels source, cue, content)
      prompt: Mark every hedge, booster and weasel phrase before sourcecrit shows its own.
      passage: On February 26, Macron reported that ...   # optional: the whole article if left out
      targets:                          # the instructor's key: quoted words and their label
        - {text: possibility, label: hedge}
        - {text: nothing can be ruled out, label: hedge}
      hint: Look for words that make a claim sound less than certain.

or ``reference: machine`` instead of ``targets``, to compare with sourcecrit's own reading
of the passage. Each target is found in the passage (or the article) like a passage is in
the article: case, curly quotes and line breaks need not match.

The answer is the student's committed spans, ``[[start, end, label], ...]`` (an empty list
means "I found none"). It is marked with :func:`sourcecrit.span_agreement.agreement`: the points
are the question's worth times the pooled F1, so partly overlapping marks earn part of the
credit. The feedback gives the agreement and counts, never the targets themselves.
"""

from __future__ import annotations

from typing import Any, Literal

from sourcecrit.errors import AgreementError, ExerciseError
from sourcecrit.exercises.matching import occurrences
from sourcecrit.layers import LAYERS, machine_spans
from sourcecrit.span_agreement import agreement

Problems = list[tuple[tuple[str | int, ...], str]]


def annotate_problems(question: Any) -> Problems:
    """Return what is wrong with an ``annotate`` question's keys (locations relative to it)."""
    out: Problems = []
    if question.type != "annotate":
        return out
    has_targets = question.targets is not None
    if has_targets == (question.reference is not None):
        out.append(
            (("targets",), "an annotate question needs either 'targets' or 'reference: machine'")
        )
    if question.layer is None or not has_targets:
        return out
    labels = [x.name for x in LAYERS[question.layer]]
    for n, target in enumerate(question.targets or []):
        if not isinstance(target, dict) or set(target) != {"text", "label"}:
            out.append((("targets", n), "each target is {text: words quoted, label: a label}"))
        elif target["label"] not in labels:
            out.append(
                (
                    ("targets", n, "label"),
                    f"{target['label']!r} is not a {question.layer} label; "
                    f"use one of {', '.join(labels)}",
                )
            )
    return out


def target_problems(question: Any, text: str, passage: tuple[int, int] | None) -> Problems:
    """Return the targets of an ``annotate`` question that are not in its passage (or the
    article, when it has no passage)."""
    out: Problems = []
    if question.type != "annotate":
        return out
    for n, target in enumerate(question.targets or []):
        if isinstance(target, dict) and isinstance(target.get("text"), str):
            if not occurrences(text, target["text"], within=passage):
                where = "the passage" if passage else "the article"
                out.append((("targets", n, "text"), f"{target['text']!r} is not in {where}"))
    return out


def target_spans(question: Any, text: str, passage: tuple[int, int] | None) -> list[dict[str, Any]]:
    """Return the instructor's targets as reference spans (first occurrence of each)."""
    out = []
    for target in question.targets or []:
        found = occurrences(text, target["text"], within=passage)
        if found:
            start, end = found[0]
            out.append(
                {
                    "start": start,
                    "end": end,
                    "label": target["label"],
                    "explanation": "The instructor's key marks this.",
                    "confidence": None,
                }
            )
    return out


def reference_spans(
    question: Any, text: str, passage: tuple[int, int] | None, analysis: Any = None
) -> list[dict[str, Any]]:
    """Return the spans an answer is marked against: the targets, or the machine's reading
    (``analysis`` may be a function returning the Analysis, called only then)."""
    if question.targets is not None:
        return target_spans(question, text, passage)
    if analysis is None:  # never made here: exercises are data, and loading spaCy is slow
        raise ExerciseError(
            f"question {question.id!r} is marked against sourcecrit's reading of the article: "
            "hand in its Analysis (analysis=analysis_once(exercise))"
        )
    if callable(analysis):
        analysis = analysis()
    return machine_spans(analysis, question.layer, within=passage)


def normalised_spans(question: Any, answer: Any) -> list[list[Any]]:
    """Return an annotate answer as ``[[start, end, label], ...]`` (empty: "I found none").

    Raises:
        AgreementError: the answer is not a list of such triples.
    """
    if not isinstance(answer, (list, tuple)):
        raise AgreementError(
            f"the answer to {question.id!r} must be the marked spans, [[start, end, label], ...]"
        )
    labels = {x.name for x in LAYERS[question.layer or "certainty"]}
    out = []
    for item in answer:
        if (
            not isinstance(item, (list, tuple))
            or len(item) != 3
            or not all(isinstance(x, int) and not isinstance(x, bool) for x in item[:2])
            or item[2] not in labels
            or not 0 <= item[0] < item[1]
        ):
            raise AgreementError(
                f"{item!r} in the answer to {question.id!r} is not [start, end, label]"
            )
        out.append([item[0], item[1], item[2]])
    return sorted(out)


def annotate_feedback(
    question: Any,
    spans: list[list[Any]],
    *,
    text: str,
    passage: tuple[int, int] | None,
    analysis: Any = None,
) -> tuple[Literal["correct", "partly", "wrong"], float, str]:
    """Return ``(status, points, message)`` for committed ``spans``; targets are not named."""
    reference = reference_spans(question, text, passage, analysis)
    result = agreement(
        [tuple(s) for s in spans],
        [(r["start"], r["end"], r["label"]) for r in reference],
        text=text,
        labels=[x.name for x in LAYERS[question.layer or "certainty"]],
    )
    worth = question.worth
    points = round(worth * result.f1, 2)
    who = "the key" if question.targets is not None else "sourcecrit's reading"
    exact = sum(m.exact for m in result.found)
    parts = [
        f"Agreement with {who}: {result.f1:.0%}.",
        f"Of its {len(reference)} marks you matched {exact} exactly"
        + (f" and {len(result.found) - exact} in part" if len(result.found) > exact else "")
        + f"; {len(result.extra)} of yours it does not have.",
    ]
    status: Literal["correct", "partly", "wrong"]
    if result.f1 >= 1.0:
        status = "correct"
        parts.append(question.explanation or "")
    else:
        status = "partly" if result.f1 > 0 else "wrong"
        if question.hint:
            parts.append(f"Hint: {question.hint}")
    return status, points, " ".join(p for p in parts if p)
