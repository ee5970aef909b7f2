"""The annotator's state, driven from Python: commit, reveal gating, freeze, second version,
flags, and saving to and restoring from disk (a new widget stands in for a kernel restart)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

import sourcecrit.work.learner as common  # the session learner lives here since the saving merge
from sourcecrit.analysis import analyze
from sourcecrit.errors import AnnotatorError, SourcecritError
from sourcecrit.layers import machine_spans
from sourcecrit.widgets import Annotator, annotator

# Our own example text; offsets are found with at(), never typed.
TEXT = (
    "The minister said the plan may well fail. Some experts clearly disagree.\n\n"
    "According to officials, the cost will certainly rise. <script>alert(1)</script>"
)
JS = Path(__file__).resolve().parents[2] / "src" / "sourcecrit" / "widgets" / "annotator.js"


def at(phrase: str, label: str) -> list:
    start = TEXT.index(phrase)
    return [start, start + len(phrase), label]


KEY = [at("may well", "hedge"), at("Some experts", "weasel"), at("certainly", "booster")]


@pytest.fixture(scope="module")
def analysis(nlp):
    return analyze(TEXT, nlp=nlp)


@pytest.fixture(autouse=True)
def no_learner_yet(monkeypatch):
    monkeypatch.delenv(common.LEARNER_ENV, raising=False)
    monkeypatch.setattr(common, "_session", {})


def make(analysis, tmp_path, **options) -> Annotator:
    options.setdefault("learner", "Ada")
    options.setdefault("reference", KEY)
    return annotator(analysis, layer="certainty", store=tmp_path, **options)


def test_selection_snaps_to_whole_words_and_relabel_remove(analysis, tmp_path):
    w = make(analysis, tmp_path)
    start = TEXT.index("may well")
    # From inside "may" to the space after "well,": grows and trims to "may well".
    assert w.add_span(start + 1, start + 9, "hedge") == at("may well", "hedge")
    w.add_span(*at("clearly", "hedge"))
    w.relabel(1, "booster")
    assert w.spans == [at("may well", "hedge"), at("clearly", "booster")]
    w.add_span(*at("clearly", "weasel"))  # the same stretch again: a new label, not a copy
    assert w.spans == [at("may well", "hedge"), at("clearly", "weasel")]
    w.remove_span(1)
    assert w.spans == [at("may well", "hedge")]
    with pytest.raises(AnnotatorError, match="not a label"):
        w.add_span(*at("clearly", "source"))
    with pytest.raises(AnnotatorError, match="at least one word"):
        w.add_span(TEXT.index("."), TEXT.index(".") + 1, "hedge")


def test_reveal_needs_a_commitment_and_nothing_leaks_before(analysis, tmp_path):
    w = make(analysis, tmp_path)
    assert w.reference == [] and w.review == [] and w.scores == {}
    with pytest.raises(AnnotatorError, match="commit your answer first"):
        w.reveal()
    with pytest.raises(AnnotatorError, match="mark at least one"):
        w.commit()
    with pytest.raises(AnnotatorError, match="after the reveal"):
        w.agreement()
    w.set_none_found(True)
    w.commit()
    assert w.committed and w.frozen == [] and w.frozen_none_found
    assert w.reference == []  # still nothing to peek at in the synced state
    w.reveal()
    assert [r["id"] for r in w.reference] == [f"{s}-{e}-{lab}" for s, e, lab in KEY]
    assert w.scores["before"]["f1"] == 0.0
    assert {r["status"] for r in w.review} == {"missed"}


def test_committed_answer_is_frozen_and_a_second_version_follows(analysis, tmp_path):
    w = make(analysis, tmp_path)
    w.add_span(*at("may well", "hedge"))
    w.add_span(*at("clearly", "hedge"))
    w.commit()
    with pytest.raises(AnnotatorError, match="committed"):
        w.add_span(*at("certainly", "booster"))
    w.uncommit()  # before the reveal the student may take it back
    w.commit()
    w.reveal()
    with pytest.raises(AnnotatorError, match="stays as it was"):
        w.uncommit()
    frozen = [at("may well", "hedge"), at("clearly", "hedge")]
    assert w.frozen == frozen
    # The second version: fix the label, add what was missed.
    w.relabel(1, "booster")
    w.add_span(*at("Some experts", "weasel"))
    w.add_span(*at("certainly", "booster"))
    assert w.frozen == frozen
    before, now = w.scores["before"], w.scores["now"]
    assert before["labels"][0] == {
        "label": "hedge",
        "precision": 0.5,
        "recall": 1.0,
        "f1": 0.6667,
        "student": 2,
        "reference": 1,
    }
    assert now["labels"][0]["f1"] == 1.0 and now["labels"][2]["f1"] == 1.0
    assert w.agreement(before_reveal=True).f1 < w.agreement(before_reveal=False).f1


def test_review_lists_each_disagreement_with_explanation_and_confidence(analysis, tmp_path):
    key = [
        *KEY[:2],
        {
            **dict(zip(("start", "end", "label"), KEY[2])),
            "explanation": "Insists.",
            "confidence": "high",
        },
    ]
    w = make(analysis, tmp_path, reference=key)
    w.add_span(*at("may", "hedge"))  # part of "may well"
    w.add_span(*at("Some experts", "booster"))  # right stretch, wrong label
    w.add_span(*at("officials", "weasel"))  # not in the key
    w.commit()
    w.reveal()
    rows = {r["quote"]: r for r in w.review}
    assert rows["certainly"]["status"] == "missed"
    assert rows["certainly"]["explanation"] == "Insists."
    assert rows["certainly"]["confidence"] == "high"
    assert rows["Some experts"]["status"] == "relabel"
    assert "You called this booster" in rows["Some experts"]["note"]
    assert rows["may well"]["status"] == "partly"
    assert rows["may well"]["confidence"] == "not rated"
    assert rows["officials"]["status"] == "extra" and rows["officials"]["id"] is None
    assert [r["status"] for r in w.review] == ["missed", "relabel", "extra", "partly"]


def test_machine_reference_is_the_analysis_and_flags_need_a_reason(analysis, tmp_path):
    w = make(analysis, tmp_path, reference="machine")
    assert w.reference_name == "the machine"
    w.add_span(*at("clearly", "booster"))
    with pytest.raises(AnnotatorError, match="after the reveal"):
        w.flag("0-1-hedge", "too early")
    w.commit()
    w.reveal()
    expected = machine_spans(analysis, "certainty")
    assert expected, "the machine finds no certainty cues in the example text"
    assert [(r["start"], r["end"], r["label"]) for r in w.reference] == [
        (r["start"], r["end"], r["label"]) for r in expected
    ]
    target = w.reference[0]["id"]
    with pytest.raises(AnnotatorError, match="one line why"):
        w.flag(target, "   ")
    with pytest.raises(AnnotatorError, match="no reference span"):
        w.flag("1-2-hedge", "not a span")
    w.flag(target, "It reports\na fact,   not a doubt")
    assert w.flags == {target: "It reports a fact, not a doubt"}
    assert [r["flag"] for r in w.review if r["id"] == target] == ["It reports a fact, not a doubt"]
    w.unflag(target)
    assert w.flags == {}


def test_everything_is_saved_and_restored_by_a_new_widget(analysis, tmp_path):
    w = make(analysis, tmp_path)
    w.add_span(*at("may well", "hedge"))
    w.commit()
    w.reveal()
    w.add_span(*at("certainly", "booster"))
    w.flag(w.reference[1]["id"], "Nobody is named, but it is not vague")
    record = json.loads(Path(w.saved_to).read_text(encoding="utf-8"))
    saved = record["answers"]
    assert saved["frozen"] == [at("may well", "hedge")]
    assert saved["flags"][w.reference[1]["id"]]["text"] == "Some experts"
    assert saved["committed_at"] and saved["revealed_at"]

    again = make(analysis, tmp_path)  # as after a kernel restart: a new widget, same disk
    assert again.committed and again.revealed
    assert again.frozen == [at("may well", "hedge")]
    assert again.spans == [at("may well", "hedge"), at("certainly", "booster")]
    assert again.flags == w.flags
    assert again.scores == w.scores and again.review == w.review

    assert make(analysis, tmp_path, learner="Grace").spans == []  # another learner
    assert make(analysis, tmp_path, key="other-task").spans == []  # another task


def test_without_a_name_it_asks_and_saves_nothing_until_told(analysis, tmp_path):
    w = make(analysis, tmp_path, learner=None)
    assert w.needs_learner and w.learner == ""
    w.add_span(*at("clearly", "booster"))
    assert "type your name" in w.message.lower()
    assert list(tmp_path.rglob("*.json")) == []  # never saved under the login name
    w._front_end(w, {"action": "learner", "name": "  Ada  Lovelace "}, None)
    assert w.learner == "Ada Lovelace" and not w.needs_learner
    assert w.spans == [at("clearly", "booster")]  # what was marked before is kept
    assert len(list(tmp_path.rglob("annotator-*.json"))) == 1
    # The name is remembered for the session: the next widget needs no prompt.
    assert make(analysis, tmp_path, learner=None).spans == [at("clearly", "booster")]


def test_a_name_given_in_another_prompt_reaches_an_annotator_on_screen(analysis, tmp_path):
    # Run-all builds the lesson's annotator before the student types a name at the top:
    # the name, once given there, is the annotator's too, and its marks are kept and saved.
    from sourcecrit.widgets import learner

    w = make(analysis, tmp_path, learner=None)
    w.add_span(*at("clearly", "booster"))
    top = learner()
    top.name_box.value = "Ada"
    assert top.submit() == "Ada"
    assert w.learner == "Ada" and not w.needs_learner
    assert w.spans == [at("clearly", "booster")]
    saved = json.loads(next(tmp_path.rglob("annotator-*.json")).read_text(encoding="utf-8"))
    assert saved["learner"] == "Ada"
    # The next student: another name shows that student's work, not Ada's marks.
    top.name_box.value = "Bea"
    top.submit()
    assert w.learner == "Bea" and w.spans == []


def test_front_end_messages_drive_the_same_methods(analysis, tmp_path):
    w = make(analysis, tmp_path)
    start, end, _ = at("may well", "hedge")
    w._front_end(w, {"action": "add", "start": start, "end": end, "label": "hedge"}, None)
    w._front_end(w, {"action": "reveal"}, None)
    assert not w.revealed and "commit" in w.message
    w._front_end(w, {"action": "commit"}, None)
    w._front_end(w, {"action": "reveal"}, None)
    assert w.revealed and w.message == ""
    w._front_end(w, {"action": "flag", "id": w.reference[0]["id"], "reason": "fine"}, None)
    assert w.flags == {w.reference[0]["id"]: "fine"}
    w._front_end(w, {"action": "no-such-thing"}, None)
    w._front_end(w, {"action": "remove", "index": 7}, None)
    assert "no marked span" in w.message


def test_passage_limits_the_text_and_the_reference(analysis, tmp_path):
    w = make(analysis, tmp_path, passage="Some experts clearly disagree.", reference="machine")
    lo = TEXT.index("Some experts")
    assert w.offset == lo and w.text == "Some experts clearly disagree."
    # A selection reaching outside the passage is cut to it.
    assert w.add_span(lo - 10, lo + 4, "weasel") == [lo, lo + 4, "weasel"]
    w.commit()
    w.reveal()
    assert all(lo <= r["start"] and r["end"] <= lo + len(w.text) for r in w.reference)
    with pytest.raises(AnnotatorError, match="not in the article"):
        make(analysis, tmp_path, passage="words that are nowhere")


def test_damaged_file_is_set_aside_and_said(analysis, tmp_path):
    w = make(analysis, tmp_path)
    w.add_span(*at("clearly", "booster"))
    Path(w.saved_to).write_text("{not json", encoding="utf-8")
    again = make(analysis, tmp_path)
    assert "could not be read" in again.message
    assert list(tmp_path.rglob("*.corrupt-*.json"))


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"layer": "tone"}, "no layer"),
        ({"layer": "certainty", "reference": "teacher"}, "machine"),
        ({"layer": "certainty", "reference": [(0, 3, "cue")]}, "label of certainty"),
    ],
)
def test_bad_options_raise_clear_errors(analysis, tmp_path, options, message):
    with pytest.raises(AnnotatorError, match=message) as info:
        annotator(analysis, store=tmp_path, learner="Ada", **options)
    assert isinstance(info.value, SourcecritError)


def test_article_is_analysed_only_at_the_reveal(analysis, tmp_path):
    w = annotator(analysis.article, layer="attribution", learner="Ada", store=tmp_path)
    assert w.text == TEXT and [x["name"] for x in w.labels] == ["source", "cue", "content"]
    w.add_span(*at("officials", "source"))
    w.commit()
    w.reveal()
    labels = {r["label"] for r in w.reference}
    assert labels <= {"source", "cue", "content"} and labels


def test_front_end_puts_text_in_the_page_as_text():
    source = JS.read_text(encoding="utf-8")
    assert "innerHTML" not in source and "insertAdjacentHTML" not in source
    assert "outerHTML" not in source and "document.write" not in source


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
def test_front_end_is_a_valid_es_module(tmp_path):
    module = tmp_path / "annotator.mjs"
    module.write_text(JS.read_text(encoding="utf-8"), encoding="utf-8")
    result = subprocess.run(["node", "--check", str(module)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


@pytest.mark.notebook
def test_renders_in_a_headless_notebook_run(tmp_path):
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell(
            "import sourcecrit\n"
            "from sourcecrit.widgets import annotator\n"
            f"annotator(sourcecrit.analyze({TEXT!r}), layer='certainty', learner='Ada')"
        ),
        nbformat.v4.new_code_cell(
            "from sourcecrit.article import load_article\n"
            "annotator(load_article(sourcecrit.example_article_path()), layer='attribution')"
        ),
    ]
    env_dir = tmp_path / "progress"
    nb.cells.insert(
        0,
        nbformat.v4.new_code_cell(
            f"import os\nos.environ['SOURCECRIT_PROGRESS_DIR'] = {str(env_dir)!r}"
        ),
    )
    NotebookClient(nb, timeout=300, kernel_name="python3").execute()
    outputs = [o for c in nb.cells for o in c.get("outputs", [])]
    assert [o for o in outputs if o.output_type == "error"] == []
    views = [o for o in outputs if "application/vnd.jupyter.widget-view+json" in o.get("data", {})]
    assert len(views) == 2
    assert list(env_dir.rglob("annotator-certainty--*.json"))  # Ada's work saved at once


def test_machine_confidence_is_shown_when_the_table_has_it(analysis, tmp_path):
    # The hedges table gains a confidence column from the trust work; until then every
    # span says "not rated" (the tests above).
    import dataclasses

    rated = analysis.hedges.assign(confidence="medium")
    w = make(
        dataclasses.replace(analysis, hedges=rated), tmp_path, reference="machine", key="rated"
    )
    w.set_none_found(True)
    w.commit()
    w.reveal()
    assert {r["confidence"] for r in w.review} == {"medium"}


def test_the_agreement_at_the_reveal_is_saved_for_the_class_overview(analysis, tmp_path):
    from sourcecrit.progress import ProgressStore
    from sourcecrit.work.overview import class_overview
    from sourcecrit.work.workfile import export_work

    w = make(analysis, tmp_path)
    w.add_span(*at("may well", "hedge"))
    w.commit()
    saved = ProgressStore(tmp_path).load("Ada", "annotator-" + w._key, analysis.article)
    assert "agreement" not in saved.answers  # nothing to score before the reveal
    w.reveal()
    saved = ProgressStore(tmp_path).load("Ada", "annotator-" + w._key, analysis.article)
    assert saved.answers["agreement"] == pytest.approx(w.agreement().f1)
    assert 0 < saved.answers["agreement"] < 1  # one of three found, nothing wrong
    (tmp_path / "class").mkdir()
    export_work("Ada", tmp_path / "class" / "ada.json", store=tmp_path)
    rows = class_overview(tmp_path / "class").annotations
    assert rows["agreement"].tolist() == [pytest.approx(saved.answers["agreement"])]
