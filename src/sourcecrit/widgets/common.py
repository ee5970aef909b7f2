"""Pieces several widgets share: who is working, and saving their work.

Widgets never import each other; what they share lives here. Both functions below are
deliberately small adapters, so the learner identity and per-item progress store that
``sourcecrit.work`` brings can replace their insides without touching the widgets.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sourcecrit.progress import ProgressStore

LEARNER_ENV = "SOURCECRIT_LEARNER"
# The name typed into a widget's prompt, remembered for this kernel session only. Set at
# run time by remember_learner(), never on import.
_SESSION: dict[str, str] = {}


def current_learner(learner: str | None = None) -> str | None:
    """Return who is working: ``learner`` if given, else the name typed this session, else
    ``$SOURCECRIT_LEARNER``, else None (the widget must ask; never the login name)."""
    for name in (learner, _SESSION.get("learner"), os.environ.get(LEARNER_ENV)):
        if isinstance(name, str) and name.strip():
            return name.strip()
    return None


def remember_learner(name: str) -> str:
    """Remember ``name`` as the learner for the rest of this session and return it."""
    _SESSION["learner"] = name.strip()
    return _SESSION["learner"]


def load_work(
    learner: str, item: str, article: Any, *, store: ProgressStore | str | os.PathLike[str] | None
) -> tuple[dict[str, Any], list[str]]:
    """Return what ``learner`` saved for ``item`` on ``article``, and notices to show.

    Never raises for a damaged file: the store moves it aside and says so in the notices.
    """
    saved = _store(store).load(learner, item, article)
    return dict(saved.answers), list(saved.notices)


def save_work(
    learner: str,
    item: str,
    article: Any,
    work: dict[str, Any],
    *,
    store: ProgressStore | str | os.PathLike[str] | None,
) -> Path:
    """Save ``work`` for ``learner``, ``item`` and ``article`` atomically; return the file.

    Raises:
        ProgressError: it could not be written (what was saved before is still there).
    """
    return _store(store).save(learner, item, article, work)


def _store(store: ProgressStore | str | os.PathLike[str] | None) -> ProgressStore:
    return store if isinstance(store, ProgressStore) else ProgressStore(store)
