"""A completed checklist and its exports: JSON, Markdown and a DataFrame.

Each move shows what the student did (and the link or note that shows it) apart from what
they found; the verdict, confidence and reason come last and carry no points.
"""

from __future__ import annotations

import datetime as dt
import html
import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sourcecrit.checklists.evidence import Evidence
from sourcecrit.checklists.model import VERDICT_KEYS, VERDICTS, ChecklistModel, Item
from sourcecrit.checklists.scoring import Score, format_points, item_points, item_worth
from sourcecrit.markdown_text import markdown_text

if TYPE_CHECKING:  # pandas only where a table is built: the checklist commands stay fast
    import pandas as pd

ANSWER_WORDS = {"yes": "Yes", "no": "No", "unsure": "Not sure", "partly": "Partly"}
EXPORT_VERSION = 2
FRAME_COLUMNS = [
    "item",
    "section",
    "question",
    "answer_type",
    "answer",
    "points",
    "max_points",
    "evidence",
]


@dataclass(frozen=True)
class CompletedChecklist:
    """A checklist with a learner's answers, their score and the article's evidence.

    Make one with :meth:`Checklist.complete`.

    Attributes:
        checklist: the checklist answered.
        answers: item id → answer, in canonical form (see :meth:`Checklist.check_answers`).
        score: the score of the answers.
        evidence: the hints from the article (empty without an Analysis).
        learner: who answered, or None.
        article: the article's name and metadata, or None.
    """

    checklist: ChecklistModel
    answers: dict[str, Any]
    score: Score
    evidence: list[Evidence] = field(default_factory=list)
    learner: str | None = None
    article: dict[str, Any] | None = None
    created: str = field(default_factory=lambda: dt.datetime.now().isoformat(timespec="seconds"))

    def evidence_for(self, item_id: str) -> list[Evidence]:
        """Return the hints that inform item ``item_id``."""
        return [e for e in self.evidence if item_id in e.items]

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict of everything: checklist, answers, score, evidence."""
        c = self.checklist
        return {
            "version": EXPORT_VERSION,
            "checklist": {
                "id": c.id,
                "title": c.title,
                "credit": c.credit,
                "licence": c.licence,
                "url": c.url,
                "scoring": c.scoring.rule,
            },
            "learner": self.learner,
            "article": self.article,
            "created": self.created,
            "score": self.score.to_dict(),
            "verdict": self.verdict,
            "items": [
                {
                    "id": item.id,
                    **self._item_fields(item),
                    "evidence": [e.signal for e in self.evidence_for(item.id)],
                }
                for item in c.items
            ],
            "evidence": [e.to_dict() for e in self.evidence],
        }

    def _item_fields(self, item: Item) -> dict[str, Any]:
        """The fields every export shows for one item, in order."""
        return {
            "section": item.section,
            "question": item.question,
            "answer_type": item.answer,
            "answer": self.answers.get(item.id),
            "points": self._points(item),
            "max_points": self._worth(item),
        }

    @property
    def verdict(self) -> dict[str, Any]:
        """The verdict, confidence (0-100) and reason the learner gave (None where not given)."""
        return {key: self.answers.get(key) for key in VERDICT_KEYS}

    def to_json(self, *, indent: int | None = 2) -> str:
        """Return :meth:`to_dict` as JSON text."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def to_frame(self) -> pd.DataFrame:
        """Return one row per item: question, answer, points and the hints' messages."""
        import pandas as pd

        rows = [
            {
                "item": item.id,
                **self._item_fields(item),
                "evidence": " ".join(e.message for e in self.evidence_for(item.id)) or None,
            }
            for item in self.checklist.items
        ]
        return pd.DataFrame(rows, columns=FRAME_COLUMNS)

    def to_markdown(self) -> str:
        """Return a Markdown report: who, which article, the score, each answer, the hints."""
        c = self.checklist
        lines = [f"# {_line(c.title)}", ""]
        facts = []
        if self.learner:
            facts.append(f"**Learner:** {_line(self.learner)}")
        if self.article:
            name = self.article.get("title") or self.article.get("name") or "the article"
            date = self.article.get("date")
            facts.append(
                f"**Article:** {_line(str(name))}" + (f" ({_line(str(date))})" if date else "")
            )
        facts.append(f"**Score:** {_line(str(self.score))}")
        lines += [f"- {fact}" for fact in facts] + [""]
        if self.score.band is not None and self.score.band.description:
            lines += [f"> {_line(self.score.band.description)}", ""]
        header = ["#", "Question", "Answer"] + (["Points"] if self.score.value is not None else [])
        lines.append("| " + " | ".join(header) + " |")
        lines.append("|" + "|".join("---" for _ in header) + "|")
        for n, item in enumerate(c.items, start=1):
            cells = [
                str(n),
                _line(_question(item)),
                _answer_text(item, self.answers.get(item.id)),
            ]
            if self.score.value is not None:
                cells.append(
                    f"{format_points(self._points(item) or 0)} / {format_points(self._worth(item) or 0)}"
                    if item.scored
                    else "—"
                )
            lines.append("| " + " | ".join(cells) + " |")
        verdict = self.verdict
        if any(v is not None for v in verdict.values()):
            lines += ["", "## Verdict (not scored)", ""]
            word = VERDICTS.get(verdict["verdict"] or "", "*(not given)*")
            lines.append(f"- **Verdict:** {word}")
            if verdict["confidence"] is not None:
                lines.append(f"- **Confidence:** {_line(str(verdict['confidence']))} / 100")
            if verdict["reason"]:
                lines.append(f"- **Reason:** {_line(str(verdict['reason']))}")
        if self.evidence:
            lines += ["", "## What the article shows", ""]
            for ev in self.evidence:
                informs = _line(", ".join(ev.items))
                lines.append(f"- **{_line(ev.title)}** (for {informs}): {_line(ev.message)}")
        lines += [
            "",
            "---",
            "",
            f"Checklist adapted from: {_line(c.credit)} (licence: {_line(c.licence)})"
            + (f", {_line(c.url)}" if c.url else "")
            + ".",
            "",
        ]
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        esc = html.escape
        rows = []
        for item in self.checklist.items:
            answer = self.answers.get(item.id)
            shown = "—" if answer is None else _answer_plain(item, answer)
            points = self._points(item)
            rows.append(
                f"<tr><td>{esc(item.question)}</td><td>{esc(shown)}</td>"
                f"<td>{'' if points is None else format_points(points)}</td></tr>"
            )
        return (
            f'<div class="sourcecrit-completed-checklist"><h4>{esc(self.checklist.title)}</h4>'
            f"<p><b>{esc(str(self.score))}</b></p>"
            "<table><thead><tr><th>Question</th><th>Answer</th><th>Points</th></tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>" + _verdict_html(self.verdict) + "</div>"
        )

    def _points(self, item: Item) -> float | None:
        if self.score.value is None or not item.scored:
            return None
        return item_points(item, self.answers.get(item.id), weighted=self.checklist.weighted)

    def _worth(self, item: Item) -> float | None:
        if self.score.value is None or not item.scored:
            return None
        return item_worth(item, weighted=self.checklist.weighted)


def _question(item: Item) -> str:
    return f"{item.section}: {item.question}" if item.section else item.question


def _verdict_html(verdict: dict[str, Any]) -> str:
    if all(v is None for v in verdict.values()):
        return ""
    text = "Verdict (not scored): " + VERDICTS.get(verdict["verdict"] or "", "not given")
    if verdict["confidence"] is not None:
        text += f", confidence {verdict['confidence']} / 100"
    if verdict["reason"]:
        text += f". Why: {verdict['reason']}"
    return f"<p>{html.escape(text)}</p>"


def _answer_plain(item: Item, answer: Any) -> str:
    if item.answer == "move" and isinstance(answer, dict):
        parts = [f"Did it: {ANSWER_WORDS.get(answer.get('did') or '', 'not said')}"]
        if answer.get("shown"):
            parts.append(f"shown by: {answer['shown']}")
        if answer.get("found"):
            parts.append(f"found: {answer['found']}")
        return "; ".join(parts)
    return ANSWER_WORDS.get(answer, str(answer)) if isinstance(answer, str) else str(answer)


def _answer_text(item: Item, answer: Any) -> str:
    if answer is None or (isinstance(answer, str) and not answer.strip()):
        return "*(not answered)*"
    if item.answer == "move":
        return _line(_answer_plain(item, answer))
    if item.answer == "yes_no_unsure":
        return _line(ANSWER_WORDS.get(answer, str(answer)))
    if item.answer == "rating":
        return _line(f"{answer} / 5")
    return _line(str(answer))


def _line(text: str) -> str:
    # One helper for every export: learner and checklist text shows as typed (issue 16).
    return markdown_text(text, one_line=True)
