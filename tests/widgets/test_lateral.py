"""Lateral-reading widgets driven from Python: links, reading log, claim tracer, belief check."""

from __future__ import annotations

import json

import pytest

from sourcecrit import analyze
from sourcecrit.article import Article
from sourcecrit.progress import ProgressStore
from sourcecrit.widgets.lateral import reading_log, search_launcher
from sourcecrit.widgets.tracing import belief_check, claim_tracer

STORY = (
    "Harbour workers walked out in Valdora on Monday, the port authority confirmed. "
    '"We will not go back until the cranes are safe," said union leader Ines <script>alert(1)</script> Marr. '
    "The harbour has lost money for three years in a row."
)


@pytest.fixture(scope="module")
def story(nlp):
    return analyze(Article(text=STORY, metadata={"url": "https://www.harbour-news.example/strike"}))


@pytest.fixture
def store(tmp_path):
    return ProgressStore(tmp_path / "progress")


def test_launcher_links_open_in_a_new_tab_and_text_is_escaped(story):
    html = search_launcher(story).value
    assert html.count('target="_blank"') == html.count("<a ") > 3
    assert 'rel="noopener noreferrer"' in html
    assert "<script>" not in html


def test_reading_log_row_saved_flagged_and_restored(story, store):
    log = reading_log(story, learner="Ada", store=store)
    log.url.value = "https://harbour-news.example/other"
    log.note.value = "Same outlet's follow-up"
    log.verdict.value = "confirms"
    row = log.add()
    assert row["own_site"] is True and row["site"] == "harbour-news.example"
    assert "you stayed on the page" in log.table.value
    log.url.value, log.verdict.value = "https://www.reuters.example/x", "does not mention"
    log.add()
    again = reading_log(story, learner="Ada", store=store)
    assert [r["site"] for r in again.rows.values()] == ["harbour-news.example", "reuters.example"]
    assert list(again.frame().columns)[-1] == "On the article's own site"
    saved = json.loads(store.path_for("Ada", "reading-log", story).read_text(encoding="utf-8"))
    assert len(saved["answers"]) == 2


def test_reading_log_refuses_a_non_address_and_keeps_the_typing(story, store):
    log = reading_log(story, learner="Ada", store=store)
    log.url.value = "harbour news"
    assert log.add() is None
    assert "https://" in log.status.value and log.url.value == "harbour news"
    assert log.rows == {}


def test_claim_tracer_saves_each_claim_and_restores(story, store):
    tracer = claim_tracer(story, learner="Ada", store=store)
    own = tracer.claims[tracer.claims["kind"] == "own voice"].iloc[0]
    item = f"claim-{own.start}-{own.end}"
    tracer.status_inputs[item].value = "could not trace"
    tracer.link_inputs[item].value = "https://search.example/?q=harbour"
    again = claim_tracer(story, learner="Ada", store=store)
    assert again.answers() == {
        item: {"status": "could not trace", "link": "https://search.example/?q=harbour"}
    }


def test_belief_before_is_frozen_after_needs_before_and_both_are_kept(story, store):
    check = belief_check(story, learner="Ada", store=store)
    assert check.commit("after") is False  # no "after" before a first estimate
    check.sliders["before"].value = 70
    assert check.commit("before") is False  # a reason is required
    check.reasons["before"].value = "A named union leader is quoted."
    assert check.commit("before") is True
    assert check.sliders["before"].disabled
    check.sliders["before"].value = 10
    assert check.commit("before") is False  # frozen
    check.sliders["after"].value = 40
    check.reasons["after"].value = "No other outlet reports the walk-out."
    assert check.commit("after")
    again = belief_check(story, learner="Ada", store=store)
    frame = again.frame()
    assert frame["How much I believe it (0–100)"].tolist() == [70, 40]
    assert again.sliders["before"].disabled
