"""The session's learner (work/learner.py): who is told when the name changes."""

from __future__ import annotations

import gc

import pytest

import sourcecrit.work.learner as session
from sourcecrit.listeners import Listeners


@pytest.fixture(autouse=True)
def no_learner(monkeypatch):
    monkeypatch.delenv(session.LEARNER_ENV, raising=False)
    monkeypatch.setattr(session, "_session", {})
    monkeypatch.setattr(session, "_listeners", Listeners())


class Form:
    def __init__(self) -> None:
        self.heard: list[str | None] = []
        session.on_learner_change(self.changed)

    def changed(self, name: str | None) -> None:
        self.heard.append(name)


def test_listeners_hear_each_change_once():
    form, heard = Form(), []
    session.on_learner_change(heard.append)  # not a bound method of a form: held strongly
    session.set_learner("  Ada ")
    session.set_learner("Ada")  # the same name again: no change
    session.forget_learner()
    assert form.heard == heard == ["Ada", None]


def test_a_form_that_is_gone_is_not_kept_alive_nor_called():
    form = Form()
    session.set_learner("Ada")
    assert form.heard == ["Ada"]
    del form
    gc.collect()
    session.set_learner("Bea")
    assert len(session._listeners) == 0  # the form that is gone is not called


def test_a_failing_listener_does_not_stop_the_others():
    form = Form()

    def broken(name):
        raise RuntimeError("broken form")

    session.on_learner_change(broken)
    later = Form()
    with pytest.raises(RuntimeError, match="broken form"):
        session.set_learner("Ada")
    assert form.heard == later.heard == ["Ada"]
    assert session.current_learner() == "Ada"


def test_the_environment_name_counts_as_the_learner_before(monkeypatch):
    monkeypatch.setenv(session.LEARNER_ENV, "Ada")
    form = Form()
    session.set_learner("Ada")  # the same learner as before, from the environment
    assert form.heard == []
    session.set_learner("Bea")
    assert form.heard == ["Bea"]
