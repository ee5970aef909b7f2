"""The issue's expectations on the flagship article (Izvestia, 10 March 2024)."""

from __future__ import annotations

import pytest


def cues_overlapping(records: list[dict], text: str, phrase: str, nth: int = 0) -> list[dict]:
    """Records whose cue shares characters with the ``nth`` occurrence of ``phrase``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    end = start + len(phrase)
    return [r for r in records if r["start"] < end and start < r["end"]]


@pytest.mark.parametrize(
    "phrase, category",
    [
        ("may also be present", "hedge"),
        ("could be there", "hedge"),
        ("expressed doubt", "hedge"),
        ("not unthinkable", "hedge"),
        ("discussed the possibility", "hedge"),
        ("nothing can be ruled out", "hedge"),
        ("Believe me", "booster"),
        ("there is no point in denying", "booster"),
        ("some alliance countries", "weasel"),
        ("in a number of countries", "weasel"),
        ("increasingly frequent statements", "weasel"),
    ],
)
def test_expected_cues(flagship, flagship_hedges, phrase, category):
    hits = cues_overlapping(flagship_hedges, flagship.text, phrase)
    assert [r["category"] for r in hits] == [category]


@pytest.mark.parametrize("nth", [0, 1])
def test_both_indeeds_are_boosters(flagship, flagship_hedges, nth):
    (record,) = cues_overlapping(flagship_hedges, flagship.text, "indeed", nth)
    assert (record["cue"], record["category"]) == ("indeed", "booster")


@pytest.mark.parametrize(
    "phrase",
    ["can hit targets", "would not disclose", "would not participate", "rejected the possibility"],
)
def test_not_hedges(flagship, flagship_hedges, phrase):
    assert cues_overlapping(flagship_hedges, flagship.text, phrase) == []


@pytest.mark.parametrize(
    "phrase, scope",
    [
        ("could be there", "the military could be there as instructors, advisers or observers"),
        ("expressed doubt", "expressed doubt that they are directly involved in hostilities"),
        ("discussed the possibility", "possibility of sending troops to Ukraine"),
        ("some alliance countries", "some alliance countries"),
        ("not unthinkable", "sending troops to Ukraine was not unthinkable"),
    ],
)
def test_scope_is_the_governed_clause_or_phrase(flagship, flagship_hedges, phrase, scope):
    (record,) = cues_overlapping(flagship_hedges, flagship.text, phrase)
    assert flagship.text[record["scope_start"] : record["scope_end"]] == scope


def test_the_analysis_counts_cues_per_sentence(flagship_analysis):
    sentences = flagship_analysis.sentences
    hedges = flagship_analysis.hedges
    for category, column in (("hedge", "hedges"), ("booster", "boosters"), ("weasel", "weasels")):
        assert sentences[column].sum() == (hedges["category"] == category).sum()
    first = sentences.iloc[0]
    assert (first["boosters"], first["certainty"]) == (1, "emphatic")
