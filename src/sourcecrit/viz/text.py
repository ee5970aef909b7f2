"""Plain-text views of analyses, for the terminal (``sourcecrit analyze``)."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from sourcecrit.analysis import Analysis

#: Longest cell shown in a table; longer text is cut with an ellipsis.
TABLE_WIDTH = 60

#: The tables of the one-article report: title, DataFrame attribute, columns shown.
SECTIONS = (
    (
        "Attributions",
        "attributions",
        ["sentence", "speaker", "kind", "cue", "content", "source_type"],
    ),
    ("Sources", "sources", ["speaker", "role", "source_type", "n_attributions", "aliases"]),
    ("Hedging", "hedges", ["sentence", "category", "cue", "explanation"]),
)


def analysis_text(analysis: Analysis) -> str:
    """Return a plain-text report of one Analysis: summary, attributions, sources, hedges."""
    s = analysis.summary()
    lines = [
        f"{s['article']}" + (f" ({s['date']})" if s["date"] else ""),
        f"{s['words']} words, {s['sentences']} sentences, {s['attributions']} attributions "
        f"from {s['sources']} sources; {s['hedges']} hedges, {s['boosters']} boosters, "
        f"{s['weasels']} weasel phrases.",
    ]
    lines += [f"warning: {w}" for w in analysis.warnings]
    for title, name, cols in SECTIONS:
        df = getattr(analysis, name)
        lines += ["", f"{title} ({len(df)})"]
        if len(df):
            lines.append(clipped(df[cols]).to_string(index=False))
        else:
            lines.append("  none found")
    return "\n".join(lines) + "\n"


def summary_text(analyses: Sequence[Analysis]) -> str:
    """Return one summary row per article, as an aligned plain-text table."""
    df = pd.DataFrame([a.summary() for a in analyses])
    return df.to_string(index=False) + "\n"


def clipped(df: pd.DataFrame, *, width: int = TABLE_WIDTH) -> pd.DataFrame:
    """Return ``df`` with lists joined, whitespace folded and long text cut to ``width``."""

    def clip(value: object) -> object:
        if isinstance(value, list):
            value = ", ".join(map(str, value))
        if isinstance(value, str):
            value = " ".join(value.split())
            return value if len(value) <= width else value[: width - 1] + "…"
        return "" if value is None or value is pd.NA else value

    return df.apply(lambda col: col.map(clip))
