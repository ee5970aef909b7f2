"""A checklist as a form: one row per move, the article's evidence beside it, a live score.

Each move asks what the student did (made it, partly, not yet), the link or note that
shows it, and, apart, what they found; the form ends with the verdict (trust, trust with
care, do not trust, cannot tell), a confidence from 0 to 100 and a reason, which are kept
and never scored. Answers are saved to the progress store as they change (see :mod:`sourcecrit.progress`),
so a new form for the same learner, checklist and article, even after a kernel restart,
opens with them filled in. Returns a widget; notebooks display it.
"""

from __future__ import annotations

import datetime as dt
import html
import os
from pathlib import Path
from typing import Any

import ipywidgets as widgets

from sourcecrit.checklists import (
    VERDICTS,
    Checklist,
    ChecklistError,
    CompletedChecklist,
    Evidence,
    Item,
    load_checklist,
)
from sourcecrit.progress import ProgressError, ProgressStore
from sourcecrit.widgets.common import NO_NAME, Saver, saved_line
from sourcecrit.work.learner import LEARNER_ENV as LEARNER_ENV  # re-exported

YES_NO_OPTIONS = [("Yes", "yes"), ("No", "no"), ("Not sure", "unsure")]
MOVE_OPTIONS = [("Made it", "yes"), ("Partly", "partly"), ("Not yet", "no")]
VERDICT_OPTIONS = [(label, key) for key, label in VERDICTS.items()]
VERDICT_HEADING = (
    "<h4>Your verdict</h4><small>Not scored: what you conclude, how sure you are, and why.</small>"
)
RATING_OPTIONS = [(str(n), n) for n in range(1, 6)]
MAX_QUOTES = 3
QUOTE_CHARS = 120


class MoveInput(widgets.VBox):
    """The input for one move: what you did, what shows it, and (apart) what you found.

    Attributes:
        did: made it / partly / not yet.
        shown: the link (or note) that shows the move.
        found: what the student found (never scored).
    """

    def __init__(self, item: Item):
        self.did = widgets.ToggleButtons(options=MOVE_OPTIONS, value=None)
        self.did.add_class("sc-move-did")
        link = item.show == "link"
        self.shown = widgets.Text(
            value="",
            placeholder="Link that shows where you looked (https://...)"
            if link
            else "A note that shows what you did",
            description="Link:" if link else "Shown by:",
            layout=widgets.Layout(width="95%"),
        )
        self.shown.add_class("sc-move-shown")
        self.found = widgets.Textarea(
            value="",
            placeholder=item.finding,
            description="Found:",
            layout=widgets.Layout(width="95%"),
        )
        self.found.add_class("sc-move-found")
        super().__init__([self.did, self.shown, self.found])
        self.add_class("sc-answer-move")

    @property
    def value(self) -> dict[str, str] | None:
        """``{"did", "shown", "found"}``, or None when nothing is filled in."""
        out = {"did": self.did.value or "", "shown": self.shown.value, "found": self.found.value}
        return out if any(out.values()) else None

    @value.setter
    def value(self, answer: Any) -> None:
        if isinstance(answer, str):
            answer = {"did": answer}
        answer = answer or {}
        self.did.value = answer.get("did") or None
        self.shown.value = answer.get("shown") or ""
        self.found.value = answer.get("found") or ""

    def observe_parts(self, handler: Any) -> None:
        """Call ``handler`` when any part changes."""
        for part in (self.did, self.shown, self.found):
            part.observe(handler, names="value")


class ChecklistForm(widgets.VBox):
    """The widget :func:`checklist_form` returns.

    Attributes:
        checklist: the checklist shown.
        analysis: the Analysis whose evidence is shown (or None).
        learner: whose answers these are (None until a name is given: nothing is saved).
        store: where answers are saved (this form's own store).
        saver: who is working, the name prompt and the browser's copy (widgets.common).
        inputs: item id → the input widget for that item (a :class:`MoveInput` for moves).
        verdict, confidence, reason: the verdict at the end (not scored); the confidence
            counts once the student has moved the slider.
        evidence_boxes: item id → the HTML widget showing that item's evidence.
        score_label: the running score and band.
        status: the last save (or the problem saving).
        notices: messages from loading (a damaged file moved aside, answers restored).
        save_button: saves now (answers are saved on every change anyway).
    """

    def __init__(
        self,
        checklist: Checklist,
        analysis: Any = None,
        *,
        learner: str | None,
        store: ProgressStore | str | os.PathLike[str] | None,
    ):
        super().__init__()
        self.checklist = checklist
        self.analysis = analysis
        self.saver = Saver(learner=learner, key=checklist.id, article=analysis, store=store)
        self.store = self.saver.store
        self._restoring = False
        self.inputs: dict[str, Any] = {}
        self.verdict = widgets.ToggleButtons(options=VERDICT_OPTIONS, value=None)
        self.confidence = widgets.IntSlider(
            value=50, min=0, max=100, step=5, description="How sure (0-100):"
        )
        self.confidence_given = False
        self.reason = widgets.Textarea(
            value="",
            placeholder="Why? Name what you found that decides it.",
            layout=widgets.Layout(width="95%"),
        )
        self.evidence_boxes: dict[str, widgets.HTML] = {}
        self.score_label = widgets.HTML()
        self.status = widgets.HTML()
        self.notices = widgets.HTML()
        tip = "Answers are saved as you go; this saves once more."
        self.save_button = widgets.Button(description="Save now", icon="save", tooltip=tip)
        self.save_button.on_click(lambda _button: self.save())

        notices: list[str] = []
        evidence = _evidence(checklist, analysis, notices)
        rows: list[widgets.Widget] = []
        section = None
        for item in checklist.items:
            if item.section and item.section != section:
                section = item.section
                rows.append(widgets.HTML(f"<h4>{html.escape(section)}</h4>"))
            rows.append(self._row(item, [e for e in evidence if item.id in e.items]))

        for box in (self.verdict, self.reason):
            box.observe(self._changed, names="value")
        self.confidence.observe(self._confidence_changed, names="value")
        parts = [widgets.HTML(VERDICT_HEADING), self.verdict, self.confidence, self.reason]
        verdict = widgets.VBox(parts)
        verdict.add_class("sc-checklist-verdict")
        self.header = widgets.HTML(_header(checklist, analysis, self.learner))
        self.children = [
            self.header,
            self.saver.bar,
            self.notices,
            *rows,
            verdict,
            widgets.HBox([self.score_label, self.save_button, self.status]),
        ]
        self.add_class("sourcecrit-checklist-form")
        self.saver.on_reload(lambda: self._restore([]))
        self._restore(notices)
        self._refresh_score()

    # -- answers -----------------------------------------------------------------------------

    def answers(self) -> dict[str, Any]:
        """Return the current answers (item id → answer; unanswered items left out)."""
        out = {}
        for item_id, box in self.inputs.items():
            value = box.value
            if value is None or (isinstance(value, str) and not value):
                continue
            out[item_id] = value
        if self.verdict.value:
            out["verdict"] = self.verdict.value
        if self.confidence_given:
            out["confidence"] = self.confidence.value
        if self.reason.value.strip():
            out["reason"] = self.reason.value
        return out

    def completed(self) -> CompletedChecklist:
        """Return the answered checklist, to export with ``to_markdown()`` and friends."""
        return self.checklist.complete(self.answers(), analysis=self.analysis, learner=self.learner)

    @property
    def learner(self) -> str | None:
        """Whose answers these are: the name given to the form or this session, else None."""
        return self.saver.learner

    def save(self) -> Path | None:
        """Save the answers now; return the file, or None when saving failed or no name is
        given yet (see status: the answers are kept and saved once the name is given)."""
        learner = self.learner
        if learner is None:
            self.status.value = self.saver.save(self.answers())
            return None
        try:
            path = self.store.save(learner, self.checklist, self.analysis, self.answers())
        except (ProgressError, ChecklistError) as exc:
            self.status.value = f'<span class="sc-error">Not saved: {html.escape(str(exc))}</span>'
            return None
        self.status.value = saved_line(learner)
        self.saver.mirror(learner)
        return path

    # -- building ----------------------------------------------------------------------------

    def _row(self, item: Item, evidence: list[Evidence]) -> widgets.Widget:
        box = _input_for(item)
        if isinstance(box, MoveInput):
            box.observe_parts(self._changed)
        else:
            box.observe(self._changed, names="value")
        self.inputs[item.id] = box
        question = widgets.HTML(
            f"<b>{html.escape(item.question)}</b>"
            + (f"<br><small>{html.escape(item.help)}</small>" if item.help else "")
        )
        hints = widgets.HTML(_evidence_html(evidence, self.analysis))
        self.evidence_boxes[item.id] = hints
        left = widgets.VBox([question, box], layout=widgets.Layout(width="55%"))
        right = widgets.Box([hints], layout=widgets.Layout(width="45%", padding="0 0 0 1em"))
        row = widgets.HBox([left, right], layout=widgets.Layout(margin="0 0 0.8em 0"))
        row.add_class("sc-checklist-item")
        row.add_class(f"sc-item-{item.id}")
        return row

    def _restore(self, notices: list[str]) -> None:
        self.header.value = _header(self.checklist, self.analysis, self.learner)
        if self.learner is None:
            self.status.value = NO_NAME
            return
        saved = self.store.load(self.learner, self.checklist, self.analysis)
        notices = [*notices, *saved.notices]
        self._restoring = True
        try:
            for item_id, answer in saved.answers.items():
                try:
                    value = self.checklist.check_answers({item_id: answer}).get(item_id)
                except ChecklistError as exc:
                    notices.append(f"A saved answer was left out: {exc}.")
                    continue
                if value is None:
                    continue
                if item_id == "verdict":
                    self.verdict.value = value
                elif item_id == "confidence":
                    self.confidence.value = value
                    self.confidence_given = True
                elif item_id == "reason":
                    self.reason.value = value
                else:
                    self.inputs[item_id].value = value
        finally:
            self._restoring = False
        if saved.updated:
            self.status.value = f"Answers from {html.escape(_local_time(saved.updated))} restored"
        self.notices.value = "".join(
            f'<div class="sc-notice">{html.escape(n)}</div>' for n in notices
        )

    def _changed(self, _change: dict) -> None:
        if self._restoring:
            return
        self._refresh_score()
        self.save()

    def _confidence_changed(self, change: dict) -> None:
        if not self._restoring:
            self.confidence_given = True
        self._changed(change)

    def _refresh_score(self) -> None:
        score = self.checklist.score(self.answers())
        text = html.escape(str(score))
        if score.band is not None and score.band.description:
            text += f"<br><small>{html.escape(score.band.description)}</small>"
        self.score_label.value = f"<b>Score:</b> {text}"


def checklist_form(
    checklist: Checklist | str,
    analysis: Any = None,
    *,
    learner: str | None = None,
    store: ProgressStore | str | os.PathLike[str] | None = None,
) -> ChecklistForm:
    """Return a form for ``checklist``, with ``analysis``'s evidence beside each question.

    Answers are saved as they change and restored when a form for the same learner,
    checklist and article is made again (e.g. after a kernel restart).

    Args:
        checklist: a Checklist, or the name or path of one (see ``load_checklist``).
        analysis: the analysed article the answers are about, or None.
        learner: whose answers (default: the name given this session with
            ``sourcecrit.set_learner`` or the name prompt, else ``$SOURCECRIT_LEARNER``;
            never the login name: with none, the form asks for it and saves nothing before).
        store: a ProgressStore or a folder for one (default ``$SOURCECRIT_PROGRESS_DIR`` or
            ``~/.sourcecrit/progress``).
    """
    return ChecklistForm(load_checklist(checklist), analysis, learner=learner, store=store)


def _input_for(item: Item) -> Any:
    if item.answer == "move":
        return MoveInput(item)
    if item.answer == "yes_no_unsure":
        box = widgets.ToggleButtons(options=YES_NO_OPTIONS, value=None)
    elif item.answer == "rating":
        box = widgets.ToggleButtons(
            options=RATING_OPTIONS,
            value=None,
            tooltips=["1: poor", "2", "3", "4", "5: good"],
            style={"button_width": "3em"},
        )
    else:
        box = widgets.Textarea(
            value="", placeholder="Your notes", layout=widgets.Layout(width="95%")
        )
    box.add_class(f"sc-answer-{item.answer}")
    return box


def _evidence(checklist: Checklist, analysis: Any, notices: list[str]) -> list[Evidence]:
    if analysis is None:
        return []
    try:
        return checklist.evidence(analysis)
    except Exception as exc:  # a hint must never stop a student from answering
        notices.append(
            f"The article's evidence could not be computed ({type(exc).__name__}: {exc})."
        )
        return []


def _header(checklist: Checklist, analysis: Any, learner: str | None) -> str:
    esc = html.escape
    facts = [f"Learner: {esc(learner)}" if learner else "Type your name below first"]
    if analysis is not None:
        article = analysis.article
        name = article.title or article.name
        facts.append(f"Article: {esc(name)}" + (f" ({esc(article.date)})" if article.date else ""))
    credit = f"Adapted from {esc(checklist.credit)} ({esc(checklist.licence)})"
    return (
        f"<h3>{esc(checklist.title)}</h3>"
        + (f"<p>{esc(checklist.intro)}</p>" if checklist.intro else "")
        + f"<p><small>{' · '.join(facts)}</small></p>"
        + f"<p><small><i>{credit}</i></small></p>"
    )


def _evidence_html(evidence: list[Evidence], analysis: Any) -> str:
    if not evidence:
        return ""
    esc = html.escape
    parts = []
    for ev in evidence:
        quotes = ""
        if analysis is not None and ev.spans:
            shown = [_clip(q) for q in ev.quotes(analysis.text)[:MAX_QUOTES]]
            more = len(ev.spans) - len(shown)
            quotes = "<ul>" + "".join(f"<li>“{esc(q)}”</li>" for q in shown)
            quotes += f"<li>… and {more} more</li>" if more > 0 else ""
            quotes += "</ul>"
        parts.append(
            f'<div class="sc-evidence sc-evidence-{esc(ev.signal)}">'
            f"<b>{esc(ev.title)}</b>: {esc(ev.message)}{quotes}</div>"
        )
    return "".join(parts)


def _clip(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= QUOTE_CHARS else text[: QUOTE_CHARS - 1] + "…"


def _local_time(iso: str) -> str:
    try:
        return dt.datetime.fromisoformat(iso).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return iso
