"""Widgets for leaving the page: the search launcher and the reading log.

Links open in a new browser tab; with no network they simply do not open. The reading log
is saved through the progress store on every change, one item per row, and restored when
the widget is made again (also after a kernel restart).
"""

from __future__ import annotations

import datetime as dt
import html
import time
import uuid
from typing import Any

import ipywidgets as widgets
import pandas as pd

from sourcecrit.lateral import VERDICTS, ReadingLogError, log_entry, same_site, search_links
from sourcecrit.widgets.common import Saver

ROW_PREFIX = "row-"


def search_launcher(analysis: Any, *, sites: Any = None) -> widgets.HTML:
    """Return the suggested searches for ``analysis`` as links that open in a new tab.

    Args:
        analysis: the Analysis of the article to check.
        sites: the search sites (see :func:`sourcecrit.lateral.search_links`).
    """
    return widgets.HTML(links_html(search_links(analysis, sites=sites)))


def links_html(links: pd.DataFrame) -> str:
    """Return an HTML table of :func:`search_links` rows; every text is escaped."""
    esc = html.escape
    rows = []
    for row in links.itertuples():
        note = f'<br><small class="sc-note">{esc(row.note)}</small>' if row.note else ""
        rows.append(
            f"<tr><td>{esc(row.what)}{note}</td>"
            f'<td><a class="sc-search-link" href="{esc(row.url, quote=True)}" target="_blank" '
            f'rel="noopener noreferrer">{esc(row.query)}</a></td>'
            f"<td>{esc(row.site)}</td><td><small>{esc(row.why)}</small></td></tr>"
        )
    return (
        '<table class="sc-search-links"><thead><tr><th>What to find out</th>'
        "<th>Search (opens a new tab)</th><th>Where</th><th>Why</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


class ReadingLog(widgets.VBox):
    """The widget :func:`reading_log` returns.

    Attributes:
        rows: row id → the row saved (``url``, ``site``, ``note``, ``verdict``, ``own_site``).
        url, note, verdict: the inputs for a new row; ``add_button`` adds it.
        table: the rows so far; ``status``: the last save or the problem.
    """

    def __init__(self, analysis: Any, *, saver: Saver):
        self.analysis, self.saver = analysis, saver
        self.rows: dict[str, dict[str, Any]] = {}
        self.url = widgets.Text(placeholder="https://… the page you read", description="Address")
        self.note = widgets.Text(placeholder="one line: what it says", description="Note")
        self.verdict = widgets.Dropdown(
            options=[("(choose)", None), *[(v, v) for v in VERDICTS]], description="It…"
        )
        self.add_button = widgets.Button(description="Add to my log", icon="plus")
        self.add_button.on_click(lambda _b: self.add())
        self.table = widgets.HTML()
        self.status = widgets.HTML()
        header = widgets.HTML(
            "<b>My reading log</b><br><small>One row "
            "per page you opened. Pages on the article's own site do not count as checking.</small>"
        )
        super().__init__(
            [
                saver.bar,
                header,
                self.url,
                self.note,
                self.verdict,
                self.add_button,
                self.table,
                self.status,
            ]
        )
        self.add_class("sourcecrit-reading-log")
        saver.on_reload(self._restore)
        self._restore()

    def _restore(self) -> None:
        saved = self.saver.load()
        answers = saved.answers if saved else {}
        self.rows = {
            k: v
            for k, v in sorted(answers.items())
            if k.startswith(ROW_PREFIX) and isinstance(v, dict)
        }
        notices = saved.notices if saved else []
        self.status.value = "".join(f"<div>{html.escape(n)}</div>" for n in notices)
        self._render()

    def add(self) -> dict[str, Any] | None:
        """Add the row typed in the inputs; return it, or None when it was refused (see status)."""
        try:
            entry = log_entry(self.url.value, note=self.note.value, verdict=self.verdict.value)
        except ReadingLogError as exc:
            self.status.value = f'<span class="sc-error">{html.escape(str(exc))}</span>'
            return None
        own = same_site(entry.url, getattr(self.analysis.article, "url", None))
        row = {**entry.to_dict(), "own_site": own, "added": _now()}
        # Ids sort in the order rows were added, and two kernels never pick the same one.
        self.rows[f"{ROW_PREFIX}{time.time_ns():020d}-{uuid.uuid4().hex[:6]}"] = row
        if self._save():
            self.url.value = self.note.value = ""
            self.verdict.value = None
        self._render()
        return row

    def remove(self, row_id: str) -> None:
        """Remove one row (by its id in :attr:`rows`) and save."""
        self.rows.pop(row_id, None)
        self._save()
        self._render()

    def frame(self) -> pd.DataFrame:
        """Return the log as a table with plain column names."""
        records = [
            {
                "Page": r["url"],
                "Site": r["site"],
                "Note": r["note"],
                "Verdict": r["verdict"],
                "On the article's own site": "yes" if r.get("own_site") else "no",
            }
            for r in self.rows.values()
        ]
        return pd.DataFrame(
            records, columns=["Page", "Site", "Note", "Verdict", "On the article's own site"]
        )

    def _save(self) -> bool:
        self.status.value = self.saver.save(self.rows)
        return self.saver.saved(self.status.value)

    def _render(self) -> None:
        esc = html.escape
        if not self.rows:
            self.table.value = "<i>No pages yet.</i>"
            return
        body = []
        for row in self.rows.values():
            flag = (
                ' <b class="sc-own-site">you stayed on the page: this is the article\'s own '
                "site</b>"
                if row.get("own_site")
                else ""
            )
            body.append(
                f"<tr><td>{esc(row['site'])}{flag}</td><td>{esc(row['note'])}</td>"
                f"<td>{esc(row['verdict'] or 'no verdict yet')}</td></tr>"
            )
        self.table.value = (
            "<table><thead><tr><th>Site</th><th>Note</th><th>What it says</th></tr></thead>"
            f"<tbody>{''.join(body)}</tbody></table>"
        )


def reading_log(
    analysis: Any, *, learner: str | None = None, key: str = "reading-log", store: Any = None
) -> ReadingLog:
    """Return a reading log for ``analysis``'s article, saved as it changes.

    Args:
        analysis: the Analysis of the article being checked.
        learner: whose log it is (default: the learner set for this session).
        key: names this log among the learner's saved work (one log per key and article).
        store: a ProgressStore or its folder (default ``$SOURCECRIT_PROGRESS_DIR``).
    """
    return ReadingLog(
        analysis, saver=Saver(learner=learner, key=key, article=analysis, store=store)
    )


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
