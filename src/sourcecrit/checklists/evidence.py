"""Evidence hints: what the article itself shows about the questions a checklist asks.

Every hint is computed from an :class:`~sourcecrit.analysis.Analysis` only (its text,
article metadata, DataFrames and, for dates, the spaCy Doc's entities); nothing is parsed
again. Each hint says what it counted and points at the spans in ``analysis.text``, so a
student can check the machine instead of trusting it.

The signals follow advice the checklists share: look at *who* is quoted and whether they
are named (Civic Online Reasoning's "who is behind the information?"; the SPJ Code of
Ethics on anonymous sources), trace the main claim to its source (SIFT's "trace claims"),
notice claims that rest on one voice, notice how sure the wording is (Hyland 1998 on
hedges and boosters), notice what the article asserts in its own voice, and check dates
(IFLA's "check the date").
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

    from sourcecrit.checklists.model import Checklist

NAMED_TYPES = ("named_official", "named_politician", "named_expert", "named_other")
#: How the source types of ``sourcecrit.attribution.SOURCE_TYPES`` group for a student.
SOURCE_GROUPS: dict[str, tuple[str, ...]] = {
    "named": NAMED_TYPES,
    "institution": ("organisation", "media", "document"),
    "anonymous": ("anonymous",),
    "vague": ("vague_group",),
    "none": ("none",),
}
GROUP_WORDS = {
    "named": "named people",
    "institution": "organisations, media or documents",
    "anonymous": "anonymous sources",
    "vague": "vague groups",
    "none": "no source at all (as in an agentless 'it was denied')",
}
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


@dataclass(frozen=True)
class Signal:
    """A kind of evidence hint: its name, heading, and the function computing it."""

    name: str
    title: str
    compute: Callable[[Any], Evidence | None]
    needs_doc: bool = False


# -- the signals -----------------------------------------------------------------------------


def source_mix(analysis: Any) -> Evidence:
    """Return the share of attributions to named, institutional, anonymous and vague sources.

    Attributions nested inside a quote (a speaker quoting someone else) are left out: the
    question is whom the *article* relies on.
    """
    import pandas as pd

    own = own_attributions(analysis)
    groups = own["source_type"].map(source_group) if len(own) else pd.Series(dtype=object)
    counts = {group: int((groups == group).sum()) for group in SOURCE_GROUPS}
    total = len(own)
    spans, labels = [], []
    for (_, row), group in zip(own.iterrows(), groups):
        span = _span(row, "source")
        if span is not None:
            spans.append(span)
            labels.append(group)
    if not total:
        message = "The article attributes nothing to anyone: every claim is in its own voice."
    else:
        parts = []
        for group in ("named", "institution", "vague", "anonymous", "none"):
            n = counts[group]
            if n or group in ("named", "vague", "anonymous"):
                parts.append(f"{n} ({_percent(n, total)}) to {GROUP_WORDS[group]}")
        parts[0] = parts[0].replace(" to ", " point to ", 1)
        vague = _distinct(own.loc[groups == "vague", "source_text"])
        message = f"Of {total} attributions, " + _join(parts) + "."
        if vague:
            message += " The vague ones: " + _join(f"“{v}”" for v in vague) + "."
    by_type = own["source_type"].value_counts().to_dict() if total else {}
    return Evidence(
        "source_mix",
        SIGNALS["source_mix"].title,
        message,
        tuple(spans),
        tuple(labels),
        {"attributions": total, **counts, "by_type": {str(k): int(v) for k, v in by_type.items()}},
    )


def lede(analysis: Any) -> Evidence | None:
    """Return the lede (first sentence) and who, if anyone, it is attributed to.

    An attribution counts when its content overlaps the lede or its cue sits in it; news
    often puts the claim first and the source in the next sentence ("X, Y told Z").
    """
    first = _first_sentence(analysis)
    if first is None:
        return None
    start, end = first
    lede_text = analysis.text[start:end]
    own = own_attributions(analysis)
    hits = []
    for _, row in own.iterrows():
        content, cue = _span(row, "content"), _span(row, "cue")
        if (content and _overlaps(content, first)) or (cue and _overlaps(cue, first)):
            hits.append(row)
    spans: list[tuple[int, int]] = [first]
    labels = ["lede"]
    sources: list[str] = []
    types: list[str] = []
    for row in hits:
        name = _source_name(row)
        if name not in sources:
            sources.append(name)
            types.append(str(row["source_type"]))
        for part in ("source", "cue"):
            span = _span(row, part)
            if span is not None and span not in spans:
                spans.append(span)
                labels.append(part)
    quoted = f"“{_snippet(lede_text)}”"
    if not sources:
        message = (
            f"The lede, {quoted}, is stated in the article's own voice: no source is given "
            "for it there."
        )
    elif len(sources) == 1:
        row = hits[0]
        role = row.get("role") if "role" in row.index else None
        who = sources[0] + (f" ({role})" if isinstance(role, str) and role else "")
        message = (
            f"The lede, {quoted}, rests on a single source: {who}, a "
            f"{_type_words(types[0])} (reporting word: “{row['cue']}”)."
        )
    else:
        message = f"The lede, {quoted}, is attributed to {len(sources)} sources: {_join(sources)}."
    return Evidence(
        "lede",
        SIGNALS["lede"].title,
        message,
        tuple(spans),
        tuple(labels),
        {"lede": lede_text, "sources": sources, "source_types": types},
    )


def single_mention_sources(analysis: Any) -> Evidence:
    """Return the sources the article quotes or paraphrases only once."""
    own = own_attributions(analysis)
    own = own[own["source_type"] != "none"] if len(own) else own
    firsts: dict[str, tuple[int, int] | None] = {}
    counts: dict[str, int] = {}
    for _, row in own.iterrows():
        name = _source_name(row)
        counts[name] = counts.get(name, 0) + 1
        firsts.setdefault(name, _span(row, "source"))
    once = [name for name, n in counts.items() if n == 1]
    if not counts:
        message = "The article quotes no sources."
    elif not once:
        message = f"Each of the {len(counts)} sources is heard more than once."
    else:
        message = (
            f"{len(once)} of {len(counts)} sources are heard only once: {_join(once)}. "
            "A claim that rests on one mention of one source is worth tracing to where it "
            "was first said."
        )
    spans = [firsts[name] for name in once if firsts[name] is not None]
    return Evidence(
        "single_mention_sources",
        SIGNALS["single_mention_sources"].title,
        message,
        tuple(s for s in spans if s is not None),
        tuple("source" for _ in spans),
        {"sources": len(counts), "heard_once": once},
    )


def hedging(analysis: Any) -> Evidence:
    """Return hedge, booster and weasel counts and their density per 100 words.

    Hedges ("may", "reportedly") soften a claim, boosters ("indeed", "clearly") harden it,
    weasel phrases ("some say") hide who holds it (Hyland 1998; Wikipedia's weasel-word
    guideline, as in the CoNLL-2010 shared task).
    """
    words = len(analysis.text.split())
    hedges = analysis.hedges
    counts = {
        c: int((hedges["category"] == c).sum()) if len(hedges) else 0
        for c in ("hedge", "booster", "weasel")
    }
    per_100 = {c: round(100 * n / words, 2) if words else 0.0 for c, n in counts.items()}
    spans, labels = [], []
    for _, row in hedges.iterrows():
        span = _span(row, "")
        if span is not None:
            spans.append(span)
            labels.append(str(row["category"]))
    if not any(counts.values()):
        message = (
            f"No hedges, boosters or weasel phrases were found in {words} words: the "
            "wording neither softens nor hardens its claims."
        )
    else:
        message = (
            f"{_count(counts['hedge'], 'hedge')} ({per_100['hedge']:g} per 100 words), "
            f"{_count(counts['booster'], 'booster')} ({per_100['booster']:g} per 100 words) and "
            f"{_count(counts['weasel'], 'weasel phrase')} ({per_100['weasel']:g} per 100 words) "
            f"in {words} words."
        )
        ordered = hedges.sort_values("start") if len(hedges) else hedges
        cues = _distinct(str(c).lower() for c in ordered["cue"])
        shown = [f"“{_snippet(c)}”" for c in cues[:5]]
        if len(cues) > 5:
            shown.append(f"{len(cues) - 5} more")
        message += " In order: " + _join(shown) + "."
    return Evidence(
        "hedging",
        SIGNALS["hedging"].title,
        message,
        tuple(spans),
        tuple(labels),
        {"words": words, **counts, "per_100_words": per_100},
    )


def narrator_voice(analysis: Any) -> Evidence:
    """Return the sentences and paragraphs that give no source: the article's own voice.

    A sentence counts as sourced when any attribution's source, cue or content overlaps it
    (so sentences inside a long quote count too). Whole paragraphs without a source are
    reported as paragraphs; the opening and closing ones are named, because background
    written in the narrator's voice often sits there.
    """
    sentences = _sentence_spans(analysis)
    covered = _covered_spans(analysis.attributions)
    unsourced = [s for s in sentences if not any(_overlaps(s, c) for c in covered)]
    paragraphs = [(p.start, p.end) for p in analysis.article.paragraphs]
    in_para: dict[int, list[tuple[int, int]]] = {}
    for s in sentences:
        in_para.setdefault(_index_of(paragraphs, s[0]), []).append(s)
    bare_paras = [
        i
        for i, members in sorted(in_para.items())
        if members and all(m in unsourced for m in members)
    ]
    spans: list[tuple[int, int]] = []
    labels: list[str] = []
    described = []
    for i in bare_paras:
        spans.append(paragraphs[i])
        labels.append("paragraph")
        n = len(in_para[i])
        described.append(
            f"{_paragraph_name(i, len(paragraphs))} ({_count(n, 'sentence')}): "
            f"“{_snippet(analysis.text[paragraphs[i][0] : paragraphs[i][1]])}”"
        )
    lone = [s for s in unsourced if _index_of(paragraphs, s[0]) not in bare_paras]
    for s in lone:
        spans.append(s)
        labels.append("sentence")
    if not sentences:
        message = "The article has no sentences to check."
    elif not unsourced:
        message = f"Every one of the {len(sentences)} sentences gives a source."
    else:
        message = (
            f"{len(unsourced)} of {len(sentences)} sentences say things in the article's own "
            "voice, with no source."
        )
        if described:
            message += (
                " No source at all in " + _join(described) + ". Ask who stands behind these claims."
            )
        if lone:
            message += " Also unsourced: " + _join(
                f"“{_snippet(analysis.text[a:b])}”" for a, b in lone[:3]
            )
            message += f" and {len(lone) - 3} more." if len(lone) > 3 else "."
    return Evidence(
        "narrator_voice",
        SIGNALS["narrator_voice"].title,
        message,
        tuple(spans),
        tuple(labels),
        {
            "sentences": len(sentences),
            "unsourced_sentences": len(unsourced),
            "unsourced_paragraphs": [i for i in bare_paras],
            "paragraphs": len(paragraphs),
        },
    )


def dates(analysis: Any) -> Evidence | None:
    """Return the dates the article mentions, each set against the article's own date.

    Reads the DATE entities of ``analysis.doc`` (spaCy's named-entity recogniser); returns
    None when the Analysis has no Doc. A day and month without a year take the article's
    year (or the year before, when that would put them more than half a year after it).
    """
    doc = getattr(analysis, "doc", None)
    if doc is None:
        return None
    own_date = _parse_iso(getattr(analysis.article, "date", None))
    mentions = [
        (ent.start_char, ent.end_char, ent.text) for ent in doc.ents if ent.label_ == "DATE"
    ]
    rows = []
    for start, end, text in mentions:
        parsed = parse_date(text, reference=own_date)
        rows.append({"text": text, "start": start, "end": end, **parsed})
    if not rows:
        message = "The article mentions no dates."
    else:
        described = []
        for row in _unique_by_text(rows):
            described.append(f"{row['text']} ({_relation(row, own_date)})")
        message = f"It mentions {_count(len(rows), 'date')}: {_join(described)}."
        if own_date is None:
            message = (
                "The article carries no date of its own, so these cannot be checked against it. "
                + message
            )
        else:
            later = [r["text"] for r in rows if r["date"] and r["date"] > own_date.isoformat()]
            message = f"The article is dated {own_date.isoformat()}. " + message
            if later:
                message += (
                    " Later than the article itself: " + _join(later) + " (a plan, or a "
                    "sign the date is wrong?)."
                )
            else:
                message += " None is later than the article's own date."
    return Evidence(
        "dates",
        SIGNALS["dates"].title,
        message,
        tuple((r["start"], r["end"]) for r in rows),
        tuple("date" for _ in rows),
        {"article_date": own_date.isoformat() if own_date else None, "mentions": rows},
    )


def byline(analysis: Any) -> Evidence:
    """Return which of title, author, outlet, date and URL the article comes with."""
    metadata = dict(getattr(analysis.article, "metadata", {}) or {})
    keys = ("title", "author", "outlet", "date", "url")
    present = {k: metadata[k] for k in keys if metadata.get(k)}
    missing = [k for k in keys if k not in present]
    if present:
        message = "The article comes with " + _join(f"{k}: {v}" for k, v in present.items()) + "."
    else:
        message = "The article comes with no title, author, outlet, date or URL."
    if missing and present:
        message += " Not given: " + _join(missing) + "."
    message += " Look these up on the publisher's own site."
    return Evidence(
        "byline", SIGNALS["byline"].title, message, (), (), {"present": present, "missing": missing}
    )


SIGNALS: dict[str, Signal] = {
    s.name: s
    for s in (
        Signal("source_mix", "Who the sources are", source_mix),
        Signal("lede", "The lede and its source", lede),
        Signal("single_mention_sources", "Sources heard only once", single_mention_sources),
        Signal("hedging", "How sure the wording is", hedging),
        Signal("narrator_voice", "Claims in the article's own voice", narrator_voice),
        Signal("dates", "Dates against the article's date", dates, needs_doc=True),
        Signal("byline", "Who published it, and when", byline),
    )
}


def evidence_for(checklist: Checklist, analysis: Any) -> list[Evidence]:
    """Return the hints ``checklist``'s items ask for, each tagged with those items' ids."""
    out = []
    for name in checklist.signals:
        hint = SIGNALS[name].compute(analysis)
        if hint is None:
            continue
        items = tuple(item.id for item in checklist.items if name in item.evidence)
        out.append(replace(hint, items=items))
    return out


# -- dates -------------------------------------------------------------------------------

_MONTHS = {
    name: i
    for i, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<year>(?:1[89]|2[01])\d\d)"
_DATE_PATTERNS = (
    re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+{_YEAR}\b)?", re.I),
    re.compile(
        rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR}\b)?", re.I
    ),
    re.compile(r"\b(?P<year>\d{4})-(?P<mnum>\d{2})-(?P<day>\d{2})\b"),
    re.compile(rf"\b{_MONTH}\s+(?:of\s+)?{_YEAR}\b", re.I),
    re.compile(rf"^(?:in\s+|the\s+year\s+)?{_YEAR}$", re.I),
)


def parse_date(text: str, *, reference: dt.date | None = None) -> dict[str, Any]:
    """Return ``{"date": ISO text or None, "precision": "day" | "month" | "year" | None}``.

    Args:
        text: a DATE entity's text, e.g. ``"March 8"`` or ``"February 24, 2022"``.
        reference: the article's date; a day and month without a year take its year (the
            year before, when that would be more than half a year after it).
    """
    cleaned = " ".join(text.split())
    for pattern in _DATE_PATTERNS:
        m = pattern.search(cleaned)
        if not m:
            continue
        groups = m.groupdict()
        year = int(groups["year"]) if groups.get("year") else None
        month = (
            int(groups["mnum"])
            if groups.get("mnum")
            else _MONTHS.get((groups.get("month") or "").lower())
        )
        day = int(groups["day"]) if groups.get("day") else None
        inferred = False
        if year is None and month is not None and reference is not None:
            year, inferred = reference.year, True
        if year is None:
            break
        if month is None:
            return {"date": f"{year:04d}", "precision": "year", "year_inferred": False}
        if day is None:
            return {"date": f"{year:04d}-{month:02d}", "precision": "month", "year_inferred": False}
        try:
            value = dt.date(year, month, day)
        except ValueError:
            break
        if inferred and reference is not None and (value - reference).days > 183:
            try:
                value = value.replace(year=year - 1)
            except ValueError:  # 29 February
                break
        return {"date": value.isoformat(), "precision": "day", "year_inferred": inferred}
    return {"date": None, "precision": None, "year_inferred": False}


def _relation(row: Mapping[str, Any], own: dt.date | None) -> str:
    if row["date"] is None:
        return "not a calendar date"
    if own is None or row["precision"] != "day":
        return row["date"]
    days = (dt.date.fromisoformat(row["date"]) - own).days
    if days == 0:
        return "the article's own date"
    when = "earlier" if days < 0 else "later"
    days = abs(days)
    if days < 60:
        return f"{_count(days, 'day')} {when}"
    if days < 365:
        return f"about {_count(round(days / 30.4), 'month')} {when}"
    return f"about {_count(round(days / 365.25), 'year')} {when}"


def _parse_iso(value: Any) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def _unique_by_text(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen: dict[str, dict[str, Any]] = {}
    for row in rows:
        seen.setdefault(row["text"].lower(), row)
    return list(seen.values())


# -- helpers over the Analysis' frames ------------------------------------------------------


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


def _span(row: pd.Series, part: str) -> tuple[int, int] | None:
    prefix = f"{part}_" if part else ""
    import pandas as pd

    start, end = row.get(f"{prefix}start"), row.get(f"{prefix}end")
    if start is None or end is None or pd.isna(start) or pd.isna(end):
        return None
    return int(start), int(end)


def _source_name(row: pd.Series) -> str:
    speaker = row.get("speaker")
    if isinstance(speaker, str) and speaker:
        return speaker
    text = row.get("source_text")
    return text if isinstance(text, str) and text else "(no source named)"


def _first_sentence(analysis: Any) -> tuple[int, int] | None:
    spans = _sentence_spans(analysis)
    return spans[0] if spans else None


def _sentence_spans(analysis: Any) -> list[tuple[int, int]]:
    df = analysis.sentences
    if len(df):
        ordered = df.sort_values("sentence")
        return [(int(s), int(e)) for s, e in zip(ordered["start"], ordered["end"])]
    # An Analysis without sentence rows: fall back on paragraphs, which the Article has.
    return [(p.start, p.end) for p in analysis.article.paragraphs]


def _covered_spans(attributions: pd.DataFrame) -> list[tuple[int, int]]:
    out = []
    for _, row in attributions.iterrows():
        for part in ("source", "cue", "content"):
            span = _span(row, part)
            if span is not None:
                out.append(span)
    return out


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _index_of(spans: list[tuple[int, int]], char: int) -> int:
    best = 0
    for i, (start, _) in enumerate(spans):
        if start <= char:
            best = i
    return best


def _paragraph_name(i: int, n: int) -> str:
    if n > 1 and i == n - 1:
        return "the closing paragraph"
    if i == 0:
        return "the opening paragraph"
    return f"paragraph {i + 1}"


def _type_words(source_type: str) -> str:
    return source_type.replace("named_", "named ").replace("_", " ")


def _distinct(values: Iterable[Any]) -> list[str]:
    return list(dict.fromkeys(v for v in values if isinstance(v, str) and v))


def _percent(n: int, total: int) -> str:
    return f"{round(100 * n / total)}%" if total else "0%"


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _snippet(text: str, limit: int = SNIPPET_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _join(parts: Iterable[str]) -> str:
    parts = list(parts)
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]
