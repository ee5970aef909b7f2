"""Scoring: points per answer, totals, and bands at their boundaries.

Changed with issue 13: the outlet-credibility checklist scores how thoroughly each
criterion was checked (weighted like NewsGuard's), not whether the outlet meets it, so
its bands are now "Barely checked" (0), "Partly checked" (30) and "Well checked" (75), and
the boundary tests below use moves made and shown instead of yes/no answers.
"""

from __future__ import annotations

import itertools

import pytest

from sourcecrit.checklists import ChecklistError, checklist_from_yaml, load_checklist
from sourcecrit.checklists.scoring import band_for, format_points

NEWSGUARD_WEIGHTS = {
    "no-false-content": 22,
    "responsible-gathering": 18,
    "corrections": 12.5,
    "news-vs-opinion": 12.5,
    "headlines": 10,
    "ownership": 7.5,
    "advertising": 7.5,
    "who-is-in-charge": 5,
    "names-creators": 5,
}


@pytest.fixture(scope="module")
def outlet():
    return load_checklist("outlet-credibility")


def test_outlet_checklist_has_newsguards_nine_weights_in_order(outlet):
    assert {i.id: i.weight for i in outlet.items} == NEWSGUARD_WEIGHTS
    assert [i.weight for i in outlet.items] == [22, 18, 12.5, 12.5, 10, 7.5, 7.5, 5, 5]
    assert outlet.max_points == 100
    assert outlet.scoring.rule == "weighted"
    assert [(b.id, b.min) for b in outlet.scoring.bands] == [
        ("unchecked", 0),
        ("partly", 30),
        ("checked", 75),
    ]


def _answers_for(points, outlet):
    """Return moves (made and shown, or not made) whose weights add up to ``points``, or None."""
    ids = [i.id for i in outlet.items]
    done = {"did": "yes", "shown": "https://www.example.org/about-the-outlet"}
    for n in range(len(ids) + 1):
        for chosen in itertools.combinations(ids, n):
            if sum(NEWSGUARD_WEIGHTS[c] for c in chosen) == points:
                return {i: (done if i in chosen else {"did": "no"}) for i in ids}
    return None


@pytest.mark.parametrize(
    "points, band",
    [
        (0, "unchecked"),
        (2.5, "unchecked"),  # the smallest step above the bottom (7.5 - 5)
        (27.5, "unchecked"),
        (30, "partly"),  # exactly on the line
        (72.5, "partly"),  # the highest score below the top line that full moves reach
        (75, "checked"),  # exactly on the line
        (100, "checked"),
    ],
)
def test_outlet_band_at_each_boundary(outlet, points, band):
    answers = _answers_for(points, outlet)
    if points == 2.5:
        # No set of weights sums to 2.5: check the band function directly instead.
        assert answers is None
        assert band_for(list(outlet.scoring.bands), points).id == band
        return
    assert answers is not None, f"no combination of weights makes {points}"
    score = outlet.score(answers)
    assert score.value == points
    assert score.band.id == band
    assert score.complete


@pytest.mark.parametrize(
    "value, band", [(74.999999, "partly"), (75.0000001, "checked"), (74.9999999, "checked")]
)
def test_band_boundary_tolerates_float_sums(outlet, value, band):
    # Sums are rounded to 6 decimals first, so 74.9999999 (a float artefact) is 75.
    assert band_for(list(outlet.scoring.bands), value).id == band


def test_moves_not_made_and_unanswered_earn_nothing(outlet):
    # A bare "yes" is a move said to be made but not shown: half its points.
    score = outlet.score({"no-false-content": {"did": "no"}, "responsible-gathering": "yes"})
    assert score.value == 9
    assert score.answered == 2
    assert not score.complete
    assert score.band.id == "unchecked"
    with pytest.raises(ChecklistError, match="did must be one of yes, partly, no"):
        outlet.score({"no-false-content": "unsure"})


def test_sum_rule_counts_one_point_per_good_answer(write_yaml, minimal_yaml):
    checklist = load_checklist(write_yaml(minimal_yaml))
    assert checklist.max_points == 2  # the text item is not scored
    score = checklist.score({"one": "yes", "two": 5, "notes": "why"})
    assert (score.value, score.max, score.band.id, score.answered) == (2, 2, "high", 3)
    assert checklist.score({"one": "no", "two": 1}).value == 0


@pytest.mark.parametrize("rating, points", [(1, 0), (2, 0.25), (3, 0.5), (4, 0.75), (5, 1)])
def test_rating_earns_a_straight_line_share(write_yaml, minimal_yaml, rating, points):
    checklist = load_checklist(write_yaml(minimal_yaml))
    assert checklist.score({"two": rating}).value == points


def test_good_no_reverses_the_points():
    checklist = checklist_from_yaml(
        """
id: loaded
title: T
credit: C
licence: L
scoring: {rule: sum, bands: [{id: all, label: All, min: 0}]}
items:
  - {id: loaded-words, question: Does it use loaded words, good: "no"}
  - {id: one-sided, question: How one-sided is it, answer: rating, good: "no"}
"""
    )
    assert checklist.score({"loaded-words": "no", "one-sided": 1}).value == 2
    assert checklist.score({"loaded-words": "yes", "one-sided": 5}).value == 0


def test_rule_none_gives_no_value_but_counts_answers():
    checklist = checklist_from_yaml(
        "id: x\ntitle: T\ncredit: C\nlicence: L\nitems:\n  - {id: a, question: Q}\n  - {id: b, question: R}\n"
    )
    score = checklist.score({"a": "yes"})
    assert (score.value, score.max, score.band, score.answered, score.total) == (
        None,
        None,
        None,
        1,
        2,
    )
    assert str(score) == "1 of 2 answered"


@pytest.mark.parametrize(
    "answers, words",
    [
        ({"nope": "yes"}, "has no item 'nope'"),
        ({"one": "maybe"}, "must be one of yes, no, unsure; got 'maybe'"),
        ({"two": 6}, "rating from 1 to 5; got 6"),
        ({"two": True}, "rating from 1 to 5; got True"),
        ({"notes": 3}, "must be text"),
        (["one"], "must be a mapping"),
    ],
)
def test_bad_answers_name_the_item(write_yaml, minimal_yaml, answers, words):
    checklist = load_checklist(write_yaml(minimal_yaml))
    with pytest.raises(ChecklistError, match=words.replace("(", r"\(")):
        checklist.score(answers)


@pytest.mark.parametrize(
    "given, canonical",
    [
        ({"one": "Yes"}, {"one": "yes"}),
        ({"one": True}, {"one": "yes"}),
        ({"one": False}, {"one": "no"}),
        ({"two": "4"}, {"two": 4}),
        ({"two": 3.0}, {"two": 3}),
        ({"one": None}, {}),
    ],
)
def test_answers_are_made_canonical(write_yaml, minimal_yaml, given, canonical):
    assert load_checklist(write_yaml(minimal_yaml)).check_answers(given) == canonical


@pytest.mark.parametrize(
    "value, text", [(60, "60"), (12.5, "12.5"), (57.49999999, "57.5"), (0.0, "0")]
)
def test_format_points(value, text):
    assert format_points(value) == text


def test_score_text_reads_well(outlet):
    answers = _answers_for(75, outlet)
    assert str(outlet.score(answers)) == "75 of 100 points: Well checked (9 of 9 answered)"
