"""Headline lines and paragraphs end their sentence (sourcecrit_line_breaks, before the parser)."""

from __future__ import annotations

import pytest
import spacy

from sourcecrit import analyze
from sourcecrit.segmentation import set_title_boundaries, title_line_ends

HEADLINE = "City closes bridge as engineers warn of cracks"
LEDE = "The city closed the Elm Street bridge on Monday, officials said."


@pytest.mark.parametrize(
    "text, lines",
    [
        (f"{HEADLINE}\n{LEDE}", [HEADLINE]),
        (f"{HEADLINE}\n\n{LEDE}", [HEADLINE]),
        (f"{LEDE}\n\nBRIDGE SAFETY\n\nThe mayor spoke.", [LEDE, "BRIDGE SAFETY"]),
        (f"{HEADLINE}.\n\n{LEDE}", [f"{HEADLINE}."]),  # a paragraph, whatever its end
        # hard-wrapped prose: its lines lack a stop but are neither first nor paragraphs
        ("The mayor said on Monday.\nThat the bridge would\nreopen in the spring.", []),
        # a long line ends a sentence only as a paragraph of its own
        (f"{LEDE}\n" + "word " * 30 + "\nThe end.", []),
        (f"{LEDE}\n\n" + "word " * 30 + "\n\nThe end.", [LEDE, ("word " * 30).strip()]),
        (f"{LEDE}\n\nA last line with no stop", [LEDE]),  # nothing after the last one
    ],
)
def test_title_line_ends(text, lines):
    assert [text[:end].rsplit("\n", 1)[-1].strip() for end in title_line_ends(text)] == lines


def test_a_quoted_subheading_is_not_the_next_paragraphs_source():
    analysis = analyze(
        "The office opened in May.\n\n'Friends that stay.'\n\nHer volunteers here said "
        "they have been calling voters since the spring."
    )
    (row,) = analysis.attributions.itertuples()
    assert row.source_text == "Her volunteers here"
    assert "'Friends that stay.'" in list(analysis.sentences["text"])


def test_boundaries_are_set_on_a_blank_pipeline():
    nlp = spacy.blank("en")
    doc = set_title_boundaries(nlp(f"{HEADLINE}\n{LEDE}"))
    starts = [t.text for t in doc if t.is_sent_start and t.i > 0]
    assert starts == ["The"]


def test_the_component_runs_before_the_parser(nlp):
    names = nlp.pipe_names
    assert names.index("sourcecrit_line_breaks") < names.index("parser")
    assert not nlp.analyze_pipes()["problems"]["sourcecrit_line_breaks"]


def test_a_headline_is_not_merged_into_the_lede(nlp):
    doc = nlp(f"{HEADLINE}\n{LEDE} Engineers had warned of cracks for months, Okafor said.")
    sentences = [s.text.strip() for s in doc.sents]
    assert sentences[0] == HEADLINE
    assert sentences[1] == LEDE
    officials = next(r for r in doc._.sc_attributions if r["source_text"] == "officials")
    assert officials["content"] == "The city closed the Elm Street bridge on Monday"


def test_the_lede_counts_only_its_own_sources():
    analysis = analyze(
        f"{HEADLINE}\n\n{LEDE}\n\nBRIDGE SAFETY\n\nThe mayor said the bridge would reopen."
    )
    sents = analysis.sentences
    assert list(sents["text"]) == [
        HEADLINE,
        LEDE,
        "BRIDGE SAFETY",
        "The mayor said the bridge would reopen.",
    ]
    # the headline's own "engineers warn" is the headline's, the lede has one source
    assert list(sents["attributions"])[1] == 1
    assert list(sents["attributions"])[2] == 0
