"""The checklist form, driven from Python: set values, click, read the JSON on disk."""

from __future__ import annotations

import json

import ipywidgets as widgets
import pytest

from sourcecrit import progress
from sourcecrit.checklists import load_checklist
from sourcecrit.progress import PROGRESS_DIR_ENV, ProgressStore
from sourcecrit.widgets.checklist_form import LEARNER_ENV, ChecklistForm, checklist_form


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
    assert isinstance(form.inputs["stop"], widgets.ToggleButtons)
    assert form.inputs["stop"].value is None
    assert isinstance(form.inputs["notes"], widgets.Textarea)
    assert "Learner: Ada" in form.children[0].value
    assert "Mike Caulfield" in form.children[0].value


def test_set_values_click_save_then_a_new_form_shows_them(store, flagship_analysis):
    form = checklist_form("sift", flagship_analysis, learner="Ada", store=store)
    form.inputs["stop"].value = "yes"
    form.inputs["trace-claim"].value = "unsure"
    form.inputs["notes"].value = "Reuters reports Sikorski's words differently."
    form.save_button.click()

    assert "Saved" in form.status.value
    assert _on_disk(store, "Ada", "sift", flagship_analysis) == {
        "stop": "yes",
        "trace-claim": "unsure",
        "notes": "Reuters reports Sikorski's words differently.",
    }

    again = checklist_form(
        "sift", flagship_analysis, learner="Ada", store=ProgressStore(store.directory)
    )
    assert again.inputs["stop"].value == "yes"
    assert again.inputs["trace-claim"].value == "unsure"
    assert again.inputs["notes"].value == "Reuters reports Sikorski's words differently."
    assert again.inputs["source-people"].value is None
    assert "restored" in again.status.value
    assert "1 of 7 points" in again.score_label.value

    other = checklist_form("sift", flagship_analysis, learner="Bea", store=store)
    assert other.answers() == {}


def test_answers_save_as_they_change_without_a_click(store, flagship_analysis):
    form = checklist_form("craap", flagship_analysis, learner="Ada", store=store)
    form.inputs["currency"].value = 4
    assert _on_disk(store, "Ada", "craap", flagship_analysis) == {"currency": 4}
    form.inputs["currency"].value = 2
    form.inputs["notes"].value = "Dates are clear."
    assert _on_disk(store, "Ada", "craap", flagship_analysis) == {
        "currency": 2,
        "notes": "Dates are clear.",
    }
    form.inputs["currency"].value = None  # taking an answer back
    assert _on_disk(store, "Ada", "craap", flagship_analysis) == {"notes": "Dates are clear."}


def test_running_score_and_band(store):
    form = checklist_form("outlet-credibility", learner="Ada", store=store)
    assert "0 of 100 points: Red" in form.score_label.value
    for item_id in ("no-false-content", "responsible-gathering", "corrections"):
        form.inputs[item_id].value = "yes"
    assert "52.5 of 100 points: Red" in form.score_label.value
    form.inputs["ownership"].value = "yes"
    assert "60 of 100 points: Green" in form.score_label.value
    assert "4 of 9 answered" in form.score_label.value


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
    assert form.evidence_boxes["notes"].value == ""


def test_form_without_an_article(store):
    form = checklist_form("ifla", learner="Ada", store=store)
    assert all(box.value == "" for box in form.evidence_boxes.values())
    form.inputs["check-date"].value = "no"
    assert store.path_for("Ada", "ifla", None).name == "ifla--no-article.json"
    assert _on_disk(store, "Ada", "ifla", None) == {"check-date": "no"}


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

    form.inputs["stop"].value = "no"
    assert _on_disk(store, "Ada", "sift", flagship_analysis) == {"stop": "no"}


def test_a_failed_save_is_shown_not_raised(store, monkeypatch):
    form = checklist_form("sift", learner="Ada", store=store)
    form.inputs["stop"].value = "yes"

    def rename_fails(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(progress.os, "replace", rename_fails)
    form.inputs["stop"].value = "no"  # must not raise inside the widget callback
    assert "Not saved" in form.status.value and "No space left on device" in form.status.value
    monkeypatch.undo()
    assert _on_disk(store, "Ada", "sift", None) == {"stop": "yes"}


def test_saved_answer_that_no_longer_fits_is_left_out_with_a_notice(store):
    store.save("Ada", "sift", None, {"stop": "maybe", "notes": "kept", "gone-item": "yes"})
    form = checklist_form("sift", learner="Ada", store=store)
    assert form.answers() == {"notes": "kept"}
    assert "must be one of yes, no, unsure" in form.notices.value
    assert "no item &#x27;gone-item&#x27;" in form.notices.value


def test_defaults_come_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv(LEARNER_ENV, "Cleo")
    monkeypatch.setenv(PROGRESS_DIR_ENV, str(tmp_path / "env-progress"))
    form = checklist_form(load_checklist("civic-online-reasoning"))
    assert form.learner == "Cleo"
    form.inputs["evidence"].value = "yes"
    assert (tmp_path / "env-progress").is_dir()
    assert _on_disk(
        ProgressStore(tmp_path / "env-progress"), "Cleo", "civic-online-reasoning", None
    ) == {"evidence": "yes"}


def test_completed_exports_what_the_form_holds(store, flagship_analysis):
    form = checklist_form("sift", flagship_analysis, learner="Ada", store=store)
    form.inputs["stop"].value = "yes"
    done = form.completed()
    assert done.answers == {"stop": "yes"}
    assert done.learner == "Ada"
    assert "**Learner:** Ada" in done.to_markdown()
