"""benchmarks/cli_speed.py runs end to end and prints every figure the README quotes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_cli_speed_benchmark_prints_its_figures(tmp_path):
    for name, text in {
        "a.txt": "The mayor said that the bridge would probably reopen in May.",
        "b.txt": "Officials claimed the river was safe, according to the local paper.",
    }.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "cli_speed.py"), str(tmp_path), "--rounds", "1"],
        capture_output=True,
        text=True,
        timeout=600,
        check=True,
    )
    out = result.stdout
    for row in (
        "sourcecrit --help",
        "sourcecrit exercise check exercises/nato-in-ukraine",
        "cold analyze ÷ bare spaCy",
        "control: ÷ bare spaCy, same collector thresholds",
        "(2 articles)",
        "--jobs 1 ÷ --jobs 2",
        "control: bare spaCy n_process 1 ÷ 2",
    ):
        assert row in out, out
