"""Corpus mode: ``sourcecrit analyze DIR --format csv|jsonl`` over many articles on disk.

Real files, the real model, real worker processes for ``--jobs 2``. The articles are
sentences written for these tests.
"""

from __future__ import annotations

import csv
import json
import subprocess
import sys

import pytest

from sourcecrit.analysis import Analysis
from sourcecrit.cli import main
from sourcecrit.corpus import SUMMARY_COLUMNS, analyze_corpus, article_paths
from sourcecrit.errors import EmptyArticleError

GOOD = {
    "outlet-a/mayor.txt": "The mayor said that the bridge would probably reopen in May.",
    "outlet-a/budget.md": "According to the treasurer, the budget may be cut. Critics say it is clearly too late.",
    "outlet-b/river.txt": "Officials claimed the river was safe. Some people believe the water is still dirty.",
    "outlet-b/nested/school.html": "<html><body><article><p>The head teacher told reporters "
    "that the school will certainly stay open next year, whatever the council decides."
    "</p></article></body></html>",
}
BAD = {
    "outlet-a/empty.txt": b"",
    "outlet-b/photo.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
    "outlet-b/long.txt": ("The minister said that it was fine. " * 200).encode(),
}
MAX_CHARS = "2000"  # the long file is over it, the good ones are under


@pytest.fixture
def corpus(tmp_path):
    root = tmp_path / "term"
    for name, text in GOOD.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    for name, data in BAD.items():
        (root / name).write_bytes(data)
    (root / "outlet-a" / "notes.csv").write_text("not,an,article\n", encoding="utf-8")
    (root / ".hidden").mkdir()
    (root / ".hidden" / "draft.txt").write_text("The aide said so.", encoding="utf-8")
    return root


def error_lines(err: str) -> list[str]:
    return [line for line in err.splitlines() if "error:" in line]


def test_folders_expand_to_article_files_in_order(corpus):
    names = [p.relative_to(corpus).as_posix() for p in article_paths([corpus])]
    assert names == sorted([*GOOD, *BAD])


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_csv_has_one_row_per_good_article_and_skips_bad_ones(corpus, tmp_path, capsys, jobs):
    out = tmp_path / "summary.csv"
    args = ["analyze", str(corpus), "--format", "csv", "-o", str(out), "--max-chars", MAX_CHARS]
    args += ["--jobs", jobs]
    assert main(args) == 1  # some failed, the batch still finished
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert tuple(rows[0]) == SUMMARY_COLUMNS
    assert sorted(r["path"] for r in rows) == sorted(str(corpus / n) for n in GOOD)
    mayor = next(r for r in rows if r["path"].endswith("mayor.txt"))
    assert int(mayor["attributions"]) == 1 and int(mayor["hedges"]) >= 1
    errors = error_lines(capsys.readouterr().err)
    assert len(errors) == len(BAD)
    for name in BAD:
        assert sum(name.split("/")[-1] in line for line in errors) == 1, errors


def test_jsonl_on_stdout_and_one_json_file_per_article(corpus, tmp_path, capsys):
    json_dir = tmp_path / "analyses" / "new"  # made when missing
    args = ["analyze", str(corpus / "outlet-b"), "-f", "jsonl", "--json-dir", str(json_dir)]
    assert main([*args, "--max-chars", MAX_CHARS]) == 1
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["article"] for r in rows] == ["school.html", "river.txt"]
    files = sorted(p.name for p in json_dir.iterdir())
    assert files == ["river.json", "school.json"]
    river = Analysis.from_json((json_dir / "river.json").read_text(encoding="utf-8"))
    assert river.text == GOOD["outlet-b/river.txt"]
    assert len(river.attributions) == rows[1]["attributions"]


def test_two_jobs_give_the_same_rows_as_one(corpus, tmp_path):
    outputs = {}
    for jobs in ("1", "2"):
        out = tmp_path / f"jobs{jobs}.jsonl"
        args = ["analyze", str(corpus), "-f", "jsonl", "-o", str(out), "-j", jobs]
        assert main([*args, "--max-chars", MAX_CHARS]) == 1
        outputs[jobs] = out.read_text(encoding="utf-8")
    assert outputs["1"] == outputs["2"]
    assert len(outputs["1"].splitlines()) == len(GOOD)


def test_nothing_readable_exits_2(tmp_path, capsys):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "nothing-here").mkdir()
    assert main(["analyze", str(tmp_path / "empty.txt"), str(tmp_path / "nothing-here")]) == 2
    errors = error_lines(capsys.readouterr().err)
    assert len(errors) == 2
    assert "empty.txt" in errors[0] and "nothing-here: a folder with no .txt" in errors[1]


@pytest.mark.parametrize("jobs", [1, 2])
def test_analyze_corpus_raises_without_an_error_handler(tmp_path, jobs):
    (tmp_path / "empty.txt").write_bytes(b"")
    with pytest.raises(EmptyArticleError):
        list(analyze_corpus(article_paths([tmp_path]), jobs=jobs))


def test_workers_send_back_the_same_analyses_in_order(corpus):
    # Two worker processes analyse whole articles; what comes back is each article's
    # whole Analysis (without its Doc), in input order, with the unreadable ones reported.
    paths = article_paths([corpus])
    good = [p for p in paths if p.relative_to(corpus).as_posix() in GOOD]
    seen, failed = {}, {}
    for jobs in (1, 2):
        failed[jobs] = []
        results = analyze_corpus(
            paths,
            jobs=jobs,
            max_chars=int(MAX_CHARS),
            on_error=lambda source, _exc, out=failed[jobs]: out.append(source),
        )
        seen[jobs] = [(source, analysis.to_json()) for source, analysis in results]
    assert [source for source, _ in seen[2]] == good
    assert seen[1] == seen[2]
    assert failed[1] == failed[2] == [p for p in paths if p not in good]


def test_bad_file_in_a_subprocess_is_one_line_and_the_rest_is_written(corpus, tmp_path):
    out = tmp_path / "rows.csv"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "sourcecrit.cli",
            "analyze",
            str(corpus / "outlet-a"),
            "-f",
            "csv",
            "-o",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    errors = error_lines(result.stderr)
    assert len(errors) == 1 and "empty.txt" in errors[0]
    assert len(out.read_text(encoding="utf-8").splitlines()) == 1 + 2  # header, mayor, budget
