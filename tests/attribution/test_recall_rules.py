"""Rules added to raise recall on PolNeAR (issue #3), each on short sentences."""

from __future__ import annotations

import pytest


def _by_cue(records, cue):
    hits = [r for r in records if r["cue"] == cue]
    assert len(hits) == 1, f"expected one attribution with cue {cue!r}, got {records}"
    return hits[0]


@pytest.mark.parametrize(
    "text, cue, expected",
    [
        # A comma-separated tail that is the writer's, not the source's, is left out.
        ("Hicks said all staffers sign agreements, though she did not discuss their terms.",
         "said", "all staffers sign agreements"),
        ("Voters said they had not heard anything new from Mr. Sanders, who also held a rally.",
         "said", "they had not heard anything new from Mr. Sanders"),
        ("He complained that the contest had been rigged against him, a charge that party leaders denied.",
         "complained", "that the contest had been rigged against him"),
        ("Most voters said they had made up their minds, with similar levels of certainty among both camps.",
         "said", "they had made up their minds"),
        ("The senator sought to rally older voters, contrasting her record with the president's.",
         "sought", "to rally older voters"),
    ],
)
def test_trailing_comment_is_not_content(attribute, text, cue, expected):
    assert _by_cue(attribute(text), cue)["content"] == expected


def test_according_to_at_the_end_of_a_paragraph(attribute):
    text = "Clinton leads Sanders in California by about 6 points, according to a poll average.\n\nNext."
    r = _by_cue(attribute(text), "according to")
    assert (r["content"], r["source_text"]) == ("Clinton leads Sanders in California by about 6 points",
                                                "a poll average")


@pytest.mark.parametrize(
    "text, cue, source, content",
    [
        ("The governor is hoping to win the nomination.", "hoping", "The governor", "to win the nomination"),
        ("Polls show a tight race in Ohio.", "show", "Polls", "a tight race in Ohio"),
        ("Most Republicans see the deal as a mistake.", "see", "Most Republicans", "the deal as a mistake"),
        ("The senator voted against the resolution.", "voted", "The senator", "the resolution"),
        ("Trump deemed the agreement a disaster.", "deemed", "Trump", "the agreement a disaster"),
        ("Trump deemed the agreement unacceptable.", "deemed", "Trump", "the agreement unacceptable"),
        ("The mayor applauded the decision.", "applauded", "The mayor", "the decision"),
    ],
)
def test_new_cues_and_objects(attribute, text, cue, source, content):
    r = _by_cue(attribute(text), cue)
    assert (r["source_text"], r["content"]) == (source, content)


@pytest.mark.parametrize(
    "text, source, content",
    [
        ("Elizabeth Warren: Donald Trump Is a Failure in Business\n\nThe senator spoke on Monday.",
         "Elizabeth Warren", "Donald Trump Is a Failure in Business"),
        ("Poll: Sanders leads Clinton in Iowa\n\nA new survey came out.", "Poll", "Sanders leads Clinton in Iowa"),
        ("Historians: Clinton, Obama linked no matter what; \nHer fate hinges on the economy.\n\nMore text.",
         "Historians", "Clinton, Obama linked no matter what"),
    ],
)
def test_headline_colon_names_the_source(attribute, text, source, content):
    r = _by_cue(attribute(text), ":")
    assert (r["source_text"], r["content"]) == (source, content)


@pytest.mark.parametrize(
    "text",
    [
        "Note: Trump leads in the latest polls\n\nMore text follows here.",
        "BREAKING: Federal Judge Gives Hillary Bad News\n\nMore text follows here.",
        "height: 275px\n\nMore text follows here.",
        "Jeb Bush: Student loans. Some big ideas do come to pass, and Obamacare did, after all, so let us "
        "assume for the moment that this one will too and see where it leads us next year.\n\nMore.",
    ],
)
def test_line_labels_that_are_not_sources(attribute, text):
    assert [r for r in attribute(text) if r["cue"] == ":"] == []


@pytest.mark.parametrize(
    "text, title",
    [
        ("“We can't,” Rubio said on ABC's “This Week With George Stephanopoulos.”",
         "“This Week With George Stephanopoulos.”"),
        ("“I was sitting in a house in Florida,” Trump told NBC’s “Today” on Monday.", "“Today”"),
    ],
)
def test_a_show_title_after_the_cue_is_not_a_quote(attribute, text, title):
    records = attribute(text)
    assert all(r["content"] != title for r in records)
    assert any(r["content"].startswith("“We can't,”") or r["content"].startswith("“I was") for r in records)


def test_a_name_given_in_quotes_is_still_attributed(attribute):
    r = _by_cue(attribute("Within minutes, he called Rubio “Little Marco” multiple times."), "called")
    assert "“Little Marco”" in r["content"]


@pytest.mark.parametrize(
    "text, cue",
    [
        ("Every recent nominee has spoken at the conference. The promise said nothing.", "said"),
    ],
)
def test_lede_pattern_not_for_said(attribute, text, cue):
    assert all(r["rule"] != "lede" for r in attribute(text))


@pytest.mark.parametrize(
    "text, cue, source, content",
    [
        ("Sanders expressed support for a higher minimum wage.", "support", "Sanders", "a higher minimum wage"),
        ("Trump's attacks on the judge drew criticism.", "attacks", "Trump's", "the judge"),
        ("Graham came out in support of Cruz on Monday.", "support", "Graham", "Cruz"),
    ],
)
def test_noun_cues_with_a_prepositional_content(attribute, text, cue, source, content):
    r = _by_cue(attribute(text), cue)
    assert (r["source_text"], r["content"]) == (source, content)


def test_a_noun_cue_with_nobody_behind_it_is_not_attributed(attribute):
    assert [r for r in attribute("Support for the bill grew in May.") if r["cue"] == "Support"] == []


@pytest.mark.parametrize(
    "text, cue, content",
    [
        ("Mr. Rubio appeared to be on the upswing.", "appeared", "Mr. Rubio appeared to be on the upswing"),
        ("The laws seem to be very vague.", "seem", "The laws seem to be very vague"),
    ],
)
def test_seem_and_appear_have_no_source(attribute, text, cue, content):
    r = _by_cue(attribute(text), cue)
    assert r["content"] == content
    assert r["source_text"] is None


def test_it_before_a_verb_of_saying_is_a_source(attribute):
    text = "The ministry issued a correction. It said that the figures had been wrong."
    r = _by_cue(attribute(text), "said")
    assert r["source_text"] == "It"


def test_it_seems_has_no_source(attribute):
    r = _by_cue(attribute("It seems that the talks have failed."), "seems")
    assert r["source_text"] is None


@pytest.mark.parametrize(
    "text, cue, content",
    [
        ("Sanders also called on the U.S. to press China harder.", "called", "the U.S. to press China harder"),
        ("The senator urged Congress to pass the bill.", "urged", "Congress to pass the bill"),
    ],
)
def test_who_is_asked_and_what_they_are_asked_to_do(attribute, text, cue, content):
    r = _by_cue(attribute(text), cue)
    assert r["content"] == content


@pytest.mark.parametrize(
    "text, source, content",
    [
        ("“We will fight on,” said Robin Maynard, half joking.", "Robin Maynard", "“We will fight on,”"),
        ("The truck struck the crowd on the promenade, said a former spokesman for the ministry.",
         "a former spokesman for the ministry", "The truck struck the crowd on the promenade"),
    ],
)
def test_speaker_after_said_is_the_source_not_the_content(attribute, text, source, content):
    r = _by_cue(attribute(text), "said")
    assert (r["source_text"], r["content"]) == (source, content)


def test_citing_after_a_comma_keeps_its_object(attribute):
    text = "“It is frustration,” McCain said, citing low economic growth and unemployment."
    r = _by_cue(attribute(text), "citing")
    assert (r["source_text"], r["content"]) == ("McCain", "low economic growth and unemployment")


@pytest.mark.parametrize(
    "text",
    [
        "That said, a loss to Mr. Sanders in this state would hurt her.",
        "She said little about the plan.",
        "“Look at all these supporters here,” Paradis said with a smirk, looking over at Bennett.",
        "Western countries have increased their military and financial support for Kyiv.",
    ],
)
def test_not_attributed_content(attribute, text):
    wrong = ("a loss", "little", "looking over", "Kyiv")
    assert not any(r["content"].startswith(wrong) for r in attribute(text))


def test_same_of_is_still_attributed(attribute):
    r = _by_cue(attribute("Three-quarters said the same of Sanders."), "said")
    assert r["content"] == "the same of Sanders"
