"""Students' answers, saved to disk as they change, so a kernel restart loses nothing.

One small JSON file per learner, checklist (or exercise) and article, under
``$SOURCECRIT_PROGRESS_DIR`` or ``~/.sourcecrit/progress``::

    <dir>/<learner>-<hash>/<checklist>--<article>.json

Every save is atomic: the new answers go to a temporary file in the same folder, are
flushed and fsynced, and only then renamed over the old file with ``os.replace`` (atomic on
POSIX and Windows). A save cut short at any point leaves either the old answers or the new
ones, never half a file. Before each save, the previous good file is kept as
``<name>.bak.json``.

A file that cannot be read (damaged, edited by hand, from another program) is never
overwritten: it is moved aside to ``<name>.corrupt-<timestamp>.json`` with a message saying
so, and the answers come back from the backup when there is one. Loading never raises for a
bad file; saving raises :class:`ProgressError` with a message a student can act on.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import tempfile
from collections.abc import Mapping
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sourcecrit.errors import ProgressError  # defined in errors.py (#9)

PROGRESS_DIR_ENV = "SOURCECRIT_PROGRESS_DIR"
STORE_VERSION = 1
NO_ARTICLE = "no-article"
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
    """

    answers: dict[str, Any]
    updated: str | None
    path: Path
    notices: list[str] = field(default_factory=list)


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

        A damaged file is moved aside (kept, never overwritten) and the answers are taken
        from the last good copy when there is one; :attr:`Saved.notices` says what happened.
        """
        path = self.path_for(learner, checklist, article)
        record, problem = _read(path, checklist=_checklist_id(checklist))
        if record is not None:
            return Saved(dict(record["answers"]), record.get("updated"), path)
        if problem is None:  # nothing saved yet
            return Saved({}, None, path)
        notices = []
        try:
            aside = _move_aside(path)
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
        backup, _ = _read(_backup_path(path), checklist=_checklist_id(checklist))
        if backup is not None:
            notices.append(
                f"Your answers were restored from the last good copy (saved {backup.get('updated')})."
            )
            return Saved(dict(backup["answers"]), backup.get("updated"), path, notices)
        notices.append("No earlier copy was found, so the form starts empty.")
        return Saved({}, None, path, notices)

    def save(self, learner: str, checklist: Any, article: Any, answers: Mapping[str, Any]) -> Path:
        """Save ``answers`` atomically and return the file's path.

        The previous good file becomes the backup; a damaged one is moved aside first, so
        nothing readable is ever overwritten by a failed or partial write.

        Raises:
            ProgressError: the answers could not be written (the old ones are still there).
        """
        path = self.path_for(learner, checklist, article)
        checklist_id = _checklist_id(checklist)
        record: dict[str, Any] = {
            "version": STORE_VERSION,
            "learner": learner,
            "checklist": checklist_id,
            "article": article_key(article),
            "updated": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
            "answers": dict(answers),
        }
        try:
            data = json.dumps(record, ensure_ascii=False, indent=2, sort_keys=True).encode("utf-8")
        except (TypeError, ValueError) as exc:
            raise ProgressError(f"answers cannot be saved as JSON: {exc}") from None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            current, problem = _read(path, checklist=checklist_id)
            if current is not None:
                if current.get("answers") == record["answers"]:
                    return path  # nothing changed; spare the disk
                _write_atomic(_backup_path(path), path.read_bytes())
            elif problem is not None:
                _move_aside(path)
            _write_atomic(path, data)
        except OSError as exc:
            raise ProgressError(
                f"could not save answers to {path} ({exc.strerror or exc}); the answers saved "
                "before are still there"
            ) from exc
        return path

    def clear(self, learner: str, checklist: Any, article: Any = None) -> None:
        """Delete the saved answers and their backup (moved-aside damaged files stay)."""
        path = self.path_for(learner, checklist, article)
        for p in (path, _backup_path(path)):
            with suppress(FileNotFoundError):
                p.unlink()


# -- files ---------------------------------------------------------------------------------


def _write_atomic(path: Path, data: bytes) -> None:
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


def _read(path: Path, *, checklist: str) -> tuple[dict[str, Any] | None, str | None]:
    """Return ``(record, None)``, ``(None, None)`` when missing, or ``(None, why)``."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None, None
    except OSError as exc:
        return None, f"cannot be opened: {exc.strerror}"
    try:
        record = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        return None, "it is not UTF-8 text"
    except json.JSONDecodeError as exc:
        return None, f"it is not valid JSON: {exc.msg} at line {exc.lineno}"
    if not isinstance(record, dict):
        return None, "it does not hold a saved-answers record"
    if record.get("version") != STORE_VERSION:
        return None, f"unknown format version {record.get('version')!r}"
    if not isinstance(record.get("answers"), dict):
        return None, "its answers are missing"
    if record.get("checklist") != checklist:
        return None, f"it holds answers to {record.get('checklist')!r}, not {checklist!r}"
    return record, None


def _move_aside(path: Path) -> Path:
    stamp = dt.datetime.now().strftime("%Y%m%dT%H%M%S")
    base = path.name[: -len(".json")] if path.name.endswith(".json") else path.name
    target = path.with_name(f"{base}.corrupt-{stamp}.json")
    n = 1
    while target.exists():  # never overwrite an earlier damaged copy either
        target = path.with_name(f"{base}.corrupt-{stamp}-{n}.json")
        n += 1
    os.replace(path, target)
    return target


def _backup_path(path: Path) -> Path:
    return path.with_name(path.name[: -len(".json")] + ".bak.json")


# -- keys ----------------------------------------------------------------------------------


def _check_learner(learner: Any) -> str:
    if not isinstance(learner, str) or not learner.strip():
        raise ProgressError("a learner name is needed to save answers (it must not be empty)")
    if len(learner) > MAX_LEARNER_CHARS:
        raise ProgressError(f"a learner name must be at most {MAX_LEARNER_CHARS} characters")
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
