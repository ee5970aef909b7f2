"""Source-reliability checklists: questions, scores, and evidence from the article.

::

    from sourcecrit.checklists import load_checklist
    sift = load_checklist("sift")
    sift.evidence(analysis)                 # hints from the article, per item
    answers = {"outlet": {"did": "yes", "shown": "https://...", "found": "state-owned"},
               "verdict": "trust_with_care", "confidence": 40, "reason": "..."}
    done = sift.complete(answers, analysis=analysis, learner="Ada")
    done.score, done.to_markdown(), done.to_frame()

Built-in checklists live in ``sourcecrit/data/checklists/*.yaml``; instructors can write
their own in the same format (see :mod:`sourcecrit.checklists.model`).
"""

from sourcecrit.checklists.checklist import Checklist
from sourcecrit.checklists.completed import CompletedChecklist
from sourcecrit.checklists.evidence import Evidence
from sourcecrit.checklists.loading import (
    checklist_from_yaml,
    list_checklists,
    load_checklist,
    validate_checklist,
)
from sourcecrit.checklists.model import VERDICTS, Band, Item, Scoring
from sourcecrit.checklists.scoring import Score
from sourcecrit.checklists.signals import SIGNALS
from sourcecrit.errors import ChecklistError
from sourcecrit.yamlfile import Problem

__all__ = [
    "SIGNALS",
    "Band",
    "Checklist",
    "ChecklistError",
    "CompletedChecklist",
    "Evidence",
    "Item",
    "Problem",
    "Score",
    "Scoring",
    "VERDICTS",
    "checklist_from_yaml",
    "list_checklists",
    "load_checklist",
    "validate_checklist",
]
