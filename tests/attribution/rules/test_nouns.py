"""Noun cues: "the claim that ...", "his support for ..."."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text, cue, source, content",
    [
        (
            "Trump's claim that the election was rigged was false.",
            "claim",
            "Trump's",
            "that the election was rigged",
        ),
        (
            "The statement of the minister that troops are there surprised many.",
            "statement",
            "the minister",
            "that troops are there",
        ),
        (
            "The ministry issued a statement saying that the talks had failed.",
            "saying",
            "The ministry",
            "that the talks had failed",
        ),
    ],
)
def test_noun_cues(attribute, one, text, cue, source, content):
    r = one(attribute(text), cue)
    assert (r["source_text"], r["content"]) == (source, content)


def test_the_fact_that_is_not_an_attribution(attribute):
    assert attribute("The fact that taxes rose surprised nobody.") == []


@pytest.mark.parametrize(
    "text, cue, source, content",
    [
        (
            "Sanders expressed support for a higher minimum wage.",
            "support",
            "Sanders",
            "a higher minimum wage",
        ),
        ("Trump's attacks on the judge drew criticism.", "attacks", "Trump's", "the judge"),
        ("Graham came out in support of Cruz on Monday.", "support", "Graham", "Cruz"),
    ],
)
def test_noun_cues_with_a_prepositional_content(attribute, one, text, cue, source, content):
    r = one(attribute(text), cue)
    assert (r["source_text"], r["content"]) == (source, content)


def test_a_noun_cue_with_nobody_behind_it_is_not_attributed(attribute):
    assert [
        r for r in attribute("Support for the bill grew in May.") if r["cue"] == "Support"
    ] == []


@pytest.mark.parametrize(
    "text, cue, source, content",
    [
        (
            "The mayor's vow to repave every street won her the election.",
            "vow",
            "The mayor's",
            "to repave every street",
        ),
        (
            "His reluctance to raise taxes worried the council.",
            "reluctance",
            "His",
            "to raise taxes",
        ),
        (
            "The union has signalled its willingness to accept a pay freeze.",
            "willingness",
            "its",
            "to accept a pay freeze",
        ),
    ],
)
def test_a_noun_with_an_infinitive_attributes_an_intention(
    attribute, one, text, cue, source, content
):
    r = one(attribute(text), cue)
    assert (r["source_text"], r["content"], r["rule"]) == (source, content, "noun")


@pytest.mark.parametrize(
    "text, cue, source, content",
    [
        (
            "The bishop is a fierce opponent of the new casino.",
            "opponent",
            "The bishop",
            "the new casino",
        ),
        ("She has long been a critic of the trade deal.", "critic", "She", "the trade deal"),
    ],
)
def test_an_agent_noun_attributes_a_stance_to_its_subject(
    attribute, one, text, cue, source, content
):
    r = one(attribute(text), cue)
    assert (r["source_text"], r["content"]) == (source, content)


@pytest.mark.parametrize(
    "text",
    [
        "The willingness to compromise is rare in politics.",  # nobody holds it
        "Her opponent spoke next.",  # no "of": "her opponent" is a person, not a stance
        "Time to act is running out.",  # not a cue noun
    ],
)
def test_nouns_with_an_infinitive_or_agent_nouns_without_a_holder(attribute, text):
    assert [r for r in attribute(text) if r["rule"] == "noun"] == []


@pytest.mark.parametrize(
    "text, cue, source, content",
    [
        (
            "The council's prediction that rents would fall proved wrong.",
            "prediction",
            "The council's",
            "that rents would fall",
        ),
        (
            "His suspicion that the ballots were lost was never confirmed.",
            "suspicion",
            "His",
            "that the ballots were lost",
        ),
        (
            "Her contention that the tax is unfair won some support.",
            "contention",
            "Her",
            "that the tax is unfair",
        ),
        (
            "Her message that the parks must stay open reached every voter.",
            "message",
            "Her",
            "that the parks must stay open",
        ),
    ],
)
def test_more_nouns_with_a_that_clause(attribute, one, text, cue, source, content):
    r = one(attribute(text), cue)
    assert (r["source_text"], r["content"], r["rule"]) == (source, content, "noun")


def test_a_call_for_something_is_the_caller_s(attribute, one):
    r = one(attribute("The union renewed its call for a shorter week."), "call")
    assert (r["source_text"], r["content"]) == ("its", "a shorter week")


def test_a_call_with_nobody_behind_it_is_not_attributed(attribute):
    records = attribute("A call for volunteers went out on Monday.")
    assert [r for r in records if r["rule"] == "noun"] == []


def test_whoever_faces_criticism_is_its_target_not_its_source(attribute, one):
    r = one(attribute("The mayor faced criticism for the long delay."), "criticism")
    assert (r["source_text"], r["content"]) == (None, "the long delay")


def test_a_noun_s_clause_hung_on_the_verb_is_still_the_noun_s(nlp):
    from spacy.tokens import Doc

    from sourcecrit.attribution.lexicon import load_cues
    from sourcecrit.attribution.rules import noun_candidates

    # "Her remarks fuelled worries that the deal had failed.", with the clause parsed as the
    # verb's complement (as the small model often does) rather than the noun's.
    words = ["Her", "remarks", "fuelled", "worries", "that", "the", "deal", "had", "failed", "."]
    tags = ["PRP$", "NNS", "VBD", "NNS", "IN", "DT", "NN", "VBD", "VBN", "."]
    pos = ["PRON", "NOUN", "VERB", "NOUN", "SCONJ", "DET", "NOUN", "AUX", "VERB", "PUNCT"]
    deps = ["poss", "nsubj", "ROOT", "dobj", "mark", "det", "nsubj", "aux", "ccomp", "punct"]
    heads = [1, 2, 2, 2, 8, 6, 8, 8, 2, 2]
    lemmas = ["her", "remark", "fuel", "worry", "that", "the", "deal", "have", "fail", "."]
    doc = Doc(nlp.vocab, words=words, tags=tags, pos=pos, deps=deps, heads=heads, lemmas=lemmas)
    nouns = {e.cue: e for e in load_cues().values() if e.pos == "noun"}
    found = [c for c in noun_candidates(doc, nouns=nouns) if c.cue_token == 3]
    assert [doc.text[c.content_start : c.content_end] for c in found] == [
        "that the deal had failed"
    ]


@pytest.mark.parametrize(
    "text, cue, source, content",
    [
        ("His argument was that taxes should fall.", "argument", "His", "that taxes should fall"),
        ("Her plan is to open a bakery.", "plan", "Her", "to open a bakery"),
    ],
)
def test_a_noun_cue_s_content_can_follow_be(attribute, one, text, cue, source, content):
    r = one(attribute(text), cue)
    assert (r["source_text"], r["content"], r["rule"]) == (source, content, "noun")


def test_the_fact_is_that_attributes_nothing(attribute):
    assert attribute("The fact is that taxes rose.") == []


def test_a_that_clause_on_a_root_noun_stops_before_the_main_verb(attribute):
    # The small model makes "remark" the root and parses "drew" as a modifier of "laughs"
    # inside the clause: the content is the clause, not the rest of the sentence.
    text = "His remark that polls are wrong drew laughs from the crowd."
    hits = [r for r in attribute(text) if r["rule"] == "noun"]
    assert [(r["source_text"], r["content"]) for r in hits] == [("His", "that polls are wrong")]


def test_who_reads_or_judges_a_statement_does_not_hold_it(attribute):
    # Made-up sentences: the mayor handles a report someone else wrote.
    for text in (
        "The mayor read the report about the flood.",
        "The mayor criticized the report about the flood.",
    ):
        rows = attribute(text)
        assert not [r for r in rows if r["cue"] == "report"], rows
    # Whoever issues the report does hold it.
    rows = attribute("The mayor issued a report that the dam had failed.")
    report = [r for r in rows if r["cue"] == "report"]
    assert [r["source_text"] for r in report] == ["The mayor"]
