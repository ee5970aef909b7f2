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

import bisect
import itertools

from spacy.tokens import Doc

from sourcecrit.attribution.candidates import Candidate
from sourcecrit.attribution.quotes import DOUBLE_MARKS, Quote, quote_of

#: Longest speech tag between two quotes of one speaker (`," Okafor, the engineer, said. "`).
MAX_TAG_CHARS = 120


def carried_quotes(
    text: str,
    *,
    quotes: list[Quote],
    found: list[Candidate],
    paragraph_starts: list[int],
    doc: Doc | None = None,
) -> list[Candidate]:
    """Return attributions for quotes that carry on the speaker of the quote just before.

    A quote with no attribution of its own, in the same paragraph as a direct quote whose
    speech tag sits between the two and ends the sentence before the new quote opens
    (``"...," Okafor said. "..."``), repeats that speaker. With the parsed ``doc``, the tag
    may go on with words about the speaker or the saying that bring in no one else
    (``," said Ann Reed, who lost her son. "...``, ``," she asked, shaking her head.
    "...``). Anything else in between ("The mayor disagreed.", ``," Okafor said, and the
    mayor agreed. "...``) stops the carry.

    Args:
        text: the Doc's text.
        quotes: the quotes of the text (:func:`~sourcecrit.attribution.quotes.quote_spans`).
        found: the attributions found so far (not changed).
        paragraph_starts: character offsets where paragraphs start.
    """
    # Linear in the number of quotes and candidates (#10): quotes come in text order, and
    # the carried quotes (depth 0, so they never overlap) are made in that order, so both
    # the "covered?" and the "attribution just before?" questions are bisections.
    found_index = _FoundIndex(found, quotes)
    out: list[Candidate] = []
    out_ends: list[int] = []  # content ends of ``out``, increasing
    for q in quotes:
        if q.depth or q.end - q.start < 15:
            continue
        if found_index.covers(q) or (out_ends and out_ends[-1] >= q.end):
            continue  # every carried quote so far opened before this one
        prev = found_index.latest_before(q.open_start)
        k = bisect.bisect_right(out_ends, q.open_start) - 1
        if k >= 0 and (prev is None or out[k].content_end > prev.content_end):
            prev = out[k]  # found comes first on a tie, as in ``max(found + out)``
        if prev is None:
            continue
        gap = text[prev.content_end : q.open_start]
        if (
            prev.kind not in ("direct", "mixed")
            or prev.source_start is None
            or not prev.content_end <= prev.source_start < q.open_start
            or len(gap) > MAX_TAG_CHARS
            or any(ch in DOUBLE_MARKS or ch == "\n" for ch in gap)
            or not _tag_ends(text, doc, max(prev.cue_end or 0, prev.source_end or 0), q)
            or _paragraph_between(paragraph_starts, prev.content_start, q.open_start)
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
                inherit_from=found_index.first_equal(prev),
            )
        )
        out_ends.append(q.close_end)
    return out


#: Relative pronouns: "who lost her son" is about the speaker, not someone new speaking.
RELATIVE_TAGS = frozenset({"WP", "WDT", "WP$"})


def _tag_ends(text: str, doc: Doc | None, tag_end: int, q: Quote) -> bool:
    """Return True when the speech tag ends the sentence right before quote ``q`` opens.

    The rest of the tag after the cue and source (``tag_end``) is only "." or ":", or (with
    the parsed ``doc``) a clause that ends in "." or ":" and gives no new subject, a
    relative pronoun aside ("who lost her son.", "shaking her head no.").
    """
    rest = text[tag_end : q.open_start].strip()
    if rest in (".", ":"):
        return True
    if doc is None or not rest.endswith((".", ":")):
        return False
    tail = doc.char_span(tag_end, q.open_start, alignment_mode="contract")
    if tail is None or not len(tail) or not (tail[0].text == "," or tail[0].tag_ == "RB"):
        return False  # ", who ...", "rhetorically, ...": not "Okafor said. Reed nodded."
    new_subject = any(
        t.dep_ in ("nsubj", "nsubjpass", "expl") and t.tag_ not in RELATIVE_TAGS for t in tail
    )
    return not new_subject and not any(t.is_sent_start for t in tail[1:] if t.is_alpha)


def _paragraph_between(paragraph_starts: list[int], after: int, upto: int) -> bool:
    """Return True when a paragraph starts in ``(after, upto]`` (the starts are sorted)."""
    k = bisect.bisect_right(paragraph_starts, after)
    return k < len(paragraph_starts) and paragraph_starts[k] <= upto


class _FoundIndex:
    """The attributions found before the carried quotes, sorted for bisection."""

    def __init__(self, found: list[Candidate], quotes: list[Quote]) -> None:
        self.found = found
        by_start = sorted(found, key=lambda c: c.content_start)
        self.starts = [c.content_start for c in by_start]
        self.max_end = list(itertools.accumulate((c.content_end for c in by_start), max))
        # Candidates a quote may carry on from (their cue is outside quotation marks), by
        # content end, the earliest in ``found`` last among equal ends.
        usable = [
            (c.content_end, -k)
            for k, c in enumerate(found)
            if c.cue_start is None or quote_of(quotes, c.cue_start, c.cue_start + 1) is None
        ]
        usable.sort()
        self.ends = [end for end, _ in usable]
        self.order = [-k for _, k in usable]
        self._by_key: dict[tuple[object, ...], list[int]] | None = None

    def covers(self, q: Quote) -> bool:
        """Return True when a candidate's content holds the whole quote."""
        k = bisect.bisect_right(self.starts, q.start) - 1
        return k >= 0 and self.max_end[k] >= q.end

    def latest_before(self, char: int) -> Candidate | None:
        """Return the usable candidate ending last at or before ``char`` (first in a tie)."""
        k = bisect.bisect_right(self.ends, char) - 1
        return self.found[self.order[k]] if k >= 0 else None

    def first_equal(self, c: Candidate) -> int | None:
        """Return ``found.index(c)`` if ``c in found``, else ``c.inherit_from``."""
        if self._by_key is None:
            self._by_key = {}
            for k, other in enumerate(self.found):
                self._by_key.setdefault(_key(other), []).append(k)
        for k in self._by_key.get(_key(c), []):
            if self.found[k] == c:
                return k
        return c.inherit_from


def _key(c: Candidate) -> tuple[object, ...]:
    return (c.content_start, c.content_end, c.cue_start, c.source_start, c.rule)
