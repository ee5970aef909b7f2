"""The component's contract: record keys, offsets, span group, scope bounds, serialisation."""

from __future__ import annotations

import pandas as pd
import pytest
from spacy.tokens import Doc

from sourcecrit.columns import HEDGE_CATEGORIES, HEDGES
from sourcecrit.hedging import hedges, most_hedged_sentences, sentence_certainty
from sourcecrit.sentences import sentence_of, sentence_spans, sentence_starts

TEXTS = [
    "It may rain. Critics say the plan is flawed, but it is clearly the best one.",
    "Reportedly, the ship sank. Nothing can be ruled out.\n\nSome say it was sabotage; "
    "others doubt it. There is no doubt that it sank.",
    "",
    "   \n\n  ",
]


def test_records_have_the_contract_keys_in_order(flagship_hedges):
    assert flagship_hedges
    for record in flagship_hedges:
        assert list(record)[: len(HEDGES)] == list(HEDGES)
        assert list(record)[len(HEDGES) :] == ["id", "negated"]
        assert record["category"] in HEDGE_CATEGORIES


@pytest.mark.parametrize("text", TEXTS)
def test_offsets_scopes_and_sentences(nlp, text):
    doc = nlp(text)
    spans = sentence_spans(doc)
    starts = sentence_starts(doc)
    for r in hedges(doc):
        assert doc.text[r["start"] : r["end"]] == r["cue"]
        assert r["sentence"] == sentence_of(starts, r["start"])
        sent_start, sent_end = spans[r["sentence"]]
        # The scope holds the cue and never runs past its sentence.
        assert sent_start <= r["scope_start"] <= r["start"] < r["end"] <= r["scope_end"] <= sent_end
        assert (
            doc.text[r["scope_start"] : r["scope_end"]]
            == doc.text[r["scope_start"] : r["scope_end"]].strip()
        )


def test_flagship_scopes_stay_inside_their_sentences(flagship_analysis):
    spans = sentence_spans(flagship_analysis.doc)
    for r in flagship_analysis.hedges.itertuples():
        start, end = spans[r.sentence]
        assert start <= r.scope_start <= r.start < r.end <= r.scope_end <= end


def test_span_group_mirrors_the_records(nlp):
    doc = nlp(TEXTS[1])
    group = doc.spans["sc_hedges"]
    records = hedges(doc)
    assert len(records) >= 5
    assert [(s.start_char, s.end_char, s.label_) for s in group] == [
        (r["start"], r["end"], r["category"]) for r in records
    ]


def test_empty_text_gives_no_records(nlp):
    doc = nlp("")
    assert hedges(doc) == [] and list(doc.spans["sc_hedges"]) == []


def test_records_and_spans_survive_serialisation(nlp):
    doc = nlp(TEXTS[0])
    copy = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert hedges(copy) == hedges(doc)
    assert [s.label_ for s in copy.spans["sc_hedges"]] == [s.label_ for s in doc.spans["sc_hedges"]]


def test_pipe_with_two_processes_keeps_the_records(nlp):
    texts = TEXTS[:2]
    expected = [hedges(nlp(t)) for t in texts]
    assert [hedges(d) for d in nlp.pipe(texts, n_process=2)] == expected


def test_component_runs_last_and_declares_what_it_needs(nlp):
    assert nlp.pipe_names[-1] == "sourcecrit_hedges"
    meta = nlp.get_pipe_meta("sourcecrit_hedges")
    # token.pos is read too but not declared: the English model sets it without declaring
    # it, so analyze_pipes would report a false problem (see test_component in attribution).
    assert {"token.tag", "token.dep", "token.lemma"} <= set(meta.requires)
    assert {"doc._.sc_hedges", "doc.spans"} <= set(meta.assigns)


@pytest.mark.parametrize(
    "counts, label",
    [
        ((0, 0, 0), "neutral"),
        ((1, 0, 0), "uncertain"),
        ((0, 0, 1), "uncertain"),
        ((0, 1, 0), "emphatic"),
        ((1, 1, 0), "neutral"),
        ((1, 1, 1), "uncertain"),
        ((0, 2, 1), "emphatic"),
    ],
)
def test_sentence_certainty(counts, label):
    h, b, w = counts
    assert sentence_certainty(hedges=h, boosters=b, weasels=w) == label


def test_most_hedged_sentences_ranks_hedges_and_weasels_not_boosters():
    sentences = pd.DataFrame({"sentence": [0, 1, 2, 3], "text": ["a", "b", "c", "d"]})
    cues = pd.DataFrame(
        {
            "sentence": [0, 1, 1, 2, 2, 2, 3],
            "category": ["hedge", "weasel", "hedge", "booster", "booster", "booster", "hedge"],
        }
    )
    top = most_hedged_sentences(sentences, cues, n=2)
    assert top["sentence"].tolist() == [1, 0]
    assert top["hedging"].tolist() == [2, 1]
    assert most_hedged_sentences(sentences, cues, n=5)["sentence"].tolist() == [1, 0, 3]


def test_most_hedged_sentences_of_the_flagship(flagship_analysis):
    top = most_hedged_sentences(flagship_analysis.sentences, flagship_analysis.hedges, n=3)
    assert 1 <= len(top) <= 3
    assert top["hedging"].is_monotonic_decreasing
    for row in top.itertuples():
        soft = flagship_analysis.hedges.query("sentence == @row.sentence and category != 'booster'")
        assert len(soft) == row.hedging


def test_most_hedged_sentences_with_no_cues():
    sentences = pd.DataFrame({"sentence": [0, 1]})
    empty = pd.DataFrame(
        {"sentence": pd.Series(dtype="int64"), "category": pd.Series(dtype="object")}
    )
    assert most_hedged_sentences(sentences, empty).empty
    with pytest.raises(ValueError, match="n must be"):
        most_hedged_sentences(sentences, empty, n=-1)
