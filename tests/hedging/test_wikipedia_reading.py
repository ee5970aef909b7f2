"""The opt-in Wikipedia reading: what Wikipedia's *Manual of Style/Words to watch* asks
editors to avoid and the news guidelines do not mark (puffery, unnamed research, doubt cast
by a word, editorializing), and the vague amounts of things its {{Quantify}} cleanup
template asks editors to give a figure for.

Every sentence here is made up for the test.
"""

from __future__ import annotations

import pytest
import spacy

from sourcecrit.errors import LexiconError
from sourcecrit.hedging.component import HedgeFinder
from sourcecrit.hedging.lexicon import load_lexicon, parse_entry


def at(records: list[dict], text: str, phrase: str) -> list[str]:
    """Categories of the cues that overlap ``phrase`` in ``text``."""
    start = text.index(phrase)
    end = start + len(phrase)
    return [r["category"] for r in records if r["start"] < end and start < r["end"]]


@pytest.fixture(scope="module")
def wikipedia_finder(nlp):
    return HedgeFinder(nlp, "wiki_hedges", reading="wikipedia")


@pytest.fixture(scope="module")
def wiki_cues(nlp, wikipedia_finder):
    def run(text: str) -> list[dict]:
        return list(wikipedia_finder(nlp(text))._.sc_hedges)

    return run


@pytest.mark.parametrize(
    "text, phrase, category",
    [
        # puffery
        ("The legendary bridge opened in 1932.", "legendary", "weasel"),
        ("He was a great singer of sea shanties.", "great", "weasel"),
        ("She runs a world-class bakery on the square.", "world-class", "weasel"),
        ("The band released an award-winning record.", "award-winning", "weasel"),
        ("The celebrated painter moved to Leeds.", "celebrated", "weasel"),
        ("She is a highly regarded painter.", "highly regarded", "weasel"),
        ("It was a well-known weakness of the plan.", "well-known", "weasel"),
        ("The song became a hit in the spring.", "hit", "weasel"),
        ("The court issued a landmark ruling on fishing rights.", "landmark", "weasel"),
        ("It is one of the most beautiful valleys in the county.", "one of the most", "weasel"),
        ("The lake is famously cold in June.", "famously", "weasel"),
        # unsupported attributions
        ("Research has shown that the tea calms the nerves.", "Research has shown", "weasel"),
        ("Studies show that the bridge is safe.", "Studies show", "weasel"),
        ("Many are of the opinion that the mill should close.", "Many are of", "weasel"),
        # expressions of doubt
        ("The so-called reform changed little.", "so-called", "hedge"),
        ("The accused smuggler was held overnight.", "accused", "hedge"),
        # editorializing
        ("Sadly, the old pier burned down in 1990.", "Sadly", "weasel"),
        ("Interestingly, the vote was never held.", "Interestingly", "weasel"),
        ("It should be noted that the dam is older than the town.", "It should be noted", "weasel"),
        ("The new stadium is essentially a copy of the old one.", "essentially", "hedge"),
        ("The plan was actually cheaper.", "actually", "booster"),
    ],
)
def test_wikipedia_reading_marks_words_to_watch(wiki_cues, text, phrase, category):
    assert category in at(wiki_cues(text), text, phrase)


@pytest.mark.parametrize(
    "text, phrase",
    [
        # the literal senses of puffery words
        ("The firm still has an outstanding debt to the bank.", "outstanding"),
        ("He played a leading role in the school play.", "leading"),
        ("Tickets are popular with students.", "popular"),
        ("The beetle is unique to the island.", "unique"),
        ("The equation has a unique solution.", "unique"),
        ("This is the best way to cook rice.", "best"),
        ("She won the popular vote in the north.", "popular"),
        ("The clock tower is a local landmark.", "landmark"),
        ("The storm hit the coast at night.", "hit"),
        ("The road was leading to the harbour.", "leading"),
        ("She is best known for her novels about sailors.", "best known"),
        # named research, and verbs of reporting
        ("A 2009 study by Lee showed that the tea calms the nerves.", "study"),
        ("She accused the mayor of lying.", "accused"),
        # questions and time are no vague amounts of things (see the Quantify tests)
        ("How many cases were there?", "many cases"),
        ("The cost rose for many years.", "many years"),
    ],
)
def test_wikipedia_reading_leaves_plain_senses(wiki_cues, text, phrase):
    assert at(wiki_cues(text), text, phrase) == []


def test_a_great_deal_is_an_amount_not_praise(wiki_cues):
    text = "They spent a great deal of money on the roof."
    assert at(wiki_cues(text), text, "great") == ["hedge"]  # {{Quantify}}, not puffery


def test_vague_people_with_a_view_are_marked_in_both_readings(cues_of, wiki_cues):
    text = "Many historians believe the fort was never finished."
    assert at(cues_of(text), text, "Many historians") == ["weasel"]
    assert at(wiki_cues(text), text, "Many historians") == ["weasel"]


def test_praise_is_not_marked_by_the_news_reading(cues_of):
    text = "The legendary bridge opened in 1932."
    assert at(cues_of(text), text, "legendary") == []


def test_news_reading_keeps_well_known_a_booster(cues_of):
    text = "It was a well-known weakness of the plan."
    assert at(cues_of(text), text, "well-known") == ["booster"]


def test_wikipedia_records_credit_the_guideline():
    entries = [e for e in load_lexicon().entries if e.readings == ("wikipedia",)]
    assert entries
    assert all(e.explanation for e in entries)


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
    assert any(e.id == "puffery" for e in finder.lexicon.entries)
    news = HedgeFinder(nlp, "h2")
    assert not any(e.id == "puffery" for e in news.lexicon.entries)


def test_analyze_takes_the_reading():
    import sourcecrit

    text = "The legendary bridge opened in 1932."
    news = sourcecrit.analyze(text)
    wiki = sourcecrit.analyze(text, reading="wikipedia")
    assert list(news.hedges["cue"]) == []
    assert list(wiki.hedges["cue"]) == ["legendary"]
    assert list(wiki.hedges["category"]) == ["weasel"]


@pytest.mark.parametrize(
    "text, phrase",
    [
        ("It is understood that the minister will resign.", "is understood"),
        ("It is feared that the bridge will close.", "is feared"),
        ("The river is predicted to rise tonight.", "is predicted"),
    ],
)
def test_unattributed_passives_are_weasels_in_both_readings(cues_of, wiki_cues, text, phrase):
    assert at(cues_of(text), text, phrase) == ["weasel"]
    assert at(wiki_cues(text), text, phrase) == ["weasel"]


@pytest.mark.parametrize(
    "text, phrase",
    [
        ("The problem was understood by the engineers.", "understood"),
        ("The storm was predicted by the coastguard.", "predicted"),
    ],
)
def test_passives_with_an_agent_are_not_weasels(cues_of, text, phrase):
    assert at(cues_of(text), text, phrase) == []


@pytest.mark.parametrize(
    "text, phrase",
    [
        ("Some scholars have theorized that the wall was a dam.", "Some scholars"),
        ("Many historians conclude that the fort was never finished.", "Many historians"),
        ("Others have posited a later date for the chapel.", "Others"),
    ],
)
def test_vague_people_with_verbs_of_belief_are_weasels_in_both_readings(
    cues_of, wiki_cues, text, phrase
):
    assert "weasel" in at(cues_of(text), text, phrase)
    assert "weasel" in at(wiki_cues(text), text, phrase)


# --- vague amounts of things: Wikipedia's {{Quantify}} ("[quantify]": how many?) -----------


@pytest.mark.parametrize(
    "text, phrase",
    [
        ("In some cases the river floods the town.", "some"),
        ("Many of the songs were recorded in one night.", "Many of"),
        ("Several bands played at the fair.", "Several"),
        ("The village has numerous old mills.", "numerous"),
        ("Various artists covered the ballad.", "Various"),
        ("Countless letters were burned.", "Countless"),
        ("A few copies of the map survive.", "A few"),
        ("Few copies of the map survive.", "Few"),
        ("Most of the album was taped in a barn.", "Most of"),
        ("Much of the old town burned in 1820.", "Much of"),
        ("Some of them were sold abroad.", "Some of"),
        ("Many were lost in the fire.", "Many"),
        ("A number of problems remained with the roof.", "A number of"),
        ("A handful of mills still grind flour.", "A handful of"),
        ("A great deal of money was spent on the spire.", "A great deal of"),
        ("Lots of towns hold a cheese fair.", "Lots of"),
        ("The mill was rebuilt several times.", "several"),
    ],
)
def test_vague_amounts_of_things_are_hedges_in_the_wikipedia_reading(
    cues_of, wiki_cues, text, phrase
):
    assert at(wiki_cues(text), text, phrase) == ["hedge"]
    assert at(cues_of(text), text, phrase) == []


@pytest.mark.parametrize(
    "text, phrase",
    [
        ("How many mills were there?", "many"),
        ("So many boats came that the harbour was full.", "many"),
        ("Too many cooks spoil the broth.", "many"),
        ("As many as 40 ships sank in the storm.", "many"),
        ("She won the most votes in the north.", "most"),
        ("He made the most of the summer.", "most"),
        ("Ely, like many other towns, has a fair.", "many"),
        ("The jam was sold in several towns, including Ely and Diss.", "several"),
        ("The band toured for several months.", "several"),
        ("Most of the time the shop is shut.", "Most"),
        ("The number of visitors rose in May.", "number"),
        ("He is not much of a singer.", "much"),
        ("They grew a new variety of wheat.", "variety"),
        ("At most three boats came.", "most"),
        ("Some 200 ships sank in the storm.", "Some"),
    ],
)
def test_questions_figures_comparisons_and_time_are_no_vague_amounts(wiki_cues, text, phrase):
    assert at(wiki_cues(text), text, phrase) == []


@pytest.mark.parametrize(
    "text, phrase",
    [
        ("Many historians believe the fort was never finished.", "Many historians"),
        ("Some of the critics said the bridge was too long.", "Some of"),
        ("Some say the fort was never finished.", "Some"),
        # unnamed speakers: the longer "Many of" / "A few" must not push the weasel out
        ("Many of them said the fort was never finished.", "Many"),
        ("A few say the bridge is too long.", "few"),
    ],
)
def test_vague_people_with_a_view_stay_weasels_in_the_wikipedia_reading(wiki_cues, text, phrase):
    assert at(wiki_cues(text), text, phrase) == ["weasel"]


def test_vague_amount_records_explain_quantify():
    ids = {"vague-amount", "vague-amount-of", "a-number-of-things", "lots-of"}
    entries = [e for e in load_lexicon().entries if e.id in ids]
    assert {e.id for e in entries} == ids
    assert all(e.readings == ("wikipedia",) and e.category == "hedge" for e in entries)
    assert all("quantify" in e.explanation for e in entries)
