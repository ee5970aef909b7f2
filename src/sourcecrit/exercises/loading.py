"""Load exercises from their folders, safely, and say exactly where a file is wrong.

An exercise folder holds ``exercise.yaml`` and the article it names (``article.txt`` by
default). YAML is read as plain data only (:mod:`sourcecrit.yamlfile`), every problem is
reported with its file, line and key, and every ``passage`` is checked against the article.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from sourcecrit.article import load_article
from sourcecrit.errors import ArticleError
from sourcecrit.exercises.matching import occurrences
from sourcecrit.exercises.model import Exercise, ExerciseError, Question
from sourcecrit.yamlfile import Problem, line_of, load_mapping, problems_of, read_text, validated
from sourcecrit.yamlnodes import problem_at

EXERCISE_FILE = "exercise.yaml"
#: An exercise file larger than this is certainly not an exercise.
MAX_BYTES = 1_000_000


def load_exercise(path: str | os.PathLike[str]) -> Exercise:
    """Return the exercise in the folder ``path`` (or in the ``exercise.yaml`` it names).

    Raises:
        ExerciseError: the folder or file is missing, the YAML is not a valid exercise,
            the article cannot be read, or a passage is not in the article; the message
            names the file, the line and the key.
    """
    if not isinstance(path, (str, os.PathLike)):
        raise TypeError(f"load_exercise expects a folder or file path, not {type(path).__name__}")
    yaml_path = _yaml_path(Path(path).expanduser())
    text = read_text(yaml_path, error=ExerciseError, what="an exercise", max_bytes=MAX_BYTES)
    return exercise_from_yaml(text, folder=yaml_path.parent, source=str(yaml_path))


def exercise_from_yaml(
    text: str, *, folder: str | os.PathLike[str], source: str = "<string>"
) -> Exercise:
    """Return the exercise written in ``text`` (YAML); its article is read from ``folder``.

    Raises:
        ExerciseError: with one :class:`~sourcecrit.yamlfile.Problem` per wrong key.
    """
    root, data = load_mapping(
        text, source=source, error=ExerciseError, what="an exercise", keys="id, title and questions"
    )
    # Every problem is reported in one run: a missing article does not hide the
    # questions' problems, nor one bad question the others'.
    problems: list[Problem] = []
    article = None
    name = data.get("article", "article.txt")
    if isinstance(name, str) and name.strip():
        try:
            article = _article(Path(folder), name, root=root, source=source)
        except ExerciseError as exc:
            problems += exc.problems
    body: str | None = article.text if article is not None else None
    exercise: Exercise | None
    try:
        exercise = validated(
            Exercise,
            data,
            root,
            source=source,
            error=ExerciseError,
            nested={"questions": Question},
            context={"text": body} if body is not None else None,
        )
    except ExerciseError as exc:
        problems += exc.problems
        problems += _question_problems(data, root, source=source, text=body)
        exercise = None
    if problems or exercise is None:
        raise ExerciseError(problems=list(dict.fromkeys(problems)))
    exercise._article = article
    exercise._source = source
    return exercise


def validate_exercise(path: str | os.PathLike[str]) -> list[Problem]:
    """Return every problem with the exercise at ``path`` (an empty list when it is valid).

    Raises:
        ExerciseError: only when the exercise cannot be read at all.
    """
    return problems_of(load_exercise, path, error=ExerciseError)


def _question_problems(data: Any, root: Any, *, source: str, text: str | None) -> list[Problem]:
    """Return the cross-key problems of every question that is valid on its own (pydantic
    does not get that far when another part of the file is wrong)."""
    questions = data.get("questions") if isinstance(data, dict) else None
    out: list[Problem] = []
    for n, raw in enumerate(questions if isinstance(questions, list) else []):
        try:
            question = Question.model_validate(raw)
        except ValidationError:
            continue  # its own problems are reported already
        found = [(("questions", n, *loc), msg) for loc, msg in question.problems()]
        if text is not None and question.passage and not occurrences(text, question.passage):
            found.append(
                (
                    ("questions", n, "passage"),
                    "this passage is not in the article: quote it word for word",
                )
            )
        out += [
            problem_at(root, data, loc, msg, source=source, full_key=True) for loc, msg in found
        ]
    return out


def find_exercises(root: str | os.PathLike[str]) -> list[Path]:
    """Return the exercise folders under ``root`` (each holds an ``exercise.yaml``), sorted."""
    base = Path(root).expanduser()
    if (base / EXERCISE_FILE).is_file():
        return [base]
    return sorted(p.parent for p in base.glob(f"*/{EXERCISE_FILE}"))


def _yaml_path(path: Path) -> Path:
    if path.is_dir():
        found = path / EXERCISE_FILE
        if not found.is_file():
            raise ExerciseError(
                f"{path}: no {EXERCISE_FILE} in this folder, so it is not an exercise"
            )
        return found
    if not path.exists():
        raise ExerciseError(f"{path}: no such folder or file")
    return path


def _article(folder: Path, name: str, *, root, source: str):
    def problem(message: str) -> ExerciseError:
        return ExerciseError(problems=[Problem(source, _article_line(root), "article", message)])

    try:
        path = (folder / name).resolve()
    except (OSError, RuntimeError) as exc:  # a symlink loop: RuntimeError before Python 3.13
        raise problem(f"{name!r} cannot be read: {exc}") from None
    if folder.resolve() not in path.parents:
        # An exercise shared by someone else must not read files outside its folder.
        raise problem(f"{name!r} is outside the exercise folder")
    if not path.is_file():
        raise problem(f"{name!r}: no such file in {folder}")
    try:
        return load_article(path)
    except ArticleError as exc:
        raise problem(f"the article cannot be used: {exc}") from None


def _article_line(root) -> int:
    for key, value in getattr(root, "value", []):
        if getattr(key, "value", None) == "article":
            return line_of(value)
    return line_of(root)
