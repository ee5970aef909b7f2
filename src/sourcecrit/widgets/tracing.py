"""Widgets for tracing claims and for stating belief before and after checking.

Both save through the progress store on every change (one item per claim, one per stage)
and restore what was saved when they are made again, also after a kernel restart.
"""

from __future__ import annotations

import datetime as dt
import html
from typing import Any

import ipywidgets as widgets
import pandas as pd

from sourcecrit.lateral import TRACE_STATUSES, claims
from sourcecrit.widgets.common import Saver

STAGES = ("before", "after")


class ClaimTracer(widgets.VBox):
    """The widget :func:`claim_tracer` returns: one box per claim, a status and a link each.

    Attributes:
        claims: the claims shown (see :func:`sourcecrit.lateral.claims`).
        status_inputs, link_inputs: item id → the input for that claim.
    """

    def __init__(
        self,
        analysis: Any,
        *,
        saver: Saver,
        kinds: tuple[str, ...] | None,
    ):
        self.analysis, self.saver = analysis, saver
        found = claims(analysis)
        self.claims = found if kinds is None else found[found["kind"].isin(kinds)]
        self.status_inputs: dict[str, widgets.Dropdown] = {}
        self.link_inputs: dict[str, widgets.Text] = {}
        self.status = widgets.HTML()
        boxes = [self._box(row) for row in self.claims.itertuples()]
        header = widgets.HTML(
            "<b>Trace the claims</b><br><small>"
            "Pick at least three. For each, find where it comes from, paste the link, and "
            "say what you found.</small>"
        )
        super().__init__([saver.bar, header, *boxes, self.status])
        self.add_class("sourcecrit-claim-tracer")
        saver.on_reload(self._restore)
        self._restore()

    def answers(self) -> dict[str, dict[str, str]]:
        """Return claim id → ``{"status", "link"}`` for every claim the student worked on."""
        out = {}
        for item, box in self.status_inputs.items():
            link = self.link_inputs[item].value.strip()
            if box.value or link:
                out[item] = {"status": box.value or "", "link": link}
        return out

    def _box(self, row: Any) -> widgets.Widget:
        item = f"claim-{row.start}-{row.end}"
        status = widgets.Dropdown(
            options=[("not checked yet", None), *[(s, s) for s in TRACE_STATUSES]],
            description="I found",
        )
        link = widgets.Text(placeholder="https://… where you traced it", description="Link")
        status.observe(self._changed, names="value")
        link.observe(self._changed, names="value")
        self.status_inputs[item], self.link_inputs[item] = status, link
        who = f" ({html.escape(row.speaker)})" if isinstance(row.speaker, str) else ""
        text = widgets.HTML(
            f'<blockquote class="sc-claim">{html.escape(row.text)}</blockquote>'
            f"<small><b>{html.escape(row.kind)}</b>{who}: {html.escape(row.why)}</small>"
        )
        return widgets.VBox([text, widgets.HBox([status, link])])

    def _restore(self) -> None:
        saved = self.saver.load()
        if saved is None:
            return
        self._restoring = True
        try:
            for item, answer in saved.answers.items():
                if item in self.status_inputs and isinstance(answer, dict):
                    status = answer.get("status")
                    self.status_inputs[item].value = status if status in TRACE_STATUSES else None
                    self.link_inputs[item].value = str(answer.get("link") or "")
        finally:
            self._restoring = False
        self.status.value = "".join(f"<div>{html.escape(n)}</div>" for n in saved.notices)

    def _changed(self, _change: dict) -> None:
        if not getattr(self, "_restoring", False):
            self.status.value = self.saver.save(self.answers())


class BeliefCheck(widgets.VBox):
    """The widget :func:`belief_check` returns: how much the student believes the main claim.

    The first estimate is frozen once saved; the second is asked for after checking, and
    both are shown side by side with their reasons.
    """

    def __init__(self, analysis: Any, *, saver: Saver, claim: str):
        self.analysis, self.saver = analysis, saver
        self.sliders = {
            s: widgets.IntSlider(
                value=50, min=0, max=100, step=5, description="I believe it", readout_format="d"
            )
            for s in STAGES
        }
        self.reasons = {
            s: widgets.Textarea(placeholder="because…", layout={"width": "95%"}) for s in STAGES
        }
        self.buttons = {
            s: widgets.Button(description=label)
            for s, label in (("before", "Save my first estimate"), ("after", "Save after checking"))
        }
        for stage, button in self.buttons.items():
            button.on_click(lambda _b, stage=stage: self.commit(stage))
        self.comparison = widgets.HTML()
        self.status = widgets.HTML()
        intro = widgets.HTML(
            "<b>How much do you believe it?</b>"
            f'<blockquote class="sc-claim">{html.escape(claim)}</blockquote><small>0 = surely '
            "false, 100 = surely true. Say why in a sentence.</small>"
        )
        self.stage_boxes = {
            s: widgets.VBox([self.sliders[s], self.reasons[s], self.buttons[s]]) for s in STAGES
        }
        super().__init__(
            [
                saver.bar,
                intro,
                self.stage_boxes["before"],
                self.stage_boxes["after"],
                self.comparison,
                self.status,
            ]
        )
        self.add_class("sourcecrit-belief-check")
        self.saved: dict[str, dict[str, Any]] = {}
        saver.on_reload(self._restore)
        self._restore()

    def _restore(self) -> None:
        stored = self.saver.load()
        for stage in STAGES:
            value = stored.answers.get(stage) if stored else None
            if isinstance(value, dict) and isinstance(value.get("belief"), int):
                self.saved[stage] = value
                self.sliders[stage].value = max(0, min(100, value["belief"]))
                self.reasons[stage].value = str(value.get("reason") or "")
        self._render()

    def commit(self, stage: str) -> bool:
        """Save the estimate for ``stage`` ("before" or "after"); the first is final."""
        if stage == "after" and "before" not in self.saved:
            self.status.value = "Give your first estimate before you check."
            return False
        if stage == "before" and "before" in self.saved:
            return False
        reason = " ".join(self.reasons[stage].value.split())
        if not reason:
            self.status.value = "Say why, in a sentence, before you save."
            return False
        self.saved[stage] = {
            "belief": int(self.sliders[stage].value),
            "reason": reason,
            "at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        }
        self.status.value = self.saver.save(self.saved)
        self._render()
        return True

    def frame(self) -> pd.DataFrame:
        """Return the estimates side by side, with plain column names."""
        return pd.DataFrame(
            [
                {
                    "When": "Before checking" if s == "before" else "After checking",
                    "How much I believe it (0–100)": v["belief"],
                    "Why": v["reason"],
                }
                for s, v in self.saved.items()
            ],
            columns=["When", "How much I believe it (0–100)", "Why"],
        )

    def _render(self) -> None:
        frozen = "before" in self.saved
        for widget in (self.sliders["before"], self.reasons["before"], self.buttons["before"]):
            widget.disabled = frozen
        self.stage_boxes["after"].layout.display = "" if frozen else "none"
        if self.saved:
            self.comparison.value = self.frame().to_html(index=False, escape=True)


def claim_tracer(
    analysis: Any,
    *,
    learner: str | None = None,
    key: str = "claims",
    kinds: tuple[str, ...] | None = None,
    store: Any = None,
) -> ClaimTracer:
    """Return a claim tracer for ``analysis``: each claim worth checking, with a status and link.

    Args:
        kinds: show only these kinds of claim ("lede", "attributed", "own voice").
    """
    return ClaimTracer(
        analysis, saver=Saver(learner=learner, key=key, article=analysis, store=store), kinds=kinds
    )


def belief_check(
    analysis: Any,
    *,
    learner: str | None = None,
    key: str = "belief",
    claim: str | None = None,
    store: Any = None,
) -> BeliefCheck:
    """Return a before/after belief check on ``claim`` (default: the article's lede)."""
    if claim is None:
        lede = claims(analysis)
        lede = lede[lede["kind"] == "lede"]
        claim = str(lede["text"].iloc[0]) if len(lede) else "the article's main claim"
    return BeliefCheck(
        analysis, saver=Saver(learner=learner, key=key, article=analysis, store=store), claim=claim
    )
