"""The miss classifier in benchmarks/attribution_misses.py, on made-up gold spans."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
import spacy

REPO = Path(__file__).resolve().parents[2]
TEXT = "Ann said that taxes rise and that rents fall. Bob agreed."


@pytest.fixture(scope="module")
def misses():
    spec = importlib.util.spec_from_file_location(
        "attribution_misses", REPO / "benchmarks" / "attribution_misses.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def chars(phrase: str) -> frozenset[int]:
    start = TEXT.index(phrase)
    return frozenset(range(start, start + len(phrase)))


def gold(misses, phrase: str):
    ev = sys.modules["eval_attribution"]
    return ev.GoldAttribution(chars(phrase), cue=chars("said"))


def pred(misses, phrase: str):
    start = TEXT.index(phrase)
    return sys.modules["eval_attribution"].Prediction(start, start + len(phrase))


@pytest.mark.parametrize(
    "predicted, category, detail",
    [
        ([], "none", ""),
        (["that taxes rise and that rents fall. Bob agreed"], "too_long", "after +sentence"),
        (["rise and that rents fall"], "elsewhere", ""),
    ],
)
def test_a_missed_gold_attribution_gets_its_category(misses, predicted, category, detail):
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    doc = nlp(TEXT)
    golds = [gold(misses, "that taxes rise"), gold(misses, "that rents fall")]
    preds = [pred(misses, p) for p in predicted]
    got = misses.classify(golds[0], 0, preds, golds, doc)
    assert got[0] == category and got[1].startswith(detail)


def test_matched_gold_is_one_to_one(misses):
    golds = [gold(misses, "that taxes rise"), gold(misses, "that rents fall")]
    matched, took = misses._matched_gold([pred(misses, "that taxes rise")], golds)
    assert matched == {0} and took == {0: 0}
