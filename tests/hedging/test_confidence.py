"""Every certainty cue carries a confidence measured on news gold (hedging.confidence)."""

from __future__ import annotations

import json

import pytest

from sourcecrit.errors import LexiconError
from sourcecrit.hedging.component import HedgeFinder
from sourcecrit.hedging.confidence import LEVELS, load_confidence, parse_confidence
from sourcecrit.hedging.lexicon import load_lexicon
from sourcecrit.resources import data_path


def test_the_bundled_file_rates_every_lexicon_record_and_says_how():
    data = json.loads(data_path("rule_confidence", "hedges.json").read_text("utf-8"))
    assert {"command", "date", "thresholds", "categories", "records"} <= set(data)
    ids = {e.id for e in load_lexicon().entries}
    assert set(data["records"]) == ids
    for record in data["records"].values():
        assert record["confidence"] in LEVELS
        assert 0 <= record["right"] <= record["predicted"]
        high, medium = data["thresholds"]["high"], data["thresholds"]["medium"]
        p = record["smoothed_precision"]
        expected = "high" if p >= high else "medium" if p >= medium else "low"
        assert record["confidence"] == expected


def test_every_row_carries_the_confidence_of_its_record(cues_of):
    table = load_confidence()
    records = cues_of("Officials said the plan may fail; it is clearly too late, critics say.")
    assert records
    for r in records:
        assert r["confidence"] in LEVELS
        assert r["confidence"] == table.of(r["id"], r["category"])


def test_the_analysis_has_a_confidence_column(flagship_analysis):
    df = flagship_analysis.hedges
    assert "confidence" in df.columns
    assert set(df["confidence"]) <= set(LEVELS)


def test_an_unknown_record_takes_its_category_then_low():
    table = parse_confidence(
        {
            "records": {"may": {"confidence": "medium"}},
            "categories": {"hedge": {"confidence": "high"}},
        },
        label="t",
    )
    assert table.of("may", "hedge") == "medium"
    assert table.of("custom-cue", "hedge") == "high"
    assert table.of("custom-cue", "weasel") == "low"


@pytest.mark.parametrize(
    "data, message",
    [
        ([], "expected a mapping with 'records'"),
        ({"records": {"may": {"confidence": "sure"}}}, "record 'may', key 'confidence'"),
        ({"records": {"may": "high"}}, "record 'may', key 'confidence'"),
    ],
)
def test_a_bad_confidence_file_is_refused_with_its_place(data, message):
    with pytest.raises(LexiconError, match=message):
        parse_confidence(data, label="hedges.json")


def test_a_custom_confidence_file_is_used_and_a_missing_one_refused(nlp, tmp_path):
    path = tmp_path / "conf.json"
    path.write_text(json.dumps({"records": {"may": {"confidence": "low"}}}), "utf-8")
    finder = HedgeFinder(nlp, "h", confidence=str(path))
    with nlp.select_pipes(disable=["sourcecrit_hedges"]):
        doc = finder(nlp("It may rain."))
    assert [(r["cue"], r["confidence"]) for r in doc._.sc_hedges] == [("may", "low")]
    with pytest.raises(LexiconError, match="cannot read the confidence file"):
        HedgeFinder(nlp, "h", confidence=str(tmp_path / "missing.json"))
