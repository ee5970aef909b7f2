"""Passive judgements: "X has been called a liar by Y" attributes the whole judgement."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text, cue, source, content",
    [
        (
            "The coach has been called a genius by several rivals.",
            "called",
            "several rivals",
            "The coach has been called a genius",
        ),
        (
            "The new dam is regarded as a risk by its neighbours.",
            "regarded",
            "its neighbours",
            "The new dam is regarded as a risk",
        ),
        (
            "The council was criticized for closing the library.",
            "criticized",
            None,
            "The council was criticized for closing the library",
        ),
    ],
)
def test_a_passive_judgement_attributes_subject_and_complement(
    attribute, one, text, cue, source, content
):
    r = one(attribute(text), cue)
    assert (r["source_text"], r["content"]) == (source, content)


def test_a_belief_passive_without_an_agent_is_not_a_judgement(attribute):
    # "will be considered a swing state": nobody in particular holds the view
    records = attribute("The county will be considered a swing state.")
    assert all(not r["content"].endswith("swing state") for r in records)


def test_a_passive_without_a_complement_keeps_its_subject_as_content(attribute, one):
    r = one(attribute("The rumour was denied by the palace."), "denied")
    assert r["content"] == "The rumour"
