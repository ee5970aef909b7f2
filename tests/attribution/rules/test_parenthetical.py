"""Cues in an "as" comment clause: the content is the clause the comment hangs on."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text, cue, source, content",
    [
        (
            "As the senator put it, the bill is dead.",
            "put it",
            "the senator",
            "the bill is dead",
        ),
        (
            "The vote failed, as the governor had predicted.",
            "predicted",
            "the governor",
            "The vote failed",
        ),
        (
            "As two economists noted last year, wages rarely keep up with rents.",
            "noted",
            "two economists",
            "wages rarely keep up with rents",
        ),
    ],
)
def test_an_as_clause_attributes_its_host_clause(attribute, one, text, cue, source, content):
    r = one(attribute(text), cue)
    assert (r["source_text"], r["content"], r["rule"]) == (source, content, "as_clause")


def test_an_as_clause_in_the_middle_attributes_the_whole_host(attribute, one):
    r = one(attribute("Prices, as one adviser pointed out, rarely fall in winter."), "pointed out")
    assert r["content"].startswith("Prices") and r["content"].endswith("winter")


@pytest.mark.parametrize(
    "text",
    [
        "As expected, the vote failed.",  # nobody is reported
        "As it happens, the vote failed.",  # an empty "it"
        "The mayor left early, as she always does.",  # not a cue verb
        "She spent the money as she pleased.",  # not a cue verb
        "Rivals are spending against her as we speak.",  # an idiom: "right now"
        "The bill would end welfare as we know it.",  # an idiom: "in its present form"
        "The prize will not be awarded next week as many critics expected.",  # negated host
        "The plan would raise taxes as well, the mayor's aides noted.",  # "as well"
    ],
)
def test_as_clauses_that_report_nobody(attribute, text):
    assert [r for r in attribute(text) if r["rule"] == "as_clause"] == []


def test_an_as_clause_with_its_own_content_is_left_to_the_verb_rule(attribute, one):
    r = one(attribute("He left early, as he said he would."), "said")
    assert r["rule"] == "verb"


@pytest.mark.parametrize(
    "text, source, content",
    [
        (
            "As reported by the Herald, the mill will close next year.",
            "the Herald",
            "the mill will close next year",
        ),
        ("The mill will close, as reported by the Herald.", "the Herald", "The mill will close"),
        (
            "As first reported by local radio, the mayor resigned.",
            "local radio",
            "the mayor resigned",
        ),
    ],
)
def test_a_passive_as_clause_takes_its_agent_as_source(attribute, one, text, source, content):
    r = one(attribute(text), "reported")
    assert (r["source_text"], r["content"], r["rule"]) == (source, content, "as_clause")


def test_a_passive_as_clause_without_an_agent_reports_nobody(attribute):
    assert not [
        r for r in attribute("As reported earlier, the mill will close.") if r["cue"] == "reported"
    ]


@pytest.mark.parametrize("cue", ["noted", "noted by"])
def test_an_as_clause_hung_on_the_subject_attributes_the_subject_clause(attribute, one, cue):
    text = (
        "The bridge, as engineers noted, needs repair."
        if cue == "noted"
        else "The bridge, as noted by engineers, needs repair."
    )
    r = one(attribute(text), "noted")
    assert r["source_text"] == "engineers"
    assert r["content"].startswith("The bridge") and r["content"].endswith("needs repair")
