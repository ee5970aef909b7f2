"""The annotator in a real JupyterLab, driven by a real headless Chromium.

A student drag-selects words in the rendered flagship article and presses a label's number
key, selects more words with the keyboard, commits, reveals the machine's reading, reads
the agreement, flags one machine span as wrong with a reason, and marks a second version.
Then JupyterLab's own kernel restart and a second run: the frozen answer, the second
version and the flag come back from disk. A second widget holds ``<script>`` in its text,
which must be shown, not run. The test saves a screenshot of the widget after the reveal
shown in the README (``docs/images/annotator.png`` with ``SOURCECRIT_README_IMAGES=1``).
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from sourcecrit.layers import machine_spans
from sourcecrit.span_agreement import agreement

from . import test_exercise_browser as ex
from . import test_lab_browser as lab
from .conftest import readme_image

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[2]
NOTEBOOK = "scratch-annotator.ipynb"
LEARNER = "Ada Browser"
STEP_TIMEOUT_MS = 20_000
REASON = "He reports a doubt; the word is not his own hedge"
CELLS = [
    "import sourcecrit\n"
    "from sourcecrit.widgets import annotator\n"
    "analysis = sourcecrit.analyze(sourcecrit.example_article_path())\n"
    f'annotator(analysis, layer="certainty", learner="{LEARNER}")',
    "annotator(sourcecrit.analyze('The minister <script>window.__pwned=1</script> may resign.'),"
    f' layer="certainty", learner="{LEARNER}", key="escaping")',
    # No learner given: the widget asks for a name rather than use the login name.
    "annotator(analysis, layer='attribution', key='named')",
]

# Scroll text offsets [start, end) of the shown text into the middle of the article box
# (scroll=true), or say where they are on screen.
RECT_JS = """
([index, start, end, scroll]) => {
  const art = document.querySelectorAll('.sc-ann-article')[index];
  const point = (off, isEnd) => {
    for (const seg of art.children) {
      const s = Number(seg.dataset.s), n = seg.textContent.length;
      if (off >= s && (isEnd ? off <= s + n : off < s + n)) return [seg.firstChild, off - s];
    }
    throw new Error('offset ' + off + ' is not in the article');
  };
  const [n1, o1] = point(start, false), [n2, o2] = point(end, true);
  const range = document.createRange();
  range.setStart(n1, o1);
  range.setEnd(n2, o2);
  if (scroll) {
    // The article box into the page, then the words into the middle of the box.
    art.scrollIntoView({block: 'center'});
    const box = art.getBoundingClientRect(), at = range.getBoundingClientRect();
    art.scrollTop += at.top - box.top - box.height / 2;
    return null;
  }
  const rects = range.getClientRects();
  const a = rects[0], b = rects[rects.length - 1];
  return {x1: a.left + 1, y1: a.top + a.height / 2, x2: b.right - 1, y2: b.top + b.height / 2};
}
"""


def progress_dir(server) -> Path:
    """The SOURCECRIT_PROGRESS_DIR the server (and so its kernels) runs with."""
    raw = Path(f"/proc/{server.process.pid}/environ").read_bytes()
    env = dict(item.split("=", 1) for item in raw.decode().split("\0") if "=" in item)
    return Path(env["SOURCECRIT_PROGRESS_DIR"])


def saved_work(folder: Path) -> dict:
    files = [
        p for p in folder.glob("*/annotator-certainty--*.json") if not p.name.endswith(".bak.json")
    ]
    assert len(files) == 1, files
    record = json.loads(files[0].read_text(encoding="utf-8"))
    assert record["learner"] == LEARNER
    return record["answers"]


def saved_when(store: Path, ready, *, timeout: float = 10.0) -> dict:
    """The saved work once ``ready(work)`` holds: the page hears of a change a moment before
    the kernel has written it to disk."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            work = saved_work(store)
        except AssertionError:
            work = {}
        if work and ready(work) or time.monotonic() > deadline:
            return work
        time.sleep(0.2)


def drag_select(page, text: str, phrase: str, *, inside: bool = True) -> tuple[int, int]:
    """Drag the mouse over ``phrase`` in the first article, from inside its first word to
    inside its last (the widget snaps to whole words); return the phrase's offsets."""
    start = text.index(phrase)
    end = start + len(phrase)
    shrink = 1 if inside and len(phrase) > 3 else 0
    page.evaluate(RECT_JS, [0, start + shrink, end - shrink, True])
    page.wait_for_timeout(500)  # let the scrolling (and JupyterLab's layout) settle
    box = page.evaluate(RECT_JS, [0, start + shrink, end - shrink, False])
    page.mouse.move(box["x1"], box["y1"])
    page.mouse.down()
    page.mouse.move((box["x1"] + box["x2"]) / 2, (box["y1"] + box["y2"]) / 2, steps=4)
    page.mouse.move(box["x2"], box["y2"], steps=4)
    page.mouse.up()
    return start, end


def wait_count(locator, at_least: int, *, timeout: float = STEP_TIMEOUT_MS / 1000) -> int:
    """Return how many elements ``locator`` finds, once at least ``at_least`` (or on timeout).

    After the reveal the results and the underlined article are redrawn by separate
    updates, so the table can be on the page a moment before every underline is.
    """
    deadline = time.monotonic() + timeout
    while (count := locator.count()) < at_least and time.monotonic() < deadline:
        time.sleep(0.2)
    return count


def wait_text(locator, text: str, run, what: str) -> None:
    try:
        locator.get_by_text(text, exact=False).first.wait_for(timeout=STEP_TIMEOUT_MS)
    except PlaywrightTimeout:
        lab._fail(run.page, run.screenshot, f"{what}: {text!r} never appeared")


def test_annotate_commit_reveal_flag_restart_restore(
    browser, lab_server, tmp_path, flagship_analysis
):
    store = progress_dir(lab_server)
    text = flagship_analysis.text
    lab.write_notebook(lab_server.root / NOTEBOOK, CELLS)
    run = lab.run_in_lab(browser, lab_server, NOTEBOOK, tmp_path)
    page = run.page
    try:
        lab.assert_no_errors(run)
        widgets = page.locator(".sc-annotator")
        assert widgets.count() == 3, run.describe()
        ann = widgets.first
        # The <script> in the second widget's text is on the page as text, and never ran.
        assert page.evaluate("() => typeof window.__pwned") == "undefined", run.describe()
        assert widgets.nth(1).get_by_text("<script>window.__pwned=1</script>").count() == 1
        # The third widget asks for a name, and works under it once given.
        named = widgets.nth(2)
        # (The server's kernels inherit this process's environment.)
        assert not os.environ.get("SOURCECRIT_LEARNER"), "unset SOURCECRIT_LEARNER for this test"
        assert "Type your name first" in named.locator(".sc-ann-message").text_content()
        named.locator(".sc-ann-name").fill("Grace Browser")
        named.locator(".sc-ann-name-ok").click()
        wait_text(named.locator(".sc-ann-learner"), "Working as Grace Browser", run, "name")
        # Nothing of the machine's reading is on the page before the commitment.
        assert ann.locator(".sc-ref").count() == 0
        assert ann.locator(".sc-ann-reveal").count() == 0
        assert ann.locator(".sc-ann-commit").is_disabled()

        # 1. Click into the article first, as a student does: JupyterLab activates the cell
        # (its frame changes, and the text may reflow) before any drag starts.
        ann.locator(".sc-ann-article").click(position={"x": 8, "y": 8})
        page.wait_for_timeout(500)
        # Drag-select inside "expressed doubt" (snaps to both words), press 1 (hedge).
        doubt = drag_select(page, text, "expressed doubt")
        page.keyboard.press("1")
        wait_text(ann.locator(".sc-ann-mine"), "Your marks (1)", run, "first mark")
        could = drag_select(page, text, "could", inside=False)
        page.keyboard.press("1")
        wait_text(ann.locator(".sc-ann-mine"), "Your marks (2)", run, "second mark")
        # Keyboard only: Escape, then the first word and Shift+Right to the second; 3 = weasel.
        article = ann.locator(".sc-ann-article")
        article.focus()
        for key in ("Escape", "ArrowRight", "Shift+ArrowRight", "3"):
            page.keyboard.press(key)
        wait_text(ann.locator(".sc-ann-mine"), "Your marks (3)", run, "keyboard mark")
        nato = [0, text.index("soldiers") + len("soldiers"), "weasel"]
        first_answer = sorted([[*doubt, "hedge"], [*could, "hedge"], nato])
        assert saved_when(store, lambda w: len(w["spans"]) == 3)["spans"] == first_answer

        # 2. Commit, then reveal.
        ann.locator(".sc-ann-commit").click()
        ann.locator(".sc-ann-reveal").click()
        wait_text(ann.locator(".sc-ann-results"), "How far you agree", run, "reveal")
        machine = machine_spans(flagship_analysis, "certainty")
        assert wait_count(ann.locator(".sc-ref"), len(machine)) >= len(machine)
        expected = agreement(
            [tuple(s) for s in first_answer],
            [(m["start"], m["end"], m["label"]) for m in machine],
            text=text,
            labels=["hedge", "booster", "weasel"],
        )
        hedge_row = ann.locator(".sc-ann-score-hedge td").all_text_contents()
        hedge = expected.score("hedge")
        assert hedge_row[:3] == ["hedge", "2", str(hedge.reference)], hedge_row
        assert hedge_row[5] == f"{round(hedge.f1 * 100)}%", hedge_row
        overall = ann.locator(".sc-ann-overall").text_content()
        assert f"before the reveal: {round(expected.f1 * 100)}%" in overall

        # 3. Flag the machine's first span as wrong, with a reason.
        target = f"{machine[0]['start']}-{machine[0]['end']}-{machine[0]['label']}"
        row = ann.locator(f'.sc-ann-row[data-id="{target}"]')
        row.locator(".sc-ann-reason").fill(REASON)
        row.locator(".sc-ann-flag-btn").click()
        wait_text(row, REASON, run, "flag")
        # The disagreement list gives the machine's explanation and says it is not rated.
        assert "Why: " in row.text_content() and "Confidence: " in row.text_content()

        # 4. A second version: add "Believe me" as a booster (key 2).
        believe = drag_select(page, text, "Believe me")
        page.keyboard.press("2")
        wait_text(ann.locator(".sc-ann-mine"), "Your second version (4)", run, "second version")
        # A page tall enough for the whole widget, so the picture is not cut off.
        page.set_viewport_size({"width": 1100, "height": 2400})
        page.wait_for_timeout(500)
        ann.scroll_into_view_if_needed()
        ann.screenshot(path=str(readme_image("annotator.png")))
        page.set_viewport_size(lab.VIEWPORT)

        saved = saved_when(store, lambda w: len(w["spans"]) == 4 and w["flags"])
        assert saved["frozen"] == first_answer and saved["revealed"] is True
        assert saved["agreement"] == pytest.approx(expected.f1)  # for the class overview
        # The browser copy drawn inside the annotator keeps the work in localStorage too.
        page.wait_for_function(
            "key => (localStorage.getItem(key) || '').includes('annotator-certainty')",
            arg=f"sourcecrit-work:{LEARNER}",
            timeout=STEP_TIMEOUT_MS,
        )
        assert [*believe, "booster"] in saved["spans"]
        assert saved["flags"][target]["reason"] == REASON

        # 5. Restart the kernel, run everything again: it all comes back from disk.
        ex.restart_and_run_all(page, run, NOTEBOOK, dialog_timeout_ms=STEP_TIMEOUT_MS)
        ann = page.locator(".sc-annotator").first
        wait_text(ann, "Your answer before the reveal (kept)", run, "restored reveal")
        frozen = ann.locator(".sc-ann-frozen").text_content()
        assert "“expressed doubt” (hedge)" in frozen and "“could” (hedge)" in frozen
        assert "Believe me" not in frozen
        assert "Your second version (4)" in ann.locator(".sc-ann-mine").text_content()
        assert REASON in ann.locator(f'.sc-ann-row[data-id="{target}"]').text_content()
        assert ann.locator(".sc-ref").count() >= len(machine)
    finally:
        page.context.close()
