"""Judge the sources yourself, then see the machine's suggestion (lesson 02).

For each main source the student picks a kind of source and says whether the source could
know what they are quoted on. Only then is the machine's kind shown, with its evidence;
the student may keep their own pick, and their reasons are saved either way.
"""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as widgets

from sourcecrit.viz.tables import plain
from sourcecrit.widgets.common import Saver

KINDS = (
    "named official",
    "named politician",
    "named expert",
    "named other",
    "organisation",
    "media",
    "document",
    "anonymous",
    "vague group",
)


class SourceJudgements(widgets.VBox):
    """The widget :func:`source_judgements` returns."""

    def __init__(self, analysis: Any, *, saver: Saver, top: int):
        self.analysis, self.saver = analysis, saver
        sources = analysis.sources.sort_values("n_words", ascending=False).head(top)
        self.sources = sources.reset_index(drop=True)
        self.kinds: dict[str, widgets.Dropdown] = {}
        self.reasons: dict[str, widgets.Text] = {}
        boxes = []
        for row in self.sources.itertuples():
            name = str(row.speaker or "(unnamed)")
            role = f" ({row.role})" if isinstance(row.role, str) and row.role else ""
            kind = widgets.Dropdown(
                options=[("(choose)", None), *[(k, k) for k in KINDS]], description="Kind"
            )
            reason = widgets.Text(
                placeholder="Could they know this? Why would they say it?", layout={"width": "60%"}
            )
            kind.observe(self._changed, names="value")
            reason.observe(self._changed, names="value")
            self.kinds[name], self.reasons[name] = kind, reason
            boxes.append(
                widgets.VBox(
                    [
                        widgets.HTML(f"<b>{html.escape(name + role)}</b>"),
                        widgets.HBox([kind, reason]),
                    ]
                )
            )
        self.reveal_button = widgets.Button(
            description="Show the machine's suggestions", disabled=True
        )
        self.reveal_button.on_click(lambda _b: self.reveal())
        self.machine = widgets.HTML()
        self.status = widgets.HTML()
        super().__init__([saver.bar, *boxes, self.reveal_button, self.machine, self.status])
        saver.on_reload(self._restore)
        self._restore()

    def _restore(self) -> None:
        saved = self.saver.load()
        self._restoring = True
        for name, answer in saved.answers.items() if saved else []:
            if name in self.kinds and isinstance(answer, dict):
                if answer.get("kind") in KINDS:
                    self.kinds[name].value = answer["kind"]
                self.reasons[name].value = str(answer.get("reason") or "")
        self._restoring = False
        self._update_button()
        if saved and saved.answers.get("_revealed"):
            self.reveal()

    def answers(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            name: {"kind": box.value, "reason": self.reasons[name].value.strip()}
            for name, box in self.kinds.items()
            if box.value or self.reasons[name].value.strip()
        }
        if self.machine.value:
            out["_revealed"] = True
        return out

    def reveal(self) -> bool:
        """Show the machine's kind and evidence beside the student's; only when all are judged."""
        if not self._complete():
            return False
        rows = []
        for row in self.sources.itertuples():
            name = str(row.speaker or "(unnamed)")
            mine, theirs = self.kinds[name].value, plain(row.source_type)
            same = "same" if mine == theirs else "different: who is right?"
            rows.append(
                f"<tr><td>{html.escape(name)}</td><td>{html.escape(str(mine))}</td>"
                f"<td>{html.escape(theirs)}</td><td>{same}</td>"
                f"<td><small>{html.escape(str(row.evidence or ''))}</small></td></tr>"
            )
        self.machine.value = (
            "<table><thead><tr><th>Source</th><th>Your kind</th><th>Machine's kind</th><th></th>"
            f"<th>Machine's reason</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
            "<p>Keep your own choice where you disagree; your reasons are saved.</p>"
        )
        self.status.value = self.saver.save(self.answers())
        return True

    def _complete(self) -> bool:
        return all(box.value and self.reasons[n].value.strip() for n, box in self.kinds.items())

    def _update_button(self) -> None:
        self.reveal_button.disabled = not self._complete()

    def _changed(self, _change: dict) -> None:
        if self._restoring:
            return
        self._update_button()
        self.status.value = self.saver.save(self.answers())


def source_judgements(
    analysis: Any,
    *,
    key: str = "source-judgements",
    top: int = 4,
    learner: str | None = None,
    store: Any = None,
) -> SourceJudgements:
    """Return a form to judge the ``top`` sources (by words) before seeing the machine's kinds."""
    return SourceJudgements(
        analysis, saver=Saver(learner=learner, key=key, article=analysis, store=store), top=top
    )
