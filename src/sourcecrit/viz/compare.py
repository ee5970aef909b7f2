"""Two accounts of one event side by side: who speaks, and how sure each text sounds.

Rates are per 100 words so a long and a short article can be compared.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import altair as alt
import pandas as pd

from sourcecrit.viz.tables import Table

if TYPE_CHECKING:
    from sourcecrit.analysis import Analysis

NAMED = ("named_official", "named_politician", "named_expert", "named_other")
VAGUE = ("anonymous", "vague_group")


def profile(analysis: Analysis) -> dict[str, object]:
    """Return one article's sourcing and certainty figures, keyed by plain descriptions."""
    words = max(len(analysis.text.split()), 1)
    attributions = analysis.attributions
    sources = analysis.sources
    hedges = analysis.hedges
    top = sources.sort_values("n_words", ascending=False).head(1)
    reported = int(sources["n_words"].sum()) if len(sources) else 0
    own = analysis.sentences[analysis.sentences["attributions"] == 0]

    def per100(n: int) -> float:
        return round(n * 100 / words, 2)

    return {
        "Words": words,
        "Attributions (who says what)": len(attributions),
        "Named people quoted or reported": int(sources["source_type"].isin(NAMED).sum()),
        "Anonymous or vague sources": int(sources["source_type"].isin(VAGUE).sum()),
        "Sentences with no source": len(own),
        "Most-quoted source": str(top["speaker"].iloc[0]) if len(top) else "none",
        "Their share of reported words": (
            f"{round(int(top['n_words'].iloc[0]) * 100 / reported)}%" if reported else "0%"
        ),
        "Hedges per 100 words": per100(int((hedges["category"] == "hedge").sum())),
        "Boosters per 100 words": per100(int((hedges["category"] == "booster").sum())),
        "Weasel phrases per 100 words": per100(int((hedges["category"] == "weasel").sum())),
    }


def compare(
    a: Analysis, b: Analysis, *, names: tuple[str, str] = ("First account", "Second account")
) -> Table:
    """Return a table with one row per figure and one column per article."""
    pa, pb = profile(a), profile(b)
    frame = pd.DataFrame({"": list(pa), names[0]: list(pa.values()), names[1]: list(pb.values())})
    return Table(frame.astype({names[0]: object, names[1]: object}))


def compare_chart(
    a: Analysis, b: Analysis, *, names: tuple[str, str] = ("First account", "Second account")
) -> alt.Chart:
    """Return grouped bars of hedges, boosters and weasel phrases per 100 words in each article."""
    rows = []
    for name, analysis in zip(names, (a, b)):
        figures = profile(analysis)
        for kind in ("Hedges", "Boosters", "Weasel phrases"):
            rows.append(
                {
                    "article": name,
                    "kind": kind.lower(),
                    "per 100 words": figures[f"{kind} per 100 words"],
                }
            )
    return (
        alt.Chart(pd.DataFrame(rows), title="How sure does each account sound?")
        .mark_bar()
        .encode(
            y=alt.Y("article:N", title=None),
            x=alt.X("per 100 words:Q"),
            row=alt.Row("kind:N", title=None),
            color=alt.Color("article:N", legend=None),
            tooltip=["article:N", "kind:N", "per 100 words:Q"],
        )
        .properties(width=420, height=50)
    )
