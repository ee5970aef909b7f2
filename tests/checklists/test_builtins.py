"""Every built-in checklist loads, scores, exports, and credits its original."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from sourcecrit.checklists import list_checklists, load_checklist
from sourcecrit.checklists.completed import FRAME_COLUMNS
from sourcecrit.resources import data_path

BUILTINS = list_checklists()


def _best_answers(checklist):
    """The answer that earns every item's points (and a note for text items)."""
    out = {}
    for item in checklist.items:
        if item.answer == "yes_no_unsure":
            out[item.id] = item.good
        elif item.answer == "rating":
            out[item.id] = 5 if item.good == "yes" else 1
        else:
            out[item.id] = "Checked two other outlets."
    return out


def _worst_answers(checklist):
    out = {}
    for item in checklist.items:
        if item.answer == "yes_no_unsure":
            out[item.id] = "no" if item.good == "yes" else "yes"
        elif item.answer == "rating":
            out[item.id] = 1 if item.good == "yes" else 5
    return out


def test_the_five_builtins_are_there():
    assert set(BUILTINS) == {
        "sift",
        "craap",
        "civic-online-reasoning",
        "ifla",
        "outlet-credibility",
    }


@pytest.mark.parametrize("name", BUILTINS)
def test_builtin_credits_the_original_and_explains_every_item(name):
    checklist = load_checklist(name)
    assert len(checklist.credit) > 20 and checklist.licence and checklist.url
    assert checklist.intro and checklist.adapted
    for item in checklist.items:
        assert item.help.strip(), f"{name}: item {item.id} has no help text"
        assert item.question.strip().endswith("?"), f"{name}: {item.id} is not a question"


@pytest.mark.parametrize("name", BUILTINS)
def test_builtin_scores_from_bottom_band_to_top_band(name):
    checklist = load_checklist(name)
    bands = checklist.scoring.bands
    best = checklist.score(_best_answers(checklist))
    worst = checklist.score(_worst_answers(checklist))
    assert best.value == checklist.max_points
    assert best.band == bands[-1]
    assert worst.value == 0
    assert worst.band == bands[0]
    assert best.complete


@pytest.mark.parametrize("name", BUILTINS)
def test_builtin_exports_to_json_markdown_and_frame(name):
    checklist = load_checklist(name)
    answers = _best_answers(checklist)
    done = checklist.complete(answers, learner="Ada")

    data = json.loads(done.to_json())
    assert data["checklist"]["id"] == name
    assert data["learner"] == "Ada"
    assert data["score"]["value"] == checklist.max_points
    assert data["score"]["band"] == checklist.scoring.bands[-1].id
    assert [i["answer"] for i in data["items"]] == [answers[i.id] for i in checklist.items]

    md = done.to_markdown()
    assert md.startswith(f"# {checklist.title}\n")
    assert "**Learner:** Ada" in md
    assert checklist.scoring.bands[-1].label.split(":")[0] in md
    assert f"licence: {checklist.licence.split(';')[0][:20]}" in md.replace("\\", "")
    table_rows = [line for line in md.splitlines() if line.startswith("| ") and line[2].isdigit()]
    assert len(table_rows) == len(checklist.items)

    df = done.to_frame()
    assert isinstance(df, pd.DataFrame)
    assert list(df.columns) == FRAME_COLUMNS
    assert list(df["item"]) == [i.id for i in checklist.items]
    assert df["points"].sum() == checklist.max_points


@pytest.mark.parametrize("name", BUILTINS)
def test_builtin_file_credits_the_original_in_a_comment_free_field(name):
    # The credit lives in data, not only in a comment, so exports can carry it.
    text = data_path("checklists", f"{name}.yaml").read_text(encoding="utf-8")
    assert "credit:" in text and "licence:" in text


def test_markdown_escapes_learner_text():
    checklist = load_checklist("sift")
    md = checklist.complete({"notes": "see *this* | and <that>"}, learner="A_B").to_markdown()
    assert "see \\*this\\* \\| and \\<that\\>" in md
    assert "**Learner:** A\\_B" in md


def test_unanswered_items_are_marked_in_markdown():
    md = load_checklist("ifla").complete({}).to_markdown()
    assert md.count("*(not answered)*") == len(load_checklist("ifla").items)


@pytest.mark.parametrize("name", BUILTINS)
def test_html_views_escape_and_show_every_item(name):
    checklist = load_checklist(name)
    page = checklist._repr_html_()
    assert page.count("<tr>") == len(checklist.items) + 1  # header row
    done = checklist.complete(
        {checklist.items[0].id: _best_answers(checklist)[checklist.items[0].id]}
    )
    done_page = done._repr_html_()
    assert str(done.score).split(" (")[0].replace("'", "&#x27;") in done_page
    assert "<script>" not in load_checklist("sift").complete({"notes": "<script>"})._repr_html_()
