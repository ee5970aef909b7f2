"""Evidence hints about who the article relies on: the mix of sources, the lede's source,
sources heard once, and how much of the article each source gets.

Look at *who* is quoted and whether they are named (Civic Online Reasoning's "who is
behind the information?"; the SPJ Code of Ethics on anonymous sources), trace the main
claim to its source (SIFT's "trace claims"), and notice claims that rest on one voice.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sourcecrit.checklists.evidence import (
    GROUP_WORDS,
    SOURCE_GROUPS,
    Evidence,
    distinct,
    first_sentence,
    join,
    overlaps,
    own_attributions,
    percent,
    snippet,
    source_group,
    source_name,
    span_of,
    type_words,
)

if TYPE_CHECKING:  # pandas only where a table is built: the checklist commands stay fast
    import pandas as pd

TITLES = {
    "source_mix": "Who the sources are",
    "lede": "The lede and its source",
    "single_mention_sources": "Sources heard only once",
}


def source_mix(analysis: Any) -> Evidence:
    """Return the share of attributions to named, institutional, anonymous and vague sources.

    Attributions nested inside a quote (a speaker quoting someone else) are left out: the
    question is whom the *article* relies on.
    """
    own = own_attributions(analysis)
    import pandas as pd

    groups = own["source_type"].map(source_group) if len(own) else pd.Series(dtype=object)
    counts = {group: int((groups == group).sum()) for group in SOURCE_GROUPS}
    total = len(own)
    spans, labels = [], []
    for (_, row), group in zip(own.iterrows(), groups):
        span = span_of(row, "source")
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
                parts.append(f"{n} ({percent(n, total)}) to {GROUP_WORDS[group]}")
        parts[0] = parts[0].replace(" to ", " point to ", 1)
        vague = distinct(own.loc[groups == "vague", "source_text"])
        message = f"Of {total} attributions, " + join(parts) + "."
        if vague:
            message += " The vague ones: " + join(f"“{v}”" for v in vague) + "."
    shares = source_shares(analysis.text, own)
    if total > 1 and shares:
        top = shares[0]
        all_words = sum(s["words"] for s in shares)
        message += (
            f" The most-heard source, {top['source']}, has {top['attributions']} of {total} "
            f"attributions ({percent(top['attributions'], total)}) and {top['words']} of "
            f"{all_words} attributed words ({percent(top['words'], all_words)})."
        )
    by_type = own["source_type"].value_counts().to_dict() if total else {}
    return Evidence(
        "source_mix",
        TITLES["source_mix"],
        message,
        tuple(spans),
        tuple(labels),
        {
            "attributions": total,
            **counts,
            "by_type": {str(k): int(v) for k, v in by_type.items()},
            "by_source": shares,
        },
    )


def source_shares(text: str, own: pd.DataFrame) -> list[dict[str, Any]]:
    """Return each source with its attributions and the words of what it is credited with.

    Counting words as well as attributions shows who the article really rests on: one
    source with 8 of 25 attributions may still hold most of the quoted words. Sources are
    sorted by words, then attributions. Attributions with no source are left out.
    """
    totals: dict[str, dict[str, Any]] = {}
    for _, row in own.iterrows():
        if row.get("source_type") == "none":
            continue
        name = source_name(row)
        entry = totals.setdefault(name, {"source": name, "attributions": 0, "words": 0})
        entry["attributions"] += 1
        span = span_of(row, "content")
        if span is not None:
            entry["words"] += len(text[span[0] : span[1]].split())
    return sorted(totals.values(), key=lambda e: (-e["words"], -e["attributions"], e["source"]))


def lede(analysis: Any) -> Evidence | None:
    """Return the lede (first sentence) and who, if anyone, it is attributed to.

    An attribution counts when its content overlaps the lede or its cue sits in it; news
    often puts the claim first and the source in the next sentence ("X, Y told Z").
    """
    first = first_sentence(analysis)
    if first is None:
        return None
    start, end = first
    lede_text = analysis.text[start:end]
    own = own_attributions(analysis)
    hits = []
    for _, row in own.iterrows():
        content, cue = span_of(row, "content"), span_of(row, "cue")
        if (content and overlaps(content, first)) or (cue and overlaps(cue, first)):
            hits.append(row)
    spans: list[tuple[int, int]] = [first]
    labels = ["lede"]
    sources: list[str] = []
    types: list[str] = []
    for row in hits:
        name = source_name(row)
        if name not in sources:
            sources.append(name)
            types.append(str(row["source_type"]))
        for part in ("source", "cue"):
            span = span_of(row, part)
            if span is not None and span not in spans:
                spans.append(span)
                labels.append(part)
    quoted = f"“{snippet(lede_text)}”"
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
            f"{type_words(types[0])} (reporting word: “{row['cue']}”)."
        )
    else:
        message = f"The lede, {quoted}, is attributed to {len(sources)} sources: {join(sources)}."
    return Evidence(
        "lede",
        TITLES["lede"],
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
        name = source_name(row)
        counts[name] = counts.get(name, 0) + 1
        firsts.setdefault(name, span_of(row, "source"))
    once = [name for name, n in counts.items() if n == 1]
    if not counts:
        message = "The article quotes no sources."
    elif not once:
        message = f"Each of the {len(counts)} sources is heard more than once."
    else:
        message = (
            f"{len(once)} of {len(counts)} sources are heard only once: {join(once)}. "
            "A claim that rests on one mention of one source is worth tracing to where it "
            "was first said."
        )
    spans = [firsts[name] for name in once if firsts[name] is not None]
    return Evidence(
        "single_mention_sources",
        TITLES["single_mention_sources"],
        message,
        tuple(s for s in spans if s is not None),
        tuple("source" for _ in spans),
        {"sources": len(counts), "heard_once": once},
    )
