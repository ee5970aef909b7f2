"""The :class:`Checklist` students fill in: the schema, plus scoring, evidence and completing.

The schema lives in :mod:`sourcecrit.checklists.model` (which imports none of its
siblings); this class adds what needs the rest: scores, the article's evidence hints and
the completed checklist.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Any

from pydantic import model_validator

from sourcecrit.checklists.completed import CompletedChecklist
from sourcecrit.checklists.evidence import Evidence
from sourcecrit.checklists.model import ChecklistModel
from sourcecrit.checklists.scoring import Score, score_answers
from sourcecrit.checklists.signals import evidence_for, unknown_signal_problems
from sourcecrit.yamlfile import RuleProblems


class Checklist(ChecklistModel):
    """A source-reliability checklist: moves, how they score, and the original's credit.

    Load one with :func:`sourcecrit.checklists.load_checklist`.
    """

    @model_validator(mode="after")
    def _known_signals(self) -> Checklist:
        problems = unknown_signal_problems(self)
        if problems:
            raise RuleProblems(problems)
        return self

    def score(self, answers: Mapping[str, Any]) -> Score:
        """Return the score of ``answers`` (a mapping of item id to answer).

        Moves score by how thoroughly they were made and shown, never by what was found;
        see :mod:`sourcecrit.checklists.scoring`.

        Raises:
            ChecklistError: an answer names an unknown item or does not fit its item.
        """
        return score_answers(self, answers)

    def evidence(self, analysis: Any) -> list[Evidence]:
        """Return the evidence hints from ``analysis`` for this checklist's items.

        Each hint carries the ids of the items it informs. Hints are computed only from the
        Analysis (nothing is parsed again); hints that need the spaCy Doc are left out when
        the Analysis has none (one rebuilt from JSON).
        """
        return evidence_for(self, analysis)

    def complete(
        self,
        answers: Mapping[str, Any],
        *,
        analysis: Any = None,
        learner: str | None = None,
    ) -> CompletedChecklist:
        """Return the answered checklist, ready to export to JSON, Markdown or a DataFrame.

        Args:
            answers: item id → answer, and the verdict keys (verdict, confidence, reason).
            analysis: the Analysis of the article the answers are about; its evidence
                hints go into the export.
            learner: who answered.
        """
        answers = self.check_answers(answers)
        evidence = self.evidence(analysis) if analysis is not None else []
        return CompletedChecklist(
            checklist=self,
            answers=answers,
            score=self.score(answers),
            evidence=evidence,
            learner=learner,
            article=_article_info(analysis),
        )

    def _repr_html_(self) -> str:
        esc = html.escape
        rows = "".join(
            f"<tr><td>{esc(item.section or '')}</td><td><b>{esc(item.question)}</b>"
            f"<br><small>{esc(item.help)}</small></td><td>{esc(item.answer)}</td>"
            + (f"<td>{item.weight:g}</td>" if self.weighted else "")
            + "</tr>"
            for item in self.items
        )
        head = "<th></th><th>Move or question</th><th>Answer</th>" + (
            "<th>Points</th>" if self.weighted else ""
        )
        return (
            f'<div class="sourcecrit-checklist"><h4>{esc(self.title)}</h4>'
            + (f"<p>{esc(self.intro)}</p>" if self.intro else "")
            + f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"
            + "<p>Then your verdict: trust, trust with care, do not trust or cannot tell, "
            + "how sure you are (0-100) and why. The verdict is not scored.</p>"
            + f"<p><small>Adapted from {esc(self.credit)} ({esc(self.licence)})</small></p></div>"
        )


def _article_info(analysis: Any) -> dict[str, Any] | None:
    if analysis is None:
        return None
    article = getattr(analysis, "article", None)
    metadata = dict(getattr(article, "metadata", {}) or {})
    return {"name": getattr(article, "name", None), **metadata}
