"""Run the hedging ``Matcher`` only on the few stretches of a Doc where a cue can start.

spaCy's ``Matcher`` tries every pattern at every token, so with ~70 lexicon patterns it
costs about as much as a sixth of the parse. Most tokens cannot be part of any cue: every
pattern has at least one token that must be there and names its word ("reportedly",
``LEMMA`` "doubt", ``LOWER`` in "some/many/..."). This module picks one such *anchor* token
per pattern when the component is built, finds the anchor words of a Doc with one
vectorised look-up over its ``LOWER`` and ``LEMMA`` hash ids (a numpy binary search), and
runs the ``Matcher`` only on windows around them: wide enough for the whole pattern,
clipped to the sentence, and merged where they overlap.

Why the result is the same as matching each sentence whole (the test
``tests/hedging/test_windows.py`` compares both): every match contains its pattern's anchor,
so it lies inside that anchor's window; two overlapping matches lie in windows that
overlap and are therefore merged into one span, so the Matcher's ``greedy="LONGEST"``
filter sees the same competing matches. Runs of ``*``/``+`` tokens are bounded by walking
over the neighbouring tokens that could match them, checked only on the attributes read
here (checking fewer attributes can only make a window wider, never narrower). A pattern
with no usable anchor (e.g. only ``POS`` constraints, from a custom lexicon) switches
windowing off: the Matcher then runs on every sentence.

This is the "candidate filtering" step of classic multi-pattern matchers (e.g. the rare
"anchor" literal of regex engines, or Aho-Corasick prefiltering), applied to token patterns.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np
from spacy.attrs import LEMMA, LOWER, SENT_START
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.matcher import Matcher
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

#: Attributes the cheap pass reads (as hash ids) to find anchor words.
ANCHOR_ATTRS = {"LOWER": LOWER, "LEMMA": LEMMA}
#: Token attributes the conservative token check can read (others are taken as "may match").
_CHECKABLE = {
    "LOWER": "lower_",
    "LEMMA": "lemma_",
    "ORTH": "text",
    "TEXT": "text",
    "POS": "pos_",
    "TAG": "tag_",
    "DEP": "dep_",
}
_MANDATORY_OPS = (None, "1", "+")
# A frequent word opens many windows, so anchors prefer rarer words. Rough tiers: the 25
# most frequent English words (the Oxford English Corpus list), other stop words, the rest.
_TOP_WORDS = frozenset(
    "the be to of and a in that have i it for not on with he as you do at this but his by "
    "from".split()
)
_TOP_COST, _STOP_COST, _WORD_COST = 500.0, 50.0, 1.0


def _word_cost(word: str) -> float:
    word = word.lower()
    if word in _TOP_WORDS:
        return _TOP_COST
    return _STOP_COST if word in STOP_WORDS else _WORD_COST


def _values(spec: Any) -> frozenset[str] | None:
    """Return the strings a pattern value accepts (``"x"`` or ``{"IN": [...]}``), else None."""
    if isinstance(spec, str):
        return frozenset({spec})
    if isinstance(spec, dict) and set(spec) == {"IN"} and isinstance(spec["IN"], list):
        if all(isinstance(v, str) for v in spec["IN"]):
            return frozenset(spec["IN"])
    return None


def token_may_match(token: Token, spec: dict[str, Any]) -> bool:
    """Return False only when ``token`` surely fails the pattern token ``spec``.

    Checks string, ``IN`` and ``NOT_IN`` values of the attributes in ``_CHECKABLE``; any
    other key is assumed to match, so the answer errs towards True.
    """
    for key, value in spec.items():
        attr = _CHECKABLE.get(key)
        if attr is None:
            continue
        got = getattr(token, attr)
        if isinstance(value, str):
            if got != value:
                return False
        elif isinstance(value, dict):
            inside = value.get("IN")
            if isinstance(inside, list) and got not in inside:
                return False
            outside = value.get("NOT_IN")
            if isinstance(outside, list) and got in outside:
                return False
    return True


def _max_count(op: Any) -> float:
    """Return how many tokens one pattern token can take (``math.inf`` if unbounded)."""
    if op in (None, "1", "!", "?"):
        return 1
    if isinstance(op, str) and op.startswith("{") and op.endswith("}"):
        upper = op[1:-1].split(",")[-1].strip()
        if upper.isdigit():
            return int(upper)
    return math.inf  # "*", "+", "{n,}" and anything unknown


@dataclass(frozen=True)
class Anchor:
    """Where a pattern is anchored: its index, the anchor token's spec and the rest."""

    pattern: tuple[dict[str, Any], ...]
    index: int

    def window(self, doc: Doc, i: int, sent_start: int, sent_end: int) -> tuple[int, int]:
        """Return the token range ``[start, end)`` a match anchored at token ``i`` fits in."""
        start = i
        for spec in reversed(self.pattern[: self.index]):
            start = _extend(doc, spec, start, -1, sent_start)
        end = i + 1
        for spec in self.pattern[self.index + 1 :]:
            end = _extend(doc, spec, end, 1, sent_end)
        return max(start, sent_start), min(end, sent_end)


def _extend(doc: Doc, spec: dict[str, Any], edge: int, step: int, limit: int) -> int:
    """Move a window edge past the tokens one pattern token can take (see module doc)."""
    count = _max_count(spec.get("OP"))
    if count != math.inf:
        return edge + step * int(count)
    if step < 0:
        while edge > limit and token_may_match(doc[edge - 1], spec):
            edge -= 1
    else:
        while edge < limit and token_may_match(doc[edge], spec):
            edge += 1
    return edge


def choose_anchor(pattern: tuple[dict[str, Any], ...]) -> tuple[int, str, frozenset[str]] | None:
    """Return ``(index, attribute, words)`` of the pattern's rarest-looking required token.

    A required token (no ``OP``, or ``+``) with a ``LOWER``/``LEMMA`` value or ``IN`` list
    can anchor. Cost is a rough frequency guess summed over its words (the 25 commonest
    English words 500, other stop words of spaCy's English list 50, other words 1), halved
    when the token also constrains ``TAG``, ``POS`` or ``DEP`` (which the window check
    then applies). None when no token can anchor.
    """
    best = None
    for index, spec in enumerate(pattern):
        if spec.get("OP") not in _MANDATORY_OPS:
            continue
        for name in ANCHOR_ATTRS:
            words = _values(spec.get(name))
            if not words:
                continue
            cost = sum(_word_cost(w) for w in words)
            if any(k in spec for k in ("TAG", "POS", "DEP")):
                cost /= 2
            if best is None or cost < best[0]:
                best = (cost, index, name, words)
    return None if best is None else best[1:]


class WindowedMatcher:
    """Apply a ``Matcher`` to the windows around anchor words instead of the whole Doc.

    Args:
        vocab: the pipeline's vocab (hashes the anchor words).
        matcher: the compiled ``Matcher`` holding ``patterns``.
        patterns: the token patterns that were added to ``matcher`` (all of them).
    """

    def __init__(self, vocab: Vocab, matcher: Matcher, patterns: Iterable[list[dict]]) -> None:
        self.matcher = matcher
        self.windowed = True
        # anchor hash id per attribute -> the anchors listening for it
        self._anchors: dict[str, dict[int, list[Anchor]]] = {n: {} for n in ANCHOR_ATTRS}
        for tokens in patterns:
            pattern = tuple(tokens)
            chosen = choose_anchor(pattern)
            if chosen is None:
                self.windowed = False
                continue
            index, name, words = chosen
            anchor = Anchor(pattern, index)
            for word in words:
                self._anchors[name].setdefault(vocab.strings.add(word), []).append(anchor)
        # Sorted, for a binary-search look-up (np.isin would import numpy.ma on first use,
        # about 14 ms of every cold start).
        self._keys = {
            name: np.sort(np.fromiter(table, dtype=np.uint64, count=len(table)))
            for name, table in self._anchors.items()
        }

    def windows(self, doc: Doc) -> list[tuple[int, int]]:
        """Return the merged, sentence-clipped token windows that may hold a match."""
        n = len(doc)
        if not n:
            return []
        if not self.windowed:
            return [(s.start, s.end) for s in doc.sents]
        arrays = doc.to_array([LOWER, LEMMA, SENT_START])
        columns = {"LOWER": arrays[:, 0], "LEMMA": arrays[:, 1]}
        hits = np.zeros(n, dtype=bool)
        for name, keys in self._keys.items():
            if len(keys):
                hits |= sorted_contains(keys, columns[name])
        positions = np.flatnonzero(hits)
        if not len(positions):
            return []
        # Sentence of each token: starts are the tokens flagged 1 (token 0 always starts).
        is_start = arrays[:, 2].astype(np.int64) == 1
        is_start[0] = True
        starts = np.flatnonzero(is_start)
        ends = np.append(starts[1:], n)
        sent_of = np.cumsum(is_start) - 1
        spans: list[tuple[int, int]] = []
        for i in positions.tolist():
            token = doc[i]
            s = int(sent_of[i])
            lo, hi = int(starts[s]), int(ends[s])
            for name, column in columns.items():
                for anchor in self._anchors[name].get(int(column[i]), ()):
                    if token_may_match(token, anchor.pattern[anchor.index]):
                        spans.append(anchor.window(doc, i, lo, hi))
        return merge_windows(spans)

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        """Return ``(match_id, start, end)`` for every match inside a sentence, doc offsets."""
        found: list[tuple[int, int, int]] = []
        checked = False
        for start, end in self.windows(doc):
            # Check the Doc's annotation once (the Matcher scans the whole Doc to do it).
            for key, a, b in self.matcher(doc[start:end], allow_missing=checked):
                found.append((key, start + a, start + b))
            checked = True
        return found


def sorted_contains(keys: np.ndarray, values: np.ndarray) -> np.ndarray:
    """Return a boolean array: whether each of ``values`` is in the sorted array ``keys``."""
    at = np.searchsorted(keys, values)
    at[at == len(keys)] = 0  # past the end: compare with any key (it cannot be equal)
    return keys[at] == values


def merge_windows(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Return the token ranges with overlapping ones merged, in order.

    Only ranges that share a token are merged: windows never cross a sentence, so touching
    windows of two sentences stay apart.
    """
    merged: list[tuple[int, int]] = []
    for start, end in sorted(s for s in spans if s[0] < s[1]):
        if merged and start < merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged
