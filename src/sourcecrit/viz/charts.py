"""Altair charts of an Analysis. Each function returns an ``alt.Chart``; notebooks show it.

Charts read only the Analysis tables, so they also work on an Analysis loaded from JSON.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from sourcecrit.analysis import Analysis
from sourcecrit.attribution.lexicon import SOURCE_TYPES

#: Okabe & Ito (2008) colours, safe for colour-blind readers; the same as the highlights.
CATEGORY_COLOURS = {"hedge": "#E69F00", "booster": "#D55E00", "weasel": "#CC79A7"}
SOURCE_TYPE_ORDER = list(SOURCE_TYPES)
# A fixed width: JupyterLab 4 redraws charts sized to their container in an endless loop.
CHART_WIDTH = 560

#: One colour per kind of source, the same in every chart.
SOURCE_TYPE_COLOUR = alt.Color(
    "source_type:N", scale=alt.Scale(domain=SOURCE_TYPE_ORDER), title="kind of source"
)


def use_offline_renderer() -> str:
    """Have altair draw charts with JupyterLab's own Vega renderer; return the one in use.

    Altair's default renderer draws charts with JavaScript fetched from a CDN: blank in a
    JupyterLab without internet (classrooms, this project's CI). The "mimetype" renderer
    hands the Vega-Lite spec to JupyterLab's built-in renderer instead, online or not. A
    user who has chosen a renderer keeps it. Importing this module changes nothing; a
    notebook calls this once, before its first chart.
    """
    if alt.renderers.active == "default":
        alt.renderers.enable("mimetype")
    return str(alt.renderers.active)


def _short(text: str, width: int = 90) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 1] + "…"


def certainty_chart(analysis: Analysis) -> alt.Chart:
    """Return stacked bars of hedges, boosters and weasels in each sentence, in reading order.

    A student sees at a glance where the article grows cautious or emphatic; hovering
    shows the sentence.
    """
    cols = ["hedges", "boosters", "weasels"]
    df = analysis.sentences[["sentence", "text", "certainty", *cols]].copy()
    df["text"] = df["text"].map(_short)
    long = df.melt(
        id_vars=["sentence", "text", "certainty"],
        value_vars=cols,
        var_name="kind",
        value_name="cues",
    )
    long["kind"] = long["kind"].str.rstrip("s")
    long = long[long["cues"] > 0]
    colours = alt.Scale(domain=list(CATEGORY_COLOURS), range=list(CATEGORY_COLOURS.values()))
    return (
        alt.Chart(long, title="Hedging, sentence by sentence")
        .mark_bar()
        .encode(
            x=alt.X(
                "sentence:O",
                title="sentence (in reading order)",
                scale=alt.Scale(domain=list(df["sentence"])),
            ),
            y=alt.Y("sum(cues):Q", title="cues"),
            color=alt.Color("kind:N", scale=colours, title=None),
            tooltip=["sentence:O", "kind:N", "cues:Q", "certainty:N", "text:N"],
        )
        .properties(width=CHART_WIDTH, height=180)
    )


def sources_chart(analysis: Analysis, *, measure: str = "n_attributions") -> alt.Chart:
    """Return a bar per source: how often (or how many words) the article gives them.

    Args:
        analysis: the analysed article.
        measure: ``"n_attributions"`` (how many times quoted) or ``"n_words"`` (how many
            words attributed).
    """
    if measure not in ("n_attributions", "n_words"):
        raise ValueError(f"measure must be 'n_attributions' or 'n_words', not {measure!r}")
    df = analysis.sources[["speaker", "role", "source_type", measure]].copy()
    df["speaker"] = df["speaker"].fillna("(unnamed)")
    df["role"] = df["role"].fillna("")
    title = "Who gets to speak" if measure == "n_attributions" else "Whose words fill the article"
    label = "attributions" if measure == "n_attributions" else "words attributed"
    return (
        alt.Chart(df, title=title)
        .mark_bar()
        .encode(
            y=alt.Y("speaker:N", sort="-x", title=None),
            x=alt.X(f"{measure}:Q", title=label),
            color=SOURCE_TYPE_COLOUR,
            tooltip=["speaker:N", "role:N", "source_type:N", f"{measure}:Q"],
        )
        .properties(width=CHART_WIDTH)
    )


def source_types_chart(analysis: Analysis) -> alt.Chart:
    """Return the share of attributions by kind of source (named, anonymous, vague, ...)."""
    counts = analysis.attributions["source_type"].fillna("none").value_counts()
    df = pd.DataFrame({"source_type": counts.index, "attributions": counts.to_numpy()})
    return (
        alt.Chart(df, title="What kind of sources?")
        .mark_bar()
        .encode(
            x=alt.X(
                "attributions:Q",
                stack="normalize",
                axis=alt.Axis(format="%"),
                title="share of attributions",
            ),
            color=SOURCE_TYPE_COLOUR,
            tooltip=["source_type:N", "attributions:Q"],
        )
        .properties(width=CHART_WIDTH, height=60)
    )
