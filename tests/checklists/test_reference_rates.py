"""benchmarks/reference_rates.py runs end to end, and its figures are the ones the hints use."""

from __future__ import annotations

import statistics
import subprocess
import sys
from pathlib import Path

import sourcecrit
from sourcecrit.checklists.wording import ReferenceRates, reference_rates
from sourcecrit.errors import LexiconError
from sourcecrit.yamlfile import validated_file

REPO = Path(__file__).resolve().parents[2]
ARTICLES = {
    "a": "The mayor said the bridge may reopen in May. Some residents clearly doubt it.",
    "b": "Officials told reporters the budget would indeed grow. Critics say it is too small.",
    "c": "The river rose overnight. Nobody was hurt.",
}


def test_script_writes_the_medians_of_its_corpus(tmp_path):
    text_dir = tmp_path / "polnear" / "dev" / "text"
    text_dir.mkdir(parents=True)
    for name, text in ARTICLES.items():
        (text_dir / f"{name}.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "rates.yaml"
    subprocess.run(
        [
            sys.executable,
            str(REPO / "benchmarks" / "reference_rates.py"),
            str(tmp_path / "polnear"),
            "--splits",
            "dev",
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=600,
        check=True,
    )
    rates = validated_file(out, ReferenceRates, error=LexiconError)
    assert rates.articles == 3
    per_article = []
    for text in ARTICLES.values():
        analysis = sourcecrit.analyze(text)
        words = len(text.split())
        hedges = analysis.hedges
        per_article.append(100 * int((hedges["category"] == "hedge").sum()) / words)
    assert rates.per_100_words["hedge"].median == round(statistics.median(per_article), 2)


def test_bundled_figures_come_from_polnear_with_their_command():
    rates = reference_rates()
    assert rates.articles == 924  # PolNeAR train (840) and dev (84)
    assert rates.command.startswith("PYTHONPATH=src python benchmarks/reference_rates.py")
    for name in ("hedge", "booster", "weasel", "attribution"):
        spread = rates.per_100_words[name]
        assert spread.q1 <= spread.median <= spread.q3
        assert spread.explanation
