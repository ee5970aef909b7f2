"""The machine check: the machine's reading of one sentence beside the lesson's key.

Every lesson has one: a sentence where the lesson's author marked what a careful reader
should find, compared live with what sourcecrit marks, so the comparison stays true as the
machine changes. The student then says who is right, and why.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pandas as pd

from sourcecrit.span_agreement import Agreement, agreement

if TYPE_CHECKING:
    from sourcecrit.analysis import Analysis

LAYERS = {"certainty": ("hedge", "booster", "weasel"), "attribution": ("source", "cue", "content")}


@dataclass(frozen=True)
class MachineCheck:
    """One sentence, the machine's marks and the key's, and how far they agree.

    Attributes:
        sentence: the sentence's text; ``start`` its offset in the article.
        machine, key: ``(start, end, label)`` spans (article offsets); ``key`` is None when
            the lesson has no key for this article.
        result: the agreement of the machine's marks with the key (None without a key).
    """

    text: str
    sentence: str
    start: int
    layer: str
    machine: tuple[tuple[int, int, str], ...]
    key: tuple[tuple[int, int, str], ...] | None
    result: Agreement | None

    def _marks(self, spans: Sequence[tuple[int, int, str]]) -> str:
        if not spans:
            return "<i>nothing</i>"
        return ", ".join(
            f"<b>{html.escape(label)}</b>: “{html.escape(self.text[s:e])}”" for s, e, label in spans
        )

    def _repr_html_(self) -> str:
        rows = [f"<tr><th>The machine marks</th><td>{self._marks(self.machine)}</td></tr>"]
        if self.key is not None:
            rows.append(f"<tr><th>The lesson's key marks</th><td>{self._marks(self.key)}</td></tr>")
        verdict = ""
        if self.result is not None:
            missed = [self.text[s.start : s.end] for s in self.result.missed]
            extra = [self.text[s.start : s.end] for s in self.result.extra]
            parts = []
            if missed:
                parts.append(
                    "the machine misses " + ", ".join(f"“{html.escape(m)}”" for m in missed)
                )
            if extra:
                parts.append("the machine adds " + ", ".join(f"“{html.escape(x)}”" for x in extra))
            verdict = (
                "<p>They agree on this sentence.</p>"
                if not parts
                else f"<p>They disagree: {'; '.join(parts)}.</p>"
            )
        return (
            f'<div class="sc-machine-check"><p><b>Machine check</b> ({html.escape(self.layer)})</p>'
            f"<blockquote>{html.escape(self.sentence)}</blockquote><table>{''.join(rows)}</table>"
            f"{verdict}<p><b>Who is right here, and why?</b> Write your answer below.</p></div>"
        )


def machine_check(
    analysis: Analysis,
    *,
    sentence: str,
    key: Sequence[tuple[str, str]] | None,
    layer: str = "certainty",
) -> MachineCheck:
    """Return the machine's marks in the sentence containing ``sentence``, beside the key.

    Args:
        analysis: the article's Analysis.
        sentence: words from the sentence to check (the first sentence containing them).
            When the article has no such sentence (a teacher chose another article), the
            sentence where the machine marks most is used and there is no key.
        key: the lesson's marks as ``(phrase, label)`` pairs, found as whole words inside
            the sentence; None for no key.
        layer: ``"certainty"`` (hedge, booster, weasel) or ``"attribution"`` (source, cue,
            content).
    """
    if layer not in LAYERS:
        raise ValueError(f"layer must be one of {', '.join(LAYERS)}")
    text = analysis.text
    rows = analysis.sentences
    hit = rows[rows["text"].str.contains(sentence, regex=False)]
    if len(hit):
        row = hit.iloc[0]
    else:
        key = None
        counts = _machine_counts(analysis, layer)
        row = rows.loc[counts.idxmax()] if len(counts) else rows.iloc[0]
    start, end = int(row["start"]), int(row["end"])
    machine = tuple(sorted(_machine_spans(analysis, layer, start, end)))
    key_spans = (
        None
        if key is None
        else tuple(_find(text, start, end, phrase, label) for phrase, label in key)
    )
    result = None
    if key_spans is not None:
        result = agreement(machine, key_spans, text=text, labels=LAYERS[layer])
    return MachineCheck(
        text=text,
        sentence=text[start:end],
        start=start,
        layer=layer,
        machine=machine,
        key=key_spans,
        result=result,
    )


def _machine_spans(
    analysis: Analysis, layer: str, start: int, end: int
) -> list[tuple[int, int, str]]:
    spans: list[tuple[int, int, str]] = []
    if layer == "certainty":
        for row in analysis.hedges.itertuples():
            if start <= int(row.start) and int(row.end) <= end:
                spans.append((int(row.start), int(row.end), str(row.category)))
        return spans
    for row in analysis.attributions.itertuples():
        for part in ("source", "cue", "content"):
            s, e = getattr(row, f"{part}_start"), getattr(row, f"{part}_end")
            if pd.isna(s) or pd.isna(e):
                continue
            s, e = int(s), int(e)
            if start <= s and e <= end and (s, e, part) not in spans:
                spans.append((s, e, part))
    return spans


def _machine_counts(analysis: Analysis, layer: str) -> pd.Series:
    frame = analysis.sentences
    if layer == "certainty":
        return frame["hedges"] + frame["boosters"] + frame["weasels"]
    return frame["attributions"]


def _find(text: str, start: int, end: int, phrase: str, label: str) -> tuple[int, int, str]:
    match = re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", text[start:end])
    if not match:
        raise ValueError(f"the key's phrase {phrase!r} is not in the sentence")
    return start + match.start(), start + match.end(), label
