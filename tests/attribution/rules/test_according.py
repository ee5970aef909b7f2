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
