"""The windowed Matcher finds exactly what the Matcher finds on the whole Doc."""

from __future__ import annotations

import math

import pytest
import spacy
from spacy.matcher import Matcher

from sourcecrit.hedging.windows import (
    WindowedMatcher,
    _max_count,
    choose_anchor,
    merge_windows,
    sorted_contains,
)

# Written for this test (not corpus text): each sentence holds cues of several lexicon
# records, long multi-word ones, cues at sentence edges and look-alikes.
SENTENCES = [
    "Some say it is widely believed by many that the plan may fail.",
    "It is, in fact, one of the world's most famous bridges, and some of its critics agree.",
    "There is no point in denying that nothing can be ruled out at this stage.",
    "In a number of countries there have been persistent reports of troops.",
    "To some extent the results suggest that the drug is probably safe.",
    "Several large regional banks reportedly failed.",
    "Indeed. Believe me. Perhaps.",
    "It remains to be seen whether it is commonly and widely regarded as safe.",
    "A growing number of analysts expressed serious doubt; it appears the deal is off.",
    "We think that increasingly frequent statements were not unthinkable in May.",
    "He said he would not come, but it would be a mistake if she could not either.",
    "Many many many small red old wooden houses stood there.",
]


def full_doc_matches(matcher: Matcher, doc) -> list[tuple[int, int, int]]:
    """The reference: the Matcher on the whole Doc, keeping matches within one sentence."""
    return sorted(
        (k, s, e) for k, s, e in matcher(doc) if doc[s].sent.start == doc[e - 1].sent.start
    )


@pytest.fixture(scope="module")
def finder(nlp):
    return nlp.get_pipe("sourcecrit_hedges")


@pytest.mark.parametrize("text", SENTENCES)
def test_windowed_equals_full_doc_on_sentences(nlp, finder, text):
    doc = nlp(text)
    expected = full_doc_matches(finder.matcher, doc)
    assert expected, "each test sentence should hold at least one cue"
    assert sorted(finder.windowed_matcher(doc)) == expected


def test_windowed_equals_full_doc_on_all_sentences_as_one_text(nlp, finder):
    doc = nlp(" ".join(SENTENCES))
    assert sorted(finder.windowed_matcher(doc)) == full_doc_matches(finder.matcher, doc)


def test_windowed_equals_full_doc_on_flagship(flagship_analysis, finder):
    doc = flagship_analysis.doc
    expected = full_doc_matches(finder.matcher, doc)
    assert len(expected) > 10
    assert sorted(finder.windowed_matcher(doc)) == expected
    # The point of windowing: most of the article is never handed to the Matcher.
    covered = sum(end - start for start, end in finder.windowed_matcher.windows(doc))
    assert covered < len(doc) / 2


def test_windows_stay_inside_sentences(nlp, finder):
    doc = nlp(" ".join(SENTENCES))
    for start, end in finder.windowed_matcher.windows(doc):
        assert doc[start].sent.start == doc[end - 1].sent.start


@pytest.mark.parametrize(
    "pattern, expected",
    [
        ([{"LOWER": "reportedly"}], (0, "LOWER", {"reportedly"})),
        # the rare word anchors, not the most common words of English
        ([{"LOWER": "the"}, {"LOWER": "fact"}], (1, "LOWER", {"fact"})),
        # optional tokens cannot anchor
        ([{"LOWER": "no", "OP": "?"}, {"LEMMA": "doubt"}], (1, "LEMMA", {"doubt"})),
        ([{"POS": "ADJ", "OP": "*"}, {"LOWER": {"IN": ["x", "y"]}}], (1, "LOWER", {"x", "y"})),
        # nothing names a word: no anchor
        ([{"POS": "NOUN"}, {"TAG": "MD"}], None),
        ([{"LOWER": {"NOT_IN": ["a"]}}], None),
    ],
)
def test_choose_anchor(pattern, expected):
    got = choose_anchor(tuple(pattern))
    assert (got and (got[0], got[1], set(got[2]))) == expected


@pytest.mark.parametrize(
    "op, count",
    [
        (None, 1),
        ("?", 1),
        ("!", 1),
        ("*", math.inf),
        ("+", math.inf),
        ("{2}", 2),
        ("{1,3}", 3),
        ("{2,}", math.inf),
    ],
)
def test_max_count(op, count):
    assert _max_count(op) == count


@pytest.mark.parametrize(
    "spans, merged",
    [
        ([], []),
        ([(5, 8), (0, 3)], [(0, 3), (5, 8)]),
        ([(0, 4), (3, 6), (6, 9)], [(0, 6), (6, 9)]),  # touching windows stay apart
        ([(0, 10), (2, 4)], [(0, 10)]),
        ([(3, 3)], []),
    ],
)
def test_merge_windows(spans, merged):
    assert merge_windows(spans) == merged


@pytest.mark.parametrize(
    "patterns",
    [
        # runs of "*" before and after the anchor must widen the window enough
        [[{"POS": "ADJ", "OP": "*"}, {"LOWER": "houses"}, {"POS": "VERB", "OP": "*"}]],
        [[{"LOWER": "many"}, {"POS": {"IN": ["ADJ", "DET"]}, "OP": "+"}, {"POS": "NOUN"}]],
        # no anchor at all: windowing falls back to whole sentences
        [[{"POS": "ADJ"}, {"POS": "NOUN"}], [{"LOWER": "stood"}]],
    ],
)
def test_unbounded_and_unanchored_patterns(nlp, patterns):
    matcher = Matcher(nlp.vocab)
    for n, pattern in enumerate(patterns):
        matcher.add(f"p{n}", [pattern], greedy="LONGEST")
    windowed = WindowedMatcher(nlp.vocab, matcher, patterns)
    doc = nlp(" ".join(SENTENCES))
    expected = full_doc_matches(matcher, doc)
    assert expected
    assert sorted(windowed(doc)) == expected


def test_no_anchor_word_no_windows():
    nlp = spacy.blank("en")
    matcher = Matcher(nlp.vocab)
    matcher.add("x", [[{"LOWER": "reportedly"}]])
    windowed = WindowedMatcher(nlp.vocab, matcher, [[{"LOWER": "reportedly"}]])
    assert windowed.windows(nlp("Nothing to see here.")) == []
    assert windowed.windows(nlp("")) == []


def test_sorted_contains_matches_set_membership():
    import numpy as np

    keys = np.array([3, 8, 21], dtype=np.uint64)
    values = np.array([0, 3, 5, 8, 21, 22, 2**63], dtype=np.uint64)
    assert sorted_contains(keys, values).tolist() == [v in {3, 8, 21} for v in values.tolist()]
    assert sorted_contains(keys, np.array([], dtype=np.uint64)).tolist() == []
