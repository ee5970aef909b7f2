"""Interactive widgets for the lessons. Each helper returns a widget; notebooks display it."""

from sourcecrit.widgets.checklist_form import ChecklistForm, checklist_form
from sourcecrit.widgets.exercise_form import ExerciseForm, QuestionBox, exercise_form
from sourcecrit.widgets.explorer import explorer
from sourcecrit.widgets.hand_in import HandIn, hand_in
from sourcecrit.widgets.learner import LearnerPrompt, learner
from sourcecrit.widgets.word_picker import WordPicker

__all__ = [
    "ChecklistForm",
    "ExerciseForm",
    "HandIn",
    "LearnerPrompt",
    "QuestionBox",
    "WordPicker",
    "checklist_form",
    "exercise_form",
    "explorer",
    "hand_in",
    "learner",
]
