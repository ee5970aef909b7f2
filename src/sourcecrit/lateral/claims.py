"""The claims in an article worth tracing to their origin (SIFT's "Trace").

A student cannot check everything. :func:`claims` picks what a fact-checker would pick: the
lede, every claim the article attributes to someone (trace it to where they said it), and
every sentence stated in the article's own voice with no source at all (who says so?).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

if TYPE_CHECKING:
    from sourcecrit.analysis import Analysis

#: The columns of :func:`claims`, in order.
CLAIM_COLUMNS = ["text", "start", "end", "why", "kind", "speaker"]

#: Reported content shorter than this ("criticized the head of state") holds no claim.
MIN_CONTENT_WORDS = 4
#: A sentence this short ("He disagreed.") rarely holds a claim a student could trace.
MIN_WORDS = 6

#: How a student can mark a claim after tracing it, with what each mark means.
TRACE_STATUSES = {
    "traced": "I found where the claim comes from, and it says what the article says.",
    "contradicted": "I found the origin or good evidence, and it says something else.",
    "could not trace": "I looked and could not find where the claim comes from.",
}


def claims(analysis: Analysis) -> pd.DataFrame:
    """Return the claims in ``analysis`` worth tracing, in the order they appear.

    Three kinds, each with the reason a student should trace it:

    - ``lede``: the first sentence, the claim most readers take away;
    - ``attributed``: what a source is reported to have said (trace it to where they said
      it: a quote can be cut, translated or invented);
    - ``own voice``: a sentence with no source, inside no quote, that states something as
      fact (who says so?).

    Returns:
        A DataFrame with ``text``, ``start``, ``end`` (offsets into ``analysis.text``),
        ``why``, ``kind`` and ``speaker`` (the source's name, or None).
    """
    text = analysis.text
    rows: list[dict[str, object]] = []
    sentences = analysis.sentences
    attributions = analysis.attributions
    covered = _attributed_ranges(attributions)

    lede_span = _lede_span(sentences)
    lede_speaker: str | None = None
    for row in attributions.itertuples():
        if _missing(row.content_start) or _missing(row.content_end):
            continue
        start, end = int(row.content_start), int(row.content_end)
        if len(text[start:end].split()) < MIN_CONTENT_WORDS:
            continue  # "criticized the head of state": no claim to trace
        who = row.speaker if isinstance(row.speaker, str) else None
        if lede_span and lede_span[0] <= start and end <= lede_span[1]:
            lede_speaker = lede_speaker or who  # the lede row below stands for it
            continue
        named = who or (row.source_text if isinstance(row.source_text, str) else None)
        why = (
            f"{named} is reported to have said this ({row.cue}). Find where they said it: "
            "quotes can be cut short, translated or made up."
            if named
            else f"The article reports this ({row.cue}) without saying who said it. Can you "
            "find who did?"
        )
        rows.append(_claim(text, start, end, kind="attributed", speaker=who, why=why))
    if lede_span:
        why = "The lede: the first claim readers take away. Does anyone else report it?"
        if lede_speaker:
            why += f" The article puts it in the words of {lede_speaker}."
        rows.append(_claim(text, *lede_span, kind="lede", speaker=lede_speaker, why=why))

    for sentence in sentences.itertuples():
        start, end = int(sentence.start), int(sentence.end)
        if (start, end) == lede_span or int(sentence.attributions) > 0:
            continue
        if len(str(sentence.text).split()) < MIN_WORDS or str(sentence.text).rstrip().endswith("?"):
            continue
        if any(s < end and start < e for s, e in covered):
            continue
        rows.append(
            _claim(
                text,
                start,
                end,
                kind="own voice",
                speaker=None,
                why="Stated in the article's own voice, with no source. Who says "
                "so, and how could the writer know?",
            )
        )
    frame = pd.DataFrame(rows, columns=CLAIM_COLUMNS)
    frame = frame.sort_values(["start", "end"], kind="stable").reset_index(drop=True)
    return frame.astype({"start": "int64", "end": "int64"})


def _lede_span(sentences: pd.DataFrame) -> tuple[int, int] | None:
    for sentence in sentences.itertuples():
        if len(str(sentence.text).split()) >= MIN_WORDS:
            return int(sentence.start), int(sentence.end)
    return None


def _claim(text: str, start: int, end: int, **fields: object) -> dict[str, object]:
    # Trim surrounding spaces and quote marks so text[start:end] is exactly the claim.
    while start < end and text[start] in " \n\t“”\"'«»,":
        start += 1
    while end > start and text[end - 1] in " \n\t“”\"'«»,":
        end -= 1
    return {"text": text[start:end], "start": start, "end": end, **fields}


def _attributed_ranges(attributions: pd.DataFrame) -> list[tuple[int, int]]:
    ranges = []
    for prefix in ("source", "cue", "content"):
        for s, e in zip(attributions[f"{prefix}_start"], attributions[f"{prefix}_end"]):
            if not _missing(s) and not _missing(e):
                ranges.append((int(s), int(e)))
    return ranges


def _missing(value: object) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and value != value)
