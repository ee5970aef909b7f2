"""Issue #11, second pass: guideline cues the first pass missed, word senses that hedge
nothing (the Wikipedia reading: test_wikipedia_reading.py).

Every sentence here is made up for the test.
"""

from __future__ import annotations

import pytest


def at(records: list[dict], text: str, phrase: str) -> list[str]:
    """Categories of the cues that overlap ``phrase`` in ``text``."""
    start = text.index(phrase)
    end = start + len(phrase)
    return [r["category"] for r in records if r["start"] < end and start < r["end"]]


@pytest.mark.parametrize(
    "text, phrase, category",
    [
        # vague amounts of people given as holders of a view, whatever the noun
        ("Many collectors believe that old stamps are worth more.", "Many collectors", "weasel"),
        ("Some residents complained that the noise went on all night.", "Some residents", "weasel"),
        ("The broad majority of doctors agree with the plan.", "majority of", "weasel"),
        ("Some of the country's leading economists doubt it.", "Some of", "weasel"),
        # view holders named by their trade, with no names
        ("Reviewers praised the second album.", "Reviewers", "weasel"),
        ("There are scholars who believe the letter is a forgery.", "scholars", "weasel"),
        ("The play came in for criticism from some reviewers.", "criticism", "weasel"),
        # unattributed consensus and knowledge
        ("It is widely known that the mayor dislikes cars.", "widely known", "weasel"),
        ("It is generally agreed that the dam was too small.", "generally agreed", "weasel"),
        ("The policy has been strongly criticised.", "been strongly criticised", "weasel"),
        ("The old bridge is known to flood in spring.", "is known to", "weasel"),
        ("The common belief that the river is clean is wrong.", "common belief", "weasel"),
        ("It has been remarked that the dialect is very old.", "been remarked", "weasel"),
        ("The law is considered unfair by those who oppose it.", "considered", "weasel"),
        ("Legend has it that the king slept here.", "Legend has", "weasel"),
        # the writer's own tentative claim, and openly unknown facts
        ("We propose that the delay caused the crash.", "We propose that", "hedge"),
        ("It remains unknown whether the pilot survived.", "unknown", "hedge"),
        ("There is a real likelihood that the talks fail.", "likelihood", "hedge"),
        ("He must be tired after the trip.", "must", "hedge"),
        ("She must have known about the loan.", "must", "hedge"),
        # a trend claimed with no figure
        ("Voters are increasingly worried about rents.", "increasingly", "weasel"),
    ],
)
def test_guideline_cues(cues_of, text, phrase, category):
    assert category in at(cues_of(text), text, phrase)


@pytest.mark.parametrize(
    "text, phrase",
    [
        # a superlative ranks; it names no hidden authority (news reading)
        ("It is one of the most popular songs of the year.", "one of the most"),
        ("The famous bridge opened in 1932.", "famous"),
        # "must" of duty
        ("You must pay the fee before you enter.", "must"),
        ("You must be 18 to vote.", "must"),
        ("Applicants must be registered with the council.", "must"),
        ("Drivers must be careful on the coast road.", "must"),
        # statistics, not doubt
        ("We fitted the tree by maximum likelihood.", "likelihood"),
        ("The likelihood ratio was large.", "likelihood"),
        ("Each move has a probability of 0.2.", "probability"),
        # counting, not hiding who
        ("The number of people on the list will double.", "number of"),
        ("The two leaders agreed to meet again.", "leaders"),
        # one thing's change of quality, not a trend
        ("The town became increasingly quiet after the mill closed.", "increasingly"),
        ("The increasingly hostile crowd left at noon.", "increasingly"),
        # habit or ease, not a guess
        ("The old press could often print a page a minute.", "could"),
        ("An unknown gunman fired two shots.", "unknown"),
        ("Much of the drop can be credited to the new law.", "credited"),
        ("The holiday is observed in many towns.", "observed"),
        ("The new rule will improve the lot of workers.", "the lot of"),
        ("The mayor attacked some council members in his speech.", "some council members"),
        ("They drew a probability-based sample of homes.", "probability"),
        ("If a meeting is proposed, we will consider it.", "proposed"),
        ("The country must be strong in the talks.", "must"),
        ("All she could do was wait for the bus.", "could"),
        ("There was nothing the doctors could do.", "could"),
        # a role someone may take up, not a claim in doubt
        ("She met a potential donor in Ohio.", "potential"),
        ("He is a potential running mate for the governor.", "potential"),
        ("Potential voters got a call on Sunday.", "Potential"),
        ("She was named as a potential Treasury secretary.", "potential"),
    ],
)
def test_not_cues_in_news(cues_of, text, phrase):
    assert at(cues_of(text), text, phrase) == []


def test_well_known_stays_a_booster(cues_of):
    text = "It was a well-known weakness of the plan."
    assert at(cues_of(text), text, "well-known") == ["booster"]


@pytest.mark.parametrize(
    "text, phrase, expected",
    [
        # after "to", a group holds a view only where it is the one something seems to
        (
            "It may come as a surprise to supporters that the party took the money.",
            "supporters",
            [],
        ),
        ("The campaign sent letters to supporters in May.", "supporters", []),
        ("It seemed to critics that the plan was rushed.", "critics", ["weasel"]),
        ("According to analysts, the plan will fail.", "analysts", ["weasel"]),
        ("The plan was praised by experts.", "experts", ["weasel"]),
    ],
)
def test_a_group_after_to_holds_a_view_only_after_seeming_or_according(
    cues_of, text, phrase, expected
):
    assert at(cues_of(text), text, phrase) == expected


@pytest.mark.parametrize(
    "text",
    ["There are potential conflicts of interest here.", "It was a potential breach of the law."],
)
def test_potential_doubts_a_claim(cues_of, text):
    assert at(cues_of(text), text, "potential") == ["hedge"]
