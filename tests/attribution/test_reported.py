"""Attribution patterns on short sentences, with the real English model."""

from __future__ import annotations

import pytest


def _one(records, cue):
    hits = [r for r in records if r["cue"] == cue]
    assert len(hits) == 1, f"expected one attribution with cue {cue!r}, got {records}"
    return hits[0]


@pytest.mark.parametrize(
    "text, cue, source, content, kind",
    [
        ("The senator said that the bill would pass.", "said", "The senator", "that the bill would pass", "indirect"),
        ("Smith warned of a long and costly war.", "warned", "Smith", "a long and costly war", "indirect"),
        ("The ministry rejected the possibility of new talks.", "rejected", "The ministry",
         "the possibility of new talks", "indirect"),
        ("The general ruled out sending more troops.", "ruled out", "The general", "sending more troops", "indirect"),
        ("The minister clarified that no decision had been made.", "clarified", "The minister",
         "that no decision had been made", "indirect"),
        ("Jones indicated that the company would appeal.", "indicated", "Jones",
         "that the company would appeal", "indirect"),
        ("“We will win,” Smith said.", "said", "Smith", "“We will win,”", "direct"),
        ('"We will win," said Smith.', "said", "Smith", '"We will win,"', "direct"),
        ("Smith told reporters: “We will win the vote.”", "told", "Smith", "“We will win the vote.”", "direct"),
        ("She emphasized that the plan is “a total failure.”", "emphasized", "She",
         "that the plan is “a total failure.”", "mixed"),
        ("According to the report, unemployment fell in May.", "According to", "the report",
         "unemployment fell in May", "according_to"),
        ("Unemployment fell in May, according to the report.", "according to", "the report",
         "Unemployment fell in May", "according_to"),
        ("The governor believes that taxes are too high.", "believes", "The governor",
         "that taxes are too high", "indirect"),
        ("Voters want to see real change.", "want", "Voters", "to see real change", "indirect"),
    ],
)
def test_patterns(attribute, text, cue, source, content, kind):
    r = _one(attribute(text), cue)
    assert (r["source_text"], r["content"], r["kind"]) == (source, content, kind)


@pytest.mark.parametrize(
    "text, cue, content",
    [
        ("The claim was denied.", "denied", "The claim"),
        ("It is believed that the talks failed.", "believed", "that the talks failed"),
    ],
)
def test_agentless_cues_have_no_source(attribute, text, cue, content):
    r = _one(attribute(text), cue)
    assert r["content"] == content
    assert r["source_text"] is None and r["source_start"] is None and r["source_end"] is None
    assert r["speaker"] is None and r["source_type"] == "none"


def test_passive_with_agent_has_the_agent_as_source(attribute):
    r = _one(attribute("The report was rejected by the committee."), "rejected")
    assert r["source_text"] == "the committee"


def test_responded_by_saying_borrows_the_subject(attribute):
    recs = attribute("The spokeswoman responded by saying that the claims were false.")
    r = _one(recs, "responded by saying")
    assert r["source_text"] == "The spokeswoman"
    assert r["content"] == "that the claims were false"


def test_quote_over_several_sentences_is_one_content(attribute):
    text = "“We are ready. We have the votes. We will win,” the leader said."
    r = _one(attribute(text), "said")
    assert r["content"] == "“We are ready. We have the votes. We will win,”"
    assert r["kind"] == "direct"


@pytest.mark.parametrize(
    "text, source",
    [
        ("“We are ready. Nobody doubts it,” Mr. Miranda, the spokesman, said on Monday.",
         "Mr. Miranda, the spokesman"),
        ("''It may have been his first statement,'' said his best friend at college.",
         "his best friend at college"),
    ],
)
def test_quote_right_before_the_cue_is_its_content(attribute, text, source):
    recs = attribute(text)
    r = _one(recs, "said")
    assert r["content"] == text[: text.index(",”") + 2] if "”" in text else text[: text.index(",''") + 3]
    assert r["source_text"] == source
    assert r["kind"] == "direct"


def test_quote_over_paragraphs(attribute):
    text = (
        "“We are ready for this fight and we have been for months.\n\n"
        "“We have the votes and we will win,” the leader said."
    )
    r = _one(attribute(text), "said")
    assert r["content_start"] == 0
    assert r["content"].endswith("we will win,”")


def test_continued_quote_in_the_next_paragraph(attribute):
    text = (
        "“The plan will fail,” Senator Jane Smith said on Monday.\n\n"
        "“Nobody in this building believes it will work, and everybody knows that.”"
    )
    recs = attribute(text)
    cont = [r for r in recs if r["content"].startswith("“Nobody")]
    assert len(cont) == 1 and cont[0]["speaker"] == "Jane Smith" and cont[0]["cue"] is None


def test_a_quoted_title_is_not_an_attribution(attribute):
    assert attribute("She reviewed “The Great Gatsby” for the paper.") == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Sources said the talks had failed.", "anonymous"),
        ("Many experts said the talks had failed.", "vague_group"),
        ("The report said the talks had failed.", "document"),
        ("The New York Times reported that the talks had failed.", "media"),
        ("Senator Jane Smith said the talks had failed.", "named_politician"),
        ("Economist John Brown said the talks had failed.", "named_expert"),
        ("Defense Minister John Brown said the talks had failed.", "named_official"),
        ("The Pentagon said the talks had failed.", "organisation"),
    ],
)
def test_source_types(attribute, text, expected):
    records = attribute(text)
    assert len(records) == 1
    assert records[0]["source_type"] == expected


def test_pronoun_resolves_to_the_last_person_as_subject(attribute):
    text = "Prime Minister Anna Berg met John Lee on Monday. She said the deal was close."
    r = _one(attribute(text), "said")
    assert r["speaker"] == "Anna Berg"


def test_definite_description_resolves_by_role(attribute):
    text = (
        "Foreign Minister Anna Berg visited Paris. Mayor Tom Weiss was there too. "
        "The minister said the visit went well."
    )
    r = _one(attribute(text), "said")
    assert r["speaker"] == "Anna Berg"


@pytest.mark.parametrize(
    "text, cue, source, content",
    [
        ("Trump's claim that the election was rigged was false.", "claim", "Trump's",
         "that the election was rigged"),
        ("The statement of the minister that troops are there surprised many.", "statement",
         "the minister", "that troops are there"),
        ("The ministry issued a statement saying that the talks had failed.", "saying",
         "The ministry", "that the talks had failed"),
    ],
)
def test_noun_cues(attribute, text, cue, source, content):
    r = _one(attribute(text), cue)
    assert (r["source_text"], r["content"]) == (source, content)


def test_the_fact_that_is_not_an_attribution(attribute):
    assert attribute("The fact that taxes rose surprised nobody.") == []
