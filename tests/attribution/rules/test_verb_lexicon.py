"""Cue verbs added in issue #11's third round, and verbs of making public ("released")."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text, cue, source, content",
    [
        (
            "The columnist derided the treaty as a paper promise.",
            "derided",
            "The columnist",
            "the treaty as a paper promise",
        ),
        (
            "Critics lauded the mayor for her handling of the flood.",
            "lauded",
            "Critics",
            "the mayor for her handling of the flood",
        ),
        (
            "The coach extolled the virtues of patience.",
            "extolled",
            "The coach",
            "the virtues of patience",
        ),
        (
            "The editorial lambasted the council's budget.",
            "lambasted",
            "The editorial",
            "the council's budget",
        ),
        ("She despises her neighbour's dog.", "despises", "She", "her neighbour's dog"),
        ("The workers resent the new rules.", "resent", "The workers", "the new rules"),
        ("The site rated the claim as false.", "rated", "The site", "the claim as false"),
        (
            "The court ruled that the law was unconstitutional.",
            "ruled",
            "The court",
            "that the law was unconstitutional",
        ),
        ("The court ruled against the city.", "ruled", "The court", "the city"),
        (
            "The minister downplayed the risk of a recession.",
            "downplayed",
            "The minister",
            "the risk of a recession",
        ),
        (
            "The study documents a sharp rise in rents.",
            "documents",
            "The study",
            "a sharp rise in rents",
        ),
        ("The union hinted at a strike.", "hinted", "The union", "a strike"),
        ("The mayor apologized for the confusion.", "apologized", "The mayor", "the confusion"),
        ("The voters judged him unfit for office.", "judged", "The voters", "him unfit for office"),
        # "hopes" is lemmatised "hop": the lexicon entry is still found
        (
            "The governor hopes the storm will pass quickly.",
            "hopes",
            "The governor",
            "the storm will pass quickly",
        ),
    ],
)
def test_speech_stance_and_belief_verbs(attribute, one, text, cue, source, content):
    r = one(attribute(text), cue)
    assert (r["source_text"], r["content"]) == (source, content)


@pytest.mark.parametrize(
    "text",
    [
        "The company sent a letter to the mayor.",
        "The governor appointed her as the new judge.",
        "The teacher opened the window.",
    ],
)
def test_deeds_are_not_attributions(attribute, text):
    assert attribute(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The report was released on Monday.",
        "The city released the report on Monday.",
        "The report was released by the city on Monday.",
        "The plan was unveiled on Monday.",
    ],
)
def test_a_released_document_reports_nothing(attribute, text):
    assert attribute(text) == []


@pytest.mark.parametrize(
    "text, content",
    [
        (
            "The campaign released a statement saying the senator was ill.",
            "a statement saying the senator was ill",
        ),
        ("The mayor unveiled her plan to cut taxes.", "her plan to cut taxes"),
        ("The senator released his tax returns.", "his tax returns"),
    ],
)
def test_what_is_released_with_its_words_is_kept(attribute, one, text, content):
    assert one(attribute(text), text.split()[2])["content"] == content


@pytest.mark.parametrize(
    "text, cue, content",
    [
        ("Many parents believe in the value of homework.", "believe", "the value of homework"),
        ("The bishop spoke out against the new law.", "spoke", "the new law"),
        ("The villagers asked for more time.", "asked", "more time"),
        ("The board decided against a merger.", "decided", "a merger"),
        ("The comedian joked about his own campaign.", "joked", "his own campaign"),
        (
            "Reporters wondered about the timing of the visit.",
            "wondered",
            "the timing of the visit",
        ),
        ("The two parties agreed on a budget.", "agreed", "a budget"),
        ("The latest survey indicates a close race.", "indicates", "a close race"),
        ("The protesters shouted slogans outside the hall.", "shouted", "slogans"),
    ],
)
def test_lexicon_flags_reviewed_in_round_three(attribute, one, text, cue, content):
    assert one(attribute(text), cue)["content"] == content


@pytest.mark.parametrize(
    "text, cue, content",
    [
        ("“Get out of here,” she yelled.", "yelled", "“Get out of here,”"),
        ("“Not a chance,” the mayor retorted.", "retorted", "“Not a chance,”"),
        ("He whispered that the meeting was off.", "whispered", "that the meeting was off"),
    ],
)
def test_manner_of_speaking_verbs(attribute, one, text, cue, content):
    assert one(attribute(text), cue)["content"] == content
