"""Classes of wrong marks and misses found by reading PolNeAR train articles nothing was
tuned on (benchmarks/README_hedging.md, "Read on untuned train articles").

Every sentence here is made up for the test; none is copied from a corpus.
"""

from __future__ import annotations

import pytest


def at(records: list[dict], text: str, phrase: str) -> list[str]:
    """Categories of the cues that overlap ``phrase`` in ``text``."""
    start = text.index(phrase)
    end = start + len(phrase)
    return [r["category"] for r in records if r["start"] < end and start < r["end"]]


# A cue as the goal of an effort says what someone aims at, not a stance.
@pytest.mark.parametrize(
    "text, phrase",
    [
        ("The club made a bold attempt to prove that small teams can win.", "prove"),
        ("The senator is trying to appear calm before the vote.", "appear"),
        ("She seeks to be seen as a builder of bridges.", "seen as"),
        ("They struggled to seem cheerful at the party.", "seem"),
    ],
)
def test_goal_of_an_effort_is_no_cue(cues_of, text, phrase):
    assert at(cues_of(text), text, phrase) == []


@pytest.mark.parametrize(
    "text, phrase, category",
    [
        ("The tests prove that the bridge is safe.", "prove", "booster"),
        ("The senator appears to be calm.", "appears to", "hedge"),
        ("She is seen as a builder of bridges.", "seen as", "weasel"),
    ],
)
def test_same_cues_outside_an_effort(cues_of, text, phrase, category):
    assert category in at(cues_of(text), text, phrase)


# One hidden source, one mark.
@pytest.mark.parametrize(
    "text, phrase",
    [
        ("The mayor faces fierce backlash from critics in her own town.", "critics"),
        ("The plan drew sharp criticism from some economists.", "some economists"),
        ("Many voters are expected to stay home if it rains.", "Many voters"),
        ("Many shoppers are expected to stay home this weekend.", "are expected"),
    ],
)
def test_one_weasel_per_idea(cues_of, text, phrase):
    records = cues_of(text)
    weasels = [r for r in records if r["category"] == "weasel"]
    assert len(weasels) == 1
    assert at(weasels, text, phrase) == ["weasel"]


# Anonymous sources hidden behind their access, whatever the count or the capital.
@pytest.mark.parametrize(
    "text, phrase",
    [
        ("People familiar with the deal said it would close on Monday.", "People"),
        ("People briefed on the plan said the vote was delayed.", "People"),
        ("The talks stalled, according to three people briefed on them.", "people"),
        ("Two officials familiar with the inquiry said it was widening.", "officials"),
        ("The budget is late, said one senior Republican strategist.", "strategist"),
        ("A campaign official said the rally was called off.", "A campaign official"),
        ("Party strategists say the message is working.", "strategists"),
    ],
)
def test_anonymous_sources(cues_of, text, phrase):
    assert "weasel" in at(cues_of(text), text, phrase)


# Look-alikes: a decision is an act, "according to" can mean "depending on", a subject
# named before "has deemed" made the judgement, and "know" presents a fact, not a view.
@pytest.mark.parametrize(
    "text, phrase",
    [
        ("The two leaders agreed on a date.", "leaders"),
        ("Ohio Democrats decided they want an earlier primary.", "Democrats"),
        ("Delegates voted to keep the old rules.", "Delegates"),
        ("Ticket prices vary according to age groups.", "groups"),
        ("Seats are assigned according to the size of the groups.", "groups"),
        ("The ministry has deemed the files private.", "deemed"),
        ("The coach has long considered the plan risky.", "considered"),
        ("People who swim in the lake know that it is cold.", "People"),
    ],
)
def test_no_hidden_source(cues_of, text, phrase):
    assert at(cues_of(text), text, phrase) == []


@pytest.mark.parametrize(
    "text, phrase",
    [
        ("The law is unfair, according to advocacy groups.", "groups"),
        ("The bridge is deemed unsafe.", "deemed"),
        ("Officials said the bridge was unsafe.", "Officials"),
    ],
)
def test_hidden_sources_kept(cues_of, text, phrase):
    assert "weasel" in at(cues_of(text), text, phrase)


# "I think" as an opinion, negated too; not a question, a feeling or a wish.
@pytest.mark.parametrize(
    "text, phrase",
    [
        ("I don't think the bridge will be ready in time.", "I don't think"),
        ("We do not believe that the figures are right.", "We do not believe"),
        ("I just think the plan is too expensive.", "I just think"),
        ("I feel that the rules are unfair.", "I feel"),
    ],
)
def test_opinions_of_the_speaker(cues_of, text, phrase):
    assert "hedge" in at(cues_of(text), text, phrase)


@pytest.mark.parametrize(
    "text, phrase",
    [
        ("Do I think the mayor should resign? No.", "I think"),
        ("I feel proud of my students.", "I feel"),
        ("We feel good about our chances.", "We feel"),
        ("I really feel like staying home tonight.", "feel"),
        ("We don't expect our neighbours to pay for the fence.", "expect"),
        ("I don't believe in luck.", "believe"),
    ],
)
def test_no_opinion_hedged(cues_of, text, phrase):
    assert at(cues_of(text), text, phrase) == []


# A vague amount of people is a weasel when they are given a view, not when only counted.
@pytest.mark.parametrize(
    "text, phrase",
    [
        ("The bakery employs a lot of people.", "a lot of"),
        ("A handful of people work in the old mill.", "A handful of"),
        ("She met a lot of farmers on the road.", "a lot of"),
        ("The vast majority of them were stamped secret.", "majority of"),
        ("He got a pile of letters, some of it rude, mentioning the mayor.", "some"),
    ],
)
def test_counted_people_are_no_weasel(cues_of, text, phrase):
    assert at(cues_of(text), text, phrase) == []


@pytest.mark.parametrize(
    "text, phrase",
    [
        ("A lot of people think the tax is unfair.", "A lot of"),
        ("A number of countries denied the report.", "A number of"),
        ("There are a lot of parents who believe the school is too small.", "a lot of"),
        ("The vast majority of them accept that the river is dirty.", "majority of"),
        ("The plan was criticised by a number of experts.", "a number of"),
        ("The rule is in force in a number of countries.", "a number of"),
    ],
)
def test_people_given_a_view_are_weasels(cues_of, text, phrase):
    assert "weasel" in at(cues_of(text), text, phrase)


# Negation in the adverb's scope, and "no ... to" before an infinitive cue.
@pytest.mark.parametrize(
    "text, phrase, category",
    [
        ("Her speech certainly has not calmed the crowd.", "certainly", "booster"),
        ("The coach clearly did not expect the rain.", "clearly", "booster"),
        ("The result is not clearly wrong.", "clearly", "hedge"),
        ("The inspectors found no reason to doubt the figures.", "doubt", "booster"),
    ],
)
def test_negation_by_word_order(cues_of, text, phrase, category):
    assert at(cues_of(text), text, phrase) == [category]


@pytest.mark.parametrize(
    "text, phrase",
    [
        ("There is no evidence to suggest that the well is poisoned.", "suggest"),
        ("Farmers who don't look like him are not welcome there.", "look like"),
        ("The girl looks like her grandmother.", "looks like"),
        ("Nobody knows what the new park will look like.", "look like"),
        ("Radio as we know it is changing.", "we know"),
        ("He had implied that the team would move.", "implied"),
        ("Mayor Ann Brook hinted at a new budget.", "hinted"),
    ],
)
def test_no_certainty_cue(cues_of, text, phrase):
    assert at(cues_of(text), text, phrase) == []


@pytest.mark.parametrize(
    "text, phrase, category",
    [
        ("It looks like the dam will hold.", "looks like", "hedge"),
        ("What looked like a firm lead has gone.", "looked like", "hedge"),
        ("As we all know, the road is closed.", "all know", "booster"),
        ("The figures imply a loss for the year.", "imply", "hedge"),
        ("The tests suggest that the well is poisoned.", "suggest", "hedge"),
    ],
)
def test_certainty_cue_kept(cues_of, text, phrase, category):
    assert category in at(cues_of(text), text, phrase)
