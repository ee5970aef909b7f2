"""A student's work survives the end of a session, in a real JupyterLab and Chromium.

The student types a name, answers, and downloads the work file (the test reads the file
Chromium saved). Then the session ends the way Binder ends it: the progress folder is
emptied and the kernel restarted. The answers come back twice: once from the copy kept
in the browser's localStorage (the form offers it), and once, after emptying the folder
again, by uploading the downloaded work file.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from . import test_exercise_browser as ex
from . import test_lab_browser as lab

pytestmark = pytest.mark.browser

LEARNER = "Grace Hopper"
QUESTION, RIGHT = ex.QUESTION, ex.RIGHT
WAIT_MS = 20_000


@pytest.fixture(scope="module")
def exercise_copy(lab_server) -> str:
    """A copy of the flagship exercise under a path of its own, so it gets a kernel of its
    own (the exercise test's kernel, on the same server, already knows a learner)."""
    target = lab_server.root / "exercises" / "hand-in-test"
    shutil.copytree(ex.EXERCISE, target, dirs_exist_ok=True)
    return "exercises/hand-in-test/exercise.ipynb"


def empty(folder: Path) -> None:
    """What a new Binder container has: an empty progress folder."""
    for child in folder.iterdir():
        shutil.rmtree(child) if child.is_dir() else child.unlink()


def my_answers(folder: Path) -> dict:
    files = [
        p
        for p in folder.glob(f"*/{ex.STORE_KEY}--*.json")
        if not p.name.endswith(".bak.json")
        and json.loads(p.read_text(encoding="utf-8"))["learner"] == LEARNER
    ]
    assert len(files) <= 1, files
    return json.loads(files[0].read_text(encoding="utf-8"))["answers"] if files else {}


def shown_answer(page) -> str:
    box = page.locator(f".sc-question-{QUESTION} .sc-answer-short input")
    box.scroll_into_view_if_needed()
    return box.input_value()


def wait_for(page, run, locator, what: str) -> None:
    try:
        locator.wait_for(timeout=WAIT_MS)
    except PlaywrightTimeout:
        lab._fail(page, run.screenshot, f"never saw {what}")


def test_work_is_downloaded_and_restored_from_browser_and_file(
    browser,
    lab_server,
    exercise_copy,
    tmp_path,  # noqa: F811
):
    store = ex.progress_dir(lab_server)
    run = lab.run_in_lab(browser, lab_server, exercise_copy, tmp_path)
    page = run.page
    try:
        lab.assert_no_errors(run)
        # 1. Nothing is saved before a name is given; then the answer is, under it.
        box = page.locator(f".sc-question-{QUESTION}")
        ex.give_name(page, run, LEARNER)
        box.locator(".sc-answer-short input").fill(RIGHT)
        box.locator(".sc-check").click()
        wait_for(page, run, box.locator(".sc-feedback-box").get_by_text("Right."), "Right.")
        assert my_answers(store) == {QUESTION: RIGHT}
        # The browser copy holds it too (the front end wrote localStorage).
        page.wait_for_function(
            "key => (localStorage.getItem(key) || '').includes('Alcaide')",
            arg=f"sourcecrit-work:{LEARNER}",
            timeout=WAIT_MS,
        )

        # 2. Download the work file from the hand-in box, as a student would.
        hand = page.locator(".sc-hand-in")
        hand.scroll_into_view_if_needed()
        hand.get_by_role("button", name="Refresh").click()
        link = hand.locator("a.sc-download-link")
        wait_for(page, run, link, "the download link")
        with page.expect_download(timeout=WAIT_MS) as info:
            link.click()
        download = tmp_path / info.value.suggested_filename
        info.value.save_as(download)
        work = json.loads(download.read_text(encoding="utf-8"))
        assert work["format"] == "sourcecrit-work" and work["learner"] == LEARNER
        record = next(r for r in work["records"] if r["checklist"] == ex.STORE_KEY)
        assert record["answers"] == {QUESTION: RIGHT}
        assert [e["status"] for e in record["events"]] == ["correct"]

        # 3. The session ends: empty folder, fresh kernel. The browser copy is offered.
        empty(store)
        ex.restart_and_run_all(page, run, exercise_copy, dialog_timeout_ms=WAIT_MS)
        assert shown_answer(page) == ""
        ex.give_name(page, run, LEARNER)
        offer = page.locator(".sc-restore-browser")
        wait_for(page, run, offer, "the offer to restore the browser copy")
        offer.click()
        page.wait_for_function(
            f"() => document.querySelector('.sc-question-{QUESTION} .sc-answer-short input')"
            f".value === {json.dumps(RIGHT)}",
            timeout=WAIT_MS,
        )
        assert my_answers(store) == {QUESTION: RIGHT}

        # 4. Once more, and this time the downloaded work file is uploaded instead.
        empty(store)
        ex.restart_and_run_all(page, run, exercise_copy, dialog_timeout_ms=WAIT_MS)
        hand = page.locator(".sc-hand-in")
        hand.scroll_into_view_if_needed()
        # The upload button opens the browser's file chooser, as for a student.
        with page.expect_file_chooser(timeout=WAIT_MS) as chooser:
            hand.locator(".sc-upload").click()
        chooser.value.set_files(str(download))
        wait_for(page, run, hand.locator(".sc-restored"), "the upload's confirmation")
        assert my_answers(store) == {QUESTION: RIGHT}
        ex.run_all_again(page, run, exercise_copy)  # as the confirmation tells students
        ex.give_name(page, run, LEARNER)
        assert shown_answer(page) == RIGHT
    finally:
        page.context.close()
