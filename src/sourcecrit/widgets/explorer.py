"""An article explorer: pick a layer and a speaker, see the marks in the text and the rows.

Returns a widget; notebooks display it.
"""

from __future__ import annotations

import dataclasses
import html

import ipywidgets as widgets

from sourcecrit.analysis import Analysis
from sourcecrit.viz.highlight import highlight

EVERYONE = "(everyone)"
LAYER_CHOICES = [
    ("Who says what", ("attributions",)),
    ("How sure", ("hedges",)),
    ("Both", ("attributions", "hedges")),
]
ROW_COLUMNS = ["sentence", "speaker", "kind", "cue", "content"]


def speakers(analysis: Analysis) -> list[str]:
    """Return the resolved speakers in the order they first speak."""
    names = analysis.attributions["speaker"].dropna()
    return list(dict.fromkeys(names))


def focus(analysis: Analysis, speaker: str | None) -> Analysis:
    """Return a view of ``analysis`` keeping only ``speaker``'s attributions (all if None)."""
    if speaker in (None, EVERYONE):
        return analysis
    rows = analysis.attributions[analysis.attributions["speaker"] == speaker]
    return dataclasses.replace(analysis, attributions=rows.reset_index(drop=True))


def explorer(analysis: Analysis) -> widgets.VBox:
    """Return a widget to explore one analysed article.

    Toggle between attributions, hedging or both; choose a speaker to see only what they
    are reported to say. The text below updates, and so does the table of their words.
    """
    layer = widgets.ToggleButtons(
        options=LAYER_CHOICES, value=LAYER_CHOICES[2][1], description="Show"
    )
    speaker = widgets.Dropdown(
        options=[EVERYONE, *speakers(analysis)], value=EVERYONE, description="Speaker"
    )
    summary = widgets.HTML()
    text = widgets.HTML()
    rows = widgets.HTML()

    def refresh(_change: object = None) -> None:
        view = focus(analysis, speaker.value)
        text.value = highlight(view, layers=layer.value).html
        shown = view.attributions[ROW_COLUMNS]
        who = "everyone" if speaker.value == EVERYONE else speaker.value
        summary.value = f"<b>{len(shown)}</b> attributions to {html.escape(who)}"
        rows.value = shown.to_html(index=False, escape=True, na_rep="—") if len(shown) else ""

    layer.observe(refresh, names="value")
    speaker.observe(refresh, names="value")
    refresh()
    box = widgets.VBox([widgets.HBox([layer, speaker]), summary, text, rows])
    box.add_class("sourcecrit-explorer")
    return box
