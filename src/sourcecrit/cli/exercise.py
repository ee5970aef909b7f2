"""``sourcecrit exercise new | check | build | grade``: parse and delegate to exercises.

A PATH is an exercise folder (holding ``exercise.yaml``) or a folder of exercise folders.
Bad input prints one line per problem on stderr (``file:line: key: message``) and returns
exit status 2; a student notebook older than its ``exercise.yaml`` makes ``check`` and
``build --check`` return 1. Only ``new`` loads the spaCy model (to draft questions).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING

from sourcecrit.cli.common import EXIT_BAD_INPUT, EXIT_OK, EXIT_STALE, print_error

if TYPE_CHECKING:
    from sourcecrit.exercises.model import Exercise


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``exercise`` command to the ``sourcecrit`` parser."""
    parser = subparsers.add_parser(
        "exercise",
        help="check, build or grade exercises written as exercise.yaml + article",
        description="Check exercise files, build their student notebooks, or grade saved answers.",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION")
    actions.required = True
    check = actions.add_parser("check", help="check exercises; name each wrong line")
    check.add_argument("paths", nargs="+", metavar="PATH", help="exercise folders")
    build = actions.add_parser("build", help="write each exercise's student notebook")
    build.add_argument("paths", nargs="+", metavar="PATH", help="exercise folders")
    build.add_argument(
        "--check", action="store_true", help="write nothing; exit 1 if a notebook is out of date"
    )
    build.add_argument(
        "--draft",
        action="store_true",
        help="build even though some answers are still marked verified: false",
    )
    new = actions.add_parser(
        "new", help="draft a new exercise from an article, using sourcecrit's analysis"
    )
    new.add_argument("folder", metavar="FOLDER", help="the new exercise's folder")
    new.add_argument("--article", required=True, metavar="FILE|URL", help="the article")
    new.add_argument("--id", help="the exercise id (default: the folder's name)")
    new.add_argument("--title", help="the exercise's title (default: the article's)")
    new.add_argument("--encoding", help="text encoding of the article when not UTF-8")
    grade = actions.add_parser("grade", help="grade the answers saved for an exercise")
    grade.add_argument("path", metavar="PATH", help="the exercise folder")
    grade.add_argument("--learner", help="grade this learner only (default: everyone found)")
    grade.add_argument(
        "--progress-dir",
        metavar="DIR",
        help="where answers are saved (default $SOURCECRIT_PROGRESS_DIR or ~/.sourcecrit/progress)",
    )
    grade.add_argument("--json", action="store_true", help="print the grades as JSON")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Run ``sourcecrit exercise ...``; return the exit status."""
    if args.action == "check":
        return _check(args.paths)
    if args.action == "build":
        return _build(args.paths, check_only=args.check, draft=args.draft)
    if args.action == "grade":
        return _grade(args)
    return _new(args)


def _folders(paths: list[str]) -> list[Path]:
    from sourcecrit.exercises.loading import find_exercises
    from sourcecrit.exercises.model import ExerciseError

    folders: list[Path] = []
    for path in paths:
        found = find_exercises(path) if Path(path).is_dir() else []
        if not found:
            raise ExerciseError(f"{path}: no exercise.yaml here or in the folders inside")
        folders += found
    return folders


def _check(paths: list[str]) -> int:
    from sourcecrit.exercises.loading import load_exercise, validate_exercise

    status = EXIT_OK
    for folder in _folders(paths):
        problems = validate_exercise(folder)
        for problem in problems:
            print_error(str(problem))
        if problems:
            status = EXIT_BAD_INPUT
            continue
        exercise = load_exercise(folder)
        line = f"{folder}: valid exercise {exercise.id!r}, {len(exercise.questions)} questions, {exercise.max_points} points"
        if exercise.unverified:
            _print_unverified(exercise)
            status = max(status, EXIT_STALE)
        if _stale(folder, exercise):
            _print_stale(folder)
            status = max(status, EXIT_STALE)
        print(line)
    return status


def _build(paths: list[str], *, check_only: bool, draft: bool = False) -> int:
    from sourcecrit.exercises.loading import load_exercise
    from sourcecrit.exercises.notebook import write_notebook

    folders = _folders(paths)
    exercises = [(folder, load_exercise(folder)) for folder in folders]  # all valid, or none built
    unchecked = [e for _, e in exercises if e.unverified]
    if unchecked and not draft:
        for exercise in unchecked:
            _print_unverified(exercise)
        print_error(
            "not built: check those answers and set verified: true (or build with --draft "
            "for a trial notebook that is not for students)"
        )
        return EXIT_BAD_INPUT
    status = EXIT_OK
    for folder, exercise in exercises:
        if not _stale(folder, exercise):
            continue
        if check_only:
            _print_stale(folder)
            status = EXIT_STALE
        else:
            print(f"wrote {write_notebook(exercise)}")
    return status


def _print_unverified(exercise: Exercise) -> None:
    for q in exercise.unverified:
        print_error(
            f"{exercise.source}: question {q.id!r}: its answer is marked verified: false "
            "(drafted by the machine; check it, then set verified: true)"
        )


def _grade(args: argparse.Namespace) -> int:
    from sourcecrit.exercises.loading import load_exercise
    from sourcecrit.exercises.session import ExerciseSession, analysis_once, saved_learners
    from sourcecrit.exercises.text import grades_text

    exercise = load_exercise(args.path)
    learners = [args.learner] if args.learner else saved_learners(exercise, args.progress_dir)
    if not learners:
        print_error(f"no saved answers to {exercise.id!r} were found")
        return EXIT_BAD_INPUT
    grades = []
    analysis = analysis_once(exercise)  # one for the class, made only if an answer needs it
    for learner in learners:
        session = ExerciseSession(
            exercise, learner=learner, store=args.progress_dir, analysis=analysis
        )
        for notice in session.notices:
            print_error(f"{learner}: {notice}")
        grades.append(session.grade())
    if args.json:
        print(json.dumps([g.to_dict() for g in grades], ensure_ascii=False, indent=2))
    elif len(grades) == 1:
        print(grades[0].to_markdown(), end="")
    else:
        print(grades_text(grades, max_points=exercise.max_points), end="")
    return EXIT_OK


def _new(args: argparse.Namespace) -> int:
    from sourcecrit.article import load_article
    from sourcecrit.exercises.draft import create_exercise
    from sourcecrit.exercises.loading import EXERCISE_FILE
    from sourcecrit.exercises.notebook import write_notebook

    article = load_article(args.article, encoding=args.encoding)
    exercise = create_exercise(args.folder, article, exercise_id=args.id, title=args.title)
    notebook = write_notebook(exercise)  # next to its exercise.yaml
    folder = notebook.parent
    print(
        f"drafted {folder / EXERCISE_FILE} ({len(exercise.questions)} questions) and {notebook}.\n"
        f"Check every answer in {EXERCISE_FILE} before students see it, then run "
        f"sourcecrit exercise build {folder}"
    )
    return EXIT_OK


def _print_stale(folder: Path) -> None:
    from sourcecrit.exercises.notebook import NOTEBOOK_FILE

    print_error(f"{folder / NOTEBOOK_FILE}: out of date; run sourcecrit exercise build {folder}")


def _stale(folder: Path, exercise: Exercise) -> bool:
    from sourcecrit.exercises.notebook import NOTEBOOK_FILE, notebook_text

    path = folder / NOTEBOOK_FILE
    try:
        return path.read_text(encoding="utf-8") != notebook_text(exercise)
    except FileNotFoundError:
        return True
