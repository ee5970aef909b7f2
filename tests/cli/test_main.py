"""The ``sourcecrit`` parser: help everywhere, one-line usage errors, and a fast start.

Commands that need no analysis must not import spaCy or pandas (issue #10): each case
runs the real command in a fresh interpreter and reads ``sys.modules`` at exit.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from sourcecrit.cli import main

REPO = Path(__file__).resolve().parents[2]
HEAVY = ("spacy", "pandas", "altair", "ipywidgets", "nbformat")

# Runs `sourcecrit ARGS...` like the console script, then prints the heavy modules loaded.
PROBE = """
import json, sys
from sourcecrit.cli import main
try:
    status = main(sys.argv[1:])
except SystemExit as exc:
    status = exc.code
print(json.dumps([m for m in {heavy!r} if m in sys.modules]), file=sys.stderr)
sys.exit(status)
"""


def loaded_modules(*args: str) -> tuple[int, list[str]]:
    result = subprocess.run(
        [sys.executable, "-c", PROBE.format(heavy=HEAVY), *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=REPO,
    )
    return result.returncode, json.loads(result.stderr.strip().splitlines()[-1])


def test_importing_the_cli_and_the_package_loads_nothing_heavy():
    code = f"import sys, sourcecrit, sourcecrit.cli.main; print([m for m in {HEAVY!r} if m in sys.modules])"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        ["analyze", "--help"],
        ["checklist", "list"],
        ["checklist", "show", "sift"],
        ["checklist", "validate", "src/sourcecrit/data/checklists/sift.yaml"],
        ["exercise", "check", "exercises/nato-in-ukraine"],
        ["exercise", "build", "--check", "exercises"],
    ],
    ids=" ".join,
)
def test_commands_without_analysis_load_no_model_and_no_pandas(args):
    status, heavy = loaded_modules(*args)
    assert status == 0
    assert heavy == []


def test_grading_with_nothing_saved_loads_no_model(tmp_path):
    status, heavy = loaded_modules(
        "exercise", "grade", "exercises/nato-in-ukraine", "--progress-dir", str(tmp_path)
    )
    assert status == 2  # no saved answers: said in one line
    assert heavy == []


def test_lazy_package_still_lists_and_gives_every_public_name():
    import sourcecrit

    assert sorted(sourcecrit.__all__) == sorted([*sourcecrit._HOMES, *sourcecrit._ERRORS])
    for name in sourcecrit.__all__:
        assert name in dir(sourcecrit)
        assert getattr(sourcecrit, name) is not None
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        sourcecrit.nope  # noqa: B018


@pytest.mark.parametrize("argv", [["--help"], ["analyze", "--help"], ["lab", "--help"]])
def test_help_everywhere(argv, capsys):
    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == 0
    assert "usage: sourcecrit" in capsys.readouterr().out


@pytest.mark.parametrize(
    "argv",
    [["analyze", "--max-chars", "-5"], ["analyze", "--max-chars", "abc"], ["nonsense"], []],
)
def test_usage_errors_exit_2_with_one_line(argv, capsys):
    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "error:" in err[0]


def test_console_script_is_installed():
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "from importlib.metadata import entry_points;"
            "print([e.value for e in entry_points(group='console_scripts') if e.name=='sourcecrit'])",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "sourcecrit.cli.main:console_main" in result.stdout


def test_grading_answers_that_need_no_comparison_loads_no_model(tmp_path):
    # Issue 9: the exercise never analyses its article; the grade asks for the analysis only
    # for a right answer to a question that compares with sourcecrit's reading.
    from sourcecrit.exercises import ExerciseSession, load_exercise

    session = ExerciseSession(
        load_exercise(REPO / "exercises" / "nato-in-ukraine"), learner="Ada", store=tmp_path
    )
    session.answer("who-colonel", "Alcaide")
    session.answer("find-hedges", ["indeed"])  # a booster, not a hedge: nothing to compare
    status, heavy = loaded_modules(
        "exercise", "grade", "exercises/nato-in-ukraine", "--progress-dir", str(tmp_path)
    )
    assert status == 0
    assert "spacy" not in heavy
