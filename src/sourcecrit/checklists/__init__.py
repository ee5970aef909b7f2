"""Source-reliability checklists: questions, scores, and evidence from the article.

::

    from sourcecrit.checklists import load_checklist
    sift = load_checklist("sift")
    sift.evidence(analysis)                 # hints from the article, per item
    done = sift.complete(answers, analysis=analysis, learner="Ada")
    done.score, done.to_markdown(), done.to_frame()

Built-in checklists live in ``sourcecrit/data/checklists/*.yaml``; instructors can write
their own in the same format (see :mod:`sourcecrit.checklists.model`).
"""

from sourcecrit.checklists.errors import ChecklistError, Problem
from sourcecrit.checklists.evidence import SIGNALS, Evidence
from sourcecrit.checklists.export import CompletedChecklist
from sourcecrit.checklists.loading import (
    checklist_from_yaml,
    list_checklists,
    load_checklist,
    validate_checklist,
)
from sourcecrit.checklists.model import Band, Checklist, Item, Scoring
from sourcecrit.checklists.scoring import Score

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
    "checklist_from_yaml",
    "list_checklists",
    "load_checklist",
    "validate_checklist",
]
