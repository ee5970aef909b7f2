"""Headline colons: "Name: what they said", and line labels that are not sources."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text, source, content",
    [
        (
            "Elizabeth Warren: Donald Trump Is a Failure in Business\n\nThe senator spoke on Monday.",
            "Elizabeth Warren",
            "Donald Trump Is a Failure in Business",
        ),
        (
            "Poll: Sanders leads Clinton in Iowa\n\nA new survey came out.",
            "Poll",
            "Sanders leads Clinton in Iowa",
        ),
        (
            "Historians: Clinton, Obama linked no matter what; \nHer fate hinges on the economy.\n\nMore text.",
            "Historians",
            "Clinton, Obama linked no matter what",
        ),
    ],
)
def test_headline_colon_names_the_source(attribute, one, text, source, content):
    r = one(attribute(text), ":")
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


def test_a_verb_the_tagger_read_as_a_noun_is_still_a_cue(attribute, one):
    # The tagger reads "charges" as a plural noun here, the object of "Trump".
    r = one(attribute("Trump charges that donors gave millions to the charity."), "charges")
    assert (r["source_text"], r["content"], r["rule"]) == (
        "Trump",
        "that donors gave millions to the charity",
        "verb",
    )


def _misparsed(nlp, words, tags, deps, heads):
    from spacy.tokens import Doc

    pos = {"NN": "NOUN", "NNS": "NOUN", "NNP": "PROPN", "TO": "PART", "VB": "VERB", "DT": "DET"}
    doc = Doc(
        nlp.vocab,
        words=words,
        tags=tags,
        pos=[pos.get(t, "PUNCT") for t in tags],
        deps=deps,
        heads=heads,
    )
    return doc


def test_a_headline_root_read_as_a_noun_takes_its_compounds_as_the_source(nlp):
    from sourcecrit.attribution.lexicon import load_cues
    from sourcecrit.attribution.rules import misread_verb_candidates
    from sourcecrit.attribution.syntax import verb_index

    # "School board vows to close the pool." parsed as one noun phrase headed by "vows".
    words = ["School", "board", "vows", "to", "close", "the", "pool", "."]
    tags = ["NN", "NN", "NNS", "TO", "VB", "DT", "NN", "."]
    deps = ["compound", "compound", "ROOT", "aux", "relcl", "det", "dobj", "punct"]
    heads = [2, 2, 2, 4, 2, 6, 4, 2]
    doc = _misparsed(nlp, words, tags, deps, heads)
    [c] = misread_verb_candidates(doc, verbs=verb_index(load_cues()))
    assert (doc.text[c.source_start : c.source_end], doc.text[c.content_start : c.content_end]) == (
        "School board",
        "to close the pool",
    )
    # "votes" takes no infinitive in the lexicon ("voted to ..." is a deed): nothing.
    words[2] = "votes"
    doc = _misparsed(nlp, words, tags, deps, heads)
    assert misread_verb_candidates(doc, verbs=verb_index(load_cues())) == []
