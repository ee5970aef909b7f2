"""Rule 3, quotes: quotes linked to a nearby cue, quotes over sentences and paragraphs, titles."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text, cue, source, content, kind",
    [
        ("“We will win,” Smith said.", "said", "Smith", "“We will win,”", "direct"),
        ('"We will win," said Smith.', "said", "Smith", '"We will win,"', "direct"),
        (
            "Smith told reporters: “We will win the vote.”",
            "told",
            "Smith",
            "“We will win the vote.”",
            "direct",
        ),
    ],
)
def test_quote_patterns(attribute, one, text, cue, source, content, kind):
    r = one(attribute(text), cue)
    assert (r["source_text"], r["content"], r["kind"]) == (source, content, kind)


def test_quote_over_several_sentences_is_one_content(attribute, one):
    text = "“We are ready. We have the votes. We will win,” the leader said."
    r = one(attribute(text), "said")
    assert r["content"] == "“We are ready. We have the votes. We will win,”"
    assert r["kind"] == "direct"


@pytest.mark.parametrize(
    "text, source",
    [
        (
            "“We are ready. Nobody doubts it,” Mr. Miranda, the spokesman, said on Monday.",
            "Mr. Miranda, the spokesman",
        ),
        (
            "''It may have been his first statement,'' said his best friend at college.",
            "his best friend at college",
        ),
    ],
)
def test_quote_right_before_the_cue_is_its_content(attribute, one, text, source):
    recs = attribute(text)
    r = one(recs, "said")
    assert (
        r["content"] == text[: text.index(",”") + 2]
        if "”" in text
        else text[: text.index(",''") + 3]
    )
    assert r["source_text"] == source
    assert r["kind"] == "direct"


def test_quote_over_paragraphs(attribute, one):
    text = (
        "“We are ready for this fight and we have been for months.\n\n"
        "“We have the votes and we will win,” the leader said."
    )
    r = one(attribute(text), "said")
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
    "text, title",
    [
        (
            "“We can't,” Rubio said on ABC's “This Week With George Stephanopoulos.”",
            "“This Week With George Stephanopoulos.”",
        ),
        ("“I was sitting in a house in Florida,” Trump told NBC’s “Today” on Monday.", "“Today”"),
    ],
)
def test_a_show_title_after_the_cue_is_not_a_quote(attribute, text, title):
    records = attribute(text)
    assert all(r["content"] != title for r in records)
    assert any(
        r["content"].startswith("“We can't,”") or r["content"].startswith("“I was") for r in records
    )


def test_a_name_given_in_quotes_is_still_attributed(attribute, one):
    r = one(attribute("Within minutes, he called Rubio “Little Marco” multiple times."), "called")
    assert "“Little Marco”" in r["content"]
