"""The scaling benchmark runs end to end on a folder of articles and prints its figures."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import sourcecrit

REPO = Path(__file__).resolve().parents[1]
SCRIPT = REPO / "benchmarks" / "scaling.py"


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    env_path = str(Path(sourcecrit.__file__).parents[1])
    return subprocess.run(
        [sys.executable, str(SCRIPT), *args],
        capture_output=True,
        text=True,
        timeout=600,
        env={"PYTHONPATH": env_path, "PATH": "/usr/bin:/bin"},
    )


def test_scaling_benchmark_prints_sizes_ratio_and_memory(tmp_path):
    (tmp_path / "a.txt").write_text(
        "The mayor said the bridge would open in the spring.\n\n"
        "“We are on schedule,” she told reporters, though engineers may find problems.",
        encoding="utf-8",
    )
    (tmp_path / "b.txt").write_text(
        "According to the transport office, about 40,000 cars could cross each day.",
        encoding="utf-8",
    )
    result = _run(str(tmp_path), "--sizes", "1500,6000", "--bare")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "| 1,500 |" in out and "| 6,000 |" in out
    assert "per-word cost at 6,000 characters ÷ at 1,500:" in out
    assert "peak memory at 6,000 characters:" in out
    assert "sourcecrit ÷ bare" in out
    assert "CPU µs per word" in out and "the same in CPU seconds of the process" in out


def test_build_text_has_exactly_the_size_asked(tmp_path):
    import importlib.util

    (tmp_path / "a.txt").write_text("One short article.", encoding="utf-8")
    spec = importlib.util.spec_from_file_location("scaling", SCRIPT)
    scaling = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scaling)
    text = scaling.build_text(tmp_path, 1000)
    assert len(text) == 1000 and text.startswith("One short article.\n\nOne short")


def test_scaling_benchmark_refuses_a_missing_folder(tmp_path):
    result = _run(str(tmp_path / "nope"))
    assert result.returncode != 0 and "not a folder" in result.stderr
