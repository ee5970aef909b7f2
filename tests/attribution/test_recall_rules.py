"""Rules added to raise recall on PolNeAR (issue #3), each on short sentences."""

from __future__ import annotations

import pytest


def _by_cue(records, cue):
    hits = [r for r in records if r["cue"] == cue]
    assert len(hits) == 1, f"expected one attribution with cue {cue!r}, got {records}"
    return hits[0]


@pytest.mark.parametrize(
    "text, cue, expected",
    [
        # A comma-separated tail that is the writer's, not the source's, is left out.
        ("Hicks said all staffers sign agreements, though she did not discuss their terms.",
         "said", "all staffers sign agreements"),
        ("Voters said they had not heard anything new from Mr. Sanders, who also held a rally.",
         "said", "they had not heard anything new from Mr. Sanders"),
        ("He complained that the contest had been rigged against him, a charge that party leaders denied.",
         "complained", "that the contest had been rigged against him"),
        ("Most voters said they had made up their minds, with similar levels of certainty among both camps.",
         "said", "they had made up their minds"),
        ("The senator sought to rally older voters, contrasting her record with the president's.",
         "sought", "to rally older voters"),
    ],
)
def test_trailing_comment_is_not_content(attribute, text, cue, expected):
    assert _by_cue(attribute(text), cue)["content"] == expected


def test_according_to_at_the_end_of_a_paragraph(attribute):
    text = "Clinton leads Sanders in California by about 6 points, according to a poll average.\n\nNext."
    r = _by_cue(attribute(text), "according to")
    assert (r["content"], r["source_text"]) == ("Clinton leads Sanders in California by about 6 points",
                                                "a poll average")


@pytest.mark.parametrize(
    "text, cue, source, content",
    [
        ("The governor is hoping to win the nomination.", "hoping", "The governor", "to win the nomination"),
        ("Polls show a tight race in Ohio.", "show", "Polls", "a tight race in Ohio"),
        ("Most Republicans see the deal as a mistake.", "see", "Most Republicans", "the deal as a mistake"),
        ("The senator voted against the resolution.", "voted", "The senator", "the resolution"),
        ("Trump deemed the agreement a disaster.", "deemed", "Trump", "the agreement a disaster"),
        ("Trump deemed the agreement unacceptable.", "deemed", "Trump", "the agreement unacceptable"),
        ("The mayor applauded the decision.", "applauded", "The mayor", "the decision"),
    ],
)
def test_new_cues_and_objects(attribute, text, cue, source, content):
    r = _by_cue(attribute(text), cue)
    assert (r["source_text"], r["content"]) == (source, content)
