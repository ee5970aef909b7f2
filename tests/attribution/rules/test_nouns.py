"""Noun cues: "the claim that ...", "his support for ..."."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text, cue, source, content",
    [
        (
            "Trump's claim that the election was rigged was false.",
            "claim",
            "Trump's",
            "that the election was rigged",
        ),
        (
            "The statement of the minister that troops are there surprised many.",
            "statement",
            "the minister",
            "that troops are there",
        ),
        (
            "The ministry issued a statement saying that the talks had failed.",
            "saying",
            "The ministry",
            "that the talks had failed",
        ),
    ],
)
def test_noun_cues(attribute, one, text, cue, source, content):
    r = one(attribute(text), cue)
    assert (r["source_text"], r["content"]) == (source, content)


def test_the_fact_that_is_not_an_attribution(attribute):
    assert attribute("The fact that taxes rose surprised nobody.") == []


@pytest.mark.parametrize(
    "text, cue, source, content",
    [
        (
            "Sanders expressed support for a higher minimum wage.",
            "support",
            "Sanders",
            "a higher minimum wage",
        ),
        ("Trump's attacks on the judge drew criticism.", "attacks", "Trump's", "the judge"),
        ("Graham came out in support of Cruz on Monday.", "support", "Graham", "Cruz"),
    ],
)
def test_noun_cues_with_a_prepositional_content(attribute, one, text, cue, source, content):
    r = one(attribute(text), cue)
    assert (r["source_text"], r["content"]) == (source, content)


def test_a_noun_cue_with_nobody_behind_it_is_not_attributed(attribute):
    assert [
        r for r in attribute("Support for the bill grew in May.") if r["cue"] == "Support"
    ] == []
