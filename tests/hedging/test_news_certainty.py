"""Issue #11: certainty cues as the news-certainty guidelines define them.

Every sentence here is made up for the test. Each case names the words that must (or must
not) be a cue of a category: a case passes when a cue of that category overlaps the words.
"""

from __future__ import annotations

import pytest


def overlapping(records: list[dict], text: str, phrase: str) -> list[dict]:
    start = text.index(phrase)
    end = start + len(phrase)
    return [r for r in records if r["start"] < end and start < r["end"]]


def categories_at(cues_of, text: str, phrase: str) -> list[str]:
    return [r["category"] for r in overlapping(cues_of(text), text, phrase)]


# -- weasels -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, phrase",
    [
        # unattributed passives: who sees, who expects?
        ("The governor is widely seen as the favourite for the seat.", "widely seen as"),
        ("The council is expected to approve the budget on Friday.", "is expected to"),
        ("The director has been mentioned as a possible successor.", "been mentioned as"),
        ("It is believed that the money went abroad.", "is believed"),
        # party groups and unnamed aides or officials as speakers
        ("Democrats say the bill will raise rents.", "Democrats"),
        ("Republicans argued that the vote was rushed.", "Republicans"),
        ("Some say the mayor knew all along.", "Some"),
        ("Most of them said the talks had failed.", "Most"),
        ("Senate aides acknowledged that the talks had stalled.", "aides"),
        ("City officials said the bridge would reopen soon.", "officials"),
        ("Her people said the tour was cancelled for health reasons.", "people"),
        ("The plan was delayed again, a source said.", "a source"),
        ("The mayor refused to meet them, another source told reporters.", "another source"),
        ("According to a senior official, the deal is off.", "official"),
        ("Environmental groups warned that the dam would flood the valley.", "groups"),
        # vague amounts of people who hold a view
        ("Many economists doubt the forecast.", "Many economists"),
        ("Most Americans have already made up their minds.", "Most Americans"),
        ("Some alliance countries are weighing the idea.", "Some alliance countries"),
        ("Some of the experts think the dam is unsafe.", "Some of"),
        ("Many experts are convinced the dam is unsafe.", "Many experts"),
        ("The vast majority of them support the change.", "The vast majority of"),
        ("Young voters overwhelmingly believe the claim.", "overwhelmingly"),
        ("Everyone I interviewed called the plan too complicated.", "Everyone I interviewed"),
        # criticism and trends with no one named
        ("The minister has faced sharp criticism over the contract.", "faced sharp criticism"),
        ("Floods are increasingly common in the valley.", "increasingly"),
        ("More and more, families are leaving the town.", "More and more"),
    ],
)
def test_weasels(cues_of, text, phrase):
    assert "weasel" in categories_at(cues_of, text, phrase)


@pytest.mark.parametrize(
    "text, phrase",
    [
        # descriptive quantities hide no source
        ("She was several points ahead in the latest poll.", "several points"),
        ("Many emails were deleted before the hearing.", "Many emails"),
        ("Nobody knows how many people attended.", "how many"),
        ("Some 300 people attended the rally.", "Some 300"),
        ("The storm hit several cities, including Wichita.", "several cities"),
        ("In some cases the fee is waived.", "some cases"),
        ("The firm sold many of its trucks last year.", "many of"),
        ("He hopes to win over many of the voters who backed his rival.", "many of"),
        # what people are is a description, not a view they hold
        ("The town is rural, and most of the residents are farmers.", "most of"),
        ("Many voters in the district were students.", "Many voters"),
        # a quantity that acts, or a comparison, reports no view
        ("By noon many will have left the square.", "many"),
        ("Many of the new jobs pay less.", "Many"),
        ("Ohio, like many other states, allows open carry.", "many other states"),
        ("Notably, the mayor did not attend.", "Notably"),
        # a party that acts is not a hidden speaker
        ("The bill was blocked by Republicans in the Senate.", "Republicans"),
        # named people or a named body
        ("Aides to Senator Ann Lee said the vote was close.", "Aides"),
        ("Analysts at the Brookings Institution expect growth.", "Analysts"),
        # a plan or duty, not a hidden opinion
        ("The van was supposed to wait outside the hospital.", "supposed"),
        # criticism with its critics named
        ("The plan drew criticism from local farmers.", "criticism"),
    ],
)
def test_not_weasels(cues_of, text, phrase):
    assert "weasel" not in categories_at(cues_of, text, phrase)


# -- boosters ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, phrase",
    [
        ("It is apparent that the company hid the losses.", "apparent"),
        ("The scan left little doubt that the bone was broken.", "little doubt"),
        ("It goes without saying that the deal favours the rich.", "goes without saying"),
        ("There is no evidence whatsoever that the vote was rigged.", "whatsoever"),
        ("Rising costs inevitably hurt small farms.", "inevitably"),
        ("The crowd is evidence of how popular she remains.", "is evidence of"),
        ("The test confirmed what the doctors had feared.", "confirmed what"),
        ("The fact is that nobody checked the figures.", "The fact is"),
        ("His well-known temper got the better of him.", "well-known"),
        ("Clearly, the plan has failed.", "Clearly"),
    ],
)
def test_boosters(cues_of, text, phrase):
    assert "booster" in categories_at(cues_of, text, phrase)


@pytest.mark.parametrize(
    "text, phrase",
    [
        ("The law is meant to make sure that landlords pay their share.", "sure"),
        ("The poll shows that most voters are undecided.", "shows that"),
        ("The report makes this clear in its first chapter.", "clear"),
        ("He confirmed that he will run again.", "confirmed"),
        ("She won the seat despite the fact that she raised less money.", "the fact that"),
    ],
)
def test_not_boosters(cues_of, text, phrase):
    assert "booster" not in categories_at(cues_of, text, phrase)


# -- hedges --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, phrase",
    [
        # "almost certainly" stops short of sure: the guidelines' gold marks it a hedge
        ("The new rules will almost certainly cost jobs.", "almost certainly"),
        ("The senator appeared tired after the vote.", "appeared"),
        ("It looked like a comfortable lead a week ago.", "looked like"),
        ("The plan would add an estimated $5 billion to the deficit.", "estimated"),
        ("It is too early to tell whether the fire was arson.", "too early to tell"),
        ("The cause of the crash has not been determined.", "not been determined"),
        ("Nobody knows exactly what happened that night.", "Nobody knows"),
        ("Whether the deal survives is an open question.", "open question"),
        ("I think the committee got it wrong.", "I think"),
        ("The figures suggest that the scheme is failing.", "suggest"),
        ("We suggest that the scheme is failing.", "suggest"),
        ("Hypothetically, the court could reopen the case.", "Hypothetically"),
        ("I would think the court will agree.", "would"),
        ("The likely nominee spoke in Ohio.", "likely"),
    ],
)
def test_hedges(cues_of, text, phrase):
    assert "hedge" in categories_at(cues_of, text, phrase)


@pytest.mark.parametrize(
    "text, phrase",
    [
        ("I believe in the good sense of voters.", "I believe"),
        ("He suggested that the meeting start earlier.", "suggested"),
        ("The film shows an unlikely friendship between two rivals.", "unlikely"),
        ("She dismissed the reports as rumours and allegations.", "allegations"),
        ("He said he would resign in the spring.", "would"),
        ("If rents rose, they'd think twice about staying.", "'d"),
        ("Is every cleaner supposed to live on that wage?", "supposed"),
    ],
)
def test_not_hedges(cues_of, text, phrase):
    assert "hedge" not in categories_at(cues_of, text, phrase)
