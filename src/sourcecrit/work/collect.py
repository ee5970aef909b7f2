"""The teacher's side: read a folder of work files, grade them, write a gradebook CSV.

Grades are always recomputed here, from each student's answers and the teacher's own
exercise files (never from anything a student's file claims).

Gradebook columns (one row per student, in name order):

``generic``
    ``learner``, then one column per exercise named by its id (points earned), then one
    per checklist named ``checklist:<id>`` (points, or items answered when the checklist
    is not scored), then ``total`` (exercise points), ``max_total`` (exercise points
    possible), ``work_file`` (the file's name).
``canvas``
    ``Student``, ``ID``, ``SIS User ID``, ``SIS Login ID``, ``Section``, then one column per
    exercise named by its title; the second row is ``Points Possible``. Canvas's own
    gradebook export has these columns, and its import matches students by them: the
    learner name goes into ``Student`` and ``SIS Login ID`` (ask students to type their
    login as their name), the Canvas ``ID`` is left empty. A column whose title is not an
    assignment yet becomes a new assignment on import.
``moodle``
    ``Username``, then one column per exercise named by its title. In Moodle's "Import
    grades from CSV", map ``Username`` to the user's username and each column to its grade
    item.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sourcecrit.errors import SourcecritError, WorkFileError
from sourcecrit.exercises.feedback import Grade
from sourcecrit.exercises.grading import grade
from sourcecrit.exercises.model import Exercise
from sourcecrit.exercises.session import STORE_PREFIX, analysis_once
from sourcecrit.work.workfile import WorkFile, read_work_file

FORMATS = ("generic", "canvas", "moodle")
CANVAS_FIXED = ["Student", "ID", "SIS User ID", "SIS Login ID", "Section"]


@dataclass
class ClassWork:
    """A class's work files, read and graded.

    Attributes:
        works: learner → their work file (the newest when a learner handed in twice).
        grades: learner → exercise id → :class:`~sourcecrit.exercises.Grade`.
        checklists: learner → checklist id → points (or items answered).
        exercises: the exercises graded, in column order.
        skipped: ``(file, why)`` for every file not used.
        ungraded: ids of exercises answered in the work files but not given to grade.
    """

    works: dict[str, WorkFile] = field(default_factory=dict)
    grades: dict[str, dict[str, Grade]] = field(default_factory=dict)
    checklists: dict[str, dict[str, float]] = field(default_factory=dict)
    exercises: list[Exercise] = field(default_factory=list)
    skipped: list[tuple[Path, str]] = field(default_factory=list)
    ungraded: list[str] = field(default_factory=list)

    @property
    def learners(self) -> list[str]:
        return sorted(self.works, key=str.casefold)

    @property
    def checklist_ids(self) -> list[str]:
        return sorted({c for per in self.checklists.values() for c in per})

    def rows(self, fmt: str = "generic") -> list[list[Any]]:
        """Return the gradebook as rows, header first (see the module doc for columns)."""
        if fmt not in FORMATS:
            raise SourcecritError(
                f"unknown gradebook format {fmt!r}; use one of {', '.join(FORMATS)}"
            )
        ex = self.exercises
        if fmt == "canvas":
            rows: list[list[Any]] = [CANVAS_FIXED + [e.title for e in ex]]
            rows.append(["Points Possible", "", "", "", ""] + [e.max_points for e in ex])
            for name in self.learners:
                rows.append([name, "", "", name, ""] + [self._points(name, e) for e in ex])
            return rows
        if fmt == "moodle":
            rows = [["Username"] + [e.title for e in ex]]
            rows += [[name] + [self._points(name, e) for e in ex] for name in self.learners]
            return rows
        checklists = self.checklist_ids
        rows = [
            ["learner"]
            + [e.id for e in ex]
            + [f"checklist:{c}" for c in checklists]
            + ["total", "max_total", "work_file"]
        ]
        for name in self.learners:
            points = [self._points(name, e) for e in ex]
            source = self.works[name].source
            rows.append(
                [name, *points]
                + [self.checklists.get(name, {}).get(c, "") for c in checklists]
                + [
                    round(sum(points), 2),
                    sum(e.max_points for e in ex),
                    source.name if source else "",
                ]
            )
        return rows

    def to_csv(self, fmt: str = "generic") -> str:
        out = io.StringIO()
        csv.writer(out, lineterminator="\n").writerows(self.rows(fmt))
        return out.getvalue()

    def _points(self, learner: str, exercise: Exercise) -> float:
        g = self.grades.get(learner, {}).get(exercise.id)
        return g.points if g is not None else 0


def collect_class(
    folder: str | os.PathLike[str],
    *,
    exercises: Iterable[Exercise] = (),
) -> ClassWork:
    """Read every ``*.json`` work file in ``folder`` and grade it against ``exercises``.

    A file that is not a good work file (damaged, foreign, cut short) is listed in
    :attr:`ClassWork.skipped` by name and left out; so is the older of two files from the
    same learner.

    Raises:
        WorkFileError: ``folder`` is not a folder.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise WorkFileError(f"{folder}: not a folder of work files")
    result = ClassWork(exercises=list(exercises))
    for path in sorted(folder.glob("*.json")):
        try:
            work = read_work_file(path)
        except WorkFileError as exc:
            result.skipped.append((path, str(exc)))
            continue
        earlier = result.works.get(work.learner)
        if earlier is not None:
            older, work = sorted((earlier, work), key=lambda w: w.created)
            result.skipped.append(
                (
                    older.source or path,
                    f"an older work file of {work.learner!r} (the newer is used)",
                )
            )
        result.works[work.learner] = work
    analyses = {e.id: analysis_once(e) for e in result.exercises}  # made only if needed
    for name, work in result.works.items():
        result.grades[name] = {
            e.id: grade(
                e,
                _answers(work, STORE_PREFIX + e.id),
                learner=name,
                analysis=analyses[e.id],
                compare=False,
            )
            for e in result.exercises
        }
        result.checklists[name] = _checklist_points(work)
    known = {STORE_PREFIX + e.id for e in result.exercises}
    result.ungraded = sorted(
        {
            r["checklist"][len(STORE_PREFIX) :]
            for w in result.works.values()
            for r in w.records
            if r["checklist"].startswith(STORE_PREFIX) and r["checklist"] not in known
        }
    )
    return result


def _answers(work: WorkFile, key: str) -> dict[str, Any]:
    record = work.record(key)
    return dict(record["answers"]) if record else {}


def _checklist_points(work: WorkFile) -> dict[str, float]:
    from sourcecrit.checklists import load_checklist

    out: dict[str, float] = {}
    for record in work.records:
        key = record["checklist"]
        if key.startswith((STORE_PREFIX, "annotator-")):
            continue
        try:
            score = load_checklist(key).score(record["answers"])
        except (SourcecritError, TypeError, ValueError):
            continue  # not a checklist we know, or answers it cannot score
        out[key] = score.value if score.value is not None else score.answered
    return out


def write_class_csv(work: ClassWork, path: str | os.PathLike[str], *, fmt: str = "generic") -> Path:
    """Write the gradebook to ``path`` as UTF-8 CSV."""
    target = Path(path)
    try:
        target.write_text(work.to_csv(fmt), encoding="utf-8", newline="")
    except OSError as exc:
        raise WorkFileError(f"{target}: cannot write ({exc.strerror or exc})") from None
    return target
