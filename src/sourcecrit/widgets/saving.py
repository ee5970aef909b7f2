"""What every saving widget shares: whose work it is, where it goes, and the save line shown.

A widget never saves under a name the student did not give. With no learner set (neither
``learner=`` nor :func:`sourcecrit.set_learner` / the name prompt), answers stay in the
widget and the status line asks for a name; the next change after a name is set saves them.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Mapping
from typing import Any

from sourcecrit.progress import ProgressError, ProgressStore, Saved
from sourcecrit.work.learner import current_learner

NO_NAME = (
    '<span class="sc-error">Not saved yet: type your name in the name box at the top of the '
    "lesson (sourcecrit.widgets.learner()), then change any answer.</span>"
)


def store_for(store: Any) -> ProgressStore:
    """Return ``store`` if it is a ProgressStore, else a store for that folder (or the default)."""
    return store if isinstance(store, ProgressStore) else ProgressStore(store)


class Saver:
    """Saves one widget's answers under (learner, key, article) through the progress store.

    Args:
        learner: the learner's name, or None to use the session's learner at each save.
        key: names the widget's answers among the learner's work.
        article: the Analysis or Article the answers are about (or None).
        store: a ProgressStore, its folder, or None for the default.
    """

    def __init__(self, *, learner: str | None, key: str, article: Any, store: Any = None):
        self._learner, self.key, self.article = learner, key, article
        self.store = store_for(store)

    @property
    def learner(self) -> str | None:
        return self._learner or current_learner()

    def load(self) -> Saved | None:
        """Return what was saved for the learner, or None when no learner is known yet."""
        learner = self.learner
        return None if learner is None else self.store.load(learner, self.key, self.article)

    def save(self, answers: Mapping[str, Any]) -> str:
        """Save ``answers`` (merged per item) and return the HTML status line to show."""
        learner = self.learner
        if learner is None:
            return NO_NAME
        try:
            self.store.save(learner, self.key, self.article, answers)
        except ProgressError as exc:
            return f'<span class="sc-error">Not saved: {html.escape(str(exc))}</span>'
        return f'<span class="sc-saved">Saved {dt.datetime.now():%H:%M:%S} ({html.escape(learner)})</span>'

    def saved(self, status: str) -> bool:
        return "sc-saved" in status
