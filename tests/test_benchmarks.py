"""The speed benchmark runs end to end and prints every figure the README quotes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_speed_benchmark_prints_its_table(tmp_path, flagship):
    for i in range(2):
        (tmp_path / f"a{i}.txt").write_text(flagship.text, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "speed.py"), str(tmp_path), "--rounds", "1"],
        capture_output=True, text=True, timeout=600, check=True,
    )
    out = result.stdout
    assert "2 articles, 1,262 words" in out
    for row in ("words/s, whole pipeline", "cold start", "sourcecrit_attribution", "sourcecrit_hedges", "peak memory"):
        assert row in out


def test_speed_benchmark_refuses_an_empty_folder(tmp_path):
    result = subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "speed.py"), str(tmp_path)],
        capture_output=True, text=True, timeout=300,
    )
    assert result.returncode != 0
    assert "no .txt files" in result.stderr
