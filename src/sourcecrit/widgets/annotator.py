"""Predict, then reveal: the student marks the article before the machine shows its reading.

The student selects words in the article (mouse or keyboard; selections snap to whole
words) and labels them from a small palette. **Reveal** is offered only once they commit
(at least one span, or "I found none"); that answer is frozen and kept, and a second
version stays editable. After the reveal the reference spans (the machine's reading, or an
instructor's key) are drawn over the text, with per-label agreement
(:func:`sourcecrit.span_agreement.agreement`), every disagreement with the reference's
explanation and confidence, and an "I think the machine is wrong here" flag per span.

Everything is saved on each change (learner + article + key, with a copy in the browser:
see widgets.common) and restored when the widget is built again. The front end is
``annotator.js`` and ``.css`` (anywidget, no build step); text reaches the page as text.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import anywidget
import traitlets as t
from ipywidgets import DOMWidget, widget_serialization

from sourcecrit.errors import AnnotatorError, LearnerError
from sourcecrit.layers import LAYERS, layer_labels
from sourcecrit.progress import ProgressError, ProgressStore
from sourcecrit.span_agreement import agreement
from sourcecrit.widgets.annotator_state import (
    ACTIONS,
    MAX_REASON_CHARS,
    SAVED,
    annotated_source,
    as_spans,
    now,
    overall_f1,
    passage_window,
    reference_getter,
    restored_state,
    review_rows,
    saved_state,
    short_hash,
    snap,
    span_id,
)
from sourcecrit.widgets.common import BrowserCopy, Saver
from sourcecrit.work.learner import set_learner

_HERE = Path(__file__).resolve().parent
STORE_PREFIX = "annotator-"
Store = ProgressStore | str | os.PathLike[str] | None


class Annotator(anywidget.AnyWidget):
    """The widget :func:`annotator` returns; its methods are what the front end calls.

    Offsets index the whole article; the front end shows ``text`` from ``offset`` on.
    """

    _esm = _HERE / "annotator.js"
    _css = _HERE / "annotator.css"

    text = t.Unicode("").tag(sync=True)
    offset = t.Int(0).tag(sync=True)
    layer = t.Unicode("").tag(sync=True)
    labels: t.List[Any] = t.List().tag(sync=True)
    reference_name = t.Unicode("the machine").tag(sync=True)
    spans: t.List[Any] = t.List().tag(sync=True)
    none_found = t.Bool(False).tag(sync=True)
    committed = t.Bool(False).tag(sync=True)
    frozen: t.List[Any] = t.List().tag(sync=True)
    frozen_none_found = t.Bool(False).tag(sync=True)
    revealed = t.Bool(False).tag(sync=True)
    reference: t.List[Any] = t.List().tag(sync=True)  # empty until the reveal: nothing to peek at
    review: t.List[Any] = t.List().tag(sync=True)
    scores = t.Dict().tag(sync=True)
    flags = t.Dict().tag(sync=True)
    learner = t.Unicode("").tag(sync=True)
    needs_learner = t.Bool(False).tag(sync=True)
    message = t.Unicode("").tag(sync=True)
    saved_to = t.Unicode("").tag(sync=True)
    # The browser's copy of the learner's work, drawn inside the annotator by annotator.js.
    browser_copy = t.Instance(BrowserCopy, allow_none=True).tag(sync=True, **widget_serialization)
    restore_offer = t.Instance(DOMWidget, allow_none=True).tag(sync=True, **widget_serialization)

    def __init__(
        self,
        *,
        text: str,
        article: Any,
        layer: str,
        window: tuple[int, int],
        reference: Callable[[], list[dict[str, Any]]],
        reference_name: str,
        key: str,
        learner: str | None,
        store: Store = None,
        on_commit: Callable[[list[list[Any]] | None], None] | None = None,
    ):
        lo, hi = window
        super().__init__(
            text=text[lo:hi],
            offset=lo,
            layer=layer,
            labels=[{"name": x.name, "key": x.key, "help": x.help} for x in layer_labels(layer)],
            reference_name=reference_name,
        )
        self._full_text = text
        self._article = article
        self._window = window
        self._reference_source = reference
        self._key = key
        # One store for this widget, so its saves merge per item (see widgets.common).
        self._saver = Saver(learner=learner, key=STORE_PREFIX + key, article=article, store=store)
        self.browser_copy, self.restore_offer = self._saver.browser_copy, self._saver.restore_offer
        self._saver.on_reload(self._follow_saver)
        self._on_commit = on_commit
        self._times: dict[str, str] = {}
        self.on_msg(self._front_end)
        if (who := self._saver.learner) is None:
            self.needs_learner = True
            self.message = "Type your name first, so your work is saved under it."
        else:
            self._load(who)

    # -- what the student does ------------------------------------------------------------------

    def add_span(self, start: int, end: int, label: str) -> list[Any]:
        """Mark ``text[start:end]`` (snapped to whole words) as ``label``; return the span.

        Marking a stretch already marked gives it the new label.
        """
        self._editable()
        self._check_label(label)
        lo, hi = self._window
        start, end = snap(self._full_text, max(lo, int(start)), min(hi, int(end)))
        if start >= end:
            raise AnnotatorError("select at least one word of the text to mark it")
        span = [start, end, label]
        kept = [s for s in self.spans if (s[0], s[1]) != (start, end)]
        self.spans = sorted([*kept, span])
        self.none_found = False
        self._changed()
        return span

    def relabel(self, index: int, label: str) -> None:
        """Give the span at ``index`` (in :attr:`spans`) the label ``label``."""
        self._editable()
        self._check_label(label)
        spans = [list(s) for s in self.spans]
        spans[self._index(index)][2] = label
        self.spans = spans
        self._changed()

    def remove_span(self, index: int) -> None:
        """Remove the span at ``index`` (in :attr:`spans`)."""
        self._editable()
        spans = list(self.spans)
        del spans[self._index(index)]
        self.spans = spans
        self._changed()

    def set_none_found(self, value: bool = True) -> None:
        """Say "I found none" (only while nothing is marked)."""
        self._editable()
        if value and self.spans:
            raise AnnotatorError("you have marked words already: remove them first")
        self.none_found = bool(value)
        self._changed()

    def commit(self) -> None:
        """Freeze the answer so far: it is kept as given, and the reveal is offered."""
        if self.committed:
            raise AnnotatorError("your answer is committed already")
        if not self.spans and not self.none_found:
            raise AnnotatorError("mark at least one stretch, or say that you found none")
        self.frozen = [list(s) for s in self.spans]
        self.frozen_none_found = self.none_found
        self.committed = True
        self._times["committed_at"] = now()
        if self._on_commit is not None:
            self._on_commit(self.frozen)
        self._changed()

    def uncommit(self) -> None:
        """Take the commitment back (only before the reveal) to change the answer."""
        if self.revealed:
            raise AnnotatorError("after the reveal your first answer stays as it was")
        self.committed = False
        self.frozen = []
        self.frozen_none_found = False
        if self._on_commit is not None:
            self._on_commit(None)
        self._changed()

    def reveal(self) -> None:
        """Show the reference spans, the agreement and every disagreement."""
        if not self.committed:
            raise AnnotatorError("commit your answer first: the reveal comes after")
        if not self.revealed:
            self.revealed = True
            self._times["revealed_at"] = now()
        self._changed()

    def flag(self, span: str, reason: str) -> None:
        """Say "I think the machine is wrong here" about reference span ``span`` (its id)."""
        if not self.revealed:
            raise AnnotatorError("flags come after the reveal")
        if span not in {r["id"] for r in self.reference}:
            raise AnnotatorError(f"there is no reference span {span!r}")
        reason = " ".join(str(reason or "").split())
        if not reason:
            raise AnnotatorError("say in one line why you think it is wrong")
        if len(reason) > MAX_REASON_CHARS:
            raise AnnotatorError(f"keep the reason to one line ({MAX_REASON_CHARS} characters)")
        self.flags = {**self.flags, span: reason}
        self._changed()

    def unflag(self, span: str) -> None:
        """Withdraw the flag on reference span ``span``."""
        self.flags = {k: v for k, v in self.flags.items() if k != span}
        self._changed()

    def set_learner(self, name: str) -> None:
        """Work as ``name`` from now on (remembered for this session); load their work."""
        try:
            name = set_learner(" ".join(str(name or "").split()))
        except LearnerError as exc:
            raise AnnotatorError(str(exc)) from None
        self._load(name, keep=True)

    @property
    def path(self) -> Path | None:
        """The file the work is saved in (None until a learner is known)."""
        return Path(self.saved_to) if self.saved_to else None

    def agreement(self, *, before_reveal: bool = True) -> Any:
        """Return :func:`~sourcecrit.span_agreement.agreement` of the frozen answer (or of the
        second version) with the reference. Only after the reveal."""
        if not self.revealed:
            raise AnnotatorError("the agreement is shown after the reveal")
        mine = self.frozen if before_reveal else self.spans
        return agreement(
            as_spans(mine),
            as_spans(self.reference),
            text=self._full_text,
            labels=[x["name"] for x in self.labels],
        )

    # -- inside -----------------------------------------------------------------------------------

    def _front_end(self, _widget: Any, content: dict[str, Any], _buffers: Any) -> None:
        action = content.get("action") if isinstance(content, dict) else None
        if action not in ACTIONS:
            return
        method, *names = ACTIONS[action]
        try:
            getattr(self, method)(*(content[n] for n in names))
        except (AnnotatorError, KeyError, TypeError, ValueError) as exc:
            self.message = str(exc) if isinstance(exc, AnnotatorError) else "That did not work."

    def _editable(self) -> None:
        if self.committed and not self.revealed:
            raise AnnotatorError(
                "your answer is committed: reveal, or take the commitment back to change it"
            )

    def _check_label(self, label: str) -> None:
        names = [x["name"] for x in self.labels]
        if label not in names:
            raise AnnotatorError(f"{label!r} is not a label here; use one of {', '.join(names)}")

    def _index(self, index: Any) -> int:
        if not isinstance(index, int) or not 0 <= index < len(self.spans):
            raise AnnotatorError(f"there is no marked span number {index!r}")
        return index

    def _changed(self) -> None:
        if self.revealed:
            if not self.reference:
                self.reference = [{**r, "id": span_id(r)} for r in self._reference_source()]
            found = self.agreement(before_reveal=True)
            now = self.agreement(before_reveal=False)
            self.scores = {"before": found.to_dict(), "now": now.to_dict()}
            self.review = review_rows(now, self.reference, self.flags, self.reference_name)
        self.message = ""
        self._save()

    def _state(self) -> dict[str, Any]:
        plain = {name: getattr(self, name) for name in SAVED}
        if self.revealed and self.scores:  # for the class overview (work.overview)
            plain["agreement"] = overall_f1(self.scores["before"])
        return saved_state(
            plain,
            window=self._window,
            text=self._full_text,
            reference=self.reference,
            flags=self.flags,
            times=self._times,
        )

    def _save(self) -> None:
        if not self.learner:
            self.message = "Not saved yet: type your name first."
            return
        saver = self._saver
        try:
            path = saver.store.save(self.learner, saver.key, self._article, self._state())
        except ProgressError as exc:
            self.message = f"Not saved: {exc}"
        else:
            self.saved_to = str(path)
            saver.mirror(self.learner)

    def _follow_saver(self) -> None:
        # A name typed in another prompt, or the browser's copy restored: show that work.
        # Words marked before any name was known are kept (they are this student's).
        if who := self._saver.learner:
            self._load(who, keep=not self.learner)

    def _load(self, learner: str, *, keep: bool = False) -> None:
        loaded = self._saver.store.load(learner, self._saver.key, self._article)
        saved, notices = dict(loaded.answers), list(loaded.notices)
        self.learner = learner
        self.needs_learner = False
        self._saver.show()  # follow this learner in the browser's copy; offer to restore it
        state = restored_state(saved, window=self._window, labels=[x["name"] for x in self.labels])
        if keep and not state.get("committed"):
            # Words marked before the name was typed are kept alongside the saved ones.
            state["spans"] = sorted({tuple(s) for s in [*state["spans"], *self.spans]})
            state["spans"] = [list(s) for s in state["spans"]]
        for name in ("spans", "none_found", "committed", "frozen", "frozen_none_found"):
            setattr(self, name, state[name])
        self._times = {k: v for k, v in saved.items() if k in ("committed_at", "revealed_at")}
        self.revealed = bool(state.get("revealed"))
        self.flags = state.get("flags", {})
        self._changed()
        if notices:
            self.message = " ".join(notices)


def annotator(
    source: Any,
    *,
    layer: str,
    passage: str | None = None,
    reference: str | Iterable[Any] = "machine",
    key: str | None = None,
    learner: str | None = None,
    store: Store = None,
) -> Annotator:
    """Return a widget in which the student marks ``layer`` in the article, then compares.

    Args:
        source: an :class:`~sourcecrit.analysis.Analysis`, or an
            :class:`~sourcecrit.article.Article` (analysed only when the machine's reading
            is revealed).
        layer: ``"certainty"`` (hedge, booster, weasel) or ``"attribution"`` (source, cue,
            content).
        passage: a stretch quoted from the article to limit the task to (case, curly
            quotes and line breaks need not match).
        reference: ``"machine"`` (sourcecrit's own reading) or an instructor's key:
            ``(start, end, label)`` triples, dicts with those keys (and optionally
            ``explanation``), or a DataFrame.
        key: names this task in the learner's saved work (default: the layer and passage).
        learner: whose work (default: the name given this session, else
            ``$SOURCECRIT_LEARNER``; otherwise the widget asks for a name).
        store: a ProgressStore or folder (default ``$SOURCECRIT_PROGRESS_DIR``).

    Raises:
        AnnotatorError: unknown layer, a passage not in the article, or a bad key.
    """
    analysis, article, text = annotated_source(source)
    if layer not in LAYERS:
        raise AnnotatorError(f"there is no layer {layer!r}; use certainty or attribution")
    window = passage_window(text, passage)

    get_reference, name = reference_getter(analysis, article, layer, window, reference)
    if key is None:  # the layer, the passage if any, and whether an instructor's key is used
        where = "" if passage is None else "-" + short_hash(f"{window[0]}:{window[1]}")
        key = layer + where + ("" if isinstance(reference, str) else "-key")
    return Annotator(
        text=text,
        article=article,
        layer=layer,
        window=window,
        reference=get_reference,
        reference_name=name,
        key=key,
        learner=learner,
        store=store,
    )


__all__ = ["Annotator", "annotator"]
