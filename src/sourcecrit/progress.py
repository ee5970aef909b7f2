"""Students' answers, saved to disk as they change, so a kernel restart loses nothing.

One small JSON file per learner, checklist (or exercise) and article, under
``$SOURCECRIT_PROGRESS_DIR`` or ``~/.sourcecrit/progress``::

    <dir>/<learner>-<hash>/<checklist>--<article>.json

Every save is atomic: the new answers go to a temporary file in the same folder, are
flushed and fsynced, and only then renamed over the old file with ``os.replace`` (atomic on
POSIX and Windows). A save cut short at any point leaves either the old answers or the new
ones, never half a file. Before each save, the previous good file is kept as
``<name>.bak.json``. Temporary files a crash left behind are removed once they are old.

Saves merge per item. Every answer carries the time it was given; a save rewrites only the
items it changes, under a lock on the learner's folder, and an item on disk that is newer
than the update is kept. Two forms open on the same answers (an old output cell, a second
kernel) therefore never erase each other's answers: the newest answer to each item wins.

A file that cannot be read (damaged, edited by hand, from another program) is never
overwritten: it is moved aside to ``<name>.corrupt-<timestamp>.json`` with a message saying
so, and the answers come back from the backup when there is one. Loading never raises for a
bad file; saving raises :class:`ProgressError` with a message a student can act on.
"""

from __future__ import annotations

import copy
import hashlib
import json
import os
import re
from collections.abc import Mapping, Sequence
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sourcecrit import progress_files as files
from sourcecrit.errors import ProgressError  # defined in errors.py (#9)
from sourcecrit.progress_files import STORE_VERSION

PROGRESS_DIR_ENV = "SOURCECRIT_PROGRESS_DIR"
NO_ARTICLE = "no-article"
_MISSING = object()
MAX_LEARNER_CHARS = 100
_SLUG_CHARS = 40


@dataclass
class Saved:
    """What :meth:`ProgressStore.load` found.

    Attributes:
        answers: item id → answer (empty when nothing was saved yet).
        updated: when the answers were last saved (ISO 8601, UTC), or None.
        path: the file the answers live in.
        notices: things the learner should be told (a damaged file moved aside, answers
            restored from the backup); empty when all was well.
        events: the file's log (attempts, moves), oldest first.
    """

    answers: dict[str, Any]
    updated: str | None
    path: Path
    notices: list[str] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)


def default_progress_dir() -> Path:
    """Return ``$SOURCECRIT_PROGRESS_DIR`` if set, else ``~/.sourcecrit/progress``."""
    env = os.environ.get(PROGRESS_DIR_ENV, "").strip()
    return Path(env).expanduser() if env else Path.home() / ".sourcecrit" / "progress"


def article_key(article: Any) -> str:
    """Return the key saved answers are filed under for ``article``.

    Args:
        article: an Analysis, an Article, a ready-made key (str), or None (answers not
            about a particular article).

    An Article's key is its name plus a hash of its text, so the same article keeps its
    answers wherever the file lies, and two different articles called ``article.txt`` do
    not share them.
    """
    if article is None:
        return NO_ARTICLE
    article = getattr(article, "article", article)  # an Analysis holds its Article
    if isinstance(article, str):
        return _slug(article) if _slug(article) == article else _keyed(article, article)
    text = getattr(article, "text", None)
    if not isinstance(text, str):
        raise TypeError(
            f"article_key expects an Analysis, Article, str or None, not {type(article).__name__}"
        )
    name = getattr(article, "name", None) or "text"
    return f"{_slug(name)}-{_hash(text)}"


class ProgressStore:
    """Answers on disk, keyed by learner, checklist and article.

    Args:
        directory: where the files go (default :func:`default_progress_dir`); created on
            the first save.
    """

    def __init__(self, directory: str | os.PathLike[str] | None = None):
        self.directory = (
            Path(directory).expanduser() if directory is not None else default_progress_dir()
        )
        # What this store last loaded or saved per file: a whole-set save() writes only
        # the items that differ from it, so it never reverts another writer's answers.
        self._seen: dict[Path, dict[str, Any]] = {}

    def __repr__(self) -> str:
        return f"ProgressStore({str(self.directory)!r})"

    # -- where -----------------------------------------------------------------------------

    def path_for(self, learner: str, checklist: Any, article: Any = None) -> Path:
        """Return the file holding ``learner``'s answers to ``checklist`` on ``article``.

        Args:
            learner: the learner's name as they typed it.
            checklist: a Checklist (its ``id`` is used) or a checklist/exercise id.
            article: see :func:`article_key`.
        """
        learner = _check_learner(learner)
        folder = self.directory / _keyed(learner, learner)
        return folder / f"{_checklist_id(checklist)}--{article_key(article)}.json"

    # -- load and save ---------------------------------------------------------------------

    def load(self, learner: str, checklist: Any, article: Any = None) -> Saved:
        """Return the saved answers (empty if none). Never raises for a bad file.

        A damaged or unreadable file is moved aside (kept, never overwritten) and the
        answers are taken from the last good copy when there is one; :attr:`Saved.notices`
        says what happened.
        """
        path = self.path_for(learner, checklist, article)
        saved = self._load(path, _checklist_id(checklist))
        self._seen[path] = copy.deepcopy(saved.answers)
        return saved

    def _load(self, path: Path, checklist_id: str) -> Saved:
        record, problem = files.read_record(path, checklist=checklist_id)
        if record is not None:
            return Saved(
                dict(record["answers"]), record.get("updated"), path, events=_events(record)
            )
        if problem is None:  # nothing saved yet
            return Saved({}, None, path)
        notices = []
        try:
            aside = files.move_aside(path)
        except OSError as exc:
            notices.append(
                f"Your saved answers in {path} could not be read ({problem}) nor moved aside "
                f"({exc.strerror}); starting empty. Ask for help before answering again."
            )
            return Saved({}, None, path, notices)
        notices.append(
            f"Your saved answers in {path.name} could not be read ({problem}). The file was "
            f"kept as {aside.name} in {path.parent}."
        )
        backup, _ = files.read_record(files.backup_path(path), checklist=checklist_id)
        if backup is not None:
            notices.append(
                f"Your answers were restored from the last good copy (saved {backup.get('updated')})."
            )
            return Saved(
                dict(backup["answers"]), backup.get("updated"), path, notices, _events(backup)
            )
        notices.append("No earlier copy was found, so the form starts empty.")
        return Saved({}, None, path, notices)

    def save(
        self,
        learner: str,
        checklist: Any,
        article: Any,
        answers: Mapping[str, Any],
        *,
        base: Mapping[str, Any] | None = None,
    ) -> Path:
        """Save a form's whole answer set, merged per item with what is on disk.

        Only the items that differ from ``base`` (what this writer last loaded or saved;
        by default what this store last loaded or saved for the same file) are written:
        an item changed here is saved with the time of this call, an item present in
        ``base`` but missing from ``answers`` is cleared, and every other item on disk is
        left alone. So a stale form (an old output cell, a second kernel) never erases an
        answer given in a newer one. Give each form its own store, or pass ``base``.

        Raises:
            ProgressError: the answers could not be written (the old ones are still there).
        """
        path = self.path_for(learner, checklist, article)
        before = copy.deepcopy(dict(base)) if base is not None else self._seen.get(path, {})
        updates: dict[str, Any] = {k: v for k, v in answers.items() if before.get(k, _MISSING) != v}
        updates.update({k: None for k in before if k not in answers})
        result = self.save_items(learner, checklist, article, updates)
        # A deep copy: a caller that changes a saved list or dict in place and saves again
        # must see that change written, not compared with itself.
        self._seen[path] = copy.deepcopy(dict(answers))
        return result

    def save_item(self, learner: str, checklist: Any, article: Any, item: str, value: Any) -> Path:
        """Save one item's answer (``None`` clears it); see :meth:`save_items`."""
        return self.save_items(learner, checklist, article, {item: value})

    def save_items(
        self,
        learner: str,
        checklist: Any,
        article: Any,
        updates: Mapping[str, Any],
        *,
        times: Mapping[str, str] | None = None,
        events: Sequence[Mapping[str, Any]] = (),
    ) -> Path:
        """Merge per-item ``updates`` (item → answer, ``None`` clears) into the file.

        Under a lock on the learner's folder, the file is read, each update is applied
        unless the file holds a newer answer for that item, and the result is written
        atomically (temporary file, fsync, rename); the previous good file becomes the
        backup and a damaged one is moved aside first. Items not in ``updates`` are kept.

        Args:
            times: item → ISO 8601 time of that answer (default: now), e.g. when merging
                a work file.
            events: records to append to the file's log (attempts, moves), each with an
                ``at`` time; duplicates are dropped.

        Raises:
            ProgressError: the answers could not be written (the old ones are still there).
        """
        path = self.path_for(learner, checklist, article)
        checklist_id = _checklist_id(checklist)
        stamp = files.now_stamp()
        when = {item: (times or {}).get(item) or stamp for item in updates}
        try:
            json.dumps([dict(updates), list(events)])  # refuse what JSON cannot hold, early
        except (TypeError, ValueError, RecursionError) as exc:
            raise ProgressError(f"answers cannot be saved as JSON: {_short(exc)}") from None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with files.folder_lock(path.parent):
                files.remove_stale_temps(path.parent)
                self._merge_write(path, checklist_id, learner, article, updates, when, events)
        except OSError as exc:
            raise ProgressError(
                f"could not save answers to {path} ({exc.strerror or exc}); the answers saved "
                "before are still there"
            ) from exc
        return path

    def _merge_write(
        self,
        path: Path,
        checklist_id: str,
        learner: str,
        article: Any,
        updates: Mapping[str, Any],
        when: Mapping[str, str],
        events: Sequence[Mapping[str, Any]],
    ) -> None:
        current, problem = files.read_record(path, checklist=checklist_id)
        if current is None and problem is not None:
            files.move_aside(path)
        answers, times, log = files.merged(current, updates, when, [dict(e) for e in events])
        if (
            current is not None
            and answers == current["answers"]
            and log == current.get("events", [])
        ):
            return  # nothing changed; spare the disk
        record: dict[str, Any] = {
            "version": STORE_VERSION,
            "learner": learner.strip(),
            "checklist": checklist_id,
            "article": article_key(article),
            "updated": files.now_stamp(),
            "answers": answers,
            "times": times,
        }
        if log:
            record["events"] = log
        try:
            data = json.dumps(record, ensure_ascii=False, indent=2, sort_keys=True).encode("utf-8")
        except (TypeError, ValueError, RecursionError) as exc:
            raise ProgressError(f"answers cannot be saved as JSON: {_short(exc)}") from None
        if current is not None:
            files.write_atomic(files.backup_path(path), path.read_bytes())
        files.write_atomic(path, data)

    def records(self, learner: str) -> list[tuple[Path, dict[str, Any]]]:
        """Return every readable answer file of ``learner`` with its record, by file name.

        Backups, damaged copies moved aside and files that cannot be read are left out.
        """
        folder = self.directory / _keyed(_check_learner(learner), _check_learner(learner))
        out = []
        for path in sorted(folder.glob("*.json")):
            if path.name.endswith(".bak.json") or ".corrupt-" in path.name:
                continue
            record, _ = files.read_record(path, checklist=path.name.split("--")[0])
            if record is not None and record.get("learner") == learner.strip():
                out.append((path, record))
        return out

    def learners(self) -> list[str]:
        """Return the names of the learners with answers in this store, sorted."""
        found = set()
        for path in self.directory.glob("*/*--*.json"):
            if path.name.endswith(".bak.json") or ".corrupt-" in path.name:
                continue
            record, _ = files.read_record(path, checklist=path.name.split("--")[0])
            if record is not None and isinstance(record.get("learner"), str):
                found.add(record["learner"])
        return sorted(found, key=str.casefold)

    def clear(self, learner: str, checklist: Any, article: Any = None) -> None:
        """Delete the saved answers and their backup (moved-aside damaged files stay)."""
        path = self.path_for(learner, checklist, article)
        self._seen.pop(path, None)
        for p in (path, files.backup_path(path)):
            with suppress(FileNotFoundError):
                p.unlink()


def _events(record: Mapping[str, Any]) -> list[dict[str, Any]]:
    events = record.get("events")
    return [e for e in events if isinstance(e, dict)] if isinstance(events, list) else []


def _short(exc: BaseException) -> str:
    if isinstance(exc, RecursionError):
        return "they are nested too deeply"
    return str(exc)


# -- keys ----------------------------------------------------------------------------------


def _check_learner(learner: Any) -> str:
    if not isinstance(learner, str) or not learner.strip():
        raise ProgressError("a learner name is needed to save answers (it must not be empty)")
    if len(learner) > MAX_LEARNER_CHARS:
        raise ProgressError(f"a learner name must be at most {MAX_LEARNER_CHARS} characters")
    if any(ord(c) < 32 or 0xD800 <= ord(c) <= 0xDFFF for c in learner):
        # A lone surrogate cannot be written to a file name or to JSON as UTF-8.
        raise ProgressError("a learner name must not contain control or unpaired characters")
    return learner.strip()


def _checklist_id(checklist: Any) -> str:
    value = getattr(checklist, "id", checklist)
    if not isinstance(value, str) or not value.strip():
        raise ProgressError(f"cannot file answers under checklist {checklist!r}")
    slug = _slug(value)
    return slug if slug == value else _keyed(value, value)


def _slug(text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:_SLUG_CHARS].strip("-")
    return slug or "x"


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:10]


def _keyed(text: str, exact: str) -> str:
    # The slug keeps folders readable; the hash keeps "Ada L." and "ada-l" apart.
    return f"{_slug(text)}-{_hash(exact)}"
