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

#: Kinds of source as students read them ("named official", not ``named_official``).
SOURCE_TYPE_LABELS = {name: name.replace("_", " ") for name in SOURCE_TYPE_ORDER}
#: One colour per kind of source, the same in every chart.
SOURCE_TYPE_COLOUR = alt.Color(
    "kind of source:N",
    scale=alt.Scale(domain=list(SOURCE_TYPE_LABELS.values())),
    title="kind of source",
)
#: Counts are whole numbers: no 0.5 ticks.
COUNT_AXIS = alt.Axis(tickMinStep=1, format="d")
CATEGORY_LABELS = {"hedge": "hedges", "booster": "boosters", "weasel": "weasel phrases"}


def _plain_type(series: pd.Series) -> pd.Series:
    return series.map(
        lambda t: SOURCE_TYPE_LABELS.get(t, str(t).replace("_", " ")) if t else "none"
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
    """Return hedges, boosters and weasel phrases in each sentence, one row of bars per kind.

    Each kind has its own row, named on the left, so the three can be told apart without
    colour; hovering shows the sentence in full.
    """
    cols = {"hedges": "hedges", "boosters": "boosters", "weasels": "weasel phrases"}
    df = analysis.sentences[["sentence", "text", *cols]].copy()
    df["sentence number"] = df["sentence"] + 1
    long = df.rename(columns=cols).melt(
        id_vars=["sentence number", "text"],
        value_vars=list(cols.values()),
        var_name="kind",
        value_name="cues",
    )
    long = long[long["cues"] > 0]
    colours = alt.Scale(
        domain=list(CATEGORY_LABELS.values()), range=list(CATEGORY_COLOURS.values())
    )
    return (
        alt.Chart(long, title="Hedging, sentence by sentence")
        .mark_bar()
        .encode(
            x=alt.X(
                "sentence number:O",
                title="sentence (in reading order)",
                scale=alt.Scale(domain=list(df["sentence number"])),
            ),
            y=alt.Y("cues:Q", title="cues", axis=COUNT_AXIS),
            row=alt.Row("kind:N", title=None, sort=list(CATEGORY_LABELS.values())),
            color=alt.Color("kind:N", scale=colours, legend=None),
            tooltip=[
                "sentence number:O",
                "kind:N",
                "cues:Q",
                alt.Tooltip("text:N", title="sentence"),
            ],
        )
        .properties(width=CHART_WIDTH, height=70)
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
    label = "attributions" if measure == "n_attributions" else "words attributed"
    df = pd.DataFrame(
        {
            "source": analysis.sources["speaker"].fillna("(unnamed)"),
            "role": analysis.sources["role"].fillna(""),
            "kind of source": _plain_type(analysis.sources["source_type"]),
            label: analysis.sources[measure],
        }
    )
    title = "Who gets to speak" if measure == "n_attributions" else "Whose words fill the article"
    return (
        alt.Chart(df, title=title)
        .mark_bar()
        .encode(
            y=alt.Y("source:N", sort="-x", title=None),
            x=alt.X(f"{label}:Q", title=label, axis=COUNT_AXIS),
            color=SOURCE_TYPE_COLOUR,
            tooltip=["source:N", "role:N", "kind of source:N", f"{label}:Q"],
        )
        .properties(width=CHART_WIDTH)
    )


def source_types_chart(analysis: Analysis) -> alt.Chart:
    """Return the share of attributions by kind of source (named, anonymous, vague, ...)."""
    counts = _plain_type(analysis.attributions["source_type"]).value_counts()
    df = pd.DataFrame({"kind of source": counts.index, "attributions": counts.to_numpy()})
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
            tooltip=["kind of source:N", "attributions:Q"],
        )
        .properties(width=CHART_WIDTH, height=60)
    )
