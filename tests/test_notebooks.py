"""Every notebook in the repository runs top to bottom without errors, headlessly."""

from __future__ import annotations

import json
import time
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

REPO = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted(
    p
    for p in REPO.rglob("*.ipynb")
    if ".venv" not in p.parts and ".ipynb_checkpoints" not in p.parts
)


def test_there_are_notebooks():
    assert any(p.name.startswith("00-") for p in NOTEBOOKS)


#: A US-politics story written for these tests (not corpus text): lessons must run on any article.
OTHER_ARTICLE = REPO / "tests" / "data" / "lesson-article.txt"
LESSONS = [p for p in NOTEBOOKS if p.parent.name == "notebooks"]
#: One lesson is one class period; the notebook itself must run in seconds, not minutes.
LESSON_SECONDS = 30


def _execute(path: Path) -> tuple[nbformat.NotebookNode, float]:
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(
        nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
    )
    started = time.perf_counter()
    client.execute()
    return nb, time.perf_counter() - started


def _errors(nb: nbformat.NotebookNode) -> list[str]:
    return [
        f"{o.get('ename')}: {o.get('evalue')}"
        for c in nb.cells
        if c.cell_type == "code"
        for o in c.get("outputs", [])
        if o.output_type == "error"
    ]


@pytest.mark.notebook
@pytest.mark.parametrize("path", LESSONS, ids=[p.name for p in LESSONS])
def test_lesson_runs_on_another_article_in_time(path, tmp_path, monkeypatch):
    # A teacher points every lesson at another article with one setting.
    monkeypatch.setenv("SOURCECRIT_PROGRESS_DIR", str(tmp_path / "progress"))
    monkeypatch.setenv("SOURCECRIT_LESSON_ARTICLE", str(OTHER_ARTICLE))
    nb, seconds = _execute(path)
    assert _errors(nb) == []
    assert seconds < LESSON_SECONDS, f"{path.name} took {seconds:.1f} s"


@pytest.mark.notebook
@pytest.mark.parametrize("path", NOTEBOOKS, ids=[str(p.relative_to(REPO)) for p in NOTEBOOKS])
def test_notebook_runs_top_to_bottom(path, tmp_path, monkeypatch):
    # Student progress written by a lesson goes to a scratch folder, not the home directory.
    monkeypatch.setenv("SOURCECRIT_PROGRESS_DIR", str(tmp_path / "progress"))
    monkeypatch.delenv("SOURCECRIT_LESSON_ARTICLE", raising=False)
    nb, seconds = _execute(path)
    assert _errors(nb) == []
    if path in LESSONS:
        assert seconds < LESSON_SECONDS, f"{path.name} took {seconds:.1f} s"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[str(p.relative_to(REPO)) for p in NOTEBOOKS])
def test_notebook_is_committed_clean(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            assert cell.get("outputs") == [] and cell.get("execution_count") is None


def test_lessons_are_built_from_their_sources():
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, str(REPO / "tools" / "build_lessons.py"), "--check"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
