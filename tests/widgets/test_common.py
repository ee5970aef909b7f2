"""The saving every widget shares (widgets/common.py): no name, no save (never the login
name); the name given later saves what was kept; one store per widget; a browser copy in
every saving widget."""

from __future__ import annotations

import getpass

import ipywidgets as widgets
import pytest

import sourcecrit.work.learner as session
from sourcecrit.progress import ProgressStore
from sourcecrit.widgets import annotator, checklist_form, exercise_form
from sourcecrit.widgets.browser_copy import BrowserCopy
from sourcecrit.widgets.common import NO_NAME, Saver
from sourcecrit.widgets.judging import source_judgements
from sourcecrit.widgets.lateral import reading_log
from sourcecrit.widgets.lesson import prebunking_quiz, recall_question, write_then_reveal
from sourcecrit.widgets.tracing import belief_check, claim_tracer

from ..exercises.conftest import FLAGSHIP_DIR

TEXT = (
    "The minister said the plan may well fail, according to officials. "
    "Some experts clearly disagree, a spokesperson told reporters."
)


@pytest.fixture(autouse=True)
def no_learner(monkeypatch):
    monkeypatch.delenv(session.LEARNER_ENV, raising=False)
    monkeypatch.setattr(session, "_session", {})


@pytest.fixture(scope="module")
def story(nlp):
    from sourcecrit import analyze

    return analyze(TEXT, nlp=nlp)


@pytest.fixture
def store(tmp_path):
    return ProgressStore(tmp_path / "progress")


def _descendants(widget):
    yield widget
    for attr in ("children", "header"):
        value = getattr(widget, attr, None)
        for child in value if isinstance(value, (list, tuple)) else [value] if value else []:
            if isinstance(child, widgets.Widget):
                yield from _descendants(child)
    copy = getattr(widget, "browser_copy", None)
    if isinstance(copy, BrowserCopy):
        yield copy


def test_checklist_form_with_no_learner_saves_nothing_and_shows_the_prompt(store):
    form = checklist_form("sift", store=store)
    assert form.learner is None
    assert form.saver.prompt.layout.display != "none"
    assert form.saver.prompt in form.saver.bar.children and form.saver.bar in form.children
    assert "Type your name" in form.header.value
    assert getpass.getuser() not in form.header.value  # never the login name
    form.inputs["stop"].did.value = "yes"
    assert form.status.value == NO_NAME
    assert form.save() is None
    assert not store.directory.exists() or not any(store.directory.rglob("*.json"))
    # The name, once given, saves what was kept, and the form shows who is working.
    form.saver.prompt.name_box.value = "Ada"
    form.saver.prompt.submit()
    assert form.saver.prompt not in form.saver.bar.children
    assert "Ada" in form.saver.who.value and "Learner: Ada" in form.header.value
    assert store.load("Ada", "sift").answers["stop"]["did"] == "yes"
    assert store.learners() == ["Ada"]


def test_each_form_gets_its_own_store_so_a_stale_form_erases_nothing(store):
    old = checklist_form("sift", learner="Ada", store=store)
    new = checklist_form("sift", learner="Ada", store=store)
    assert old.store is not new.store and old.store.directory == store.directory
    new.inputs["stop"].did.value = "yes"
    old.inputs["trace-claim"].did.value = "partly"
    saved = store.load("Ada", "sift").answers
    assert saved["stop"]["did"] == "yes" and saved["trace-claim"]["did"] == "partly"


def test_lesson_answers_given_before_the_name_are_saved_when_it_is_given(store):
    box = recall_question(
        "Which?", ["a", "b"], answer="b", explanation="because", key="r1", store=store
    )
    box.choice.value = "b"
    assert box.check() is True
    assert "Not saved yet" in box.feedback.value
    box.saver.prompt.name_box.value = "Bea"
    assert box.saver.prompt.submit() == "Bea"
    answers = Saver(learner="Bea", key=box.saver.key, article=None, store=store).load().answers
    assert answers["attempts"] == ["b"] and answers["first_try_right"] is True


def test_every_saving_widget_embeds_a_browser_copy(story, store, tmp_path):
    made = {
        "annotator": annotator(story, layer="certainty", learner="Ada", store=store),
        "reading log": reading_log(story, learner="Ada", store=store),
        "claim tracer": claim_tracer(story, learner="Ada", store=store),
        "belief check": belief_check(story, learner="Ada", store=store),
        "write then reveal": write_then_reveal("Why?", "Because.", key="q1", store=store),
        "recall": recall_question(
            "Which?", ["a", "b"], answer="a", explanation="", key="r2", store=store
        ),
        "prebunking": prebunking_quiz("before", learner="Ada", store=store),
        "judgements": source_judgements(story, learner="Ada", store=store),
        "checklist": checklist_form("sift", story, learner="Ada", store=store),
        "exercise": exercise_form(FLAGSHIP_DIR, learner="Ada", store=store),
    }
    for name, widget in made.items():
        copies = [w for w in _descendants(widget) if isinstance(w, BrowserCopy)]
        assert copies, f"{name} keeps no copy in the browser"
        assert copies[0].store.directory == store.directory, name


def test_a_new_session_with_nothing_on_disk_is_offered_the_browser_copy(tmp_path, story):
    from sourcecrit.work.workfile import collect_work

    # An earlier session (a Binder container since thrown away) saved a reading-log row ...
    earlier = ProgressStore(tmp_path / "earlier")
    first = reading_log(story, learner="Ada", store=earlier)
    first.url.value = "https://example.org/about-the-paper"
    assert first.add() is not None
    kept_by_browser = collect_work("Ada", store=earlier).to_dict()
    # ... and the browser kept a copy. A new session starts with an empty folder.
    fresh = ProgressStore(tmp_path / "fresh")
    log = reading_log(story, learner="Ada", store=fresh)
    assert log.rows == {}
    offer = log.saver.restore_offer
    assert offer.layout.display == "none"
    log.saver.browser_copy.stored = kept_by_browser  # what browser_copy.js reports
    assert offer.layout.display == "" and "1 answers" in offer.children[0].value
    offer.children[1].click()
    assert [r["url"] for r in log.rows.values()] == ["https://example.org/about-the-paper"]
    assert offer.layout.display == "none" and "back" in log.saver.note.value
    # With answers on disk, the browser copy is not offered again.
    again = reading_log(story, learner="Ada", store=fresh)
    again.saver.browser_copy.stored = kept_by_browser
    assert again.saver.restore_offer.layout.display == "none"


def test_a_name_typed_in_one_prompt_reaches_every_form_on_screen(story, store):
    # A lesson shows several forms before the student types a name in any of them: the
    # name, once given in one, is every form's learner at once, and what each kept is saved.
    first = checklist_form("sift", store=store)
    second = recall_question(
        "Which?", ["a", "b"], answer="b", explanation="because", key="r2", store=store
    )
    given = checklist_form("craap", learner="Cy", store=store)
    second.choice.value = "b"
    second.check()
    assert "Not saved yet" in second.feedback.value
    assert second.saver.prompt in second.saver.bar.children
    first.saver.prompt.name_box.value = "Dee"
    first.saver.prompt.submit()
    for form in (first, second):
        assert form.saver.prompt not in form.saver.bar.children
        assert "Dee" in form.saver.who.value
    assert second.saver.prompt.name_box.value == "Dee"  # its own prompt says so too
    assert given.learner == "Cy"  # a form given its learner keeps it
    answers = Saver(learner="Dee", key=second.saver.key, article=None, store=store).load()
    assert answers.answers["attempts"] == ["b"]
    # The next student on a shared computer: every form asks again.
    session.forget_learner()
    assert first.learner is None and first.saver.prompt in first.saver.bar.children
