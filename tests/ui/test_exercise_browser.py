"""The flagship exercise works in a real JupyterLab, driven by a real headless Chromium.

A student opens a scratch copy of ``exercises/nato-in-ukraine`` (so neither outputs nor
answers are ever written into the repository), runs it with JupyterLab's own run-all
command, answers a question, presses **Check**, and reads the feedback; then clicks a word
of a passage for a ``find`` question. The answers must be on disk in the progress folder
the server's kernel uses, and must still fill the form after a kernel restart (JupyterLab's
own restart command, confirmed in its dialog) and a second run.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from sourcecrit.progress import ProgressStore

# Run-all and the waits are test_lab_browser.py's, shared rather than copied.
from . import test_lab_browser as lab

pytestmark = pytest.mark.browser

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
EXERCISE = REPO / "exercises" / "nato-in-ukraine"
NOTEBOOK = "exercises/nato-in-ukraine/exercise.ipynb"
STORE_KEY = "exercise-nato-in-ukraine"
QUESTION = "who-colonel"
RIGHT, WRONG = "Alcaide", "Putin"
FEEDBACK_TIMEOUT_MS = 15_000
RESTART_TIMEOUT_MS = 60_000


#: This test's learner: other browser tests save answers to the same exercise under their
#: own names in the same progress folder, in whatever order the tests run.
LEARNER = "Ada"


def progress_dir(server) -> Path:
    """The SOURCECRIT_PROGRESS_DIR the server (and so its kernels) actually runs with."""
    raw = Path(f"/proc/{server.process.pid}/environ").read_bytes()
    env = dict(item.split("=", 1) for item in raw.decode().split("\0") if "=" in item)
    assert env.get("SOURCECRIT_PROGRESS_DIR"), "the lab server has no SOURCECRIT_PROGRESS_DIR"
    return Path(env["SOURCECRIT_PROGRESS_DIR"])


def saved_files(folder: Path, learner: str = LEARNER) -> list[Path]:
    """``learner``'s answer files for the exercise (not their backups) under ``folder``."""
    mine = ProgressStore(folder).path_for(learner, STORE_KEY).parent
    return sorted(p for p in mine.glob(f"{STORE_KEY}--*.json") if not p.name.endswith(".bak.json"))


def saved_answers(folder: Path) -> dict:
    """The answers in the one answer file under ``folder``."""
    files = saved_files(folder)
    assert len(files) == 1, f"expected one answer file in {folder}, found {files}"
    record = json.loads(files[0].read_text(encoding="utf-8"))
    assert record["checklist"] == STORE_KEY
    return record["answers"]


def saved_answer(folder: Path) -> object:
    """The answer to QUESTION in the one answer file under ``folder``."""
    return saved_answers(folder).get(QUESTION)


@pytest.fixture(scope="session")
def exercise_copy(lab_server) -> str:
    """Copy the exercise into the served scratch folder; return the notebook's path there."""
    target = lab_server.root / "exercises" / EXERCISE.name
    shutil.copytree(EXERCISE, target, dirs_exist_ok=True)
    assert (lab_server.root / NOTEBOOK).exists()
    return NOTEBOOK


def run_all_again(page, run, name: str) -> None:
    """Run all cells of the open notebook again and wait until its widgets have settled."""
    page.evaluate(lab.START_RUN_JS, name)
    try:
        page.wait_for_function(
            "() => window.__scRun.done", timeout=lab.OPEN_TIMEOUT_MS, polling=500
        )
    except PlaywrightTimeout:
        lab._fail(page, run.screenshot, f"{name}: run-all after the restart never finished")
    result = page.evaluate("() => window.__scRun")
    assert "error" not in result, f"{run.describe()}: {result}"
    page.wait_for_function(lab.KERNEL_IDLE_JS, timeout=lab.KERNEL_IDLE_TIMEOUT_MS, polling=200)
    page.wait_for_function(
        lab.SETTLED_JS,
        arg=[lab.WIDGET_MIME, lab.WIDGET_LOADING, lab.QUIET_MS],
        timeout=lab.RENDER_TIMEOUT_MS,
    )


def give_name(page, run, name: str) -> None:
    """Type ``name`` in the exercise form's name prompt and confirm it (nothing is saved
    before), then wait until the form says who is working."""
    prompt = page.locator(".sc-exercise-header .sc-learner").first
    prompt.scroll_into_view_if_needed()
    prompt.locator(".sc-learner-name input").fill(name)
    prompt.locator(".sc-learner-confirm").click()
    try:
        page.locator(".sc-exercise-header").get_by_text(f"Learner: {name}").wait_for(
            timeout=FEEDBACK_TIMEOUT_MS
        )
    except PlaywrightTimeout:
        lab._fail(page, run.screenshot, f"the form never showed the learner {name!r}")


RESTART_JS = """() => { window.__scRestart = {done: false};
  window.jupyterapp.commands.execute('notebook:restart-kernel').then(
    ok => { window.__scRestart = {done: true, ok}; },
    err => { window.__scRestart = {done: true, error: String(err)}; }); }"""


def restart_and_run_all(page, run, name: str, *, dialog_timeout_ms: int = FEEDBACK_TIMEOUT_MS):
    """JupyterLab's own restart (confirmed in its dialog), then run every cell again.

    Shared by every browser test that checks what survives a kernel restart.
    """
    page.evaluate(RESTART_JS)
    page.locator(".jp-Dialog .jp-Dialog-button.jp-mod-accept").click(timeout=dialog_timeout_ms)
    page.wait_for_function("() => window.__scRestart.done", timeout=RESTART_TIMEOUT_MS, polling=200)
    restarted = page.evaluate("() => window.__scRestart")
    assert restarted.get("ok") is True, restarted
    page.wait_for_function(lab.KERNEL_IDLE_JS, timeout=RESTART_TIMEOUT_MS, polling=200)
    run_all_again(page, run, name)


def assert_widgets_render(run) -> None:
    widgets = [o for o in run.outputs() if lab.WIDGET_MIME in o["mimes"]]
    # Header, article and one box per question: every one of them a drawn widget view.
    assert len(widgets) >= 3, run.describe()
    broken = [
        o["shown_text"]
        for o in widgets
        if not o["has_widget_view"]
        or o["widget_error"]
        or any(f in (o["shown_text"] or "") for f in lab.WIDGET_FAILURES)
    ]
    assert broken == [], run.describe()


def test_exercise_answers_checked_saved_and_restored(browser, lab_server, exercise_copy, tmp_path):
    store = progress_dir(lab_server)
    assert saved_files(store) == [], f"answers saved before the test ran: {saved_files(store)}"
    run = lab.run_in_lab(browser, lab_server, exercise_copy, tmp_path)
    page = run.page
    try:
        # 1. The notebook ran cleanly and drew the article and every question.
        lab.assert_no_errors(run)
        assert_widgets_render(run)
        article = page.locator(".sc-exercise-article")
        assert article.count() == 1, run.describe()
        claim = article.get_by_text("Retired NATO Colonel José Antonio Alcaide", exact=False)
        claim.first.scroll_into_view_if_needed()
        assert claim.first.is_visible(), run.describe()
        assert article.locator("mark.sc-passage").count() >= 1, run.describe()
        assert page.locator(".sc-question").count() == 10, run.describe()
        give_name(page, run, LEARNER)

        box = page.locator(f".sc-question-{QUESTION}")
        assert box.count() == 1, run.describe()
        answer = box.locator(".sc-answer-short input")
        check = box.locator(".sc-check")
        feedback = box.locator(".sc-feedback-box")
        answer.scroll_into_view_if_needed()
        assert answer.input_value() == "", run.describe()

        # 2. A right answer says so; a wrong one gives the hint instead.
        answer.fill(RIGHT)
        check.click()
        try:
            feedback.get_by_text("Right.").wait_for(timeout=FEEDBACK_TIMEOUT_MS)
        except PlaywrightTimeout:
            lab._fail(page, run.screenshot, f"no 'Right.' feedback: {feedback.inner_text()!r}")
        assert feedback.inner_text().lstrip().startswith("✓ Right."), feedback.inner_text()
        assert "Hint:" not in feedback.inner_text()

        # 3. The answer is on disk, in the folder the kernel was told to use.
        assert saved_answer(store) == RIGHT

        answer.fill(WRONG)
        # Changing the answer clears the old feedback, which described the old answer.
        page.wait_for_function(
            "el => !el.innerText.includes('Right.')",
            arg=feedback.element_handle(),
            timeout=FEEDBACK_TIMEOUT_MS,
        )
        check.click()
        try:
            feedback.get_by_text("Hint:", exact=False).wait_for(timeout=FEEDBACK_TIMEOUT_MS)
        except PlaywrightTimeout:
            lab._fail(page, run.screenshot, f"no hint for {WRONG!r}: {feedback.inner_text()!r}")
        assert "Right." not in feedback.inner_text()
        assert saved_answer(store) == WRONG

        # 3b. A find question: click words in the passage, not type them.
        find = page.locator(".sc-question-find-hedges")
        could = find.locator(".sc-word", has_text="could")
        assert could.count() == 1, run.describe()
        could.scroll_into_view_if_needed()
        could.click()
        find.locator(".sc-check").click()
        try:
            find.locator(".sc-feedback-box").get_by_text("You found 1 of 2", exact=False).wait_for(
                timeout=FEEDBACK_TIMEOUT_MS
            )
        except PlaywrightTimeout:
            lab._fail(page, run.screenshot, "no feedback on the clicked word 'could'")
        assert saved_answers(store)["find-hedges"] == ["could"]

        # 4. JupyterLab's own restart (confirmed in its dialog), then run all again: the
        # new kernel's form opens with the latest saved answer.
        restart_and_run_all(page, run, exercise_copy)
        cells = page.evaluate(lab.CELLS_JS)
        counts = [cell["execution_count"] for cell in cells]
        # Counts start again at 1 (a kernel that was not restarted would go on counting):
        # every cell ran in the fresh kernel.
        assert counts == list(range(1, len(counts) + 1)), counts
        errors = [o for cell in cells for o in cell["outputs"] if o["output_type"] == "error"]
        assert errors == [], errors
        give_name(page, run, LEARNER)  # a new kernel asks again: it never guesses

        restored = page.locator(f".sc-question-{QUESTION} .sc-answer-short input")
        assert restored.count() == 1
        restored.scroll_into_view_if_needed()
        assert restored.input_value() == WRONG
        # The new box's feedback is empty until Check is pressed again.
        assert (
            page.locator(f".sc-question-{QUESTION} .sc-feedback-box").text_content().strip() == ""
        )
        assert saved_answer(store) == WRONG
        # The clicked word is still picked: ipywidgets marks a pressed toggle "mod-active".
        # (textContent, not innerText: a cell scrolled out of JupyterLab's window has no
        # rendered text.)
        picked = page.locator(".sc-question-find-hedges .sc-word.mod-active")
        assert [t.strip() for t in picked.all_text_contents()] == ["could"]
    finally:
        page.context.close()
