"""Rule 2, "according to X"."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text, cue, source, content, kind",
    [
        (
            "According to the report, unemployment fell in May.",
            "According to",
            "the report",
            "unemployment fell in May",
            "according_to",
        ),
        (
            "Unemployment fell in May, according to the report.",
            "according to",
            "the report",
            "Unemployment fell in May",
            "according_to",
        ),
    ],
)
def test_according_to_patterns(attribute, one, text, cue, source, content, kind):
    r = one(attribute(text), cue)
    assert (r["source_text"], r["content"], r["kind"]) == (source, content, kind)


def test_according_to_at_the_end_of_a_paragraph(attribute, one):
    text = "Clinton leads Sanders in California by about 6 points, according to a poll average.\n\nNext."
    r = one(attribute(text), "according to")
    assert (r["content"], r["source_text"]) == (
        "Clinton leads Sanders in California by about 6 points",
        "a poll average",
    )


@pytest.mark.parametrize(
    "text, source, content",
    [
        ("In her view, the zoning plan is a mistake.", "her", "the zoning plan is a mistake"),
        (
            "By one estimate, the repairs will take ten years.",
            "one estimate",
            "the repairs will take ten years",
        ),
        (
            "In the latest survey, the governor trails by six points.",
            "the latest survey",
            "the governor trails by six points",
        ),
        (
            "Attendance doubled last year, by the museum's count.",
            "the museum",
            "Attendance doubled last year",
        ),
    ],
)
def test_a_view_count_or_poll_frames_its_clause(attribute, text, source, content):
    hits = [r for r in attribute(text) if r["rule"] == "frame"]
    assert [(r["source_text"], r["content"]) for r in hits] == [(source, content)]


@pytest.mark.parametrize(
    "text",
    [
        "In the end, the vote failed.",  # not a frame noun
        "In a statement, the ministry said the talks had failed.",  # the verb rule's
        "The governor trails in the latest survey.",  # not set off from the clause
        "In view of the cost, the bridge was cancelled.",  # "in view of" holds no view
        # reported by the verb: one attribution, the verb rule's, not a second from "her"
        "In her view, the money was wasted, the mayor told reporters.",
    ],
)
def test_phrases_that_frame_nothing(attribute, text):
    assert [r for r in attribute(text) if r["rule"] == "frame"] == []


def test_a_frame_is_reported_in_the_writers_words(attribute):
    (r,) = [
        r for r in attribute("In her view, the zoning plan is a mistake.") if r["rule"] == "frame"
    ]
    assert r["kind"] == "indirect"  # not shown to students as "according to"
    assert r["cue"] == "In her view"  # the whole frame, not the bare "In"


def test_the_holder_of_a_view_is_resolved_like_any_source(attribute):
    text = "Mayor Linda Okafor spoke on Monday. In her view, the bridge money was wasted."
    (r,) = [r for r in attribute(text) if r["rule"] == "frame"]
    assert r["source_text"] == "her" and r["speaker"] == "Linda Okafor"


def test_a_held_view_closing_its_clause_frames_it(attribute, one):
    r = one(attribute("The old harbour is the heart of the town in her eyes."), "in her eyes")
    assert (r["source_text"], r["content"], r["rule"]) == (
        "her",
        "The old harbour is the heart of the town",
        "frame",
    )


def test_a_closing_poll_or_unheld_view_is_not_a_frame(attribute):
    # A poll at the end is too often a topic; "in view of" is a set phrase.
    for text in (
        "The mayor did well in the polls.",
        "The road was closed in view of the storm.",
    ):
        assert [r for r in attribute(text) if r["rule"] == "frame"] == []


@pytest.mark.parametrize(
    "text",
    [
        "According to the coach, honestly.",
        "According to our neighbour, a total disaster.",
    ],
)
def test_according_to_as_sentence_root_without_a_clause_attributes_nothing(attribute, text):
    # The parser makes "According" the root: the phrase modifies no clause, so there is
    # no content (before, "honestly" came out as what the coach said).
    assert [r for r in attribute(text) if r["rule"] == "according_to"] == []


def test_root_according_phrase_takes_the_clause_after_its_comma(nlp):
    from sourcecrit.attribution.rules.according import _clause_after_root_phrase

    doc = nlp("According to the coach, the team plays on Sunday.")
    # Whatever the parser does with this sentence, the helper reads it the same way.
    tok = doc[0]
    pobj = doc[3]
    content, source = _clause_after_root_phrase(doc, tok, pobj)
    assert doc.text[source[0] : source[1]] == "the coach"
    assert doc.text[content[0] : content[1]] == "the team plays on Sunday"
    bare = nlp("According to the coach, honestly.")
    assert _clause_after_root_phrase(bare, bare[0], bare[3]) is None


@pytest.mark.parametrize(
    "text, content",
    [
        (
            "According to the report, the plant will close in June, although the union disagrees.",
            "the plant will close in June",
        ),
        (
            "The plant will close in June, according to the report, although the union disagrees.",
            "The plant will close in June",
        ),
        (
            "According to the report, the plant will close in June despite protests by the union.",
            "the plant will close in June",
        ),
        ("According to the mayor, the bridge is safe even though it is old.", "the bridge is safe"),
        # not a concession: the condition is part of what the mayor says
        (
            "According to the mayor, the bridge will reopen if the repairs are finished.",
            "the bridge will reopen if the repairs are finished",
        ),
    ],
)
def test_a_concession_after_the_reported_clause_is_the_writers(attribute, one, text, content):
    cue = "According to" if text.startswith("According") else "according to"
    assert one(attribute(text), cue)["content"] == content
