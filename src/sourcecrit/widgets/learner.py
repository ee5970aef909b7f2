"""The name prompt: who is working, asked once per session and shown on every form.

``sourcecrit.widgets.learner()`` returns the prompt; every saving widget shows one when
no name is known yet, and saves nothing until the student has typed it (never under the
login name, which on Binder is ``jovyan`` for everyone).
"""

from __future__ import annotations

import html
from collections.abc import Callable

import ipywidgets as widgets

from sourcecrit.errors import LearnerError
from sourcecrit.work.learner import current_learner, on_learner_change, set_learner


class LearnerPrompt(widgets.VBox):
    """A text box for the learner's name and a button to confirm it.

    Attributes:
        name_box: where the name is typed.
        confirm: confirms the name.
        status: who is working now, or what is wrong with the name.
    """

    def __init__(self) -> None:
        self.name_box = widgets.Text(
            value=current_learner() or "",
            placeholder="Your name, as your teacher knows you",
            description="Your name:",
            layout=widgets.Layout(width="28em"),
        )
        self.name_box.add_class("sc-learner-name")
        self.confirm = widgets.Button(description="That's me", icon="user", button_style="primary")
        self.confirm.add_class("sc-learner-confirm")
        self.status = widgets.HTML()
        self.status.add_class("sc-learner-status")
        self._callbacks: list[Callable[[str], None]] = []
        self.confirm.on_click(lambda _b: self.submit())
        super().__init__([widgets.HBox([self.name_box, self.confirm]), self.status])
        self.add_class("sc-learner")
        self._show()
        on_learner_change(self._learner_changed)

    def _learner_changed(self, name: str | None) -> None:
        # A name confirmed in another prompt shows here too.
        self.name_box.value = name or ""
        self._show()

    def on_name(self, callback: Callable[[str], None]) -> None:
        """Call ``callback(name)`` each time a name is confirmed."""
        self._callbacks.append(callback)

    def submit(self) -> str | None:
        """Confirm the typed name; return it, or None when it cannot be used (see status)."""
        try:
            name = set_learner(self.name_box.value)
        except LearnerError as exc:
            self.status.value = f"<span style='color:#cf222e'>{html.escape(str(exc))}</span>"
            return None
        self._show()
        for callback in self._callbacks:
            callback(name)
        return name

    def _show(self) -> None:
        name = current_learner()
        if name:
            self.status.value = (
                f"Working as <b>{html.escape(name)}</b>; your answers are saved under this name."
            )
        else:
            self.status.value = (
                "Type your name and press <b>That's me</b>: nothing is saved before."
            )


def learner() -> LearnerPrompt:
    """Return the name prompt (it remembers the name for the rest of the session)."""
    return LearnerPrompt()
