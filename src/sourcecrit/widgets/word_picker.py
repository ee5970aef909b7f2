"""Pick words out of a passage by clicking them, instead of typing them.

A ``find`` question asks students to pick words ("which words hedge?"). Typing them invites
typos and copying whole sentences; clicking the words themselves does not. Each word of the
passage is a toggle button; the picks are the runs of neighbouring selected words, taken
from the article text as they stand ("expressed doubt" from "expressed" and "doubt").
"""

from __future__ import annotations

import re

import ipywidgets as widgets
import traitlets

from sourcecrit.exercises.matching import occurrences

_WORD = re.compile(r"\w+(?:['’\-]\w+)*")


class WordPicker(widgets.Box):
    """Toggle buttons, one per word of ``text[start:end]``; ``value`` is the list of picks.

    Setting ``value`` (a list of phrases, or text with one phrase per line) selects the
    words those phrases cover in the passage; phrases not in the passage are left out.

    Attributes:
        buttons: one toggle button per word, in text order.
        spans: the ``(start, end)`` of each button's word in ``text``.
    """

    value = traitlets.List(traitlets.Unicode())

    def __init__(self, text: str, start: int, end: int):
        self._text = text
        self.spans = [(start + m.start(), start + m.end()) for m in _WORD.finditer(text[start:end])]
        self.buttons = []
        for n, (s, e) in enumerate(self.spans):
            # Punctuation after a word stays on its button, so the passage still reads.
            stop = self.spans[n + 1][0] if n + 1 < len(self.spans) else end
            label = (text[s:e] + text[e:stop].strip())[:40]
            button = widgets.ToggleButton(
                value=False, description=label, layout=widgets.Layout(width="auto", margin="2px")
            )
            button.add_class("sc-word")
            button.observe(self._clicked, names="value")
            self.buttons.append(button)
        self._syncing = False
        super().__init__(
            self.buttons,
            layout=widgets.Layout(display="flex", flex_flow="row wrap", width="95%"),
        )
        self.add_class("sc-word-picker")

    def _clicked(self, _change: dict) -> None:
        if self._syncing:
            return
        self._syncing = True
        try:
            self.value = self._picks()
        finally:
            self._syncing = False

    def _picks(self) -> list[str]:
        picks, run = [], None
        for (s, e), button in zip(self.spans, self.buttons):
            if run and self._text[run[1] : s].strip():
                # Punctuation between two picked words ends a pick: "doubt, sadly" is two.
                picks.append(self._text[run[0] : run[1]])
                run = None
            if button.value:
                run = (run[0], e) if run else (s, e)
            elif run:
                picks.append(self._text[run[0] : run[1]])
                run = None
        if run:
            picks.append(self._text[run[0] : run[1]])
        return picks

    @traitlets.validate("value")
    def _valid(self, proposal: dict) -> list[str]:
        value = proposal["value"]
        lines = [value] if isinstance(value, str) else value
        return [p.strip() for line in lines for p in line.splitlines() if p.strip()]

    @traitlets.observe("value")
    def _selected(self, change: dict) -> None:
        if self._syncing:
            return
        lo = self.spans[0][0] if self.spans else 0
        hi = self.spans[-1][1] if self.spans else 0
        chosen = [
            span
            for pick in change["new"]
            for span in occurrences(self._text, pick, within=(lo, hi))
        ]
        self._syncing = True
        try:
            for (s, e), button in zip(self.spans, self.buttons):
                button.value = any(a <= s and e <= b for a, b in chosen)
        finally:
            self._syncing = False
