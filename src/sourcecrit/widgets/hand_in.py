"""Hand in: what will be handed in, a download link, and an upload to restore work.

The download is a plain HTML link holding the work file as a ``data:`` URL, so it works
on Binder (no server path, no extension) and in any browser; the upload is ipywidgets'
FileUpload, so a student can carry their work into a fresh session.
"""

from __future__ import annotations

import base64
import html
import os
from pathlib import Path
from typing import Any

import ipywidgets as widgets

from sourcecrit.errors import SourcecritError
from sourcecrit.progress import ProgressStore
from sourcecrit.progress import _keyed as keyed
from sourcecrit.widgets.common import LearnerPrompt, on_work_saved
from sourcecrit.work.learner import current_learner, on_learner_change
from sourcecrit.work.workfile import WorkFile, collect_work, import_work


class HandIn(widgets.VBox):
    """The widget :func:`hand_in` returns.

    Attributes:
        summary: what will be handed in (one line per exercise or checklist).
        download: the download link (HTML).
        refresh_button: rebuilds summary and link after more work.
        upload: a FileUpload for a work file to restore.
        status: what the last upload did.
    """

    def __init__(self, *, learner: str | None, store: ProgressStore, follow: bool = False):
        self.store = store
        self.learner = learner
        self.prompt = LearnerPrompt()
        self.prompt.on_name(self._named)
        if follow:  # no learner given: whoever the session's learner becomes
            on_learner_change(self._session_learner)
        # The link is rebuilt after every save, so the file is never older than the work.
        on_work_saved(self._work_saved)
        self.summary = widgets.HTML()
        self.download = widgets.HTML()
        self.download.add_class("sc-download")
        self.refresh_button = widgets.Button(description="Refresh", icon="refresh")
        self.refresh_button.on_click(lambda _b: self.refresh())
        self.upload = widgets.FileUpload(
            accept=".json", multiple=False, description="Restore work file"
        )
        self.upload.add_class("sc-upload")
        self.upload.observe(self._uploaded, names="value")
        self.status = widgets.HTML()
        self.status.add_class("sc-upload-status")
        children = [] if learner else [self.prompt]
        super().__init__(
            [
                *children,
                self.summary,
                widgets.HBox([self.download, self.refresh_button]),
                widgets.HTML("<p>Starting again in a new session? Upload your work file:</p>"),
                self.upload,
                self.status,
            ]
        )
        self.add_class("sc-hand-in")
        self.refresh()

    def work(self) -> WorkFile | None:
        """Return the work file as it would be handed in now, or None if nothing is saved."""
        self.learner = self.learner or current_learner()  # a name typed in a form since
        if not self.learner:
            return None
        try:
            return collect_work(self.learner, store=self.store)
        except SourcecritError:
            return None

    def refresh(self) -> None:
        """Show what is saved now and make a fresh download link."""
        work = self.work()
        if work is None:
            who = html.escape(self.learner) if self.learner else "you"
            self.summary.value = f"<p>Nothing saved for {who} yet.</p>"
            self.download.value = ""
            return
        rows = "".join(
            f"<tr><td>{html.escape(r['checklist'])}</td><td>{len(r['answers'])}</td>"
            f"<td>{sum(e.get('kind') == 'attempt' for e in r.get('events', []))}</td>"
            f"<td>{html.escape(str(r.get('updated', ''))[:19].replace('T', ' '))}</td></tr>"
            for r in work.records
        )
        self.summary.value = (
            f"<p>Work of <b>{html.escape(work.learner)}</b> to hand in:</p>"
            "<table><tr><th>Exercise or checklist</th><th>Answers</th><th>Attempts</th>"
            f"<th>Last saved (UTC)</th></tr>{rows}</table>"
        )
        payload = base64.b64encode(work.to_json().encode("utf-8")).decode("ascii")
        name = f"{keyed(work.learner, work.learner)}.sourcecrit.json"
        self.download.value = (
            f"<a class='sc-download-link' download='{html.escape(name)}' "
            f"href='data:application/json;base64,{payload}' "
            "style='font-weight:bold'>⬇ Download my work file</a> "
            "<small>(hand this file in; keep a copy)</small>"
        )

    def _named(self, name: str) -> None:
        self.learner = name
        self.refresh()

    def _work_saved(self, learner: str, folder: Path) -> None:
        if learner == self.learner and Path(folder) == Path(self.store.directory):
            self.refresh()

    def _session_learner(self, name: str | None) -> None:
        if name is not None and name != self.learner:
            self._named(name)

    def _uploaded(self, change: dict[str, Any]) -> None:
        files = change["new"]
        if not files:
            return
        upload = files[0]
        data = bytes(upload["content"])
        try:
            report = import_work(data, store=self.store)
        except SourcecritError as exc:
            self.status.value = f"<span style='color:#cf222e'>{html.escape(str(exc))}</span>"
            return
        self.status.value = (
            f"<span class='sc-restored'>Restored: {html.escape(str(report))}. Run the notebook "
            "again (Run ▸ Run All Cells) to see your answers in the forms.</span>"
        )
        if not self.learner:
            self.learner = report.learner
        self.refresh()


def hand_in(
    *,
    learner: str | None = None,
    store: ProgressStore | str | os.PathLike[str] | None = None,
) -> HandIn:
    """Return the hand-in box for ``learner`` (default: the name given this session).

    Args:
        learner: whose work (default :func:`sourcecrit.work.current_learner`; when there
            is none, the box asks for the name first).
        store: a ProgressStore or its folder (default ``$SOURCECRIT_PROGRESS_DIR`` or
            ``~/.sourcecrit/progress``).
    """
    if not isinstance(store, ProgressStore):
        store = ProgressStore(store)
    return HandIn(learner=learner or current_learner(), store=store, follow=learner is None)
