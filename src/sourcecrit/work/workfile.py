"""A work file: everything one learner did, in one JSON file to hand in or carry over.

On Binder a student's home folder is thrown away when the session ends, and a teacher
has no server to collect answers from. So a student downloads a work file and hands it
in (by mail, through the course site), and can upload it into a fresh session to go on.

A work file holds every answer file the progress store keeps for that learner (exercise
answers with every attempt, checklist moves, annotations, verdicts, reading logs,
confidence, reflections: whatever the widgets saved), each with the time of every
answer, so importing it merges per item and never overwrites a newer answer::

    {
      "format": "sourcecrit-work",
      "schema": 1,
      "learner": "Ada",
      "created": "2026-11-29T13:05:00.123456+00:00",
      "sourcecrit": "0.1.0",
      "records": [{"checklist": "exercise-nato-in-ukraine", "article": "no-article",
                   "updated": "...", "answers": {...}, "times": {...}, "events": [...]}],
      "checksum": "sha256:..."
    }

The checksum is the SHA-256 of the file's canonical JSON without the ``checksum`` key
(keys sorted, no spaces, UTF-8), so a file damaged in transit or cut short is refused
rather than half read. It is not a seal against a student editing the file on purpose:
grades are always recomputed from the answers and the teacher's exercise keys.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sourcecrit.errors import WorkFileError
from sourcecrit.progress import ProgressError, ProgressStore
from sourcecrit.progress_files import now_stamp, stamp_order
from sourcecrit.work.learner import checked_learner

FORMAT = "sourcecrit-work"
SCHEMA = 1
#: Largest work file read, in bytes (a whole course of answers is far smaller).
MAX_WORK_FILE_BYTES = 20_000_000
_RECORD_KEYS = ("checklist", "article", "updated", "answers", "times", "events")


@dataclass(frozen=True)
class WorkFile:
    """A work file's content, checked.

    Attributes:
        learner: whose work it is.
        created: when it was exported (ISO 8601, UTC).
        records: one per answer file: ``checklist`` (the exercise or checklist key),
            ``article``, ``updated``, ``answers``, ``times`` and ``events``.
        source: the file it was read from, if any.
    """

    learner: str
    created: str
    records: tuple[dict[str, Any], ...]
    source: Path | None = None

    def record(self, key: str) -> dict[str, Any] | None:
        """Return the record for exercise or checklist ``key`` (first match), or None."""
        return next((r for r in self.records if r["checklist"] == key), None)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON document, checksum included."""
        from sourcecrit import __version__

        body = {
            "format": FORMAT,
            "schema": SCHEMA,
            "learner": self.learner,
            "created": self.created,
            "sourcecrit": __version__,
            "records": [dict(r) for r in self.records],
        }
        return {**body, "checksum": checksum(body)}

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=1, sort_keys=True)


@dataclass
class ImportReport:
    """What :func:`import_work` did.

    Attributes:
        learner: whose work was imported.
        added: answers that were not in the store before.
        updated: answers replaced by a newer one from the file.
        kept: answers kept because the store's was newer (or the same).
        path: the work file.
    """

    learner: str
    added: int = 0
    updated: int = 0
    kept: int = 0
    path: Path | None = None
    files: list[Path] = field(default_factory=list)

    def __str__(self) -> str:
        return (
            f"{self.learner}: {self.added} answers added, {self.updated} updated, "
            f"{self.kept} kept (the saved one was as new or newer)"
        )


def checksum(body: Mapping[str, Any]) -> str:
    """Return ``sha256:<hex>`` of ``body``'s canonical JSON (the ``checksum`` key left out)."""
    data = {k: v for k, v in body.items() if k != "checksum"}
    canonical = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return "sha256:" + hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _store(store: ProgressStore | str | os.PathLike[str] | None) -> ProgressStore:
    return store if isinstance(store, ProgressStore) else ProgressStore(store)


def collect_work(
    learner: str, *, store: ProgressStore | str | os.PathLike[str] | None = None
) -> WorkFile:
    """Return everything ``learner`` has saved in ``store`` as a :class:`WorkFile`.

    Raises:
        WorkFileError: nothing is saved for that learner.
    """
    learner = checked_learner(learner)
    store = _store(store)
    records = tuple(
        {k: record[k] for k in _RECORD_KEYS if k in record} for _, record in store.records(learner)
    )
    if not records:
        raise WorkFileError(f"no saved answers for {learner!r} in {store.directory}")
    return WorkFile(learner=learner, created=now_stamp(), records=records)


def export_work(
    learner: str,
    path: str | os.PathLike[str],
    *,
    store: ProgressStore | str | os.PathLike[str] | None = None,
) -> Path:
    """Write ``learner``'s work file to ``path`` (atomically) and return the path.

    Raises:
        WorkFileError: nothing is saved for that learner, or the file cannot be written.
    """
    from sourcecrit.progress_files import write_atomic

    work = collect_work(learner, store=store)
    target = Path(path)
    try:
        write_atomic(target, work.to_json().encode("utf-8"))
    except OSError as exc:
        raise WorkFileError(f"{target}: cannot write the work file ({exc.strerror or exc})") from None
    return target


def read_work_file(source: str | os.PathLike[str] | bytes) -> WorkFile:
    """Read and check a work file (a path, or the file's bytes as uploaded).

    Raises:
        WorkFileError: the file cannot be read, is not a sourcecrit work file, comes from a
            newer sourcecrit, or fails its checksum; the message names the file.
    """
    name = "the uploaded file" if isinstance(source, bytes) else str(source)
    if isinstance(source, bytes):
        raw = source
    else:
        path = Path(source)
        try:
            if not path.is_file():
                raise WorkFileError(f"{name}: not a file")
            if path.stat().st_size > MAX_WORK_FILE_BYTES:
                raise WorkFileError(f"{name}: too large to be a work file")
            raw = path.read_bytes()
        except OSError as exc:
            raise WorkFileError(f"{name}: cannot be read ({exc.strerror or exc})") from None
    if len(raw) > MAX_WORK_FILE_BYTES:
        raise WorkFileError(f"{name}: too large to be a work file")
    try:
        doc = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise WorkFileError(f"{name}: not a sourcecrit work file (not readable JSON)") from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise WorkFileError(f"{name}: not a sourcecrit work file")
    if doc.get("schema") != SCHEMA:
        raise WorkFileError(
            f"{name}: work file schema {doc.get('schema')!r} is not known to this sourcecrit "
            f"(it reads schema {SCHEMA})"
        )
    if doc.get("checksum") != checksum(doc):
        raise WorkFileError(f"{name}: damaged (its checksum does not match its content)")
    try:
        learner = checked_learner(doc.get("learner"))
    except Exception as exc:
        raise WorkFileError(f"{name}: {exc}") from None
    records = doc.get("records")
    if not isinstance(records, list) or not all(_good_record(r) for r in records):
        raise WorkFileError(f"{name}: its records are malformed")
    created = doc.get("created") if isinstance(doc.get("created"), str) else ""
    source_path = None if isinstance(source, bytes) else Path(source)
    return WorkFile(learner, created, tuple(records), source_path)


def _good_record(record: Any) -> bool:
    return (
        isinstance(record, dict)
        and isinstance(record.get("checklist"), str)
        and isinstance(record.get("article"), str)
        and isinstance(record.get("answers"), dict)
        and isinstance(record.get("times", {}), dict)
        and isinstance(record.get("events", []), list)
    )


def import_work(
    source: WorkFile | str | os.PathLike[str] | bytes,
    *,
    store: ProgressStore | str | os.PathLike[str] | None = None,
) -> ImportReport:
    """Merge a work file into ``store``: each answer is taken unless the store's is newer.

    Answers in the store that the file does not have are kept; attempts and other logged
    events are added once.

    Raises:
        WorkFileError: the file is not a good work file (nothing is imported).
        ProgressError: the answers could not be saved.
    """
    work = source if isinstance(source, WorkFile) else read_work_file(source)
    store = _store(store)
    report = ImportReport(learner=work.learner, path=work.source)
    for record in work.records:
        checklist, article = record["checklist"], record["article"]
        try:
            on_disk = store.load(work.learner, checklist, article)
        except ProgressError as exc:
            raise WorkFileError(f"{work.source or 'work file'}: {exc}") from None
        disk_times = _times(store, work.learner, checklist, article)
        times = {k: v for k, v in record.get("times", {}).items() if isinstance(v, str)}
        for item in record["answers"]:
            times.setdefault(item, record.get("updated") or work.created)
        updates: dict[str, Any] = {}
        for item, at in times.items():
            value = record["answers"].get(item)
            if item in disk_times and stamp_order(disk_times[item]) >= stamp_order(at):
                report.kept += 1
                continue
            if item not in on_disk.answers and value is None:
                continue  # cleared there, never answered here
            report.updated += item in on_disk.answers
            report.added += item not in on_disk.answers and value is not None
            updates[item] = value
        events = [e for e in record.get("events", []) if isinstance(e, dict)]
        report.files.append(
            store.save_items(
                work.learner, checklist, article, updates, times=times, events=events
            )
        )
    return report


def _times(store: ProgressStore, learner: str, checklist: str, article: str) -> dict[str, str]:
    from sourcecrit.progress_files import item_times, read_record

    path = store.path_for(learner, checklist, article)
    record, _ = read_record(path, checklist=path.name.split("--")[0])
    return item_times(record) if record else {}
