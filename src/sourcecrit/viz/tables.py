"""Tables for students: full sentences, plain column names, no internal codes.

The Analysis tables are for programs (``source_type`` = ``named_official``, offsets, lists).
These views are what a lesson shows: every column named in words, every sentence whole.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import pandas as pd

if TYPE_CHECKING:
    from sourcecrit.analysis import Analysis


@dataclass(frozen=True)
class Table:
    """A table for students: shown whole (no sentence cut at 50 characters), text escaped.

    Attributes:
        frame: the table as a DataFrame, for students who want to sort or filter it.
    """

    frame: pd.DataFrame

    def __len__(self) -> int:
        return len(self.frame)

    def _repr_html_(self) -> str:
        if self.frame.empty:
            return "<p><i>Nothing to show.</i></p>"
        return self.frame.to_html(index=False, escape=True, na_rep="", classes="sc-student-table")


KIND_WORDS = {
    "direct": "quoted word for word",
    "indirect": "reported in the writer's words",
    "mixed": "reported, with a few quoted words",
    "according_to": '"according to"',
}
CONFIDENCE_WORDS = {"high": "sure", "medium": "fairly sure", "low": "unsure: check it"}


def plain(value: object) -> str:
    """Return an internal code in words (``named_official`` → ``named official``)."""
    return "" if value is None or value is pd.NA else str(value).replace("_", " ")


def attribution_table(analysis: Analysis) -> Table:
    """Return who says what: one row per attribution, in reading order, in words."""
    a = analysis.attributions
    table = pd.DataFrame(
        {
            "Sentence": a["sentence"].astype("Int64") + 1,
            "Who": [
                s if isinstance(s, str) else (t if isinstance(t, str) else "nobody named")
                for s, t in zip(a["speaker"], a["source_text"])
            ],
            "Reporting word": a["cue"],
            "What they said": a["content"],
            "How it is reported": a["kind"].map(lambda k: KIND_WORDS.get(k, plain(k))),
            "Kind of source": a["source_type"].map(plain),
        }
    )
    if "confidence" in a.columns:
        table["Is the machine sure?"] = a["confidence"].map(
            lambda c: CONFIDENCE_WORDS.get(c, plain(c))
        )
    return Table(table.reset_index(drop=True))


def sources_table(analysis: Analysis) -> Table:
    """Return one row per source: their role, kind, and how much of the article is theirs."""
    s = analysis.sources
    total_words = max(int(s["n_words"].sum()), 1) if len(s) else 1
    return Table(
        pd.DataFrame(
            {
                "Source": s["speaker"].fillna("(unnamed)"),
                "Also called": s["aliases"].map(lambda names: ", ".join(names or [])),
                "Role": s["role"].fillna(""),
                "Kind of source": s["source_type"].map(plain),
                "Times quoted or reported": s["n_attributions"],
                "Words given to them": s["n_words"],
                "Share of all reported words": (s["n_words"] / total_words * 100)
                .round()
                .astype(int)
                .astype(str)
                + "%",
                "Why this kind": s["evidence"].fillna(""),
            }
        ).reset_index(drop=True)
    )


def cue_table(analysis: Analysis) -> Table:
    """Return every hedge, booster and weasel phrase with its sentence and explanation."""
    h = analysis.hedges
    text = analysis.sentences.set_index("sentence")["text"]
    table = pd.DataFrame(
        {
            "Words": h["cue"],
            "Kind": h["category"].map(
                {"hedge": "hedge", "booster": "booster", "weasel": "weasel phrase"}
            ),
            "Sentence": h["sentence"].map(lambda i: text.get(int(i), "") if pd.notna(i) else ""),
            "What it does": h["explanation"],
        }
    )
    if "confidence" in h.columns:
        table["Is the machine sure?"] = h["confidence"].map(
            lambda c: CONFIDENCE_WORDS.get(c, plain(c))
        )
    return Table(table.reset_index(drop=True))


def unsourced_sentences(analysis: Analysis, *, min_words: int = 6) -> Table:
    """Return the sentences that state something with no source: the article's own voice."""
    from sourcecrit.lateral import claims  # lateral holds the rule; the table only words it

    own = claims(analysis)
    own = own[own["kind"] == "own voice"]
    own = own[own["text"].str.split().str.len() >= min_words]
    return Table(
        pd.DataFrame({"Sentence in the article's own voice": own["text"]}).reset_index(drop=True)
    )
