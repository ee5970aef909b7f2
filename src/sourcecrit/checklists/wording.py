"""Evidence hints about the wording: how sure it is, and what it says in its own voice.

Hedges ("may", "reportedly") soften a claim, boosters ("indeed", "clearly") harden it,
weasel phrases ("some say") hide who holds it (Hyland 1998); sentences with no source are
the writer's own account.
"""

from __future__ import annotations

import functools
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from sourcecrit.checklists.evidence import (
    Evidence,
    count,
    covered_spans,
    distinct,
    index_of,
    join,
    overlaps,
    paragraph_name,
    sentence_spans,
    snippet,
    span_of,
)
from sourcecrit.errors import LexiconError
from sourcecrit.resources import data_path
from sourcecrit.yamlfile import validated_file


class Spread(BaseModel):
    """The median and quartiles of one rate over a corpus' articles."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    median: float = Field(ge=0, allow_inf_nan=False)
    q1: float = Field(ge=0, allow_inf_nan=False)
    q3: float = Field(ge=0, allow_inf_nan=False)
    explanation: str = Field(min_length=1)


class ReferenceRates(BaseModel):
    """``data/reference_rates.yaml``, written by ``benchmarks/reference_rates.py``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    corpus: str
    articles: int = Field(gt=0)
    computed: str
    command: str
    per_100_words: dict[str, Spread]


@functools.cache
def reference_rates() -> ReferenceRates:
    """Return the PolNeAR medians per 100 words the hints compare an article with."""
    return validated_file(
        data_path("reference_rates.yaml"),
        ReferenceRates,
        error=LexiconError,
        what="a reference-rates",
        keys="corpus, articles, computed, command, per_100_words",
    )


TITLES = {
    "hedging": "How sure the wording is",
    "narrator_voice": "Claims in the article's own voice",
}


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
        span = span_of(row, "")
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
            f"{count(counts['hedge'], 'hedge')} ({per_100['hedge']:g} per 100 words), "
            f"{count(counts['booster'], 'booster')} ({per_100['booster']:g} per 100 words) and "
            f"{count(counts['weasel'], 'weasel phrase')} ({per_100['weasel']:g} per 100 words) "
            f"in {words} words."
        )
        ordered = hedges.sort_values("start") if len(hedges) else hedges
        cues = distinct(str(c).lower() for c in ordered["cue"])
        shown = [f"“{snippet(c)}”" for c in cues[:5]]
        if len(cues) > 5:
            shown.append(f"{len(cues) - 5} more")
        message += " In order: " + join(shown) + "."
    reference = reference_rates().per_100_words
    message += (
        " For comparison, a typical news article (the median of "
        f"{reference_rates().articles} PolNeAR articles) has "
        f"{reference['hedge'].median:g} hedges, {reference['booster'].median:g} boosters and "
        f"{reference['weasel'].median:g} weasel phrases per 100 words."
    )
    return Evidence(
        "hedging",
        TITLES["hedging"],
        message,
        tuple(spans),
        tuple(labels),
        {
            "words": words,
            **counts,
            "per_100_words": per_100,
            "reference_median_per_100_words": {
                c: reference[c].median for c in ("hedge", "booster", "weasel")
            },
        },
    )


def narrator_voice(analysis: Any) -> Evidence:
    """Return the sentences and paragraphs that give no source: the article's own voice.

    A sentence counts as sourced when any attribution's source, cue or content overlaps it
    (so sentences inside a long quote count too). Whole paragraphs without a source are
    reported as paragraphs; the opening and closing ones are named, because background
    written in the narrator's voice often sits there.
    """
    sentences = sentence_spans(analysis)
    covered = covered_spans(analysis.attributions)
    unsourced = [s for s in sentences if not any(overlaps(s, c) for c in covered)]
    paragraphs = [(p.start, p.end) for p in analysis.article.paragraphs]
    in_para: dict[int, list[tuple[int, int]]] = {}
    for s in sentences:
        in_para.setdefault(index_of(paragraphs, s[0]), []).append(s)
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
            f"{paragraph_name(i, len(paragraphs))} ({count(n, 'sentence')}): "
            f"“{snippet(analysis.text[paragraphs[i][0] : paragraphs[i][1]])}”"
        )
    lone = [s for s in unsourced if index_of(paragraphs, s[0]) not in bare_paras]
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
                " No source at all in " + join(described) + ". Ask who stands behind these claims."
            )
        if lone:
            message += " Also unsourced: " + join(
                f"“{snippet(analysis.text[a:b])}”" for a, b in lone[:3]
            )
            message += f" and {len(lone) - 3} more." if len(lone) > 3 else "."
    return Evidence(
        "narrator_voice",
        TITLES["narrator_voice"],
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
