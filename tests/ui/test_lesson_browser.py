"""Lesson 01 walked the way a student walks it, in a real JupyterLab and headless Chromium.

The student runs the lesson, types a name in the prompt of the first cell, marks the
source, the cue and the content in the rendered opening of the article (drag-select, then
a label key), commits, reveals the machine's reading and reads the agreement; then answers
a write-then-reveal question, whose model answer is not on the page until the answer is
written and saved. The test saves a screenshot of the annotator after the reveal, shown
in the README (``docs/images/lesson01-annotator.png`` with ``SOURCECRIT_README_IMAGES=1``).
"""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import pytest

from sourcecrit.course import opening
from sourcecrit.layers import machine_spans
from sourcecrit.span_agreement import agreement

from . import test_annotator_browser as ann_test
from . import test_lab_browser as lab
from .conftest import readme_image

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[2]
LESSON = "01-who-says-so.ipynb"
# A copy under its own name: its own kernel, whatever other tests do with lesson 01.
COPY = "walk-01-who-says-so.ipynb"
LEARNER = "Lin Lesson"
STEP_TIMEOUT_MS = 20_000
LABELS = ["source", "cue", "content"]
# What the student marks in the opening, and the key of the label each gets.
MARKS = [
    ("Retired NATO Colonel José Antonio Alcaide", "1", "source"),
    ("told", "2", "cue"),
    ("NATO soldiers are indeed present in Ukraine, but not as military personnel", "3", "content"),
]
ANSWER = (
    "The source is a port spokeswoman, the cue is told, and the content is that the "
    "harbour will close on Friday."
)

# Where words of the shown text [start, end) are on screen, after scrolling them into view.
RECT_JS = ann_test.RECT_JS


def drag_select(page, shown: str, phrase: str) -> None:
    """Drag the mouse from inside the first word of ``phrase`` to inside its last."""
    start = shown.index(phrase)
    end = start + len(phrase)
    shrink = 1 if len(phrase) > 3 else 0
    page.evaluate(RECT_JS, [0, start + shrink, end - shrink, True])
    page.wait_for_timeout(500)  # let the scrolling (and JupyterLab's layout) settle
    box = page.evaluate(RECT_JS, [0, start + shrink, end - shrink, False])
    page.mouse.move(box["x1"], box["y1"])
    page.mouse.down()
    page.mouse.move((box["x1"] + box["x2"]) / 2, (box["y1"] + box["y2"]) / 2, steps=4)
    page.mouse.move(box["x2"], box["y2"], steps=4)
    page.mouse.up()


def saved_marks(store: Path, count: int, *, timeout: float = 10.0) -> list[list]:
    """The spans saved for LEARNER's lesson-01 annotation, once ``count`` are on disk."""
    deadline = time.monotonic() + timeout
    spans: list[list] = []
    while time.monotonic() < deadline:
        files = [
            p
            for p in store.glob("lin-lesson-*/annotator-l01-annotate--*.json")
            if not p.name.endswith(".bak.json")
        ]
        if len(files) == 1:
            record = json.loads(files[0].read_text(encoding="utf-8"))
            assert record["learner"] == LEARNER
            spans = record["answers"].get("spans", [])
            if len(spans) == count:
                break
        time.sleep(0.2)
    return spans


def test_walk_lesson_01(browser, lab_server, tmp_path, flagship_analysis):
    store = ann_test.progress_dir(lab_server)
    shutil.copy2(lab.NOTEBOOKS / LESSON, lab_server.root / COPY)
    run = lab.run_in_lab(browser, lab_server, COPY, tmp_path)
    page = run.page
    wait = ann_test.wait_text
    try:
        lab.assert_no_errors(run)
        text = flagship_analysis.text
        shown = opening(flagship_analysis.article)
        base = text.index(shown)

        # 1. The name, in the prompt of the first cell.
        # (Read text with text_content: JupyterLab skips drawing cells out of view, and
        # innerText of an undrawn cell is empty.)
        prompt = page.locator(".sc-learner").first
        prompt.scroll_into_view_if_needed()
        assert "nothing is saved before" in prompt.locator(".sc-learner-status").text_content()
        prompt.locator(".sc-learner-name input").fill(LEARNER)
        prompt.locator(".sc-learner-confirm").click()
        wait(prompt.locator(".sc-learner-status"), f"Working as {LEARNER}", run, "name")

        # 2. The annotator shows the opening and nothing of the machine's reading.
        widget = page.locator(".sc-annotator")
        assert widget.count() == 1, run.describe()
        widget = widget.first
        widget.scroll_into_view_if_needed()
        assert widget.locator(".sc-ann-article").text_content() == shown
        assert widget.locator(".sc-ref").count() == 0
        assert widget.locator(".sc-ann-reveal").count() == 0
        assert widget.locator(".sc-ann-commit").is_disabled()
        # The annotator was built (run-all) before the name was typed; the name given in
        # the first cell reaches it without a second prompt.
        wait(widget.locator(".sc-ann-learner"), f"Working as {LEARNER}", run, "name")
        assert widget.locator(".sc-ann-name").count() == 0

        # 3. Mark source, cue and content: drag over the words, press the label's key.
        widget.locator(".sc-ann-article").click(position={"x": 8, "y": 8})
        page.wait_for_timeout(500)
        for count, (phrase, key, _label) in enumerate(MARKS, start=1):
            drag_select(page, shown, phrase)
            page.keyboard.press(key)
            wait(widget.locator(".sc-ann-mine"), f"Your marks ({count})", run, phrase)
        mine = sorted(
            [base + shown.index(p), base + shown.index(p) + len(p), label] for p, _k, label in MARKS
        )
        assert sorted(saved_marks(store, len(MARKS))) == mine

        # 4. Commit, reveal, and read the agreement the page shows.
        widget.locator(".sc-ann-commit").click()
        widget.locator(".sc-ann-reveal").click()
        wait(widget.locator(".sc-ann-results"), "How far you agree", run, "reveal")
        window = (base, base + len(shown))
        machine = machine_spans(flagship_analysis, "attribution", within=window)
        assert machine, "the machine finds attributions in the opening"
        assert ann_test.wait_count(widget.locator(".sc-ref"), len(machine)) >= len(machine)
        expected = agreement(
            [tuple(m) for m in mine],
            [(m["start"], m["end"], m["label"]) for m in machine],
            text=text,
            labels=LABELS,
        )
        for label in LABELS:
            row = widget.locator(f".sc-ann-score-{label} td").all_text_contents()
            score = expected.score(label)
            assert row[:3] == [label, "1", str(score.reference)], row
            assert row[5] == f"{round(score.f1 * 100)}%", row
        overall = widget.locator(".sc-ann-overall").text_content()
        assert f"before the reveal: {round(expected.f1 * 100)}%" in overall

        page.set_viewport_size({"width": 1100, "height": 2400})
        page.wait_for_timeout(500)
        widget.scroll_into_view_if_needed()
        widget.screenshot(path=str(readme_image("lesson01-annotator.png")))
        page.set_viewport_size(lab.VIEWPORT)

        # 5. A write-then-reveal question: no model answer until an answer is saved.
        question = page.locator(".sourcecrit-write-then-reveal").filter(
            has_text="The harbour will close on Friday"
        )
        assert question.count() == 1, run.describe()
        question.scroll_into_view_if_needed()
        assert question.locator(".sc-model-answer").count() == 0
        assert "port spokeswoman. Cue" not in question.text_content()
        # Too short to count as an answer: still no model answer.
        question.locator("textarea").fill("told")
        question.get_by_role("button", name="Save, then show the model answer").click()
        wait(question, "Write a sentence or two first", run, "short answer")
        assert question.locator(".sc-model-answer").count() == 0
        question.locator("textarea").fill(ANSWER)
        question.get_by_role("button", name="Save, then show the model answer").click()
        # (Not get_by_text("Model answer"): the button's own label holds those words.)
        model = question.locator(".sc-model-answer")
        model.wait_for(state="visible", timeout=STEP_TIMEOUT_MS)
        assert "Source: a port spokeswoman" in model.text_content()
        assert f"({LEARNER})" in question.locator(".sc-saved").text_content()
    finally:
        page.context.close()
