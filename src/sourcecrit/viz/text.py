"""Plain-text views of analyses, for the terminal (``sourcecrit analyze``).

Built from the Analysis rows, not its DataFrames: printing a report does not import pandas.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sourcecrit.analysis import Analysis

#: Longest cell shown in a table; longer text is cut with an ellipsis.
TABLE_WIDTH = 60

#: The tables of the one-article report: title, table name, columns shown.
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
        rows = analysis.rows(name)
        lines += ["", f"{title} ({len(rows)})"]
        lines.append(table_text(rows, cols) if rows else "  none found")
    return "\n".join(lines) + "\n"


def summary_text(analyses: Sequence[Analysis]) -> str:
    """Return one summary row per article, as an aligned plain-text table."""
    rows = [a.summary() for a in analyses]
    return table_text(rows, list(rows[0]) if rows else []) + "\n"


def table_text(rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> str:
    """Return ``rows`` as an aligned table: a header, then one line per row.

    Cells are clipped (:func:`clipped_cell`); numbers are aligned right, text left.
    """
    cells = [[clipped_cell(row.get(c)) for c in columns] for row in rows]
    numeric = [
        all(isinstance(row.get(c), (int, float)) or row.get(c) is None for row in rows)
        for c in columns
    ]
    widths = [max([len(c), *(len(line[i]) for line in cells)]) for i, c in enumerate(columns)]

    def line(values: Sequence[str]) -> str:
        return "  ".join(
            v.rjust(w) if right else v.ljust(w) for v, w, right in zip(values, widths, numeric)
        ).rstrip()

    return "\n".join([line(list(columns)), *(line(values) for values in cells)])


def clipped_cell(value: object, *, width: int = TABLE_WIDTH) -> str:
    """Return ``value`` as one table cell: lists joined, whitespace folded, cut to ``width``."""
    if value is None:
        return ""
    if isinstance(value, list):
        value = ", ".join(map(str, value))
    text = " ".join(str(value).split())
    return text if len(text) <= width else text[: width - 1] + "…"
