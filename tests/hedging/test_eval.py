"""benchmarks/eval_hedging.py: un-tokenising, BioScope reading, scoring, and an end-to-end run."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "benchmarks" / "eval_hedging.py"


@pytest.fixture(scope="module")
def ev():
    spec = importlib.util.spec_from_file_location("eval_hedging", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    "tokenised, text",
    [
        ("QJ -LRB- 2-10-2 -RRB- locomotives .", "QJ (2-10-2) locomotives."),
        (
            "`` Stories of 15 men '' The Enquirer , 2001 .",
            '"Stories of 15 men" The Enquirer, 2001.',
        ),
        ("DSB 's own designers do n't agree ; fine", "DSB's own designers don't agree; fine"),
        ("see -LSB- 1 -RSB- and -LCB- x -RCB-", "see [1] and {x}"),
        ("It costs $ 5 .\n", "It costs $5."),
    ],
)
def test_detokenize(ev, tokenised, text):
    assert ev.detokenize(tokenised) == text


BIO = """<?xml version="1.0" encoding="utf-8"?>
<Annotation><DocumentSet><Document><DocumentPart>
<sentence id="S1">These results <xcope id="X1"><cue type="speculation" ref="X1">indicate that</cue> HIV <xcope id="X2"><cue type="speculation" ref="X2">could</cue> mimic stimuli</xcope></xcope>.</sentence>
<sentence id="S2">It is <xcope id="X3"><cue type="negation" ref="X3">not</cue> required</xcope>.</sentence>
<sentence id="S3">It is <xcope id="X4"><cue type="speculation" ref="X4">either</cue> A <cue type="speculation" ref="X4">or</cue> B</xcope>.</sentence>
</DocumentPart></Document></DocumentSet></Annotation>
"""


def test_read_bioscope_finds_speculation_cues_only(ev, tmp_path):
    path = tmp_path / "abstracts.xml"
    path.write_text(BIO, encoding="utf-8")
    s1, s2, s3 = ev.read_bioscope(tmp_path)
    assert s1.text == "These results indicate that HIV could mimic stimuli."
    cue_texts = sorted("".join(s1.text[i] for i in sorted(c)) for c in s1.cues)
    assert cue_texts == ["could", "indicate that"]
    assert s2.cues == []
    # "either ... or" shares one ref: one discontinuous cue.
    assert len(s3.cues) == 1 and "".join(s3.text[i] for i in sorted(s3.cues[0])) == "eitheror"


def test_sentence_scores(ev):
    s = ev.sentence_scores([True, True, False, False, True], [True, False, True, False, True])
    assert (s.tp, s.fp, s.fn) == (2, 1, 1)
    assert s.precision == pytest.approx(2 / 3) and s.recall == pytest.approx(2 / 3)
    assert s.f1 == pytest.approx(2 / 3)


def test_cue_scores_overlap_and_exact(ev):
    gold = [[frozenset(range(14, 27)), frozenset(range(32, 37))]]
    predicted = [[(14, 22), (32, 37), (0, 5)]]
    overlap = ev.cue_scores(predicted, gold)
    assert (overlap.n_pred_ok, overlap.fp, overlap.tp, overlap.fn) == (2, 1, 2, 0)
    assert overlap.precision == pytest.approx(2 / 3) and overlap.recall == 1.0
    exact = ev.cue_scores(predicted, gold, exact=True)
    assert (exact.n_pred_ok, exact.fp, exact.tp, exact.fn) == (1, 2, 1, 1)


def test_baseline_is_a_plain_word_list(ev):
    text = "Some say it may be May."
    assert [text[a:b] for a, b in ev.baseline_cues(text)] == ["Some", "may", "May"]


def test_cue_ablation_leaves_one_record_out(ev):
    # even rows 0, 2, 4, 6; odd rows 1, 3, 5, 7
    cue_ids = [{"may"}, {"may"}, {"may", "some-say"}, set(), {"may"}, {"some-say"}, set(), set()]
    gold = [False, True, True, True, False, True, True, False]
    table = ev.cue_ablation(cue_ids, gold)
    lines = {line.split(" | ")[0]: line for line in table.splitlines() if line.startswith("| ")}
    # even rows: "may" flags 0, 2, 4 (1 uncertain, 2 certain); F1 2/5 = 0.4 with it, and
    # without it only row 2 is flagged (by some-say): P 1, R 1/2, F1 0.667; odd rows keep
    # row 5 only: F1 0.5
    assert "(even F1 0.400, odd F1 0.800)" in table
    assert lines["| may"] == "| may | 1 | 2 | 0.667 | 0.500 |"
    # without "some-say" nothing changes on even rows; on odd rows row 5 is lost
    assert lines["| some-say"] == "| some-say | 1 | 0 | 0.400 | 0.500 |"


def test_benchmark_runs_end_to_end(tmp_path):
    csv = tmp_path / "train.csv"
    csv.write_text(
        'text,label\n"The bridge opened in 1932 .\n",0\n"Some critics say it is ugly .\n",1\n'
        '"It was reportedly built by convicts .\n",1\n"The river is wide .\n",0\n',
        encoding="utf-8",
    )
    (tmp_path / "bio.xml").write_text(BIO, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--wiki", str(csv), "--bioscope", str(tmp_path / "bio.xml")],
        capture_output=True,
        text=True,
        timeout=600,
        check=True,
    )
    out = result.stdout
    assert "sentence level, all rows (4 sentences, 2 uncertain; reading: news)" in out
    assert "| sourcecrit (hedge or weasel cue) | 1.000 | 1.000 | 1.000 |" in out
    assert "BioScope speculation cues, cue level (3 sentences, 3 cues; reading: news)" in out
    assert "baseline word list (overlap)" in out
    assert "bioscope" in result.stderr  # the progress bar goes to stderr


def test_benchmark_needs_a_corpus():
    result = subprocess.run(
        [sys.executable, str(SCRIPT)], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 2 and "--wiki" in result.stderr


def test_without_adds_a_row_scored_without_those_records(tmp_path):
    csv = tmp_path / "train.csv"
    csv.write_text(
        'text,label\n"Some critics say it is ugly .\n",1\n"The paint may peel in winter .\n",0\n',
        encoding="utf-8",
    )
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--wiki", str(csv), "--without", "may"],
        capture_output=True,
        text=True,
        timeout=600,
        check=True,
    )
    # with "may" the second sentence is a false positive (P 0.5); without it P is 1
    assert "| sourcecrit (hedge or weasel cue) | 0.500 | 1.000 | 0.667 |" in result.stdout
    assert "| sourcecrit without may | 1.000 | 1.000 | 1.000 |" in result.stdout


def test_without_refuses_an_unknown_record(tmp_path):
    csv = tmp_path / "train.csv"
    csv.write_text('text,label\n"A sentence .\n",0\n', encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--wiki", str(csv), "--without", "no-such-cue"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2 and "'no-such-cue'" in result.stderr


def test_classifier_benchmark_never_scores_a_row_with_a_model_that_saw_it():
    import importlib.util

    path = Path(__file__).resolve().parents[2] / "benchmarks" / "hedging_classifier.py"
    spec = importlib.util.spec_from_file_location("hedging_classifier", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    gold = [i % 3 == 0 for i in range(20)]
    calls = []

    def score(train, test):
        calls.append((list(train), list(test)))
        assert not set(train) & set(test)
        return np.array([1.0 if gold[i] else 0.0 for i in test])  # a perfect scorer

    predicted = module.cross_validated(len(gold), gold, score)
    assert predicted == gold
    outer = [c for c in calls if len(c[0]) + len(c[1]) == len(gold)]
    assert sorted(i for _, test in outer for i in test) == list(range(len(gold)))
