"""``-o`` that cannot be written, and bad option values: exit 2, one line, no traceback.

Each case runs the real command in a fresh interpreter (issue #16). The output place is
checked before the model loads, so each answers within a few seconds.
"""

from __future__ import annotations

import subprocess
import sys
import time

import pytest


def run_cli(*args: str) -> tuple[subprocess.CompletedProcess[str], float]:
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "sourcecrit.cli", *args],
        capture_output=True,
        text=True,
        timeout=60,
    )
    return result, time.perf_counter() - start


def assert_one_line_exit_2(result: subprocess.CompletedProcess[str], seconds: float, *words: str):
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    for word in words:
        assert word in lines[0]
    assert result.stdout == ""
    assert seconds < 10


def test_output_into_a_missing_folder(tmp_path, flagship_path):
    target = tmp_path / "no-such-folder" / "out.csv"
    result, seconds = run_cli("analyze", str(flagship_path), "-o", str(target))
    assert_one_line_exit_2(result, seconds, "does not exist", "no-such-folder")
    assert not target.parent.exists()


def test_output_onto_a_folder(tmp_path, flagship_path):
    result, seconds = run_cli("analyze", str(flagship_path), "-o", str(tmp_path))
    assert_one_line_exit_2(result, seconds, "is a folder")


def test_output_onto_a_read_only_file(tmp_path, flagship_path):
    target = tmp_path / "kept.csv"
    target.write_text("earlier results\n", encoding="utf-8")
    target.chmod(0o444)
    result, seconds = run_cli("analyze", str(flagship_path), "-f", "csv", "-o", str(target))
    assert_one_line_exit_2(result, seconds, "read-only")
    assert target.read_text(encoding="utf-8") == "earlier results\n"


def test_json_dir_that_is_a_file(tmp_path, flagship_path):
    (tmp_path / "taken").write_text("x", encoding="utf-8")
    result, seconds = run_cli("analyze", str(flagship_path), "--json-dir", str(tmp_path / "taken"))
    assert_one_line_exit_2(result, seconds, "not a folder")


@pytest.mark.parametrize(
    "option", [["--max-chars", "-5"], ["--max-chars", "0"], ["--jobs", "0"], ["--jobs", "two"]]
)
def test_bad_numbers_are_refused(option, flagship_path):
    result, seconds = run_cli("analyze", str(flagship_path), *option)
    assert_one_line_exit_2(result, seconds, option[0])


def test_a_report_that_cannot_be_made_leaves_the_output_file_alone(tmp_path):
    from sourcecrit.cli import main

    target = tmp_path / "report.txt"
    target.write_text("yesterday's report\n", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    assert main(["analyze", str(tmp_path / "empty.txt"), "-o", str(target)]) == 2
    assert target.read_text(encoding="utf-8") == "yesterday's report\n"
