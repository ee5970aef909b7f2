"""``sourcecrit class collect FOLDER -o class.csv``: grade a folder of handed-in work files.

Work files that are damaged or not sourcecrit's are named on stderr and skipped; the
others are graded against the exercise files given with ``--exercises`` (default: the
``exercises`` folder in the current folder). Columns: see :mod:`sourcecrit.work.collect`.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from sourcecrit.cli.common import EXIT_BAD_INPUT, EXIT_OK, print_error

FORMATS = ("generic", "canvas", "moodle")


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``class`` command to the ``sourcecrit`` parser."""
    parser = subparsers.add_parser(
        "class",
        help="collect students' work files into a gradebook CSV",
        description="Grade a folder of handed-in work files and write a gradebook CSV.",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION")
    actions.required = True
    collect = actions.add_parser(
        "collect", help="write one row per student, one column per exercise"
    )
    collect.add_argument("folder", metavar="FOLDER", help="the folder of work files (*.json)")
    collect.add_argument("-o", "--output", required=True, metavar="FILE", help="the CSV to write")
    collect.add_argument(
        "--format", choices=FORMATS, default="generic", help="gradebook layout (default generic)"
    )
    collect.add_argument(
        "--exercises",
        nargs="+",
        metavar="PATH",
        help="exercise folders, or folders of them (default: ./exercises)",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Run ``sourcecrit class collect ...``; return the exit status."""
    from sourcecrit.exercises.loading import find_exercises, load_exercise
    from sourcecrit.exercises.model import ExerciseError
    from sourcecrit.work.collect import collect_class, write_class_csv

    paths = args.exercises or (["exercises"] if Path("exercises").is_dir() else [])
    folders = []
    for path in paths:
        found = find_exercises(path) if Path(path).is_dir() else []
        if not found:
            raise ExerciseError(f"{path}: no exercise.yaml here or in the folders inside")
        folders += found
    exercises = [load_exercise(f) for f in folders]
    work = collect_class(args.folder, exercises=exercises)
    for path, why in work.skipped:
        print_error(f"skipped {path}: {why}")
    for exercise_id in work.ungraded:
        print_error(
            f"answers to exercise {exercise_id!r} were not graded: give its folder with --exercises"
        )
    if not work.works:
        print_error(f"{args.folder}: no usable work files")
        return EXIT_BAD_INPUT
    path = write_class_csv(work, args.output, fmt=args.format)
    print(f"wrote {path}: {len(work.works)} students, {len(work.exercises)} exercises")
    return EXIT_OK
