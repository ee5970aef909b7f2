"""``sourcecrit lab`` opens a start page from which every lesson and exercise is reachable.

That the server really serves it is shown in tests/ui/test_lab_serves.py.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from sourcecrit.cli.lab import START_PAGE, lab_command, lab_root

REPO = Path(__file__).resolve().parents[2]


def start_page_links() -> list[str]:
    nb = json.loads((REPO / START_PAGE).read_text(encoding="utf-8"))
    text = "".join("".join(cell["source"]) for cell in nb["cells"])
    return re.findall(r"\]\(([^)]+)\)", text)


def test_the_lab_serves_the_checkout_with_the_start_page():
    assert lab_root() == REPO
    command = lab_command(REPO, port=8123, open_browser=False)
    assert f"--ServerApp.root_dir={REPO}" in command
    assert f"--LabApp.default_url=/lab/tree/{START_PAGE}" in command
    assert "--no-browser" in command and "--port=8123" in command


def test_a_folder_without_a_start_page_opens_plain_jupyterlab(tmp_path):
    assert not any(
        "default_url" in part for part in lab_command(tmp_path, port=1, open_browser=True)
    )


def test_start_page_links_every_lesson_and_exercise_and_nothing_missing():
    links = start_page_links()
    lessons = sorted(
        p.relative_to(REPO).as_posix() for p in (REPO / "notebooks").glob("[0-9]*.ipynb")
    )
    exercises = sorted(
        p.relative_to(REPO).as_posix() for p in (REPO / "exercises").glob("*/exercise.ipynb")
    )
    assert lessons and exercises
    assert [link for link in links if link.startswith("notebooks/")] == lessons
    assert sorted(link for link in links if link.startswith("exercises/")) == exercises
    assert all((REPO / link).is_file() for link in links)


def test_start_page_is_up_to_date():
    # Generated from the lessons' headings and the exercises' titles: rebuild after editing them.
    result = subprocess.run(
        [sys.executable, str(REPO / "tools" / "build_start.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
