"""Exercises: an article and questions about it, written by instructors as plain files.

::

    from sourcecrit.exercises import load_exercise, ExerciseSession
    exercise = load_exercise("exercises/nato-in-ukraine")   # exercise.yaml + article.txt
    session = ExerciseSession(exercise, learner="Ada")      # answers saved as given
    session.answer("who-colonel", "Alcaide")                # -> Feedback
    session.grade().to_markdown()

The file format is described in :mod:`sourcecrit.exercises.model`; the student notebook is
generated from it (:func:`write_notebook`, or ``sourcecrit exercise build``), and
``sourcecrit.widgets.exercise_form`` is what the notebook shows.
"""

from sourcecrit.exercises.feedback import Feedback, Grade, feedback_for
from sourcecrit.exercises.grading import grade
from sourcecrit.exercises.loading import (
    EXERCISE_FILE,
    exercise_from_yaml,
    find_exercises,
    load_exercise,
    validate_exercise,
)
from sourcecrit.exercises.model import Exercise, ExerciseError, Question
from sourcecrit.exercises.notebook import (
    NOTEBOOK_FILE,
    build_notebook,
    notebook_text,
    write_notebook,
)
from sourcecrit.exercises.session import ExerciseSession, analysis_once

__all__ = [
    "EXERCISE_FILE",
    "NOTEBOOK_FILE",
    "Exercise",
    "ExerciseError",
    "ExerciseSession",
    "Feedback",
    "Grade",
    "Question",
    "analysis_once",
    "build_notebook",
    "exercise_from_yaml",
    "feedback_for",
    "find_exercises",
    "grade",
    "load_exercise",
    "notebook_text",
    "validate_exercise",
    "write_notebook",
]
