"""Finding words in an article forgivingly, with offsets into the original text."""

from __future__ import annotations

import pytest

from sourcecrit.exercises.matching import fold, near_answer, occurrences, same_answer


def test_fold_keeps_a_map_back_to_the_original():
    text = "José  “Alcaide”\n—"
    folded, where = fold(text)
    assert folded == 'jose "alcaide" -'
    assert len(where) == len(folded)
    assert text[where[1]] == "o" and text[where[3]] == "é"


@pytest.mark.parametrize(
    "text, phrase, expected",
    [
        ("He said “indeed” twice", '"indeed"', ["“indeed”"]),
        ("José Antonio\nAlcaide told", "jose antonio alcaide", ["José Antonio\nAlcaide"]),
        ("the country’s troops", "country's troops", ["country’s troops"]),
        (
            "Kosiniak–Kamysh and Kosiniak-Kamysh",
            "kosiniak-kamysh",
            ["Kosiniak–Kamysh", "Kosiniak-Kamysh"],
        ),
        ("may, May and MAY", "may", ["may", "May", "MAY"]),
        ("nothing here", "absent", []),
        ("anything", "  ", []),
        ("the mayor may go", "may", ["may"]),
        ("he could go", "ou", []),
        ("“indeed”", "indeed", ["indeed"]),
    ],
)
def test_occurrences_give_spans_of_the_original(text, phrase, expected):
    assert [text[s:e] for s, e in occurrences(text, phrase)] == expected


def test_occurrences_within_a_range_keep_offsets_of_the_whole_text():
    text = "could here. could there."
    spans = occurrences(text, "could", within=(12, len(text)))
    assert spans == [(12, 17)]


@pytest.mark.parametrize(
    "given, accepted, same",
    [
        ("alcaide", "Alcaide", True),
        ("  The Pentagon. ", "Pentagon", True),
        ("Jose Antonio Alcaide", "José Antonio Alcaide", True),
        ("Alcaid", "Alcaide", False),
        ("", "Alcaide", False),
        ("the", "the", True),
    ],
)
def test_same_answer(given, accepted, same):
    assert same_answer(given, accepted) is same


def test_near_answer_catches_misspellings_only():
    assert near_answer("Alcaid", "Alcaide")
    assert near_answer("Sikorsky", "Sikorski")
    assert not near_answer("Putin", "Alcaide")
    assert not near_answer("", "Alcaide")
