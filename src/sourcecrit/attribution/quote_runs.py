"""A quote keeps its speaker until it closes: runs of quoted sentences and paragraphs.

News style (AP Stylebook, "quotation marks"; Chicago Manual of Style 13.30) lets one
speaker's words run on without a new "she said":

- ``"This bridge is unsafe," Okafor said. "Every engineer agrees."``: the second quote, in
  the same paragraph right after the speech tag, is Okafor's too;
- a quote over several paragraphs re-opens each paragraph and closes once
  (:func:`sourcecrit.attribution.quotes.quote_spans` keeps it one quote).

Inside a quote, what the speaker says is not a new attribution unless someone is reported
(:func:`sourcecrit.attribution.quotes.without_quoted_non_sources`).
"""

from __future__ import annotations

from sourcecrit.attribution.candidates import Candidate
from sourcecrit.attribution.quotes import DOUBLE_MARKS, Quote, quote_of

#: Longest speech tag between two quotes of one speaker (`," Okafor, the engineer, said. "`).
MAX_TAG_CHARS = 120


def _covered(found: list[Candidate], q: Quote) -> bool:
    return any(c.content_start <= q.start and q.end <= c.content_end for c in found)


def carried_quotes(
    text: str, *, quotes: list[Quote], found: list[Candidate], paragraph_starts: list[int]
) -> list[Candidate]:
    """Return attributions for quotes that carry on the speaker of the quote just before.

    A quote with no attribution of its own, in the same paragraph as a direct quote whose
    speech tag sits between the two and ends the sentence before the new quote opens
    (``"...," Okafor said. "..."``), repeats that speaker. Anything else in between ("The
    mayor disagreed.") stops the carry.

    Args:
        text: the Doc's text.
        quotes: the quotes of the text (:func:`~sourcecrit.attribution.quotes.quote_spans`).
        found: the attributions found so far (not changed).
        paragraph_starts: character offsets where paragraphs start.
    """
    out: list[Candidate] = []
    for q in quotes:
        if q.depth or q.end - q.start < 15 or _covered(found + out, q):
            continue
        before = [
            c
            for c in found + out
            if c.content_end <= q.open_start
            and (c.cue_start is None or quote_of(quotes, c.cue_start, c.cue_start + 1) is None)
        ]
        if not before:
            continue
        prev = max(before, key=lambda c: c.content_end)
        gap = text[prev.content_end : q.open_start]
        if (
            prev.kind not in ("direct", "mixed")
            or prev.source_start is None
            or not prev.content_end <= prev.source_start < q.open_start
            or len(gap) > MAX_TAG_CHARS
            or any(ch in DOUBLE_MARKS or ch == "\n" for ch in gap)
            or text[max(prev.cue_end or 0, prev.source_end or 0) : q.open_start].strip()
            not in (".", ":")
            or any(prev.content_start < s <= q.open_start for s in paragraph_starts)
        ):
            continue
        out.append(
            Candidate(
                content_start=q.open_start,
                content_end=q.close_end,
                source_start=prev.source_start,
                source_end=prev.source_end,
                kind="direct",
                rule="continuation",
                source_token=prev.source_token,
                inherit_from=found.index(prev) if prev in found else prev.inherit_from,
            )
        )
    return out
