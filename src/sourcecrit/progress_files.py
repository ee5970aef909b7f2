"""The files under the progress store: atomic writes, a lock, reading, merging, clean-up.

:mod:`sourcecrit.progress` is the API; this module holds what it does with files, so
both stay small. Nothing here knows about checklists or exercises.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import tempfile
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

try:  # POSIX; on Windows saves are still atomic, only not serialised between processes
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

STORE_VERSION = 1
#: Temporary files older than this (seconds) are left over from a crash and removed.
STALE_TEMP_SECONDS = 15 * 60
#: Most events (attempts, moves) kept per file; the oldest go first.
MAX_EVENTS = 5_000
#: What a temporary file written by :func:`write_atomic` is called: ``.<name>.<random>.tmp``.
TEMP_PATTERN = re.compile(r"^\..+\.json\.[A-Za-z0-9_]{8}\.tmp$")


def now_stamp() -> str:
    """Return the current time as an ISO 8601 UTC stamp with microseconds."""
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="microseconds")


def stamp_order(stamp: Any) -> float:
    """Return a sortable number for an ISO 8601 stamp (unreadable stamps sort first)."""
    if not isinstance(stamp, str):
        return float("-inf")
    try:
        when = dt.datetime.fromisoformat(stamp)
    except ValueError:
        return float("-inf")
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.timezone.utc)
    return when.timestamp()


# -- writing -------------------------------------------------------------------------------


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so a crash at any point leaves the old file or the new."""
    # The temporary file sits in the same folder so os.replace is a rename on one file
    # system, which is atomic; fsync first so the rename never exposes unwritten data.
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        with suppress(OSError):
            os.unlink(tmp)
        raise
    _fsync_dir(path.parent)


def _fsync_dir(folder: Path) -> None:
    # Makes the rename itself durable on POSIX; folders cannot be opened on Windows.
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


@contextmanager
def folder_lock(folder: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``folder`` (one learner's folder) while merging a save.

    The lock is the kernel's ``flock`` on the folder itself, so no lock file is left
    behind and a process killed while holding it releases it at once.
    """
    if fcntl is None:  # pragma: no cover - Windows
        yield
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        with suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)


def remove_stale_temps(folder: Path, *, older_than: float = STALE_TEMP_SECONDS) -> list[Path]:
    """Remove temporary files a crash left in ``folder``; return what was removed.

    Only files named like the store's own temporary files and not touched for
    ``older_than`` seconds go: a save in progress writes its file within milliseconds.
    """
    removed: list[Path] = []
    cutoff = time.time() - older_than
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        if not TEMP_PATTERN.match(entry.name):
            continue
        try:
            if entry.is_file(follow_symlinks=False) and entry.stat().st_mtime < cutoff:
                os.unlink(entry.path)
                removed.append(Path(entry.path))
        except OSError:
            continue
    return removed


# -- reading -------------------------------------------------------------------------------


def read_record(path: Path, *, checklist: str) -> tuple[dict[str, Any] | None, str | None]:
    """Return ``(record, None)``, ``(None, None)`` when missing, or ``(None, why)``."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None, None
    except OSError as exc:  # permission denied, a folder in the way, an I/O error
        return None, f"it cannot be opened: {exc.strerror or exc}"
    try:
        record = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        return None, "it is not UTF-8 text"
    except json.JSONDecodeError as exc:
        return None, f"it is not valid JSON: {exc.msg} at line {exc.lineno}"
    except RecursionError:
        return None, "it is nested too deeply to be saved answers"
    if not isinstance(record, dict):
        return None, "it does not hold a saved-answers record"
    if record.get("version") != STORE_VERSION:
        return None, f"unknown format version {record.get('version')!r}"
    if not isinstance(record.get("answers"), dict):
        return None, "its answers are missing"
    if record.get("checklist") != checklist:
        return None, f"it holds answers to {record.get('checklist')!r}, not {checklist!r}"
    return record, None


def item_times(record: Mapping[str, Any]) -> dict[str, str]:
    """Return item → when it was last set or cleared (older files: the file's time)."""
    times = record.get("times")
    out = {k: v for k, v in times.items() if isinstance(v, str)} if isinstance(times, dict) else {}
    for item in record.get("answers", {}):
        out.setdefault(item, record.get("updated") or "")
    return out


def merged(
    current: Mapping[str, Any] | None,
    updates: Mapping[str, Any],
    times: Mapping[str, str],
    events: list[Any],
) -> tuple[dict[str, Any], dict[str, str], list[Any]]:
    """Return answers, times and events after applying ``updates`` to ``current``.

    Each update (``None`` clears the item) wins unless the file already holds a newer
    answer for that item; items not updated are kept as they are.
    """
    answers = dict(current.get("answers", {})) if current else {}
    known = item_times(current) if current else {}
    for item, value in updates.items():
        at = times[item]
        if item in known and stamp_order(known[item]) > stamp_order(at):
            continue  # someone saved a newer answer to this item
        if value is None:
            answers.pop(item, None)
        else:
            answers[item] = value
        known[item] = at
    old_events = current.get("events", []) if current else []
    all_events = list(old_events) if isinstance(old_events, list) else []
    seen = {_event_key(e) for e in all_events}
    for event in events:
        if _event_key(event) not in seen:
            all_events.append(event)
            seen.add(_event_key(event))
    all_events.sort(key=lambda e: stamp_order(e.get("at")) if isinstance(e, dict) else 0)
    return answers, known, all_events[-MAX_EVENTS:]


def _event_key(event: Any) -> str:
    try:
        return json.dumps(event, sort_keys=True, ensure_ascii=False)
    except (TypeError, ValueError, RecursionError):
        return repr(event)


def move_aside(path: Path) -> Path:
    """Rename a damaged ``path`` to ``<name>.corrupt-<time>.json`` (never overwriting)."""
    stamp = dt.datetime.now().strftime("%Y%m%dT%H%M%S")
    base = path.name[: -len(".json")] if path.name.endswith(".json") else path.name
    target = path.with_name(f"{base}.corrupt-{stamp}.json")
    n = 1
    while target.exists():  # never overwrite an earlier damaged copy either
        target = path.with_name(f"{base}.corrupt-{stamp}-{n}.json")
        n += 1
    os.replace(path, target)
    return target


def backup_path(path: Path) -> Path:
    return path.with_name(path.name[: -len(".json")] + ".bak.json")
