"""What a class did, for the teacher's notebook: where it went wrong, what it doubted.

``class_overview(folder, exercises=[...])`` reads the folder of work files (damaged or
foreign files are listed and skipped) and returns a :class:`ClassOverview` whose tables
are DataFrames and which displays itself as escaped HTML:

* ``questions``: per exercise question, how many students checked an answer, the share
  right on their first try, and the most common wrong answers (from the attempts log);
* ``annotations``: per student and annotation task, spans marked before the reveal,
  whether they committed and revealed, machine readings they flagged, and ``agreement``:
  the overall agreement (F1, ``sourcecrit.agreement``) the annotator saved at the reveal
  under that item name, when it saved one;
* ``flags``: which machine readings students flagged as wrong, counted, with reasons;
* ``verdicts``: answer items named ``verdict``, ``confidence_before`` and
  ``confidence_after`` (the names the verdict widgets save under), with the shift;
* ``reflections``: the text of every ``reflect`` question and ``reflection`` item.

:meth:`ClassOverview.student_report` returns one student's feedback as HTML to send back.
"""

from __future__ import annotations

import html
import os
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from sourcecrit.exercises.model import Exercise
from sourcecrit.exercises.session import STORE_PREFIX
from sourcecrit.work.collect import ClassWork, collect_class

ANNOTATOR_PREFIX = "annotator-"
#: Most common wrong answers listed per question.
TOP_WRONG = 3


@dataclass
class ClassOverview:
    """The class's work in tables (see the module doc). Display it, or read the frames."""

    work: ClassWork
    questions: pd.DataFrame
    annotations: pd.DataFrame
    flags: pd.DataFrame
    verdicts: pd.DataFrame
    reflections: pd.DataFrame

    def _repr_html_(self) -> str:
        parts = [
            f"<div class='sc-class-overview'><h3>Class overview: {len(self.work.works)} students</h3>"
        ]
        if self.work.skipped:
            items = "".join(
                f"<li>{html.escape(str(p))}: {html.escape(why)}</li>"
                for p, why in self.work.skipped
            )
            parts.append(f"<p>Files skipped:</p><ul class='sc-skipped'>{items}</ul>")
        for title, frame in (
            ("Questions: right on the first try", self.questions),
            ("Annotations", self.annotations),
            ("Machine readings flagged as wrong", self.flags),
            ("Verdicts and confidence", self.verdicts),
            ("Reflections", self.reflections),
        ):
            body = frame.to_html(index=False, escape=True) if len(frame) else "<p>None yet.</p>"
            parts.append(f"<h4>{html.escape(title)}</h4>{body}")
        return "".join(parts) + "</div>"

    def student_report(self, learner: str) -> str:
        """Return ``learner``'s feedback as a standalone, escaped HTML page."""
        if learner not in self.work.works:
            raise KeyError(f"no work file from {learner!r}")
        esc = html.escape
        parts = [
            "<!DOCTYPE html><html><head><meta charset='utf-8'>",
            f"<title>Feedback for {esc(learner)}</title></head><body>",
            f"<h1>Feedback for {esc(learner)}</h1>",
        ]
        for g in self.work.grades.get(learner, {}).values():
            parts.append(g._repr_html_())
        for frame, title in (
            (self.verdicts, "Your verdicts"),
            (self.reflections, "Your reflections"),
            (self.annotations, "Your annotations"),
        ):
            mine = frame[frame["learner"] == learner] if len(frame) else frame
            if len(mine):
                table = mine.drop(columns=["learner"]).to_html(index=False, escape=True)
                parts.append(f"<h2>{esc(title)}</h2>{table}")
        return "".join(parts) + "</body></html>"

    def write_reports(self, folder: str | os.PathLike[str]) -> list[Path]:
        """Write one ``<learner>.html`` feedback report per student into ``folder``."""
        from sourcecrit.progress import _keyed

        target = Path(folder)
        target.mkdir(parents=True, exist_ok=True)
        out = []
        for name in self.work.learners:
            path = target / f"{_keyed(name, name)}.html"
            path.write_text(self.student_report(name), encoding="utf-8")
            out.append(path)
        return out


def class_overview(
    folder: str | os.PathLike[str] | ClassWork, *, exercises: Iterable[Exercise] = ()
) -> ClassOverview:
    """Return the :class:`ClassOverview` of a folder of work files (or a collected class)."""
    work = folder if isinstance(folder, ClassWork) else collect_class(folder, exercises=exercises)
    return ClassOverview(
        work=work,
        questions=_questions(work),
        annotations=_annotations(work),
        flags=_flags(work),
        verdicts=_verdicts(work),
        reflections=_reflections(work),
    )


def _questions(work: ClassWork) -> pd.DataFrame:
    rows = []
    for exercise in work.exercises:
        for question in exercise.questions:
            if question.type == "reflect":
                continue
            firsts: list[bool] = []
            wrong: Counter[str] = Counter()
            for w in work.works.values():
                record = w.record(STORE_PREFIX + exercise.id)
                tries = [
                    e
                    for e in (record or {}).get("events", [])
                    if e.get("kind") == "attempt" and e.get("item") == question.id
                ]
                if tries:
                    firsts.append(tries[0].get("status") == "correct")
                for e in tries:
                    if e.get("status") in ("wrong", "partly"):
                        wrong[_shown(e.get("answer"))] += 1
            rows.append(
                {
                    "exercise": exercise.id,
                    "question": question.id,
                    "students": len(firsts),
                    "right_first_try": round(sum(firsts) / len(firsts), 2) if firsts else None,
                    "common_wrong": "; ".join(
                        f"{a} ({n})" for a, n in wrong.most_common(TOP_WRONG)
                    ),
                }
            )
    return pd.DataFrame(
        rows, columns=["exercise", "question", "students", "right_first_try", "common_wrong"]
    )


def _shown(answer: Any) -> str:
    if isinstance(answer, list):
        return " / ".join(str(a) for a in answer)
    return " ".join(str(answer).split())[:80]


def _annotator_records(work: ClassWork) -> Iterable[tuple[str, str, dict[str, Any]]]:
    for name in work.learners:
        for record in work.works[name].records:
            if record["checklist"].startswith(ANNOTATOR_PREFIX):
                yield name, record["checklist"][len(ANNOTATOR_PREFIX) :], record["answers"]


def _annotations(work: ClassWork) -> pd.DataFrame:
    rows = []
    for name, task, answers in _annotator_records(work):
        frozen = answers.get("frozen")
        flags = answers.get("flags")
        rows.append(
            {
                "learner": name,
                "task": task,
                "spans_before_reveal": len(frozen) if isinstance(frozen, list) else 0,
                "committed": answers.get("committed") is True,
                "revealed": answers.get("revealed") is True,
                "flagged": len(flags) if isinstance(flags, dict) else 0,
                "agreement": agreement if _number(agreement := answers.get("agreement")) else None,
            }
        )
    columns = [
        "learner",
        "task",
        "spans_before_reveal",
        "committed",
        "revealed",
        "flagged",
        "agreement",
    ]
    return pd.DataFrame(rows, columns=columns)


def _flags(work: ClassWork) -> pd.DataFrame:
    counts: Counter[tuple[str, str, str]] = Counter()
    reasons: dict[tuple[str, str, str], list[str]] = {}
    for _name, task, answers in _annotator_records(work):
        flags = answers.get("flags")
        for flag in flags.values() if isinstance(flags, dict) else []:
            if not isinstance(flag, dict):
                continue
            key = (task, str(flag.get("label") or ""), str(flag.get("text") or ""))
            counts[key] += 1
            reasons.setdefault(key, []).append(str(flag.get("reason") or ""))
    rows = [
        {
            "task": t,
            "label": lab,
            "text": txt,
            "students": n,
            "reasons": " | ".join(reasons[(t, lab, txt)]),
        }
        for (t, lab, txt), n in counts.most_common()
    ]
    return pd.DataFrame(rows, columns=["task", "label", "text", "students", "reasons"])


def _verdicts(work: ClassWork) -> pd.DataFrame:
    rows = []
    for name in work.learners:
        for record in work.works[name].records:
            a = record["answers"]
            if not any(k in a for k in ("verdict", "confidence_before", "confidence_after")):
                continue
            before, after = a.get("confidence_before"), a.get("confidence_after")
            shift = after - before if _number(before) and _number(after) else None
            rows.append(
                {
                    "learner": name,
                    "about": record["checklist"],
                    "verdict": _shown(a.get("verdict", "")),
                    "confidence_before": before,
                    "confidence_after": after,
                    "shift": shift,
                }
            )
    columns = ["learner", "about", "verdict", "confidence_before", "confidence_after", "shift"]
    return pd.DataFrame(rows, columns=columns)


def _number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _reflections(work: ClassWork) -> pd.DataFrame:
    reflect = {
        (STORE_PREFIX + e.id, q.id)
        for e in work.exercises
        for q in e.questions
        if q.type == "reflect"
    }
    rows = []
    for name in work.learners:
        for record in work.works[name].records:
            for item, value in record["answers"].items():
                if (record["checklist"], item) in reflect or item.startswith("reflection"):
                    if isinstance(value, str) and value.strip():
                        rows.append(
                            {
                                "learner": name,
                                "about": record["checklist"],
                                "item": item,
                                "text": value,
                            }
                        )
    return pd.DataFrame(rows, columns=["learner", "about", "item", "text"])
