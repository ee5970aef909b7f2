"""Rule confidence: measured precision per rule, stored as data, shown on every row."""

from __future__ import annotations

import pytest

from sourcecrit.attribution.confidence import (
    LEVELS,
    MIN_PREDICTIONS,
    confidence_of,
    keys_counted,
    level_for,
    load_rule_confidence,
    rule_key,
)
from sourcecrit.errors import LexiconError
from sourcecrit.resources import data_path


@pytest.mark.parametrize(
    "precision, level",
    [(0.95, "high"), (0.90, "high"), (0.89, "medium"), (0.75, "medium"), (0.7, "low")],
)
def test_documented_thresholds(precision, level):
    assert level_for(precision) == level


def test_keys_split_by_category_and_nesting():
    assert rule_key("verb", category="speech") == "verb/speech"
    assert rule_key("verb", category="belief", nested=True) == "verb/belief/nested"
    assert rule_key("quote", category="speech") == "quote"
    # a nested row never falls back to the figure of top-level rows
    assert keys_counted("verb/belief/nested") == ["verb/belief/nested", "verb/nested", "nested"]
    assert keys_counted("noun/stance") == ["noun/stance", "noun"]


def test_bundled_figures_say_how_they_were_made():
    text = data_path("rule_confidence", "attribution.yaml").read_text(encoding="utf-8")
    assert "benchmarks/rule_confidence.py" in text and "date:" in text
    table = load_rule_confidence()
    assert {"verb", "verb/speech", "quote", "according_to", "nested"} <= set(table)
    for row in table.values():
        assert row["confidence"] == level_for(row["correct"] / row["predicted"])


def test_confidence_follows_the_measured_table():
    table = load_rule_confidence()
    assert confidence_of("verb", category="speech") == table["verb/speech"]["confidence"]
    assert confidence_of("verb", category="belief", nested=True) == "low"
    # too few measured predictions: the machine cannot say how often it is right
    assert table["lede"]["predicted"] < MIN_PREDICTIONS and confidence_of("lede") == "low"
    assert confidence_of("a rule nobody measured") == "low"


@pytest.mark.parametrize(
    "text, where, message",
    [
        ("rule: {}\n", "rule", "unknown key"),
        (
            "rules:\n  verb:\n    predicted: 3\n    correct: 5\n    confidence: high\n",
            "rules.verb",
            "'correct'",
        ),
        (
            "rules:\n  verb:\n    predicted: 5\n    correct: 3\n    confidence: sure\n",
            "rules.verb.confidence",
            "high",
        ),
        (
            "rules:\n  verb:\n    predicted: -1\n    correct: 0\n    confidence: low\n",
            "rules.verb.predicted",
            "",
        ),
    ],
)
def test_bad_tables_are_refused_with_file_line_and_key(tmp_path, text, where, message):
    path = tmp_path / "confidence.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(LexiconError) as caught:
        load_rule_confidence(path)
    problems = caught.value.problems
    assert all(p.source == str(path) and p.line is not None for p in problems)
    assert any(where in p.key and message in p.message for p in problems), problems


def test_every_row_carries_rule_and_confidence(attribute):
    records = attribute(
        "The coach said that the players think the pitch is unsafe. "
        "According to the league, the match will go ahead."
    )
    assert records and all(r["confidence"] in LEVELS for r in records)
    by_cue = {r["cue"]: r for r in records}
    assert by_cue["said"]["rule"] == "verb" and by_cue["said"]["confidence"] == confidence_of(
        "verb", category="speech"
    )
    assert by_cue["think"]["confidence"] == "low"  # nested inside the coach's words
    assert by_cue["According to"]["rule"] == "according_to"
