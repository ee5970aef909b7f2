"""Every built-in checklist loads, scores, exports, and credits its original."""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest

from sourcecrit.checklists import ChecklistError, list_checklists, load_checklist
from sourcecrit.checklists.completed import FRAME_COLUMNS
from sourcecrit.resources import data_path

BUILTINS = list_checklists()


def _best_answers(checklist):
    """The answer that earns every item's points (and a note for text items)."""
    out = {}
    for item in checklist.items:
        if item.answer == "move":
            out[item.id] = {
                "did": "yes",
                "shown": "https://en.wikipedia.org/wiki/Izvestia",
                "found": "State-aligned daily; the claim is not carried elsewhere.",
            }
        elif item.answer == "yes_no_unsure":
            out[item.id] = item.good
        elif item.answer == "rating":
            out[item.id] = 5 if item.good == "yes" else 1
        else:
            out[item.id] = "Checked two other outlets."
    return out


def _worst_answers(checklist):
    out = {}
    for item in checklist.items:
        if item.answer == "move":
            out[item.id] = {"did": "no", "shown": "", "found": ""}
        elif item.answer == "yes_no_unsure":
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
    # Changed with issue 13: SIFT has no free-text notes item now; the verdict's reason is
    # the learner's free text.
    md = checklist.complete({"reason": "see *this* | and <that>"}, learner="A_B").to_markdown()
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
    hostile = {"reason": "<script>", "stop": {"did": "yes", "found": "<b onmouseover=x>"}}
    page = load_checklist("sift").complete(hostile)._repr_html_()
    assert "<script>" not in page and "<b onmouseover" not in page


# -- issue 13: checklists that reward checking, never a favourable finding -------------------


def _moves(checklist, *, did, shown, found):
    return {
        item.id: {"did": did, "shown": shown, "found": found}
        for item in checklist.items
        if item.answer == "move"
    }


@pytest.mark.parametrize("name", BUILTINS)
def test_every_builtin_item_is_a_move_with_a_finding_prompt(name):
    checklist = load_checklist(name)
    for item in checklist.items:
        assert item.answer == "move", f"{name}: {item.id} is not a move"
        assert item.finding.strip() and item.finding != "What did you find?"


@pytest.mark.parametrize("name", BUILTINS)
def test_thorough_student_who_finds_problems_beats_yes_everywhere(name):
    checklist = load_checklist(name)
    thorough = checklist.score(
        {
            **_moves(
                checklist,
                did="yes",
                shown="https://www.example.org/fact-check/nato-troops",
                found="Trusted outlets do not carry the claim; the source is partisan.",
            ),
            "verdict": "do_not_trust",
            "confidence": 80,
            "reason": "Only one retired colonel says it.",
        }
    )
    yes_everywhere = checklist.score({item.id: "yes" for item in checklist.items})
    assert thorough.value >= yes_everywhere.value
    assert thorough.band == checklist.scoring.bands[-1]
    assert yes_everywhere.band != checklist.scoring.bands[-1]


@pytest.mark.parametrize("name", BUILTINS)
def test_no_moves_cannot_reach_the_top_band(name):
    checklist = load_checklist(name)
    top = checklist.scoring.bands[-1]
    for answers in (
        {},
        _moves(checklist, did="no", shown="", found="It looked fine to me."),
        {
            **_moves(checklist, did="no", shown="https://example.org", found="All good."),
            "verdict": "trust",
            "confidence": 100,
            "reason": "It sounds right.",
        },
    ):
        score = checklist.score(answers)
        assert score.band != top
        assert score.value == 0


@pytest.mark.parametrize("name", BUILTINS)
def test_findings_and_verdict_never_change_the_score(name):
    checklist = load_checklist(name)
    link = "https://www.example.org/a"
    happy = {
        **_moves(checklist, did="yes", shown=link, found="Confirmed by three outlets."),
        "verdict": "trust",
        "confidence": 95,
    }
    gloomy = {
        **_moves(checklist, did="yes", shown=link, found="Contradicted everywhere."),
        "verdict": "do_not_trust",
        "confidence": 5,
        "reason": "Nobody else reports it.",
    }
    assert checklist.score(happy).value == checklist.score(gloomy).value == checklist.max_points


def test_a_move_earns_half_for_doing_and_half_for_showing():
    sift = load_checklist("sift")
    item = sift.item("source-outlet")  # show: link
    assert item.show == "link"
    cases = [
        ({"did": "yes"}, 0.5),
        ({"did": "partly"}, 0.25),
        ({"did": "yes", "shown": "I searched for it on Wikipedia"}, 0.5),  # no link
        ({"did": "yes", "shown": "see https://en.wikipedia.org/wiki/Izvestia"}, 1.0),
        ({"did": "partly", "shown": "https://en.wikipedia.org/wiki/Izvestia"}, 0.75),
        ({"did": "no", "shown": "https://en.wikipedia.org/wiki/Izvestia"}, 0.0),
    ]
    for answer, points in cases:
        assert sift.score({"source-outlet": answer}).value == points, answer
    note_item = sift.item("stop")
    assert note_item.show == "note"
    assert sift.score({"stop": {"did": "yes", "shown": "Felt alarmed by 'indeed'."}}).value == 1
    assert sift.score({"stop": {"did": "yes", "shown": "ok"}}).value == 0.5


def test_verdict_is_checked_kept_and_exported_but_not_scored():
    sift = load_checklist("sift")
    answers = {"verdict": "Trust with care", "confidence": 62.4, "reason": "One source."}
    done = sift.complete(answers, learner="Ada")
    assert done.score.value == 0
    assert done.verdict == {"verdict": "trust_with_care", "confidence": 62, "reason": "One source."}
    assert json.loads(done.to_json())["verdict"]["verdict"] == "trust_with_care"
    md = done.to_markdown()
    assert "## Verdict (not scored)" in md and "Trust with care" in md and "62 / 100" in md
    for bad in ({"verdict": "maybe"}, {"confidence": 101}, {"confidence": float("nan")}):
        with pytest.raises(ChecklistError):
            sift.score(bad)


def test_markdown_escapes_markup_from_the_checklist_file_and_the_article():
    from sourcecrit.checklists import CompletedChecklist, checklist_from_yaml

    checklist = checklist_from_yaml(
        "id: mine\ntitle: T\ncredit: C\nlicence: L\n"
        "url: 'https://x.org/<img src=x onerror=alert(1)>'\n"
        "items:\n  - {id: one, question: Did you check, answer: move}\n"
    )
    answers = checklist.check_answers({"one": {"did": "yes", "found": "<i>x</i>"}})
    done = CompletedChecklist(
        checklist=checklist,
        answers=answers,
        score=checklist.score(answers),
        article={"name": "a.txt", "date": "<b>2024</b>"},
    )
    md = done.to_markdown()
    # Escaped with a backslash, Markdown shows the characters instead of running them.
    assert re.findall(r"(?<!\\)<", md) == []
    assert "\\<img" in md and "\\<b\\>2024" in md and "\\<i\\>x" in md


def test_markdown_escapes_every_field_from_the_file_and_the_answers():
    # Issue 16: the title, band labels and answers of every kind (hand-edited answer files
    # can hold anything) are shown as text when the Markdown is rendered the CommonMark way.
    from markdown_it import MarkdownIt

    from sourcecrit.checklists import CompletedChecklist, checklist_from_yaml

    bad = "<script>alert(1)</script>"
    checklist = checklist_from_yaml(
        f"id: mine\ntitle: '{bad}'\ncredit: '{bad}'\nlicence: '<b>L</b>'\n"
        "items:\n"
        "  - {id: one, question: '<i>Did</i> you check', answer: yes_no_unsure}\n"
        "  - {id: two, question: How sure, answer: rating}\n"
        "  - {id: three, question: Notes, answer: text}\n"
    )
    answers = {"one": bad, "two": "<img src=x onerror=alert(2)>", "three": "a\n<b>b</b>"}
    answers |= {"verdict": None, "confidence": "<u>9</u>", "reason": "<i>why</i>"}
    done = CompletedChecklist(
        checklist=checklist, answers=answers, score=checklist.score({}), learner="<s>x</s>"
    )
    rendered = MarkdownIt("commonmark").render(done.to_markdown())
    for tag in ("<script", "<img", "<b>", "<i>", "<u>", "<s>"):
        assert tag not in rendered
    assert rendered.count("&lt;script&gt;alert(1)&lt;/script&gt;") == 3
    assert "&lt;img src=x onerror=alert(2)&gt; / 5" in rendered
