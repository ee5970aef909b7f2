"""What every saving widget shares: whose work it is, where it goes, and the browser's copy.

Widgets never import each other; what they share lives here. A widget holds one
:class:`Saver` and shows its :attr:`Saver.bar` above its own inputs:

* **Who is working.** The learner given to the widget, else the name typed this session
  (:func:`sourcecrit.set_learner` or any name prompt), else ``$SOURCECRIT_LEARNER``. Never
  the login name (``jovyan`` for everyone on Binder). With no name, the bar shows the name
  prompt, answers stay in the widget, and they are saved as soon as the name is given.
* **One store per widget.** Each Saver has a :class:`~sourcecrit.progress.ProgressStore`
  of its own, so a whole-set save writes only the items this widget changed and a stale
  form never erases answers given in a newer one.
* **A copy in the browser.** After each save the learner's work file is mirrored to the
  browser's storage (:class:`~sourcecrit.widgets.browser_copy.BrowserCopy`); when a new
  session has nothing on disk for that learner and task, the bar offers to restore it.
"""

from __future__ import annotations

import copy
import datetime as dt
import html
import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import ipywidgets as widgets

from sourcecrit.listeners import Listeners
from sourcecrit.progress import ProgressError, ProgressStore, Saved
from sourcecrit.progress import _checklist_id as record_key
from sourcecrit.widgets.browser_copy import BrowserCopy
from sourcecrit.widgets.learner import LearnerPrompt
from sourcecrit.work.learner import current_learner, on_learner_change

Store = ProgressStore | str | os.PathLike[str] | None

NO_NAME = (
    '<span class="sc-error sc-no-name">Not saved yet: type your name in the box above and '
    "press <b>That's me</b>; your answers are kept here until then.</span>"
)


def store_for(store: Store) -> ProgressStore:
    """Return a new ProgressStore for one widget, on ``store``'s folder (or the default).

    A store remembers what it last loaded or saved per file; two widgets sharing one would
    defeat the per-item merge, so each widget gets its own even when given a store.
    """
    folder = store.directory if isinstance(store, ProgressStore) else store
    return ProgressStore(folder)


def saved_line(learner: str) -> str:
    """Return the HTML status line for a save that worked."""
    return (
        f'<span class="sc-saved">Saved {dt.datetime.now():%H:%M:%S} ({html.escape(learner)})</span>'
    )


class Saver:
    """Saves one widget's answers under (learner, key, article) and shows who is working.

    Args:
        learner: the learner's name, or None to use the session's learner at each save.
        key: names the widget's answers among the learner's work.
        article: the Analysis or Article the answers are about (or None).
        store: a ProgressStore, its folder, or None for the default.

    Attributes:
        store: this widget's own ProgressStore.
        bar: the box to show on the form: who is working (or the name prompt), the offer
            to restore the browser's copy, and the browser copy itself.
        browser_copy: mirrors the learner's work into the browser.
    """

    def __init__(self, *, learner: str | None, key: str, article: Any, store: Store = None):
        self._learner, self.key, self.article = learner, key, article
        self.store = store_for(store)
        self._pending: dict[str, Any] | None = None
        self._reload: Callable[[], None] | None = None
        self.who = widgets.HTML()
        self.who.add_class("sc-working-as")
        self.prompt = LearnerPrompt()
        # A name typed into any prompt (this form's, another form's, the lesson's) is
        # this form's learner from then on, unless the form was given its own.
        on_learner_change(self._learner_changed)
        self.note = widgets.HTML()
        self.note.add_class("sc-save-note")
        self.browser_copy = BrowserCopy(store=self.store)
        self.restore_offer = self.browser_copy.offer(
            record_key(key), empty_on_disk=self.empty_on_disk, restored=self._restored
        )
        self.bar = widgets.VBox()
        self.bar.add_class("sc-saver")
        self.show()

    @property
    def learner(self) -> str | None:
        """Whose work this is now (None until a name is given)."""
        return self._learner or current_learner()

    def on_reload(self, callback: Callable[[], None]) -> None:
        """Call ``callback()`` when the answers on disk changed under the widget (a name
        was given, or the browser's copy was restored): the widget shows them again."""
        self._reload = callback

    def load(self) -> Saved | None:
        """Return what was saved for the learner, or None when no learner is known yet."""
        learner = self.learner
        return None if learner is None else self.store.load(learner, self.key, self.article)

    def save(self, answers: Mapping[str, Any]) -> str:
        """Save ``answers`` (merged per item) and return the HTML status line to show.

        With no learner yet, the answers are kept and saved once the name is given.
        """
        learner = self.learner
        if learner is None:
            self._pending = copy.deepcopy(dict(answers))
            return NO_NAME
        self._pending = None
        self.show()
        try:
            self.store.save(learner, self.key, self.article, answers)
        except ProgressError as exc:
            return f'<span class="sc-error">Not saved: {html.escape(str(exc))}</span>'
        self.mirror(learner)
        return saved_line(learner)

    def mirror(self, learner: str) -> None:
        """Send ``learner``'s work, just saved, to the browser's copy (and tell the forms
        that show the whole work file, such as the hand-in box, see :func:`on_work_saved`)."""
        if self.browser_copy.learner != learner:
            self.browser_copy.follow(learner)
        else:
            self.browser_copy.refresh()
        tell_work_saved(learner, self.store.directory)

    def saved(self, status: str) -> bool:
        """Return whether ``status`` (from :meth:`save`) reports a save that worked."""
        return "sc-saved" in status

    def empty_on_disk(self) -> bool:
        """Return whether the learner has nothing saved on disk for this task yet."""
        learner = self.learner
        if learner is None:
            return False
        return not ProgressStore(self.store.directory).load(learner, self.key, self.article).answers

    def _learner_changed(self, _name: str | None) -> None:
        if self._learner is None:
            self._named()

    def _named(self) -> None:
        self.show()
        if self.learner is None:
            return
        if self._pending is not None:
            self.note.value = self.save(self._pending)
        if self._reload is not None:
            self._reload()

    def _restored(self) -> None:
        if self._reload is not None:
            self._reload()
            self.note.value = "Your answers from this browser are back."
        else:
            self.note.value = "Your answers from this browser are back: run this cell again."

    def show(self) -> None:
        """Show who is working (or the name prompt) and follow them in the browser's copy."""
        learner = self.learner
        # The prompt is in the bar only while a name is missing (its box would be one more
        # text input on every form otherwise).
        parts = [self.who, self.note, self.restore_offer, self.browser_copy]
        self.bar.children = [self.prompt, *parts] if learner is None else parts
        if learner is None:
            self.who.value = ""
            self.prompt.layout.display = ""
            return
        self.prompt.layout.display = "none"
        self.who.value = (
            f"<small>Working as <b>{html.escape(learner)}</b>; answers are saved under this "
            "name.</small>"
        )
        if self.browser_copy.learner != learner:
            self.browser_copy.follow(learner)
            self.restore_offer.update()  # type: ignore[attr-defined]


#: Who to tell after each save (see :func:`on_work_saved`).
_saved = Listeners()


def on_work_saved(callback: Callable[[str, Path], None]) -> None:
    """Call ``callback(learner, folder)`` after any form saves a learner's work in ``folder``.

    The hand-in box rebuilds its download link then, so the file a student downloads is
    never older than their last answer.
    """
    _saved.add(callback)


def tell_work_saved(learner: str, folder: Path) -> None:
    """Tell every :func:`on_work_saved` callback that ``learner``'s work in ``folder`` changed."""
    _saved.call(learner, folder)


__all__ = [
    "NO_NAME",
    "BrowserCopy",
    "LearnerPrompt",
    "Saver",
    "Store",
    "current_learner",
    "on_work_saved",
    "tell_work_saved",
    "saved_line",
    "store_for",
]
