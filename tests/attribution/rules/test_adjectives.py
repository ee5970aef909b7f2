"""Adjective cues: a belief, feeling or stance held by the subject of "be", "feel", "seem"."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text, cue, source, content",
    [
        (
            "Many farmers are afraid that the new tariffs will hurt them.",
            "afraid",
            "Many farmers",
            "that the new tariffs will hurt them",
        ),
        (
            "The organisers were not sure whether anyone would come.",
            "sure",
            "The organisers",
            "whether anyone would come",
        ),
        (
            "The mayor has long been critical of the stadium deal.",
            "critical",
            "The mayor",
            "the stadium deal",
        ),
        (
            "Several unions seemed willing to accept a shorter contract.",
            "willing",
            "Several unions",
            "to accept a shorter contract",
        ),
        ("Her coach felt confident of a medal.", "confident", "Her coach", "a medal"),
    ],
)
def test_an_adjective_attributes_its_complement_to_the_subject(
    attribute, one, text, cue, source, content
):
    r = one(attribute(text), cue)
    assert (r["source_text"], r["content"], r["rule"]) == (source, content, "adjective")


@pytest.mark.parametrize(
    "text",
    [
        "It is certain that prices will rise.",  # an empty "it": the writer's judgement
        "The hall was full of reporters.",  # not a cue adjective
        "The committee was critical.",  # no complement: nothing is attributed
        "If you are worried about the cost, ask the bank.",  # generic "you"
    ],
)
def test_adjectives_that_attribute_nothing(attribute, text):
    assert [r for r in attribute(text) if r["rule"] == "adjective"] == []


def test_the_infinitive_needs_an_intention_adjective(attribute):
    # "certain to" is the writer's forecast, not the subject's belief
    assert [r for r in attribute("The bill is certain to pass.") if r["rule"] == "adjective"] == []


@pytest.mark.parametrize(
    "text, cue, source, content",
    [
        (
            "With farmers increasingly worried about the drought, the council cut water fees.",
            "worried",
            "farmers",
            "the drought",
        ),
        (
            "The nurses, angry about the new rota, walked out.",
            "angry",
            "The nurses",
            "the new rota",
        ),
    ],
)
def test_an_adjective_outside_a_predicate_still_has_a_holder(
    attribute, one, text, cue, source, content
):
    r = one(attribute(text), cue)
    assert (r["source_text"], r["content"], r["rule"]) == (source, content, "adjective")


def test_an_attributive_adjective_before_its_noun_is_not_a_view(attribute):
    records = attribute("Angry drivers blocked the road for an hour.")
    assert [r for r in records if r["rule"] == "adjective"] == []
