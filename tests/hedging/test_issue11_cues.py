"""Issue #11, second pass: guideline cues the first pass missed, word senses that hedge
nothing, and the opt-in Wikipedia reading.

Every sentence here is made up for the test.
"""

from __future__ import annotations

import pytest
import spacy

from sourcecrit.errors import LexiconError
from sourcecrit.hedging.component import HedgeFinder
from sourcecrit.hedging.lexicon import parse_entry


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
    ],
)
def test_not_cues_in_news(cues_of, text, phrase):
    assert at(cues_of(text), text, phrase) == []


def test_well_known_stays_a_booster(cues_of):
    text = "It was a well-known weakness of the plan."
    assert at(cues_of(text), text, "well-known") == ["booster"]


# -- the Wikipedia reading ------------------------------------------------------------------


@pytest.fixture(scope="module")
def wikipedia_finder(nlp):
    return HedgeFinder(nlp, "wiki_hedges", reading="wikipedia")


@pytest.mark.parametrize(
    "text, phrase",
    [
        ("In some cases the river floods the town.", "some cases"),
        ("Many of the songs were recorded in one night.", "Many of"),
        ("It is one of the most popular songs of the year.", "one of the most"),
        ("The legendary bridge opened in 1932.", "legendary"),
        ("She is a highly regarded painter.", "highly regarded"),
        ("He was an influential teacher of the violin.", "influential"),
        ("On some occasions the ferry does not run.", "some occasions"),
        ("Some Londoners keep bees on their roofs.", "Some Londoners"),
    ],
)
def test_wikipedia_reading_marks_words_to_watch(nlp, wikipedia_finder, text, phrase):
    doc = wikipedia_finder(nlp(text))
    assert "weasel" in at(doc._.sc_hedges, text, phrase)


@pytest.mark.parametrize(
    "text, phrase",
    [
        ("How many cases were there?", "many cases"),
        ("The cost rose for many years.", "many years"),
        ("The shop sells shoes, hats and many more.", "many more"),
        ("Tickets are popular with students.", "popular"),
    ],
)
def test_wikipedia_reading_leaves_questions_and_time(nlp, wikipedia_finder, text, phrase):
    doc = wikipedia_finder(nlp(text))
    assert at(doc._.sc_hedges, text, phrase) == []


def test_news_reading_is_the_default(cues_of):
    text = "In some cases the river floods the town."
    assert at(cues_of(text), text, "some cases") == []


def test_unknown_reading_is_refused(nlp):
    with pytest.raises(LexiconError, match="reading 'blog'"):
        HedgeFinder(nlp, "bad", reading="blog")


def test_readings_key_is_validated():
    record = {
        "id": "x",
        "category": "weasel",
        "pattern": "some cases",
        "scope": "phrase",
        "explanation": "An example.",
        "readings": ["encyclopedia"],
    }
    with pytest.raises(LexiconError, match="'readings'"):
        parse_entry(record, 1)
    record["readings"] = ["wikipedia"]
    assert parse_entry(record, 1).readings == ("wikipedia",)


def test_blank_pipeline_builds_with_a_reading():
    nlp = spacy.blank("en")
    finder = HedgeFinder(nlp, "h", reading="wikipedia")
    assert finder.reading == "wikipedia"
    assert any(e.id == "vague-amount" for e in finder.lexicon.entries)
    news = HedgeFinder(nlp, "h2")
    assert not any(e.id == "vague-amount" for e in news.lexicon.entries)


def test_analyze_takes_the_reading():
    import sourcecrit

    text = "In some cases the river floods the town."
    news = sourcecrit.analyze(text)
    wiki = sourcecrit.analyze(text, reading="wikipedia")
    assert list(news.hedges["cue"]) == []
    assert list(wiki.hedges["cue"]) == ["some cases"]
    assert list(wiki.hedges["category"]) == ["weasel"]
