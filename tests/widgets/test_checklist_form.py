"""The checklist form, driven from Python: set values, click, read the JSON on disk.

Changed with issue 13: the built-in checklists are moves now (did / shown / found, then
a verdict), so the tests fill in moves where they used to answer yes/no questions.
"""

from __future__ import annotations

import json

import ipywidgets as widgets
import pytest

from sourcecrit import progress
from sourcecrit.checklists import load_checklist
from sourcecrit.progress import PROGRESS_DIR_ENV, ProgressStore
from sourcecrit.widgets.checklist_form import (
    LEARNER_ENV,
    ChecklistForm,
    MoveInput,
    checklist_form,
)

LINK = "https://www.reuters.com/world/europe/sikorski-nato-troops"


def _did(value: str) -> dict:
    return {"did": value, "shown": "", "found": ""}


@pytest.fixture
def store(tmp_path):
    return ProgressStore(tmp_path / "progress")


def _on_disk(store, learner, checklist, analysis):
    path = store.path_for(learner, checklist, analysis)
    return json.loads(path.read_text(encoding="utf-8"))["answers"]


def test_form_is_a_widget_with_one_input_per_item(store, flagship_analysis):
    form = checklist_form("sift", flagship_analysis, learner="Ada", store=store)
    assert isinstance(form, ChecklistForm) and isinstance(form, widgets.VBox)
    sift = load_checklist("sift")
    assert list(form.inputs) == [item.id for item in sift.items]
    assert isinstance(form.inputs["stop"], MoveInput)
    assert isinstance(form.inputs["stop"].did, widgets.ToggleButtons)
    assert form.inputs["stop"].value is None
    assert "owns" in form.inputs["source-outlet"].found.placeholder
    assert "https://" in form.inputs["source-outlet"].shown.placeholder
    assert form.verdict.value is None and not form.confidence_given
    assert "Learner: Ada" in form.children[0].value
    assert "Mike Caulfield" in form.children[0].value


def test_set_values_click_save_then_a_new_form_shows_them(store, flagship_analysis):
    form = checklist_form("sift", flagship_analysis, learner="Ada", store=store)
    form.inputs["stop"].did.value = "yes"
    form.inputs["trace-claim"].value = {
        "did": "partly",
        "shown": LINK,
        "found": "Reuters reports Sikorski's words differently.",
    }
    form.verdict.value = "trust_with_care"
    form.confidence.value = 35
    form.reason.value = "One retired colonel carries the claim."
    form.save_button.click()

    assert "Saved" in form.status.value
    assert _on_disk(store, "Ada", "sift", flagship_analysis) == {
        "stop": _did("yes"),
        "trace-claim": {
            "did": "partly",
            "shown": LINK,
            "found": "Reuters reports Sikorski's words differently.",
        },
        "verdict": "trust_with_care",
        "confidence": 35,
        "reason": "One retired colonel carries the claim.",
    }

    again = checklist_form(
        "sift", flagship_analysis, learner="Ada", store=ProgressStore(store.directory)
    )
    assert again.inputs["stop"].did.value == "yes"
    assert again.inputs["trace-claim"].shown.value == LINK
    assert again.inputs["trace-claim"].found.value.startswith("Reuters")
    assert again.inputs["source-people"].value is None
    assert (again.verdict.value, again.confidence.value) == ("trust_with_care", 35)
    assert again.confidence_given
    assert again.reason.value == "One retired colonel carries the claim."
    assert "restored" in again.status.value
    assert "1.25 of 7 points" in again.score_label.value

    other = checklist_form("sift", flagship_analysis, learner="Bea", store=store)
    assert other.answers() == {}


def test_answers_save_as_they_change_without_a_click(store, flagship_analysis):
    form = checklist_form("craap", flagship_analysis, learner="Ada", store=store)
    form.inputs["currency"].did.value = "partly"
    assert _on_disk(store, "Ada", "craap", flagship_analysis) == {"currency": _did("partly")}
    form.inputs["currency"].did.value = "yes"
    form.inputs["currency"].found.value = "Dates are clear. 4/5"
    assert _on_disk(store, "Ada", "craap", flagship_analysis) == {
        "currency": {"did": "yes", "shown": "", "found": "Dates are clear. 4/5"},
    }
    form.inputs["currency"].value = None  # taking an answer back
    assert _on_disk(store, "Ada", "craap", flagship_analysis) == {}
    form.confidence.value = 70  # moving the slider gives a confidence
    assert _on_disk(store, "Ada", "craap", flagship_analysis) == {"confidence": 70}


def test_running_score_and_band(store):
    form = checklist_form("outlet-credibility", learner="Ada", store=store)
    assert "0 of 100 points: Barely checked" in form.score_label.value
    for item_id in ("no-false-content", "corrections"):
        form.inputs[item_id].value = {"did": "yes", "shown": LINK, "found": "Meets it."}
    form.inputs["responsible-gathering"].value = {
        "did": "yes",
        "shown": "Read five stories and listed their sources.",
        "found": "Mostly one side.",
    }
    assert "52.5 of 100 points: Partly checked" in form.score_label.value
    form.inputs["news-vs-opinion"].did.value = "yes"  # made, not shown: half its 12.5
    assert "58.75 of 100 points" in form.score_label.value
    form.inputs["news-vs-opinion"].shown.value = "Opinion pieces carry an 'Opinion' label."
    form.inputs["headlines"].value = {"did": "yes", "shown": LINK, "found": ""}
    assert "75 of 100 points: Well checked" in form.score_label.value
    assert "5 of 9 answered" in form.score_label.value


def test_evidence_sits_beside_the_items_it_informs(store, flagship_analysis):
    form = checklist_form("sift", flagship_analysis, learner="Ada", store=store)
    assert "single source: José Antonio Alcaide" in form.evidence_boxes["trace-claim"].value
    assert (
        "NATO soldiers are indeed present in Ukraine"
        in form.evidence_boxes["better-coverage"].value
    )
    assert "closing paragraph" in form.evidence_boxes["trace-unsourced"].value
    assert "vague groups" in form.evidence_boxes["source-people"].value
    assert "2024-03-10" in form.evidence_boxes["trace-dates"].value
    assert "leave the article" in form.evidence_boxes["source-outlet"].value
    assert "publisher's own site" not in form.evidence_boxes["source-outlet"].value


def test_form_without_an_article(store):
    form = checklist_form("ifla", learner="Ada", store=store)
    assert all(box.value == "" for box in form.evidence_boxes.values())
    assert form.evidence_boxes["is-it-a-joke"].value == ""
    form.inputs["check-date"].did.value = "no"
    assert store.path_for("Ada", "ifla", None).name == "ifla--no-article.json"
    assert _on_disk(store, "Ada", "ifla", None) == {"check-date": _did("no")}


def test_corrupt_progress_file_is_reported_and_the_form_still_works(store, flagship_analysis):
    path = store.path_for("Ada", "sift", flagship_analysis)
    path.parent.mkdir(parents=True)
    path.write_text('{"version": 1, "answers": {"stop": ', encoding="utf-8")

    form = checklist_form("sift", flagship_analysis, learner="Ada", store=store)
    assert "could not be read" in form.notices.value
    assert ".corrupt-" in form.notices.value
    assert form.answers() == {}
    kept = [p for p in path.parent.iterdir() if ".corrupt-" in p.name]
    assert [p.read_text(encoding="utf-8") for p in kept] == ['{"version": 1, "answers": {"stop": ']

    form.inputs["stop"].did.value = "no"
    assert _on_disk(store, "Ada", "sift", flagship_analysis) == {"stop": _did("no")}


def test_a_failed_save_is_shown_not_raised(store, monkeypatch):
    form = checklist_form("sift", learner="Ada", store=store)
    form.inputs["stop"].did.value = "yes"

    def rename_fails(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(progress.os, "replace", rename_fails)
    form.inputs["stop"].did.value = "no"  # must not raise inside the widget callback
    assert "Not saved" in form.status.value and "No space left on device" in form.status.value
    monkeypatch.undo()
    assert _on_disk(store, "Ada", "sift", None) == {"stop": _did("yes")}


def test_saved_answer_that_no_longer_fits_is_left_out_with_a_notice(store):
    store.save("Ada", "sift", None, {"stop": "maybe", "reason": "kept", "gone-item": "yes"})
    form = checklist_form("sift", learner="Ada", store=store)
    assert form.answers() == {"reason": "kept"}
    assert "did must be one of yes, partly, no" in form.notices.value
    assert "no item &#x27;gone-item&#x27;" in form.notices.value


def test_defaults_come_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv(LEARNER_ENV, "Cleo")
    monkeypatch.setenv(PROGRESS_DIR_ENV, str(tmp_path / "env-progress"))
    form = checklist_form(load_checklist("civic-online-reasoning"))
    assert form.learner == "Cleo"
    form.inputs["evidence"].did.value = "yes"
    assert (tmp_path / "env-progress").is_dir()
    assert _on_disk(
        ProgressStore(tmp_path / "env-progress"), "Cleo", "civic-online-reasoning", None
    ) == {"evidence": _did("yes")}


def test_completed_exports_what_the_form_holds(store, flagship_analysis):
    form = checklist_form("sift", flagship_analysis, learner="Ada", store=store)
    form.inputs["stop"].did.value = "yes"
    form.verdict.value = "cannot_tell"
    done = form.completed()
    assert done.answers == {"stop": _did("yes"), "verdict": "cannot_tell"}
    assert done.learner == "Ada"
    assert "**Learner:** Ada" in done.to_markdown()
