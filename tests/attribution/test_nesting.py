"""Attributions inside another's content: kept only where someone is reported."""

from __future__ import annotations

import pytest

from sourcecrit.attribution.candidates import Candidate
from sourcecrit.attribution.nesting import cues_inside_other_contents


def test_which_cues_sit_inside_another_content():
    found = [
        Candidate(content_start=10, content_end=60, cue_start=5, cue_end=9),
        Candidate(content_start=30, content_end=55, cue_start=20, cue_end=25),  # inside #0
        Candidate(content_start=62, content_end=68, cue_start=70, cue_end=74),  # after all
        # content holding its own cue ("Mr. Rubio appeared to ..."): not nested for that
        Candidate(content_start=80, content_end=99, cue_start=90, cue_end=98),
        Candidate(content_start=100, content_end=120),  # a continued quote: no cue
    ]
    assert cues_inside_other_contents(found) == [False, True, False, False, False]


@pytest.mark.parametrize(
    "text, cue",
    [
        ("The coach said that the players think the pitch is unsafe.", "think"),
        # a proposition in noun form is still something said
        (
            "The minister reported that the leaders had discussed the possibility of closing "
            "the border.",
            "discussed",
        ),
        ("Parents said the principal believes that the school is safe.", "believes"),
    ],
)
def test_a_reported_belief_inside_a_report_is_kept(attribute, text, cue):
    hits = [r for r in attribute(text) if r["cue"] == cue]
    assert len(hits) == 1 and hits[0]["source_text"] is not None


@pytest.mark.parametrize(
    "text, cue",
    [
        # deeds and topics inside someone's words report no one
        ("The mayor said that most residents voted for the new library.", "voted"),
        ("The mayor said the council released the budget.", "released"),
        # the speaker's own "I think" is part of the quote, not a second report
        ("“I think we can win this,” the captain said.", "think"),
    ],
)
def test_nested_cues_that_report_no_one_are_dropped(attribute, text, cue):
    records = attribute(text)
    assert [r["cue"] for r in records if r["cue"] == cue] == []
    assert len(records) == 1  # the outer attribution stays
