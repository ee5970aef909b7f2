"""What every saving widget shares: whose work it is, where it goes, and the save line shown."""

from __future__ import annotations

import datetime as dt
import html
from typing import Any

from sourcecrit.progress import ProgressError, ProgressStore


def store_for(store: Any) -> ProgressStore:
    """Return ``store`` if it is a ProgressStore, else the store in that folder (or the default)."""
    return store if isinstance(store, ProgressStore) else ProgressStore(store)


def learner_for(learner: str | None) -> str:
    """Return ``learner``, or the learner set for this session."""
    from sourcecrit.widgets.checklist_form import default_learner

    return learner or default_learner()


def save_status(store: ProgressStore, learner: str, key: str, analysis: Any, answers: Any) -> str:
    """Save ``answers`` and return the HTML line to show: the time saved, or why not."""
    try:
        store.save(learner, key, analysis, answers)
    except ProgressError as exc:
        return f'<span class="sc-error">Not saved: {html.escape(str(exc))}</span>'
    return f'<span class="sc-saved">Saved {dt.datetime.now():%H:%M:%S}</span>'
