"""Who is working: the learner's name, asked once and remembered for the session.

Answers are filed under the learner's name, so a widget must never save under a name the
student did not give (on Binder the login name is ``jovyan`` for everyone). The name
comes from :func:`set_learner` (or the ``sourcecrit.widgets.learner()`` prompt, which
calls it), else from ``$SOURCECRIT_LEARNER``; otherwise there is none, and saving widgets
ask for it first.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from sourcecrit.errors import LearnerError
from sourcecrit.listeners import Listeners

LEARNER_ENV = "SOURCECRIT_LEARNER"
MAX_LEARNER_CHARS = 100

# The name given in this Python session (one kernel = one student). Set only by
# set_learner(), never on import.
_session: dict[str, str] = {}
# Who to tell when the learner changes: weak references, so that a form the notebook no
# longer shows is not kept alive for it.
_listeners = Listeners()


def checked_learner(name: object) -> str:
    """Return ``name`` stripped, or raise :class:`LearnerError` saying what is wrong."""
    if not isinstance(name, str) or not name.strip():
        raise LearnerError("type your name first: answers are saved under it")
    name = name.strip()
    if len(name) > MAX_LEARNER_CHARS:
        raise LearnerError(f"a learner name must be at most {MAX_LEARNER_CHARS} characters")
    if any(ord(c) < 32 or 0xD800 <= ord(c) <= 0xDFFF for c in name):
        raise LearnerError("a learner name must not contain control or unpaired characters")
    return name


def set_learner(name: str) -> str:
    """Remember ``name`` as the learner for this session and return it (stripped).

    Raises:
        LearnerError: the name is empty, too long or holds control characters.
    """
    before = current_learner()
    _session["name"] = checked_learner(name)
    _tell_listeners(before)
    return _session["name"]


def current_learner() -> str | None:
    """Return the learner set for this session, else ``$SOURCECRIT_LEARNER``, else None."""
    if "name" in _session:
        return _session["name"]
    env = os.environ.get(LEARNER_ENV, "").strip()
    return env or None


def forget_learner() -> None:
    """Forget the session's learner (a shared computer, the next student)."""
    before = current_learner()
    _session.pop("name", None)
    _tell_listeners(before)


def on_learner_change(callback: Callable[[str | None], None]) -> None:
    """Call ``callback(name)`` each time the session's learner changes (None: forgotten).

    Every form on screen follows the name typed into any prompt: "Working as Ada" shows
    at once on all of them, and what they kept before a name was known is saved under it.
    A bound method is held weakly (the widget may be gone); other callables strongly.
    """
    _listeners.add(callback)


def _tell_listeners(before: str | None) -> None:
    now = current_learner()
    if now != before:
        _listeners.call(now)
