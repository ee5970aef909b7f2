"""The PolNeAR scorer in benchmarks/eval_attribution.py, on a tiny hand-made brat folder."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def ev():
    spec = importlib.util.spec_from_file_location(
        "eval_attribution", REPO / "benchmarks" / "eval_attribution.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


TEXT = 'Ann said that taxes rise. "We lose," Bob said. Cal thinks so.'


def at(word: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(word, start + 1)
    return start, start + len(word)


def brat(kind: str, span: tuple[int, int]) -> str:
    return f"{kind} {span[0]} {span[1]}"


QUOTE = '"We lose,"'
ANN = "".join(
    [
        f"T1\t{brat('Source', at('Ann'))}\tAnn\n",
        f"T2\t{brat('Cue', at('said'))}\tsaid\n",
        f"T3\t{brat('Content', at('that taxes rise'))}\tthat taxes rise\n",
        "E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1\n",
        f"T4\t{brat('Content', at(QUOTE))}\t{QUOTE}\n",
        f"T5\t{brat('Source', at('Bob'))}\tBob\n",
        f"T6\t{brat('Cue', at('said', 1))}\tsaid\n",
        "E2\tAttribution:T6 Content:T4 Cue:T6 Source:T5\n",
        f"T7\tContent 0 3;{at('so.')[0]} {at('so.')[1]}\tAnn so\n",
        "E3\tAttribution:T7 Content:T7\n",
    ]
)


@pytest.fixture
def corpus(tmp_path):
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "attributions" / "a_0001.ann").write_text(ANN, encoding="utf-8")
    # A second annotator's file sorts later and must be ignored.
    (tmp_path / "attributions" / "a_0002.ann").write_text("", encoding="utf-8")
    return tmp_path


def test_reads_the_first_annotation_file(ev, corpus):
    [(name, text, gold)] = ev.read_corpus(corpus)
    assert name == "a" and text == TEXT and len(gold) == 3
    assert [g.has_quote for g in gold] == [False, True, False]
    so = at("so.")
    assert gold[2].content == frozenset({0, 1, 2, *range(*so)})  # discontinuous span
    assert gold[2].source == frozenset()


def test_scores(ev, corpus):
    [(_, _, gold)] = ev.read_corpus(corpus)
    P = ev.Prediction
    content, quote = at("that taxes rise"), at('"We lose,"')
    preds = [
        P(*content, *at("Ann"), *at("said")),  # exact match, source and cue right
        P(content[0] + 5, content[1], *at("Ann"), *at("said")),  # same gold: correct, no recall
        P(*quote, *at("Cal"), *at("said", 1)),  # quote matched, source wrong, cue right
        P(at("Bob")[0], at("so.")[0], None, None, None, None),  # mostly outside: wrong
    ]
    counts = ev.Counts()
    ev.score_document(preds, gold, counts)
    row = counts.row()
    assert row["precision"] == pytest.approx(3 / 4)
    assert row["recall"] == pytest.approx(2 / 3)
    assert row["source_overlap"] == pytest.approx(1 / 2)
    assert row["cue_overlap"] == pytest.approx(1.0)
    assert row["recall_quotes"] == pytest.approx(1.0)


def test_half_the_characters_is_enough(ev, corpus):
    [(_, _, gold)] = ev.read_corpus(corpus)
    end = at("that taxes rise")[1]
    counts = ev.Counts()
    # 10 characters, 5 inside the gold content: exactly half counts.
    ev.score_document([ev.Prediction(end - 5, end + 5)], gold, counts)
    assert counts.n_pred_correct == 1
    counts = ev.Counts()
    ev.score_document([ev.Prediction(end - 4, end + 5)], gold, counts)
    assert counts.n_pred_correct == 0


def test_bad_brat_line_names_file_and_line(ev, tmp_path):
    bad = tmp_path / "x.ann"
    bad.write_text("T1\tSource zero 3\tAnn\n", encoding="utf-8")
    with pytest.raises(ValueError, match="x.ann:1"):
        ev.read_ann(bad, TEXT)


def test_table_has_both_rows(ev):
    rows = {"sourcecrit": ev.Counts().row(), "textacy 0.13 direct_quotations": ev.Counts().row()}
    table = ev.format_table(rows)
    assert "| sourcecrit |" in table and "| textacy 0.13 direct_quotations |" in table


def test_end_to_end_on_the_tiny_folder(ev, corpus, nlp):
    rows = ev.evaluate(
        ev.read_corpus(corpus),
        systems={"sourcecrit": ev.sourcecrit_predictions, "textacy": ev.textacy_predictions},
        nlp=nlp,
        progress=False,
    )
    assert rows["sourcecrit"]["recall"] >= 2 / 3
    assert rows["sourcecrit"]["precision"] == 1.0


def test_cue_tally_counts_each_prediction_by_lemma(ev, corpus, nlp):
    tally: dict[str, list[int]] = {}
    ev.evaluate(
        ev.read_corpus(corpus),
        systems={"sourcecrit": ev.sourcecrit_predictions},
        nlp=nlp,
        progress=False,
        cue_tally=tally,
    )
    # "Ann said that ..." and '"We lose," Bob said': both under the lemma "say", both right
    assert tally["say"] == [2, 2]


def test_cue_table_lists_the_least_precise_first(ev):
    tally = {"say": [100, 95], "seek": [20, 12], "vow": [30, 24], "rare": [3, 0]}
    table = ev.format_cue_table(tally, min_count=15)
    rows = [line for line in table.splitlines() if line.startswith("| ") and "---" not in line][1:]
    assert rows == ["| seek | 20 | 0.600 |", "| vow | 30 | 0.800 |", "| say | 100 | 0.950 |"]


def test_nested_predictions_are_counted_and_scored_strictly_on_request(ev, corpus):
    # "Ann said that [taxes *rise*]": a prediction with its cue "rise" inside Ann's content
    # is nested; PolNeAR annotates no nested attribution, so only --strict-nested can call
    # it wrong (its content lies inside Ann's gold Content).
    [(_, _, gold)] = ev.read_corpus(corpus)
    P = ev.Prediction
    outer = P(*at("that taxes rise"), *at("Ann"), *at("said"))
    nested = P(at("taxes")[0], at("taxes")[1], *at("taxes"), *at("rise"))
    lenient, strict = ev.Counts(), ev.Counts()
    ev.score_document([outer, nested], gold, lenient)
    ev.score_document([outer, nested], gold, strict, strict_nested=True)
    assert lenient.n_pred == strict.n_pred == 2 and lenient.n_nested == strict.n_nested == 1
    assert lenient.row()["precision"] == pytest.approx(1.0)
    assert strict.row()["precision"] == pytest.approx(0.5)
    assert lenient.row()["nested_precision"] == strict.row()["nested_precision"] == 0.0
    assert lenient.row()["recall"] == strict.row()["recall"] == pytest.approx(1 / 3)


def test_rule_tally_uses_the_confidence_keys(ev, corpus, nlp):
    [(_, text, gold)] = ev.read_corpus(corpus)
    tally: dict[str, list[int]] = {}
    ev.tally_cues(nlp(text), gold, tally, key=ev.rule_of, strict_nested=True)
    assert tally and all(k.split("/")[0] in ("verb", "quote", "noun", "lede") for k in tally)
    assert sum(n for n, _ in tally.values()) == len(nlp(text)._.sc_attributions)
