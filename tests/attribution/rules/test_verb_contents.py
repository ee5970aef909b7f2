"""Verb contents added in issue #11's fourth round: prepositional contents, questions, pronouns."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text, cue, source, content",
    [
        ("She wrote about the flood in her column.", "wrote", "She", "the flood in her column"),
        ("He wrote of the dangers of the plan.", "wrote", "He", "the dangers of the plan"),
        ("The nurses told reporters about their shifts.", "told", "The nurses", "their shifts"),
        ("The coach boasted about his record.", "boasted", "The coach", "his record"),
        ("The mayor insisted on a recount.", "insisted", "The mayor", "a recount"),
        ("He admitted to taking the money.", "admitted", "He", "taking the money"),
        ("The senator embraced the plan.", "embraced", "The senator", "the plan"),
        ("Farmers balked at the new tariff.", "balked", "Farmers", "the new tariff"),
    ],
)
def test_verb_takes_its_prepositional_or_object_content(attribute, one, text, cue, source, content):
    r = one(attribute(text), cue)
    assert (r["source_text"], r["content"]) == (source, content)


@pytest.mark.parametrize(
    "text, cue, content",
    [
        (
            "Reporters asked the senator if she would sign the pledge.",
            "asked",
            "if she would sign the pledge",
        ),
        ("She wondered whether the plan would work.", "wondered", "whether the plan would work"),
    ],
)
def test_a_question_the_parser_took_for_an_adverbial_is_the_content(
    attribute, one, text, cue, content
):
    assert one(attribute(text), cue)["content"] == content


def test_a_conditional_after_an_infinitive_stays_with_the_request(attribute, one):
    r = one(attribute("She asked him to leave if he was tired."), "asked")
    assert r["content"].startswith("him to leave")


@pytest.mark.parametrize(
    "text, cue, content",
    [
        ("Critics labeled her as an extremist.", "labeled", "her as an extremist"),
        ("The paper described him as reckless.", "described", "him as reckless"),
    ],
)
def test_a_pronoun_object_counts_with_what_it_is_called(attribute, one, text, cue, content):
    assert one(attribute(text), cue)["content"] == content


def test_a_bare_pronoun_object_is_still_no_content(attribute):
    assert not [r for r in attribute("The governor criticized it.") if r["cue"] == "criticized"]


@pytest.mark.parametrize(
    "text, cue, content",
    [
        ("She told him to leave the room.", "told", "him to leave the room"),
        ("The group urged him to resign.", "urged", "him to resign"),
    ],
)
def test_a_request_to_a_person_named_by_a_pronoun(attribute, one, text, cue, content):
    assert one(attribute(text), cue)["content"] == content


def test_it_is_not_a_person_asked(attribute):
    assert not [r for r in attribute("The rules forced it to close.") if r["cue"] == "forced"]


@pytest.mark.parametrize(
    "text, cue, content",
    [
        # made up: the subject judges what someone else said, not the claim itself
        ("He denied reports that he was ill.", "denied", "reports that he was ill"),
        (
            "She rejected claims that the vote was rigged.",
            "rejected",
            "claims that the vote was rigged",
        ),
        # a view the subject holds: the clause is the content
        ("He expressed doubt that the plan would work.", "expressed", "that the plan would work"),
    ],
)
def test_who_denies_a_report_is_not_given_its_clause(attribute, one, text, cue, content):
    assert one(attribute(text), cue)["content"] == content
