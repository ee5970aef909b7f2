"""Rule 1, cue verbs: clauses, objects, infinitives, passives and what is not attributed."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text, cue, source, content, kind",
    [
        (
            "The senator said that the bill would pass.",
            "said",
            "The senator",
            "that the bill would pass",
            "indirect",
        ),
        (
            "Smith warned of a long and costly war.",
            "warned",
            "Smith",
            "a long and costly war",
            "indirect",
        ),
        (
            "The ministry rejected the possibility of new talks.",
            "rejected",
            "The ministry",
            "the possibility of new talks",
            "indirect",
        ),
        (
            "The general ruled out sending more troops.",
            "ruled out",
            "The general",
            "sending more troops",
            "indirect",
        ),
        (
            "The minister clarified that no decision had been made.",
            "clarified",
            "The minister",
            "that no decision had been made",
            "indirect",
        ),
        (
            "Jones indicated that the company would appeal.",
            "indicated",
            "Jones",
            "that the company would appeal",
            "indirect",
        ),
        (
            "She emphasized that the plan is “a total failure.”",
            "emphasized",
            "She",
            "that the plan is “a total failure.”",
            "mixed",
        ),
        (
            "The governor believes that taxes are too high.",
            "believes",
            "The governor",
            "that taxes are too high",
            "indirect",
        ),
        ("Voters want to see real change.", "want", "Voters", "to see real change", "indirect"),
    ],
)
def test_patterns(attribute, one, text, cue, source, content, kind):
    r = one(attribute(text), cue)
    assert (r["source_text"], r["content"], r["kind"]) == (source, content, kind)


@pytest.mark.parametrize(
    "text, cue, content",
    [
        ("The claim was denied.", "denied", "The claim"),
        ("It is believed that the talks failed.", "believed", "that the talks failed"),
    ],
)
def test_agentless_cues_have_no_source(attribute, one, text, cue, content):
    r = one(attribute(text), cue)
    assert r["content"] == content
    assert r["source_text"] is None and r["source_start"] is None and r["source_end"] is None
    assert r["speaker"] is None and r["source_type"] == "none"


def test_passive_with_agent_has_the_agent_as_source(attribute, one):
    r = one(attribute("The report was rejected by the committee."), "rejected")
    assert r["source_text"] == "the committee"


def test_responded_by_saying_borrows_the_subject(attribute, one):
    recs = attribute("The spokeswoman responded by saying that the claims were false.")
    r = one(recs, "responded by saying")
    assert r["source_text"] == "The spokeswoman"
    assert r["content"] == "that the claims were false"


@pytest.mark.parametrize(
    "text, cue, expected",
    [
        # A comma-separated tail that is the writer's, not the source's, is left out.
        (
            "Hicks said all staffers sign agreements, though she did not discuss their terms.",
            "said",
            "all staffers sign agreements",
        ),
        (
            "Voters said they had not heard anything new from Mr. Sanders, who also held a rally.",
            "said",
            "they had not heard anything new from Mr. Sanders",
        ),
        (
            "He complained that the contest had been rigged against him, a charge that party leaders denied.",
            "complained",
            "that the contest had been rigged against him",
        ),
        (
            "Most voters said they had made up their minds, with similar levels of certainty among both camps.",
            "said",
            "they had made up their minds",
        ),
        (
            "The senator sought to rally older voters, contrasting her record with the president's.",
            "sought",
            "to rally older voters",
        ),
    ],
)
def test_trailing_comment_is_not_content(attribute, one, text, cue, expected):
    assert one(attribute(text), cue)["content"] == expected


@pytest.mark.parametrize(
    "text, cue, source, content",
    [
        (
            "The governor is hoping to win the nomination.",
            "hoping",
            "The governor",
            "to win the nomination",
        ),
        ("Polls show a tight race in Ohio.", "show", "Polls", "a tight race in Ohio"),
        (
            "Most Republicans see the deal as a mistake.",
            "see",
            "Most Republicans",
            "the deal as a mistake",
        ),
        ("The senator voted against the resolution.", "voted", "The senator", "the resolution"),
        ("Trump deemed the agreement a disaster.", "deemed", "Trump", "the agreement a disaster"),
        (
            "Trump deemed the agreement unacceptable.",
            "deemed",
            "Trump",
            "the agreement unacceptable",
        ),
        ("The mayor applauded the decision.", "applauded", "The mayor", "the decision"),
    ],
)
def test_new_cues_and_objects(attribute, one, text, cue, source, content):
    r = one(attribute(text), cue)
    assert (r["source_text"], r["content"]) == (source, content)


@pytest.mark.parametrize(
    "text, cue, content",
    [
        (
            "Mr. Rubio appeared to be on the upswing.",
            "appeared",
            "Mr. Rubio appeared to be on the upswing",
        ),
        ("The laws seem to be very vague.", "seem", "The laws seem to be very vague"),
    ],
)
def test_seem_and_appear_have_no_source(attribute, one, text, cue, content):
    r = one(attribute(text), cue)
    assert r["content"] == content
    assert r["source_text"] is None


def test_it_before_a_verb_of_saying_is_a_source(attribute, one):
    text = "The ministry issued a correction. It said that the figures had been wrong."
    r = one(attribute(text), "said")
    assert r["source_text"] == "It"


def test_it_seems_has_no_source(attribute, one):
    r = one(attribute("It seems that the talks have failed."), "seems")
    assert r["source_text"] is None


@pytest.mark.parametrize(
    "text, cue, content",
    [
        (
            "Sanders also called on the U.S. to press China harder.",
            "called",
            "the U.S. to press China harder",
        ),
        ("The senator urged Congress to pass the bill.", "urged", "Congress to pass the bill"),
    ],
)
def test_who_is_asked_and_what_they_are_asked_to_do(attribute, one, text, cue, content):
    r = one(attribute(text), cue)
    assert r["content"] == content


@pytest.mark.parametrize(
    "text, source, content",
    [
        (
            "“We will fight on,” said Robin Maynard, half joking.",
            "Robin Maynard",
            "“We will fight on,”",
        ),
        (
            "The truck struck the crowd on the promenade, said a former spokesman for the ministry.",
            "a former spokesman for the ministry",
            "The truck struck the crowd on the promenade",
        ),
    ],
)
def test_speaker_after_said_is_the_source_not_the_content(attribute, one, text, source, content):
    r = one(attribute(text), "said")
    assert (r["source_text"], r["content"]) == (source, content)


def test_citing_after_a_comma_keeps_its_object(attribute, one):
    text = "“It is frustration,” McCain said, citing low economic growth and unemployment."
    r = one(attribute(text), "citing")
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


def test_same_of_is_still_attributed(attribute, one):
    r = one(attribute("Three-quarters said the same of Sanders."), "said")
    assert r["content"] == "the same of Sanders"


@pytest.mark.parametrize(
    "text, cue, content",
    [
        (
            "Surveys show a tight race in the county, where two seats are open.",
            "show",
            "a tight race in the county",
        ),
        (
            "Officials cited the storm of 2019, when the river rose ten feet.",
            "cited",
            "the storm of 2019",
        ),
    ],
)
def test_a_non_restrictive_where_or_when_clause_is_the_writers(attribute, one, text, cue, content):
    assert one(attribute(text), cue)["content"] == content


@pytest.mark.parametrize(
    "text, cue, source, content",
    [
        (
            "He returned the gifts, which he said were unsolicited.",
            "said",
            "he",
            "were unsolicited",
        ),
        (
            "She toured the factory, which the owner says he will keep open.",
            "says",
            "the owner",
            "he will keep open",
        ),
    ],
)
def test_a_cue_in_a_relative_clause_reports_the_rest_of_it(
    attribute, one, text, cue, source, content
):
    r = one(attribute(text), cue)
    assert (r["source_text"], r["content"]) == (source, content)


def test_a_relative_clause_without_a_reported_clause_reports_nothing(attribute):
    assert [r for r in attribute("He returned the gifts, which he said nothing about.")] == []
