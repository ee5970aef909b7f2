"""Interactive widgets for the lessons. Each helper returns a widget; notebooks display it."""

from sourcecrit.widgets.checklist_form import ChecklistForm, checklist_form
from sourcecrit.widgets.explorer import explorer

__all__ = ["ChecklistForm", "checklist_form", "explorer"]
