"""A copy of the learner's work in the browser, so nothing is lost when Binder ends.

Every saving widget holds a :class:`BrowserCopy`: after each save it sends the learner's
whole work file to a small front end (``browser_copy.js``, an anywidget ES module shipped
in the package) that keeps it in the browser's ``localStorage``, merged per item with
what is there already. When a new session starts with no answers on disk for that
learner and exercise (a new Binder container), the front end reports what the browser
kept, and :meth:`BrowserCopy.offer` shows a button to restore it.

``localStorage`` belongs to one browser on one site: a student who changes computer or
browser, or clears the site's data, needs the downloaded work file instead
(``sourcecrit.widgets.hand_in()``).
"""

from __future__ import annotations

import html
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import anywidget
import ipywidgets as widgets
import traitlets

from sourcecrit.errors import SourcecritError, WorkFileError
from sourcecrit.progress import ProgressStore
from sourcecrit.work.workfile import WorkFile, collect_work, import_work, read_work_file

#: localStorage key prefix; the learner's name follows.
KEY_PREFIX = "sourcecrit-work:"


class BrowserCopy(anywidget.AnyWidget):
    """Mirrors one learner's work file into the browser (see the module doc).

    Attributes:
        key: the localStorage key (empty until a learner is known).
        data: the work file sent to the browser.
        stored: what the browser held when the widget was drawn (set by the front end).
    """

    _esm = Path(__file__).with_name("browser_copy.js")
    key = traitlets.Unicode("").tag(sync=True)
    data = traitlets.Dict().tag(sync=True)
    stored = traitlets.Dict().tag(sync=True)

    def __init__(self, *, store: ProgressStore | str | os.PathLike[str] | None = None):
        super().__init__()
        self.store = store if isinstance(store, ProgressStore) else ProgressStore(store)
        self.learner: str | None = None
        self.add_class("sc-browser-copy")

    def follow(self, learner: str) -> None:
        """Mirror ``learner``'s work from now on."""
        self.learner = learner
        self.key = KEY_PREFIX + learner
        self.refresh()

    def refresh(self) -> None:
        """Send the learner's current work file to the browser (after each save)."""
        if not self.learner:
            return
        try:
            self.data = collect_work(self.learner, store=self.store).to_dict()
        except SourcecritError:
            pass  # nothing saved yet: leave the browser's copy alone

    def stored_work(self) -> WorkFile | None:
        """Return the browser's copy for this learner, or None if there is none usable."""
        if not self.stored or not self.learner:
            return None
        try:
            work = read_work_file(json.dumps(self.stored).encode("utf-8"), browser_copy=True)
        except WorkFileError:
            return None
        return work if work.learner == self.learner else None

    def offer(
        self,
        scope: str,
        *,
        empty_on_disk: Callable[[], bool],
        restored: Callable[[], None],
    ) -> widgets.VBox:
        """Return a box offering to restore the browser's copy of ``scope`` when the disk
        has none (``empty_on_disk()``); after a restore, ``restored()`` is called."""
        button = widgets.Button(description="Restore my answers", icon="undo")
        button.add_class("sc-restore-browser")
        text = widgets.HTML()
        box = widgets.VBox([text, button], layout=widgets.Layout(display="none"))
        box.add_class("sc-restore-offer")

        def update(_change: Any = None) -> None:
            work = self.stored_work()
            record = work.record(scope) if work else None
            if record and record.get("answers") and empty_on_disk():
                when = html.escape(str(record.get("updated") or "earlier")[:16].replace("T", " "))
                text.value = (
                    f"This browser kept {len(record['answers'])} answers you gave on {when} "
                    "(UTC) in an earlier session. Restore them?"
                )
                box.layout.display = ""
            else:
                box.layout.display = "none"

        def restore(_button: Any) -> None:
            work = self.stored_work()
            if work is None:
                return
            try:
                import_work(work, store=self.store)
            except SourcecritError as exc:
                text.value = (
                    f"<span style='color:#cf222e'>Not restored: {html.escape(str(exc))}</span>"
                )
                return
            box.layout.display = "none"
            restored()
            self.refresh()

        button.on_click(restore)
        self.observe(update, names="stored")
        box.update = update  # type: ignore[attr-defined]  # the form calls it once a name is known
        update()
        return box
