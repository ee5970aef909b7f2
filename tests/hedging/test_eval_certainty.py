"""benchmarks/eval_certainty.py: scoring rule, confidence rule, and a run on made-up gold."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "benchmarks" / "eval_certainty.py"


@pytest.fixture(scope="module")
def ev():
    spec = importlib.util.spec_from_file_location("eval_certainty", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_a_prediction_counts_only_when_it_overlaps_a_gold_cue_of_its_category(ev):
    gold = [
        {"article": "a", "start": 0, "end": 5, "category": "hedge"},
        {"article": "a", "start": 10, "end": 15, "category": "weasel"},
    ]
    predicted = {
        "a": [
            {"start": 3, "end": 8, "category": "hedge"},  # overlaps the hedge: right
            {"start": 11, "end": 12, "category": "booster"},  # overlaps, wrong category
            {"start": 20, "end": 25, "category": "weasel"},  # overlaps nothing
        ]
    }
    counts = ev.score(predicted, gold)
    assert (counts["hedge"].precision, counts["hedge"].recall) == (1.0, 1.0)
    assert (counts["booster"].predicted, counts["booster"].right) == (1, 0)
    assert (counts["weasel"].precision, counts["weasel"].recall) == (0.0, 0.0)


def test_confidence_is_smoothed_towards_the_category(ev):
    category = ev.Counts(predicted=10, right=9)  # 0.9
    never_seen = ev.smoothed_precision(ev.Counts(), category)
    assert never_seen == pytest.approx(0.9)
    one_miss = ev.smoothed_precision(ev.Counts(predicted=1, right=0), category)
    assert one_miss == pytest.approx(4.5 / 6)
    assert [ev.level(p) for p in (0.9, 0.85, 0.7, 0.6, 0.59)] == [
        "high",
        "high",
        "medium",
        "medium",
        "low",
    ]


def test_a_run_on_made_up_gold_prints_both_systems(tmp_path):
    gold_dir, polnear = tmp_path / "gold", tmp_path / "polnear"
    (polnear / "dev" / "text").mkdir(parents=True)
    gold_dir.mkdir()
    text = "Officials said the plan may fail. It is clearly too late."
    (polnear / "dev" / "text" / "one.txt").write_text(text, "utf-8")
    cues = [
        {"article": "one", "start": 0, "end": 9, "text": "Officials", "category": "weasel"},
        {"article": "one", "start": 24, "end": 27, "text": "may", "category": "hedge"},
    ]
    (gold_dir / "dev.json").write_text(json.dumps({"articles": ["one"], "cues": cues}), "utf-8")
    out = subprocess.run(
        [sys.executable, str(SCRIPT), str(gold_dir), str(polnear)],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": str(REPO / "src"), "PATH": "/usr/bin:/bin"},
    ).stdout
    assert "| word-list baseline | hedge | 1 |" in out
    assert "| sourcecrit | weasel | 1 | 1 | 1.000 | 1.000 | 1.000 |" in out
    assert "| sourcecrit | hedge | 1 | 1 | 1.000 | 1.000 | 1.000 |" in out


def test_the_reading_is_named_and_confidence_is_only_written_for_news(tmp_path):
    gold_dir, polnear = tmp_path / "gold", tmp_path / "polnear"
    (polnear / "dev" / "text").mkdir(parents=True)
    gold_dir.mkdir()
    text = "The legendary road floods."
    (polnear / "dev" / "text" / "one.txt").write_text(text, "utf-8")
    (gold_dir / "dev.json").write_text(json.dumps({"articles": ["one"], "cues": []}), "utf-8")
    command = [sys.executable, str(SCRIPT), str(gold_dir), str(polnear), "--reading", "wikipedia"]
    env = {"PYTHONPATH": str(REPO / "src"), "PATH": "/usr/bin:/bin"}
    out = subprocess.run(command, capture_output=True, text=True, check=True, env=env).stdout
    assert "(1 articles), reading: wikipedia" in out
    assert "| sourcecrit | weasel | 0 | 1 |" in out  # "legendary", Wikipedia's reading only
    refused = subprocess.run(
        [*command, "--write-confidence", str(tmp_path / "c.json")],
        capture_output=True,
        text=True,
        env=env,
    )
    assert refused.returncode == 2 and "--write-confidence" in refused.stderr
