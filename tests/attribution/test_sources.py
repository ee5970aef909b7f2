"""Sources of attributions: their types, pronouns and descriptions resolved to speakers."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Sources said the talks had failed.", "anonymous"),
        ("Many experts said the talks had failed.", "vague_group"),
        ("The report said the talks had failed.", "document"),
        ("The New York Times reported that the talks had failed.", "media"),
        ("Senator Jane Smith said the talks had failed.", "named_politician"),
        ("Rep. Jane Smith said the talks had failed.", "named_politician"),  # "rep." as written
        ("Economist John Brown said the talks had failed.", "named_expert"),
        ("Defense Minister John Brown said the talks had failed.", "named_official"),
        ("The Pentagon said the talks had failed.", "organisation"),
    ],
)
def test_source_types(attribute, text, expected):
    records = attribute(text)
    assert len(records) == 1
    assert records[0]["source_type"] == expected


def test_pronoun_resolves_to_the_last_person_as_subject(attribute, one):
    text = "Prime Minister Anna Berg met John Lee on Monday. She said the deal was close."
    r = one(attribute(text), "said")
    assert r["speaker"] == "Anna Berg"


def test_definite_description_resolves_by_role(attribute, one):
    text = (
        "Foreign Minister Anna Berg visited Paris. Mayor Tom Weiss was there too. "
        "The minister said the visit went well."
    )
    r = one(attribute(text), "said")
    assert r["speaker"] == "Anna Berg"


@pytest.mark.parametrize(
    "text, antecedent, expected",
    [
        (
            "The ministry said talks had failed. It added that a new round was planned.",
            "The ministry",
            "organisation",
        ),
        (
            "A report by the city council said costs would rise. It also said the bridge was unsafe.",
            "A report by the city council",
            "document",
        ),
        ("The BBC reported the closure. It said the bridge was unsafe.", "The BBC", "media"),
    ],
)
def test_a_speaking_it_stands_for_the_body_or_document_before(
    nlp, attribute, text, antecedent, expected
):
    records = attribute(text)
    it = next(r for r in records if r["source_text"] == "It")
    before = next(r for r in records if r["source_text"] == antecedent)
    assert it["source_type"] == before["source_type"] == expected
    assert it["speaker"] == before["speaker"]
    assert it["source_evidence"].startswith("'It': stands for")
    # One source, not two: the sources table counts both attributions under one row.
    sources = list(nlp(text)._.sc_sources)
    assert len(sources) == 1 and sources[0]["n_attributions"] == 2


def test_an_it_with_nothing_to_stand_for_says_so(attribute):
    # No body or document spoke before it (and a speaking "it" is never Okafor).
    text = "Okafor walked home on Monday. It said the bridge was unsafe."
    (it,) = [r for r in attribute(text) if r["source_text"] == "It"]
    assert it["speaker"] is None and it["source_type"] == "anonymous"
    assert "does not make clear which organisation or document" in it["source_evidence"]


def test_an_it_two_sentences_on_is_not_joined(attribute):
    text = (
        "The ministry said talks had failed. Okafor walked home. The rain kept falling. "
        "It said the bridge was unsafe."
    )
    it = next(r for r in attribute(text) if r["source_text"] == "It")
    assert it["source_type"] == "anonymous"


def test_a_common_noun_opening_a_sentence_is_no_named_body(attribute, one):
    # The small model tags "Reporters" ORG here; it names nobody the reader could look up.
    r = one(attribute("Reporters said the bridge was closed."), "said")
    assert r["speaker"] is None
    assert r["source_type"] == "media"


def test_a_named_body_keeps_its_name(attribute, one):
    r = one(attribute("The Pentagon said the bridge was closed."), "said")
    assert r["speaker"] == "Pentagon" and r["source_type"] == "organisation"


@pytest.mark.parametrize(
    "text, cue",
    [
        ("It is hard to convince the voters that the bridge is safe.", "convince"),
        ("It goes without saying that the bridge is old.", "saying"),
        ("We think it is fair to say that the bridge is old.", "say"),
    ],
)
def test_an_impersonal_it_is_no_source(attribute, one, text, cue):
    # A dummy subject stands for no one: the row keeps its cue and content, not a source
    # "It" typed anonymous ("a pronoun whose person could not be found").
    r = one(attribute(text), cue)
    assert (r["source_text"], r["source_start"], r["speaker"]) == (None, None, None)
    assert r["source_type"] == "none"


@pytest.mark.parametrize(
    "text, expletive",
    [
        ("It makes one wonder whether the bridge is safe.", True),
        ("It is hard to say whether the bridge is safe.", True),
        ("It said the bridge was unsafe.", False),
        ("It is a bridge.", False),  # a copula with no clause after it: a real "it"
    ],
)
def test_is_expletive_it(nlp, text, expletive):
    from sourcecrit.attribution.source_table import is_expletive_it

    assert is_expletive_it(nlp(text)[0]) is expletive


@pytest.mark.parametrize(
    "text, source",
    [
        ("Her ex-husband agreed, but also argued that the files were private.", "Her ex-husband"),
        ("The co-founder said the shop would close.", "The co-founder"),
    ],
)
def test_a_hyphenated_noun_is_not_cut_from_the_source(attribute, text, source):
    # The tokenizer splits "ex-husband" at the hyphen and the parser may leave "-husband"
    # outside the subject: the source is the whole word.
    assert [r["source_text"] for r in attribute(text)] == [source]


def test_a_city_councillor_is_a_politician(attribute):
    (r,) = attribute("Chicago Alderman Jo Okafor said the police had failed.")
    assert (r["speaker"], r["source_type"]) == ("Jo Okafor", "named_politician")


@pytest.mark.parametrize(
    "text, expected",
    [
        # A past office: the speaker talks from experience, for no institution.
        ("Retired General Tom Hart said the plan would fail.", "named_expert"),
        # "Retired" or "former" alone make no expert.
        ("Ann Lee, a retired nurse, said the clinic had closed.", "named_other"),
        ("Tom Hart, a former factory worker, said the plant had closed.", "named_other"),
        # A former legislator is still a politician.
        ("Former Senator Tom Hart said the roads were bad.", "named_politician"),
        # "GOP" is a party: a former party chair speaks for a party still
        ("Tom Hill, a former state GOP chair, said the race was open.", "named_politician"),
    ],
)
def test_a_past_role_types_by_what_the_role_was(attribute, text, expected):
    (r,) = attribute(text)
    assert r["source_type"] == expected


def test_a_person_keeps_the_type_another_row_found(attribute):
    # The apposition names another person, so it is not taken as Lee's role; her first
    # source phrase still shows the office, and the later "she" is the same official.
    text = (
        'Hillary Clinton spoke in Ohio. "We opened offices in April," said Ann Lee, '
        "Clinton's communications director. Later, Lee spoke again. \"We will win the "
        'state," she said.'
    )
    rows = attribute(text)
    assert [(r["speaker"], r["source_type"]) for r in rows] == [
        ("Ann Lee", "named_official"),
        ("Ann Lee", "named_official"),
    ]
    assert "director" in rows[1]["source_evidence"]


def test_an_as_phrase_is_not_part_of_the_source(attribute):
    text = "Tom Reed, the chairman, kept his title. But the change was seen by some as a defeat for Mr. Reed."
    (r,) = attribute(text)
    assert (r["source_text"], r["speaker"], r["source_type"]) == ("some", None, "vague_group")


def test_such_as_keeps_the_names(attribute):
    (r,) = attribute("Aides such as Tom Reed said the plan was dead.")
    assert r["source_text"] == "Aides such as Tom Reed"


@pytest.mark.parametrize(
    "text", ["Some say the plan is dead.", "Many of them believe the vote was rigged."]
)
def test_a_vague_amount_tagged_as_a_pronoun_is_a_vague_group(attribute, text):
    (r,) = attribute(text)
    assert r["source_type"] == "vague_group"
