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
        capture_output=True,
        text=True,
        timeout=600,
        check=True,
    )
    out = result.stdout
    assert "2 articles, 1,262 words" in out
    for row in (
        "words/s, whole pipeline",
        "cold start",
        "sourcecrit_attribution",
        "sourcecrit_hedges",
        "peak memory",
    ):
        assert row in out


def test_speed_benchmark_refuses_an_empty_folder(tmp_path):
    result = subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "speed.py"), str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode != 0
    assert "no .txt files" in result.stderr


def test_compared_pipelines_run_in_turn_each_round():
    import importlib.util

    spec = importlib.util.spec_from_file_location("speed", REPO / "benchmarks" / "speed.py")
    speed = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(speed)
    calls: list[str] = []
    best = speed.best_of_interleaved(3, lambda: calls.append("bare"), lambda: calls.append("ours"))
    assert calls == ["bare", "ours"] * 3
    assert len(best) == 2 and all(t >= 0 for t in best)
