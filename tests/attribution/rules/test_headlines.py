"""Headline colons: "Name: what they said", and line labels that are not sources."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text, source, content",
    [
        (
            "Elizabeth Warren: Donald Trump Is a Failure in Business\n\nThe senator spoke on Monday.",
            "Elizabeth Warren",
            "Donald Trump Is a Failure in Business",
        ),
        (
            "Poll: Sanders leads Clinton in Iowa\n\nA new survey came out.",
            "Poll",
            "Sanders leads Clinton in Iowa",
        ),
        (
            "Historians: Clinton, Obama linked no matter what; \nHer fate hinges on the economy.\n\nMore text.",
            "Historians",
            "Clinton, Obama linked no matter what",
        ),
    ],
)
def test_headline_colon_names_the_source(attribute, one, text, source, content):
    r = one(attribute(text), ":")
    assert (r["source_text"], r["content"]) == (source, content)


@pytest.mark.parametrize(
    "text",
    [
        "Note: Trump leads in the latest polls\n\nMore text follows here.",
        "BREAKING: Federal Judge Gives Hillary Bad News\n\nMore text follows here.",
        "height: 275px\n\nMore text follows here.",
        "Jeb Bush: Student loans. Some big ideas do come to pass, and Obamacare did, after all, so let us "
        "assume for the moment that this one will too and see where it leads us next year.\n\nMore.",
    ],
)
def test_line_labels_that_are_not_sources(attribute, text):
    assert [r for r in attribute(text) if r["cue"] == ":"] == []
