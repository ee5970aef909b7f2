"""One error family (#9): every error sourcecrit raises on purpose is a SourcecritError
defined in sourcecrit.errors, exported from the package, and importable from its old home."""

from __future__ import annotations

import inspect

import pytest

import sourcecrit
from sourcecrit import errors


def _error_classes() -> list[type[Exception]]:
    return [
        obj
        for _, obj in inspect.getmembers(errors, inspect.isclass)
        if issubclass(obj, Exception) and obj.__module__ == errors.__name__
    ]


@pytest.mark.parametrize("cls", _error_classes(), ids=lambda c: c.__name__)
def test_every_error_is_a_sourcecrit_error_and_exported(cls):
    assert issubclass(cls, sourcecrit.SourcecritError)
    assert getattr(sourcecrit, cls.__name__) is cls
    assert cls.__name__ in sourcecrit.__all__


@pytest.mark.parametrize(
    "module, name",
    [
        ("sourcecrit.yamlfile", "ProblemsError"),
        ("sourcecrit.yamlfile", "Problem"),
        ("sourcecrit.checklists", "ChecklistError"),
        ("sourcecrit.exercises", "ExerciseError"),
        ("sourcecrit.exercises.model", "ExerciseError"),
        ("sourcecrit.progress", "ProgressError"),
    ],
)
def test_old_import_names_still_work(module, name):
    import importlib

    assert getattr(importlib.import_module(module), name) is getattr(errors, name)


def test_no_error_class_is_defined_outside_errors_py():
    import pkgutil

    outside = []
    for info in pkgutil.walk_packages(sourcecrit.__path__, "sourcecrit."):
        if info.name.startswith(("sourcecrit.widgets", "sourcecrit.cli")):
            continue  # front ends import Jupyter; they define no errors
        module = __import__(info.name, fromlist=["_"])
        for _, obj in inspect.getmembers(module, inspect.isclass):
            if (
                issubclass(obj, sourcecrit.SourcecritError)
                and obj.__module__ == info.name
                and info.name != errors.__name__
            ):
                outside.append(f"{info.name}.{obj.__name__}")
    assert outside == []


def test_problems_error_message_counts_the_rest():
    problems = [errors.Problem("a.yaml", 3, "items[0].weight", "must be a number")] * 3
    err = errors.ChecklistError(problems=problems)
    assert str(err) == "a.yaml:3: items[0].weight: must be a number (and 2 more problems)"
    assert str(errors.ExerciseError()) == "invalid exercise"
