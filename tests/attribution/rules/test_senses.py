"""Cue words used in a non-reporting sense, and adjuncts that are not content."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text",
    [
        "The new bridge will be costly, not to mention the years of delay.",
        "Needless to say, the plan has its critics.",
    ],
)
def test_cue_words_in_set_phrases_report_nothing(attribute, nlp, text):
    from sourcecrit.attribution.rules.senses import in_set_phrase, set_phrases

    doc = nlp(text)
    cue = next(t for t in doc if t.lower_ in ("mention", "say"))
    assert in_set_phrase(cue, set_phrases())
    assert [r for r in attribute(text) if r["cue"] in ("mention", "say")] == []


@pytest.mark.parametrize(
    "text",
    [
        "The campaign raised $2.5 million to support the governor.",
        "The union set aside 2 million dollars to attack the plan.",
    ],
)
def test_what_money_is_for_is_not_a_view(attribute, text):
    assert attribute(text) == []


def test_a_purpose_without_an_amount_is_still_attributed(attribute, one):
    r = one(attribute("She urged Congress to support the plan."), "urged")
    assert r["content"] == "Congress to support the plan"


@pytest.mark.parametrize(
    "text, cue, content",
    [
        (
            "The governor blasted the mayor as a failure on Wednesday during a radio interview.",
            "blasted",
            "the mayor as a failure",
        ),
        (
            "Both candidates cited the number at last week's town hall in Denver.",
            "cited",
            "the number",
        ),
        # a clause keeps its dates: they are part of what was said
        ("She said that the vote is on Monday.", "said", "that the vote is on Monday"),
    ],
)
def test_the_time_and_place_of_saying_are_not_content(attribute, one, text, cue, content):
    assert one(attribute(text), cue)["content"] == content


@pytest.mark.parametrize(
    "text",
    [
        "Even the new figures look decent, considering what the party is up against.",
        "The turnout was high, considering how cold it was.",
        "Given the cost, the bridge will not be built.",
    ],
)
def test_a_participle_used_as_a_preposition_reports_nothing(attribute, text):
    assert attribute(text) == []


def test_the_same_verb_with_its_own_subject_still_reports(attribute, one):
    r = one(attribute("The board is considering a merger with its rival."), "considering")
    assert r["source_text"] == "The board"


@pytest.mark.parametrize(
    "text, cue, content",
    [
        (
            "The new rules promise to cut costs but are likely to face lawsuits.",
            "promise",
            "to cut costs",
        ),
        (
            "The council vowed to rebuild the bridge and raised taxes to pay for it.",
            "vowed",
            "to rebuild the bridge",
        ),
    ],
)
def test_a_verb_phrase_coordinated_to_the_cue_is_not_content(attribute, one, text, cue, content):
    assert one(attribute(text), cue)["content"] == content


@pytest.mark.parametrize(
    "text, cue, content",
    [
        (
            "The party promised to build and run new schools.",
            "promised",
            "to build and run new schools",
        ),
        ("She praised the teachers and nurses.", "praised", "the teachers and nurses"),
    ],
)
def test_coordination_inside_the_content_is_kept(attribute, one, text, cue, content):
    assert one(attribute(text), cue)["content"] == content


@pytest.mark.parametrize(
    "text, cue, content",
    [
        (
            "Two mayors who said the budget was too small resigned on Friday.",
            "said",
            "the budget was too small",
        ),
        (
            "The talks were led by the two largest nations, which vowed to cut tariffs.",
            "vowed",
            "to cut tariffs",
        ),
    ],
)
def test_a_relative_clause_on_a_counted_noun_still_reports(attribute, one, text, cue, content):
    # a relative clause with its own subject says what the counted people did, not what an
    # amount is for ("$2 million to support ...")
    assert one(attribute(text), cue)["content"] == content
