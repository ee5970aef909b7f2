"""agreement(): per-label precision, recall and F1 over labelled spans, with partial credit."""

from __future__ import annotations

import math

import pandas as pd
import pytest

import sourcecrit
from sourcecrit.errors import AgreementError, SourcecritError
from sourcecrit.span_agreement import Span, agreement

# Our own example sentence; offsets are found, not typed, so the tests read like the text.
TEXT = "Officials say the plan may well fail, and it will certainly cost more than expected."


def at(phrase: str, label: str, text: str = TEXT) -> tuple[int, int, str]:
    start = text.index(phrase)
    return (start, start + len(phrase), label)


def test_exact_match_scores_one_everywhere():
    spans = [at("may well", "hedge"), at("certainly", "booster")]
    result = agreement(spans, spans)
    assert [(s.label, s.precision, s.recall, s.f1) for s in result.labels] == [
        ("hedge", 1.0, 1.0, 1.0),
        ("booster", 1.0, 1.0, 1.0),
    ]
    assert result.f1 == 1.0
    assert [m.exact for m in result.found] == [True, True]
    assert result.missed == () and result.extra == ()


def test_partial_overlap_earns_its_share_in_characters_or_words():
    student = [at("may", "hedge")]
    reference = [at("may well", "hedge")]
    by_chars = agreement(student, reference)
    assert by_chars.found[0].credit == pytest.approx(3 / 8)
    assert by_chars.score("hedge").precision == pytest.approx(3 / 8)
    assert by_chars.score("hedge").recall == pytest.approx(3 / 8)
    by_words = agreement(student, reference, text=TEXT)
    assert by_words.found[0].credit == pytest.approx(1 / 2)
    assert by_words.score("hedge").f1 == pytest.approx(0.5)
    assert by_words.missed == () and by_words.extra == ()


def test_nested_spans_match_one_to_one():
    # One long span over the whole clause cannot earn both cues inside it.
    student = [at("the plan may well fail", "hedge")]
    reference = [at("may", "hedge"), at("well", "hedge")]
    result = agreement(student, reference, text=TEXT)
    assert len(result.found) == 1
    assert result.found[0].credit == pytest.approx(1 / 5)  # one word of five
    assert len(result.missed) == 1
    score = result.score("hedge")
    assert score.precision == pytest.approx(0.2)
    assert score.recall == pytest.approx(0.1)
    assert score.f1 == pytest.approx(2 * 0.2 * 0.1 / 0.3, abs=1e-4)


def test_overlapping_spans_pair_best_first():
    # "may well" overlaps both reference spans; it goes to the one it shares most with,
    # leaving "well fail" for the student's second span.
    student = [at("may well", "hedge"), at("well fail", "hedge")]
    reference = [at("plan may well", "hedge"), at("well fail", "hedge")]
    result = agreement(student, reference, text=TEXT)
    pairs = {(m.student, m.reference): m.credit for m in result.found}
    assert pairs[(Span(*at("well fail", "hedge")), Span(*at("well fail", "hedge")))] == 1.0
    assert pairs[
        (Span(*at("may well", "hedge")), Span(*at("plan may well", "hedge")))
    ] == pytest.approx(2 / 3, abs=1e-4)
    assert result.missed == () and result.extra == ()


def test_different_labels_never_match_but_are_listed_as_mislabelled():
    result = agreement([at("certainly", "hedge")], [at("certainly", "booster")])
    assert result.found == ()
    assert result.extra == (Span(*at("certainly", "hedge")),)
    assert result.missed == (Span(*at("certainly", "booster")),)
    assert result.mislabelled == ((result.extra[0], result.missed[0]),)
    assert result.score("hedge").precision == 0.0
    assert result.score("booster").recall == 0.0
    assert result.f1 == 0.0


@pytest.mark.parametrize(
    ("student", "reference", "precision", "recall", "f1"),
    [
        ([], [], 1.0, 1.0, 1.0),  # both say there is nothing: they agree
        ([], [at("may", "hedge")], None, 0.0, 0.0),  # missed everything
        ([at("may", "hedge")], [], 0.0, None, 0.0),  # marked what is not there
    ],
)
def test_empty_answers(student, reference, precision, recall, f1):
    result = agreement(student, reference, labels=["hedge"])
    score = result.score("hedge")
    assert (score.precision, score.recall, score.f1) == (precision, recall, f1)
    assert (result.precision, result.recall, result.f1) == (precision, recall, f1)


def test_dataframes_are_accepted_and_to_frame_has_one_row_per_label():
    student = pd.DataFrame(
        [at("may", "hedge"), at("Officials say", "weasel")], columns=["start", "end", "label"]
    )
    reference = pd.DataFrame(
        {
            "start": [TEXT.index("may well")],
            "end": [TEXT.index("may well") + 8],
            "label": ["hedge"],
            "explanation": ["extra columns are ignored"],
        }
    )
    frame = agreement(student, reference, labels=["hedge", "booster", "weasel"]).to_frame()
    assert list(frame.columns) == ["label", "precision", "recall", "f1"]
    assert list(frame["label"]) == ["hedge", "booster", "weasel"]
    weasel = frame.set_index("label").loc["weasel"]
    assert weasel["precision"] == 0.0 and math.isnan(weasel["recall"]) and weasel["f1"] == 0.0
    assert frame.set_index("label").loc["booster", "f1"] == 1.0


def test_the_same_span_twice_counts_once():
    result = agreement([at("may", "hedge")] * 2, [at("may", "hedge")])
    assert result.score("hedge").precision == 1.0


def test_html_is_escaped_and_plain():
    text = "They <script>alert(1)</script> may say so."
    span = at("<script>alert(1)</script>", "<b>hedge</b>", text)
    out = agreement([span], [], text=text)._repr_html_()
    assert "<script>" not in out and "&lt;script&gt;" in out
    assert "<b>hedge</b>" not in out
    assert "Of its, how many you found" in out  # column names a student can read


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ("may", "triples or a DataFrame"),
        ([(5, 3, "hedge")], "0 <= start < end"),
        ([(1, 2)], r"must be \(start, end, label\)"),
        ([(1.5, 3, "hedge")], "whole numbers"),
        ([(1, 3, "")], "non-empty"),
        ([(1, 500, "hedge")], "past the end"),
        (pd.DataFrame({"start": [1], "end": [2]}), "lacks label"),
    ],
)
def test_bad_spans_raise_a_clear_error(bad, message):
    with pytest.raises(AgreementError, match=message) as info:
        agreement(bad, [], text=TEXT)
    assert isinstance(info.value, SourcecritError)


def test_exported_from_the_package():
    assert sourcecrit.agreement is agreement
    assert agreement([(0, 3, "x")], [(0, 3, "x")]).to_dict()["f1"] == 1.0
