"""The article as HTML with attributions and hedging cues highlighted.

Every piece of article text is escaped before it is placed in markup: articles come from
the web and may contain ``<script>``. Kinds of span become CSS classes only when they are
one of :data:`STYLES` (an Analysis read back from a JSON file may hold anything). Hedges,
boosters and weasel phrases differ in shape as well as colour (dotted underline, box,
wavy underline), so students who do not see colour can tell them apart.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from sourcecrit.analysis import Analysis

#: CSS class, label and colour per kind of span (colour-blind safe, after Okabe & Ito 2008).
STYLES: dict[str, tuple[str, str]] = {
    "source": ("source", "#0072B2"),
    "cue": ("cue", "#009E73"),
    "content": ("content", "#F0E442"),
    "hedge": ("hedge", "#E69F00"),
    "booster": ("booster", "#D55E00"),
    "weasel": ("weasel", "#CC79A7"),
}
LAYERS = ("attributions", "hedges")

CSS = """
.sc-article { line-height: 1.7; max-width: 46em; font-family: Georgia, serif; }
.sc-article p { margin: 0 0 0.9em 0; }
.sc-source { border-bottom: 3px solid #0072B2; font-weight: 600; }
.sc-cue { border-bottom: 3px double #009E73; }
.sc-content { background: rgba(240, 228, 66, 0.35); }
.sc-hedge { background: rgba(230, 159, 0, 0.30); border-bottom: 2px dotted #8A5D00; }
.sc-booster { outline: 2px solid #D55E00; outline-offset: 1px; font-weight: 700; }
.sc-weasel { background: rgba(204, 121, 167, 0.25); text-decoration: underline wavy #A0467B; }
.sc-legend span { margin-right: 1em; padding: 0 0.3em; }
"""


@dataclass(frozen=True)
class Mark:
    """A span of the text to highlight: ``text[start:end]`` gets the CSS class ``kind``."""

    start: int
    end: int
    kind: str
    title: str = ""


@dataclass
class HighlightedText:
    """Highlighted article HTML; displays itself in Jupyter."""

    html: str

    def _repr_html_(self) -> str:
        return self.html

    def __str__(self) -> str:
        return self.html


def marks(analysis: Analysis, *, layers: tuple[str, ...] = LAYERS) -> list[Mark]:
    """Return the spans to highlight for the chosen layers, from the Analysis tables."""
    out: list[Mark] = []
    if "attributions" in layers:
        for row in analysis.rows("attributions"):
            who = row["speaker"] or row["source_text"] or "no named source"
            for kind in ("source", "cue", "content"):
                start, end = row[f"{kind}_start"], row[f"{kind}_end"]
                if start is not None and end is not None and end > start:
                    out.append(Mark(start, end, kind, f"{kind} ({row['kind']}): {who}"))
    if "hedges" in layers:
        for row in analysis.rows("hedges"):
            out.append(Mark(row["start"], row["end"], row["category"], row["explanation"] or ""))
    return out


def highlight_html(text: str, spans: list[Mark]) -> str:
    """Return ``text`` as escaped HTML paragraphs with ``spans`` wrapped in classed spans.

    Overlapping spans are split into runs, each run carrying the classes of every span
    that covers it, so nesting (a hedge inside quoted content) shows both.
    """
    bounds = sorted({0, len(text), *(m.start for m in spans), *(m.end for m in spans)})
    bounds = [b for b in bounds if 0 <= b <= len(text)]
    pieces: list[str] = []
    for start, end in zip(bounds, bounds[1:]):
        covering = [m for m in spans if m.start <= start and end <= m.end and m.kind in STYLES]
        chunk = html.escape(text[start:end]).replace("\n\n", "</p><p>").replace("\n", "<br>")
        if covering:
            classes = " ".join(dict.fromkeys(f"sc-{m.kind}" for m in covering))
            title = html.escape(" | ".join(dict.fromkeys(m.title for m in covering if m.title)))
            pieces.append(f'<span class="{classes}" title="{title}">{chunk}</span>')
        else:
            pieces.append(chunk)
    return "<p>" + "".join(pieces) + "</p>"


def legend_html(kinds: list[str]) -> str:
    return (
        '<p class="sc-legend">'
        + "".join(f'<span class="sc-{k}">{html.escape(STYLES[k][0])}</span>' for k in kinds)
        + "</p>"
    )


def highlight(analysis: Analysis, *, layers: tuple[str, ...] = LAYERS) -> HighlightedText:
    """Return the article with sources, cues, contents and hedging cues highlighted.

    Args:
        analysis: the result of :func:`sourcecrit.analyze`.
        layers: which tables to show: ``"attributions"``, ``"hedges"`` or both.
    """
    spans = marks(analysis, layers=layers)
    kinds = [k for k in STYLES if any(m.kind == k for m in spans)]
    body = highlight_html(analysis.text, spans)
    title = html.escape(analysis.article.title or analysis.article.name)
    return HighlightedText(
        f'<style>{CSS}</style><div class="sc-article"><h4>{title}</h4>'
        f"{legend_html(kinds)}{body}</div>"
    )


def standalone_page(analysis: Analysis) -> str:
    """Return a complete HTML page for ``sourcecrit analyze --format html``."""
    title = html.escape(analysis.article.title or analysis.article.name)
    warnings = "".join(f"<li>{html.escape(w)}</li>" for w in analysis.warnings)
    tables = "".join(
        f"<h3>{name.title()}</h3>" + df.to_html(index=False, escape=True, na_rep="")
        for name, df in (
            ("attributions", analysis.attributions),
            ("sources", analysis.sources),
            ("hedges", analysis.hedges),
        )
    )
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        f"<title>sourcecrit: {title}</title></head><body>"
        f"{highlight(analysis).html}"
        + (f"<h3>Warnings</h3><ul>{warnings}</ul>" if warnings else "")
        + f"{tables}</body></html>"
    )
