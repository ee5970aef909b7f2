"""The checklist form in a real JupyterLab, driven by headless Chromium (issue 13).

A student makes one SIFT move in the browser (clicks "Made it", pastes the link that shows
it, writes what they found) and gives a verdict; the answers must be on disk in the
progress folder the server's kernel uses, and must fill a new form again after
JupyterLab's own kernel restart and a second run.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from . import test_exercise_browser as ex
from . import test_lab_browser as lab

pytestmark = pytest.mark.browser

# The scratch-notebook fixtures are test_lab_browser's, shared rather than copied.
run_notebook = lab.run_notebook
shots = lab.shots

NOTEBOOK = "scratch-checklist.ipynb"
LEARNER = "Browser Student"
LINK = "https://en.wikipedia.org/wiki/Izvestia"
FOUND = "Owned by a media group close to the Russian state."
SAVE_TIMEOUT_S = 15


def saved(store: Path) -> dict:
    files = [p for p in store.glob("*/sift--no-article.json")]
    if len(files) != 1:
        return {}
    return json.loads(files[0].read_text(encoding="utf-8"))["answers"]


def wait_for_saved(store: Path, expected: dict) -> dict:
    deadline = time.monotonic() + SAVE_TIMEOUT_S
    answers: dict = {}
    while time.monotonic() < deadline:
        answers = saved(store)
        if all(answers.get(k) == v for k, v in expected.items()):
            return answers
        time.sleep(0.2)
    return answers


def test_a_move_and_a_verdict_saved_and_restored(run_notebook, lab_server):
    store = ex.progress_dir(lab_server)
    run = run_notebook(
        NOTEBOOK,
        [
            "from sourcecrit.widgets import checklist_form\n"
            f"form = checklist_form('sift', learner={LEARNER!r})\n"
            "form"
        ],
    )
    page = run.page
    try:
        lab.assert_no_errors(run)
        row = page.locator(".sc-item-source-outlet")
        assert row.count() == 1, run.describe()
        row.scroll_into_view_if_needed()
        row.locator(".sc-move-did button", has_text="Made it").click()
        row.locator(".sc-move-shown input").fill(LINK)
        row.locator(".sc-move-found textarea").fill(FOUND)
        verdict = page.locator(".sc-checklist-verdict")
        verdict.scroll_into_view_if_needed()
        verdict.locator("button", has_text="Do not trust").click()
        verdict.locator("textarea").fill("One retired colonel carries the claim.")

        move = {"did": "yes", "shown": LINK, "found": FOUND}
        reason = "One retired colonel carries the claim."
        answers = wait_for_saved(
            store, {"source-outlet": move, "verdict": "do_not_trust", "reason": reason}
        )
        assert answers.get("source-outlet") == move, answers
        assert answers.get("verdict") == "do_not_trust", answers
        assert answers.get("reason") == reason, answers
        # The running score counts the move made and shown (textContent: a part scrolled
        # out of JupyterLab's window has no rendered text).
        form = page.locator(".sourcecrit-checklist-form")
        page.wait_for_function(
            "el => el.textContent.includes('1 of 7 points')",
            arg=form.element_handle(),
            timeout=ex.FEEDBACK_TIMEOUT_MS,
        )

        # JupyterLab's own restart (confirmed in its dialog), then run all again.
        ex.restart_and_run_all(page, run, NOTEBOOK)

        row = page.locator(".sc-item-source-outlet")
        try:
            row.locator(".sc-move-shown input").wait_for(timeout=ex.FEEDBACK_TIMEOUT_MS)
        except PlaywrightTimeout:
            lab._fail(page, run.screenshot, "the form did not come back after the restart")
        assert row.count() == 1
        assert row.locator(".sc-move-shown input").input_value() == LINK
        assert row.locator(".sc-move-found textarea").input_value() == FOUND
        pressed = row.locator(".sc-move-did button.mod-active")
        assert [t.strip() for t in pressed.all_text_contents()] == ["Made it"]
        chosen = page.locator(".sc-checklist-verdict button.mod-active")
        assert [t.strip() for t in chosen.all_text_contents()] == ["Do not trust"]
    finally:
        page.context.close()
