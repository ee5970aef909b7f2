"""Leaving the page in a real JupyterLab: the launcher's links open new tabs, the log saves.

A scratch notebook shows the search launcher and the reading log for the flagship. The test
clicks a link (a new tab opens at the expected address; the browser is answered locally, so
nothing goes onto the network), fills one reading-log row, restarts the kernel with
JupyterLab's own command, runs everything again, and finds the row restored.
"""

from __future__ import annotations

import pytest

from sourcecrit.lateral import search_links

from . import test_exercise_browser as exercise
from . import test_lab_browser as lab

pytestmark = pytest.mark.browser

NOTEBOOK = "lateral-reading.ipynb"
CELLS = [
    "from pathlib import Path\n"
    "import sourcecrit\n"
    "from sourcecrit.work.learner import set_learner\n"
    "set_learner('Ada')\n"
    "analysis = sourcecrit.analyze(Path(sourcecrit.example_article_path()))",
    "from sourcecrit.widgets.lateral import reading_log, search_launcher\nsearch_launcher(analysis)",
    "reading_log(analysis)",
]
PAGE = "https://en.wikipedia.org/wiki/Izvestia"


def test_launcher_opens_a_tab_and_the_reading_log_survives_a_restart(
    browser, lab_server, tmp_path, flagship_analysis
):
    lab.write_notebook(lab_server.root / NOTEBOOK, CELLS)
    run = lab.run_in_lab(browser, lab_server, NOTEBOOK, tmp_path)
    page = run.page
    # Answer every outside address locally: a clicked link opens its tab, offline.
    page.context.route(
        lambda url: not url.startswith(lab_server.url),
        lambda route: route.fulfill(status=200, content_type="text/html", body="<p>offline</p>"),
    )
    try:
        lab.assert_no_errors(run)
        links = page.locator("a.sc-search-link")
        expected = search_links(flagship_analysis)
        assert links.count() == len(expected), run.describe()

        first = links.first
        first.scroll_into_view_if_needed()
        assert first.get_attribute("target") == "_blank"
        with page.context.expect_page() as opened:
            first.click()
        tab = opened.value
        tab.wait_for_load_state()
        assert tab.url == expected["url"].iloc[0]
        tab.close()

        log = page.locator(".sourcecrit-reading-log")
        log.scroll_into_view_if_needed()
        inputs = log.locator("input[type=text]")
        inputs.nth(0).fill(PAGE)
        inputs.nth(1).fill("Owner and history of the paper")
        log.locator("select").select_option(label="does not mention")
        log.get_by_role("button", name="Add to my log").click()
        log.get_by_text("en.wikipedia.org").wait_for(timeout=exercise.FEEDBACK_TIMEOUT_MS)
        saved = [p for p in exercise.progress_dir(lab_server).glob("*/reading-log--*.json")]
        assert saved, "the row was not saved in the kernel's progress folder"

        exercise.restart_and_run_all(page, run, NOTEBOOK)
        restored = page.locator(".sourcecrit-reading-log")
        restored.scroll_into_view_if_needed()
        assert "en.wikipedia.org" in restored.text_content()
        assert "does not mention" in restored.text_content()
    finally:
        page.context.close()
