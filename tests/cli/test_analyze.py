from __future__ import annotations

import json
import subprocess
import sys

import pytest

from sourcecrit.cli import main


def test_analyze_without_file_prints_table_for_flagship(capsys):
    assert main(["analyze"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("nato-in-ukraine.txt (2024-03-10)")
    assert "Attributions (" in out and "Hedging (" in out and "Sources (" in out


def test_analyze_json_is_valid_with_required_keys(capsys):
    assert main(["analyze", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {"article", "sentences", "attributions", "hedges"} <= set(data)
    assert data["article"]["metadata"]["date"] == "2024-03-10"
    assert data["sentences"][0]["text"].startswith("NATO soldiers are indeed present")


def test_analyze_html_escapes_and_writes_output(tmp_path, capsys):
    article = tmp_path / "a.txt"
    article.write_text(
        "The minister said that <script>alert(1)</script> was fake news.", encoding="utf-8"
    )
    out = tmp_path / "out.html"
    assert main(["analyze", str(article), "--format", "html", "--output", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!doctype html>")
    assert "<script>alert" not in page and "&lt;script&gt;alert(1)" in page
    assert capsys.readouterr().out == ""


def test_many_files_give_one_summary_row_each(tmp_path, flagship_path, capsys):
    other = tmp_path / "short.txt"
    other.write_text("The minister said that the plan could work.", encoding="utf-8")
    assert main(["analyze", str(flagship_path), str(other)]) == 0
    captured = capsys.readouterr()
    rows = captured.out.strip().splitlines()
    assert rows[0].split()[:2] == ["article", "date"]
    assert len(rows) == 3
    assert "nato-in-ukraine.txt" in rows[1] and "short.txt" in rows[2]
    assert "analysing" in captured.err  # the progress bar


BAD_FILES = {
    "missing.txt": None,
    "empty.txt": b"",
    "blank.txt": b"  \n\n\t \n",
    "image.png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
    "latin1.txt": "Le ministre a d\u00e9clar\u00e9 que c'\u00e9tait na\u00eff.".encode("latin-1"),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_input_exits_2_with_one_line_and_no_traceback(tmp_path, name):
    path = tmp_path / name
    if BAD_FILES[name] is not None:
        path.write_bytes(BAD_FILES[name])
    result = subprocess.run(
        [sys.executable, "-m", "sourcecrit.cli", "analyze", str(path)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert name in lines[0]
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_good_and_bad_files_together(tmp_path, flagship_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    # Some articles analysed, some skipped: exit status 1 (issue #10), not 2 (none usable).
    assert main(["analyze", str(flagship_path), str(empty)]) == 1
    captured = capsys.readouterr()
    assert "empty.txt is empty" in captured.err
    assert "nato-in-ukraine.txt" in captured.out


def test_encoding_option_reads_latin1(tmp_path, capsys):
    path = tmp_path / "latin1.txt"
    path.write_bytes(BAD_FILES["latin1.txt"])
    assert main(["analyze", str(path), "--encoding", "latin-1", "--format", "json"]) == 0
    assert "d\u00e9clar\u00e9" in json.loads(capsys.readouterr().out)["article"]["text"]


@pytest.mark.parametrize(
    "front, words",
    [("date: 2024-02-30\n", "story.md:2: "), ("title: " + "[" * 5000 + "]" * 5000 + "\n", "deep")],
    ids=["impossible date", "deep nesting"],
)
def test_hostile_front_matter_exits_2_with_one_line(tmp_path, capsys, front, words):
    # Issue 16: the article's front matter goes through the one YAML loader; the command
    # stops before any model loads.
    import time

    path = tmp_path / "story.md"
    path.write_text(f"---\n{front}---\nThe minister said the plan works.\n", encoding="utf-8")
    start = time.perf_counter()
    assert main(["analyze", str(path)]) == 2
    assert time.perf_counter() - start < 3
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and words in err and "Traceback" not in err


@pytest.mark.parametrize("kind", ["fifo", "/dev/zero", "/dev/urandom", "folder"])
def test_files_that_are_not_articles_exit_2_with_one_line(tmp_path, capsys, kind):
    # Issue 16, "Local files": a FIFO hung forever and endless devices were read without a
    # limit; each is refused before any model loads.
    import os
    import time

    path = {"fifo": tmp_path / "pipe", "folder": tmp_path}.get(kind, kind)
    if kind == "fifo":
        os.mkfifo(path)
    start = time.perf_counter()
    assert main(["analyze", str(path)]) == 2
    assert time.perf_counter() - start < 3
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert str(path) in err


def test_console_script_collects_less_often_and_main_alone_does_not(monkeypatch, capsys):
    import gc

    from sourcecrit.cli.common import FEW_COLLECTIONS
    from sourcecrit.cli.main import console_main

    before = gc.get_threshold()
    try:
        assert main(["checklist", "list"]) == 0
        assert gc.get_threshold() == before  # main() from Python: the caller's settings
        monkeypatch.setattr(sys, "argv", ["sourcecrit", "checklist", "list"])
        assert console_main() == 0
        assert gc.get_threshold() == FEW_COLLECTIONS
        assert "sift" in capsys.readouterr().out.lower()
    finally:
        gc.set_threshold(*before)
