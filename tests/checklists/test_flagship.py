"""Acceptance on the flagship article (Izvestia, 10 March 2024), with the real pipeline."""

from __future__ import annotations

import pytest

from sourcecrit.analysis import Analysis
from sourcecrit.checklists import load_checklist
from sourcecrit.checklists.evidence import NAMED_TYPES, own_attributions

LEDE = "NATO soldiers are indeed present in Ukraine, but not as military personnel."
VAGUE = {
    "Western leaders",
    "a number of countries, including the USA, Germany and the UK",
    "the leaders of opposition parties in France",
}


@pytest.fixture(scope="module")
def sift_hints(flagship_analysis):
    return {h.signal: h for h in load_checklist("sift").evidence(flagship_analysis)}


def test_sift_counts_named_and_vague_sources(flagship_analysis, sift_hints):
    mix = sift_hints["source_mix"]
    own = own_attributions(flagship_analysis)
    assert mix.counts["named"] == int(own["source_type"].isin(NAMED_TYPES).sum()) > 0
    assert mix.counts["vague"] == 3
    assert mix.counts["attributions"] == len(own)
    vague_quotes = {
        q for q, label in zip(mix.quotes(flagship_analysis.text), mix.labels) if label == "vague"
    }
    assert vague_quotes == VAGUE
    assert f"{mix.counts['named']} (" in mix.message and "3 (" in mix.message
    assert mix.items == ("source-people",)


def test_sift_lede_has_its_single_source_alcaide(flagship_analysis, sift_hints):
    hint = sift_hints["lede"]
    assert hint.counts["lede"] == LEDE
    assert hint.counts["sources"] == ["José Antonio Alcaide"]
    assert "NATO soldiers are indeed present in Ukraine" in hint.message
    assert "single source: José Antonio Alcaide" in hint.message
    quotes = dict(zip(hint.labels, hint.quotes(flagship_analysis.text)))
    assert quotes["lede"] == LEDE
    assert "Alcaide" in quotes["source"]
    assert {"better-coverage", "trace-claim"} <= set(hint.items)


def test_sift_points_at_the_unattributed_closing_paragraph(flagship_analysis, sift_hints):
    hint = sift_hints["narrator_voice"]
    closing = flagship_analysis.article.paragraphs[-1]
    assert closing.text.startswith("Western countries have increased")
    assert (closing.start, closing.end) in hint.spans
    assert hint.labels[hint.spans.index((closing.start, closing.end))] == "paragraph"
    assert "the closing paragraph" in hint.message
    assert hint.counts["unsourced_paragraphs"] == [closing.index]


def test_sift_dates_against_the_articles_date(sift_hints):
    hint = sift_hints["dates"]
    assert hint.counts["article_date"] == "2024-03-10"
    by_text = {m["text"]: m["date"] for m in hint.counts["mentions"]}
    assert by_text["March 8"] == "2024-03-08"
    assert by_text["February 24, 2022"] == "2022-02-24"
    assert "None is later than the article's own date" in hint.message


def test_an_analysis_from_json_gives_the_same_hints_without_parsing(flagship_analysis, sift_hints):
    rebuilt = Analysis.from_json(flagship_analysis.to_json())
    assert rebuilt.doc is None
    hints = {h.signal: h for h in load_checklist("sift").evidence(rebuilt)}
    assert "dates" not in hints  # needs the Doc's entities
    for signal in ("source_mix", "lede", "narrator_voice", "single_mention_sources", "hedging"):
        assert hints[signal].message == sift_hints[signal].message
        assert hints[signal].spans == sift_hints[signal].spans


@pytest.mark.parametrize(
    "name", ["sift", "craap", "civic-online-reasoning", "ifla", "outlet-credibility"]
)
def test_every_builtin_completes_on_the_flagship(flagship_analysis, name):
    checklist = load_checklist(name)
    done = checklist.complete({}, analysis=flagship_analysis, learner="Ada")
    assert {e.signal for e in done.evidence} == set(checklist.signals)
    md = done.to_markdown()
    assert "## What the article shows" in md
    for hint in done.evidence:
        for start, end in hint.spans:
            assert 0 <= start < end <= len(flagship_analysis.text)


def test_byline_names_the_outlet_and_invites_finding_what_is_unknown(flagship_analysis):
    hint = load_checklist("sift").evidence(flagship_analysis)
    byline = next(h for h in hint if h.signal == "byline")
    assert byline.counts["present"] == {"outlet": "Izvestia", "date": "2024-03-10"}
    assert byline.counts["missing"] == ["title", "author", "url"]
    assert "Unknown here: title, author and url. Find them:" in byline.message
    # Lateral reading: the hint sends the student away from the outlet's own pages.
    assert "search “Izvestia” on other sites" in byline.message
    assert "publisher's own site" not in byline.message


def test_source_mix_counts_words_per_source_not_only_attributions(flagship_analysis, sift_hints):
    mix = sift_hints["source_mix"]
    shares = mix.counts["by_source"]
    assert shares[0]["source"] == "José Antonio Alcaide"
    assert shares[0]["words"] == max(s["words"] for s in shares) > 0
    assert sum(s["attributions"] for s in shares) <= mix.counts["attributions"]
    top = shares[0]
    assert (
        f"The most-heard source, José Antonio Alcaide, has {top['attributions']} of "
        f"{mix.counts['attributions']} attributions" in mix.message
    )
    assert f"and {top['words']} of {sum(s['words'] for s in shares)} attributed words" in (
        mix.message
    )


def test_hedging_rates_come_with_the_polnear_median(sift_hints):
    from sourcecrit.checklists.wording import reference_rates

    hint = sift_hints["hedging"]
    reference = reference_rates()
    assert reference.articles > 900 and "PolNeAR" in reference.corpus
    assert reference.command.startswith("PYTHONPATH=src python benchmarks/reference_rates.py")
    median = reference.per_100_words["hedge"].median
    assert hint.counts["reference_median_per_100_words"]["hedge"] == median
    assert f"has {median:g} hedges" in hint.message
