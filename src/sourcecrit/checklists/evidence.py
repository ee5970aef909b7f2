"""Evidence hints: the :class:`Evidence` record and the helpers the signals share.

Every hint is computed from an :class:`~sourcecrit.analysis.Analysis` only (its text,
article metadata, DataFrames and, for dates, the spaCy Doc's entities); nothing is parsed
again. Each hint says what it counted and points at the spans in ``analysis.text``, so a
student can check the machine instead of trusting it. The signals themselves live in
:mod:`sourcecrit.checklists.sources`, :mod:`~sourcecrit.checklists.wording` and
:mod:`~sourcecrit.checklists.metadata`; :mod:`sourcecrit.checklists.signals` lists them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sourcecrit.source_vocabulary import source_vocabulary

if TYPE_CHECKING:  # pandas only where a table is built: the checklist commands stay fast
    import pandas as pd

#: How the source types of ``data/source_types.yaml`` group for a student.
SOURCE_GROUPS: dict[str, tuple[str, ...]] = source_vocabulary().types_in()
#: The phrase a hint uses for each group ("named people").
GROUP_WORDS: dict[str, str] = {g.name: g.phrase for g in source_vocabulary().groups}
NAMED_TYPES = SOURCE_GROUPS["named"]
SNIPPET_CHARS = 80


@dataclass(frozen=True)
class Evidence:
    """One hint from the article, shown beside the checklist items it informs.

    Attributes:
        signal: which signal produced it (a key of :data:`SIGNALS`).
        title: a short heading.
        message: what was counted and what it shows, in words a student can read.
        spans: ``(start, end)`` character offsets into ``analysis.text`` it points at.
        labels: one label per span (e.g. ``"vague"``, ``"lede"``), for highlighting.
        counts: the numbers behind the message, JSON-ready.
        items: ids of the checklist items this hint informs.
    """

    signal: str
    title: str
    message: str
    spans: tuple[tuple[int, int], ...] = ()
    labels: tuple[str, ...] = ()
    counts: Mapping[str, Any] = field(default_factory=dict)
    items: tuple[str, ...] = ()

    def quotes(self, text: str) -> list[str]:
        """Return the text of each span (``text`` is ``analysis.text``)."""
        return [text[start:end] for start, end in self.spans]

    def to_dict(self) -> dict[str, Any]:
        return {
            "signal": self.signal,
            "title": self.title,
            "message": self.message,
            "items": list(self.items),
            "spans": [list(span) for span in self.spans],
            "labels": list(self.labels),
            "counts": dict(self.counts),
        }


def source_group(source_type: Any) -> str:
    """Return the group (``named``, ``institution``, ``anonymous``, ``vague``, ``none``)."""
    for group, types in SOURCE_GROUPS.items():
        if source_type in types:
            return group
    return "none"


def own_attributions(analysis: Any) -> pd.DataFrame:
    """Return the attributions the article itself makes (not those nested in a quote)."""
    df = analysis.attributions
    if "nested" in df.columns and len(df):
        df = df[~df["nested"].fillna(False).astype(bool)]
    return df.reset_index(drop=True)


def span_of(row: pd.Series, part: str) -> tuple[int, int] | None:
    prefix = f"{part}_" if part else ""
    start, end = row.get(f"{prefix}start"), row.get(f"{prefix}end")
    import pandas as pd

    if start is None or end is None or pd.isna(start) or pd.isna(end):
        return None
    return int(start), int(end)


def source_name(row: pd.Series) -> str:
    speaker = row.get("speaker")
    if isinstance(speaker, str) and speaker:
        return speaker
    text = row.get("source_text")
    return text if isinstance(text, str) and text else "(no source named)"


def first_sentence(analysis: Any) -> tuple[int, int] | None:
    spans = sentence_spans(analysis)
    return spans[0] if spans else None


def sentence_spans(analysis: Any) -> list[tuple[int, int]]:
    df = analysis.sentences
    if len(df):
        ordered = df.sort_values("sentence")
        return [(int(s), int(e)) for s, e in zip(ordered["start"], ordered["end"])]
    # An Analysis without sentence rows: fall back on paragraphs, which the Article has.
    return [(p.start, p.end) for p in analysis.article.paragraphs]


def covered_spans(attributions: pd.DataFrame) -> list[tuple[int, int]]:
    out = []
    for _, row in attributions.iterrows():
        for part in ("source", "cue", "content"):
            span = span_of(row, part)
            if span is not None:
                out.append(span)
    return out


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def index_of(spans: list[tuple[int, int]], char: int) -> int:
    best = 0
    for i, (start, _) in enumerate(spans):
        if start <= char:
            best = i
    return best


def paragraph_name(i: int, n: int) -> str:
    if n > 1 and i == n - 1:
        return "the closing paragraph"
    if i == 0:
        return "the opening paragraph"
    return f"paragraph {i + 1}"


def type_words(source_type: str) -> str:
    return source_type.replace("named_", "named ").replace("_", " ")


def distinct(values: Iterable[Any]) -> list[str]:
    return list(dict.fromkeys(v for v in values if isinstance(v, str) and v))


def percent(n: int, total: int) -> str:
    return f"{round(100 * n / total)}%" if total else "0%"


def count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def snippet(text: str, limit: int = SNIPPET_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def join(parts: Iterable[str]) -> str:
    parts = list(parts)
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]
