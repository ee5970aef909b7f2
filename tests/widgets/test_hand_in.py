"""Learner prompt, browser copy and hand-in, driven from Python on real files."""

from __future__ import annotations

import base64
import datetime as dt
import json
import re

import pytest

from sourcecrit.exercises import load_exercise
from sourcecrit.progress import ProgressStore
from sourcecrit.widgets import exercise_form, hand_in, learner
from sourcecrit.work import forget_learner, read_work_file

from ..exercises.conftest import FLAGSHIP_DIR

QUESTION, RIGHT = "who-colonel", "Alcaide"


@pytest.fixture(autouse=True)
def no_learner(monkeypatch):
    monkeypatch.delenv("SOURCECRIT_LEARNER", raising=False)
    forget_learner()
    yield
    forget_learner()


@pytest.fixture(scope="module")
def flagship():
    return load_exercise(FLAGSHIP_DIR)


def _answer_files(folder):
    return [p for p in folder.rglob("*.json") if not p.name.endswith(".bak.json")]


def test_a_form_without_a_name_asks_for_it_and_saves_nothing_before(flagship, tmp_path):
    folder = tmp_path / "p"
    form = exercise_form(flagship, store=folder)
    assert form.session is None and "Type your name" in form.title.value
    box = form[QUESTION]
    box.input.value = RIGHT
    assert "Not saved yet" in box.status.value
    assert not folder.exists() or _answer_files(folder) == []  # never under the login name
    form.prompt.name_box.value = "  "
    form.prompt.submit()
    assert form.session is None and "type your name" in form.prompt.status.value
    form.prompt.name_box.value = "Ada <b>L</b>"
    form.prompt.submit()
    assert form.session.learner == "Ada <b>L</b>"
    assert "Learner: Ada &lt;b&gt;L&lt;/b&gt;" in form.title.value
    assert form.session.answers == {QUESTION: RIGHT}  # what was typed before is kept
    # The name is remembered for the session: the next form starts with it.
    again = exercise_form(flagship, store=folder)
    assert again.session.learner == "Ada <b>L</b>" and again[QUESTION].input.value == RIGHT
    assert "Working as <b>Ada &lt;b&gt;L&lt;/b&gt;</b>" in learner().status.value


def test_the_browser_copy_follows_every_save_and_restores_a_fresh_session(flagship, tmp_path):
    form = exercise_form(flagship, learner="Ada", store=tmp_path / "old")
    form[QUESTION].input.value = RIGHT
    form[QUESTION].check_button.click()
    copy = form.browser_copy
    assert copy.key == "sourcecrit-work:Ada"
    record = next(r for r in copy.data["records"] if r["checklist"] == "exercise-" + flagship.id)
    assert record["answers"] == {QUESTION: RIGHT}
    assert read_work_file(json.dumps(copy.data).encode()).learner == "Ada"

    # A new Binder container: nothing on disk; the browser reports what it kept.
    fresh = exercise_form(flagship, learner="Ada", store=tmp_path / "new")
    assert fresh.restore_offer.layout.display == "none"
    fresh.browser_copy.stored = copy.data
    assert fresh.restore_offer.layout.display == ""
    assert "kept 1 answers" in fresh.restore_offer.children[0].value
    fresh.restore_offer.children[1].click()
    assert fresh[QUESTION].input.value == RIGHT
    assert fresh.session.answers == {QUESTION: RIGHT}
    assert len(fresh.session.attempts) == 1
    assert fresh.restore_offer.layout.display == "none"


def test_no_offer_when_the_disk_has_answers_or_the_copy_is_someone_elses(flagship, tmp_path):
    old = exercise_form(flagship, learner="Ada", store=tmp_path / "a")
    old[QUESTION].input.value = RIGHT
    bob = exercise_form(flagship, learner="Bob", store=tmp_path / "b")
    bob.browser_copy.stored = old.browser_copy.data  # Ada's copy, in Bob's session
    assert bob.restore_offer.layout.display == "none"
    same = exercise_form(flagship, learner="Ada", store=tmp_path / "a")
    same.browser_copy.stored = old.browser_copy.data
    assert same.restore_offer.layout.display == "none"  # answers on disk already


def test_a_copy_merged_in_the_browser_is_accepted_without_its_checksum(flagship, tmp_path):
    form = exercise_form(flagship, learner="Ada", store=tmp_path / "a")
    form[QUESTION].input.value = RIGHT
    merged = {**form.browser_copy.data, "checksum": None, "merged_in_browser": True}
    with pytest.raises(Exception, match="checksum"):
        read_work_file(json.dumps(merged).encode())
    assert read_work_file(json.dumps(merged).encode(), browser_copy=True).learner == "Ada"


def test_hand_in_shows_the_work_and_a_data_link_that_holds_the_work_file(flagship, tmp_path):
    folder = tmp_path / "p"
    form = exercise_form(flagship, learner="Ada", store=folder)
    form[QUESTION].input.value = RIGHT
    box = hand_in(learner="Ada", store=folder)
    assert "exercise-" + flagship.id in box.summary.value
    href = re.search(r"href='data:application/json;base64,([^']+)'", box.download.value)
    work = read_work_file(base64.b64decode(href.group(1)))
    assert work.learner == "Ada"
    assert work.record("exercise-" + flagship.id)["answers"] == {QUESTION: RIGHT}
    assert "download='ada-" in box.download.value


def test_hand_in_without_a_name_asks_for_it(tmp_path):
    box = hand_in(store=tmp_path / "p")
    assert box.learner is None and box.prompt in box.children
    assert "Nothing saved" in box.summary.value and box.download.value == ""


def test_uploading_a_work_file_restores_it_into_a_fresh_store(flagship, tmp_path):
    form = exercise_form(flagship, learner="Ada", store=tmp_path / "old")
    form[QUESTION].input.value = RIGHT
    data = base64.b64decode(
        re.search(
            r"base64,([^']+)'", hand_in(learner="Ada", store=tmp_path / "old").download.value
        ).group(1)
    )
    box = hand_in(store=tmp_path / "new")
    box.upload.value = (
        {
            "name": "ada.json",
            "type": "application/json",
            "size": len(data),
            "content": memoryview(data),
            "last_modified": dt.datetime.now(dt.timezone.utc),
        },
    )
    assert "Restored" in box.status.value and box.learner == "Ada"
    assert ProgressStore(tmp_path / "new").load("Ada", "exercise-" + flagship.id).answers == {
        QUESTION: RIGHT
    }
    bad = b'{"format": "sourcecrit-work", "schema": 1}'
    box.upload.value = (
        {
            "name": "x.json",
            "type": "",
            "size": len(bad),
            "content": memoryview(bad),
            "last_modified": dt.datetime.now(dt.timezone.utc),
        },
    )
    assert "damaged" in box.status.value or "checksum" in box.status.value


def test_the_download_link_follows_every_save_and_the_name_typed_elsewhere(flagship, tmp_path):
    # Run-all builds the exercise and the hand-in box before the student types a name:
    # the name typed at the top reaches both, and the link always holds the latest answer.
    folder = tmp_path / "p"
    form = exercise_form(flagship, store=folder)
    box = hand_in(store=folder)
    assert form.session is None and box.learner is None and box.download.value == ""
    top = learner()
    top.name_box.value = "Ada"
    top.submit()
    assert form.session is not None and form.session.learner == "Ada" and box.learner == "Ada"
    form[QUESTION].input.value = RIGHT

    def linked_answers():
        href = re.search(r"href='data:application/json;base64,([^']+)'", box.download.value)
        record = read_work_file(base64.b64decode(href.group(1))).record("exercise-" + flagship.id)
        return record["answers"]

    assert linked_answers() == {QUESTION: RIGHT}  # no Refresh needed
    form[QUESTION].input.value = RIGHT + " (changed)"
    assert linked_answers() == {QUESTION: RIGHT + " (changed)"}
