"""``sourcecrit checklist list | show | validate``, through the real ``main``."""

from __future__ import annotations

import json

import pytest

from sourcecrit.checklists import list_checklists
from sourcecrit.cli import main


def test_list_shows_every_builtin(capsys):
    assert main(["checklist", "list"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in out] == list_checklists()
    assert any("weighted" in line and line.startswith("outlet-credibility") for line in out)


def test_show_prints_questions_weights_bands_and_credit(capsys):
    assert main(["checklist", "show", "outlet-credibility"]) == 0
    out = capsys.readouterr().out
    assert "1. [no-false-content]" in out and "22 points" in out and "12.5 points" in out
    assert "Scoring: weighted, out of 100" in out
    assert "from 75: Well checked" in out  # changed with issue 13: bands measure checking
    assert "NewsGuard" in out


def test_show_json(capsys):
    assert main(["checklist", "show", "sift", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["id"] == "sift" and len(data["items"]) == 7  # issue 13: no notes item


def test_show_unknown_is_one_line_and_status_2(capsys):
    assert main(["checklist", "show", "nope"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and "no built-in checklist called 'nope'" in lines[0]
    assert "Traceback" not in captured.err


def test_validate_good_file(write_yaml, minimal_yaml, capsys):
    path = write_yaml(minimal_yaml)
    assert main(["checklist", "validate", str(path)]) == 0
    assert "valid checklist 'mine' with 3 items" in capsys.readouterr().out


def test_validate_names_each_bad_line(write_yaml, capsys):
    path = write_yaml(
        """
        id: mine
        title: T
        credit: C
        licence: L
        items:
          - id: one
            question: Q
            answer: maybe
          - id: two
            colour: red
        """
    )
    assert main(["checklist", "validate", str(path)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err[0] == (
        f"sourcecrit: error: {path}:8: items[0] (id 'one').answer: Input should be "
        "'move', 'yes_no_unsure', 'rating' or 'text' (got 'maybe')"
    )
    assert any(f"{path}:10: items[1] (id 'two').colour: unknown key" in line for line in err)
    assert any(f"{path}:9: items[1] (id 'two').question: Field required" in line for line in err)


@pytest.mark.parametrize(
    "args", [["checklist", "validate", "missing.yaml"], ["checklist", "show", "missing.yaml"]]
)
def test_missing_file_is_status_2(args, capsys):
    assert main(args) == 2
    assert "missing.yaml: no such file" in capsys.readouterr().err


def test_unsafe_yaml_is_refused(tmp_path, capsys):
    path = tmp_path / "evil.yaml"
    path.write_text(
        f"id: x\ntitle: !!python/object/apply:os.system ['touch {tmp_path}/pwned']\n",
        encoding="utf-8",
    )
    assert main(["checklist", "validate", str(path)]) == 2
    assert (
        f"{path}:2: title: the YAML tag !!python/object/apply:os.system is not allowed"
        in capsys.readouterr().err
    )
    assert not (tmp_path / "pwned").exists()


@pytest.mark.parametrize("action", ["validate", "show"])
@pytest.mark.parametrize("weight", [".inf", ".nan"])
def test_an_infinite_weight_is_refused_by_validate_and_show(tmp_path, capsys, action, weight):
    # Issue 16: `weight: .inf` passed `checklist validate`, then crashed `checklist show`,
    # the form and the score. Refused on loading, it reaches none of them.
    import time

    path = tmp_path / "w.yaml"
    path.write_text(
        "id: w\ntitle: T\ncredit: C\nlicence: L\n"
        "scoring:\n  rule: weighted\n  bands: [{id: b, label: B, min: 0}]\n"
        f"items:\n  - {{id: one, question: Q, weight: {weight}}}\n",
        encoding="utf-8",
    )
    start = time.perf_counter()
    assert main(["checklist", action, str(path)]) == 2
    assert time.perf_counter() - start < 3
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert f"{path}:9: " in err and "weight" in err
