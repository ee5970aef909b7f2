"""The lessons really render in a real JupyterLab, driven by a real headless Chromium.

Each notebook is run the way a student runs it: opened at ``/lab/tree/<name>`` and executed
with JupyterLab's own ``notebook:run-all-cells`` command (what *Run > Run All Cells* does).
The tests then read both the notebook model (execution counts, output types) and the page
(what the browser actually drew). Notebooks are copies in a scratch folder, so running them
never writes outputs into ``notebooks/``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from .conftest import readme_image

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[2]
NOTEBOOKS = REPO / "notebooks"
# Made by test_prebunking_quiz_scores_discernment, shown in the README.
LESSONS = sorted(p.name for p in NOTEBOOKS.glob("*.ipynb"))
# Lesson 00 shows the plain article: the student reads it before anything is revealed.
FIRST_READ = "00-first-read.ipynb"
# Opening JupyterLab, starting a kernel and loading spaCy takes ~10 s here; leave room for
# a machine that is busy running the rest of the suite.
OPEN_TIMEOUT_MS = 90_000
CELL_TIMEOUT_MS = 45_000
RENDER_TIMEOUT_MS = 30_000
VIEWPORT = {"width": 1280, "height": 900}

WIDGET_MIME = "application/vnd.jupyter.widget-view+json"
# What an output shows while a widget's model has not reached the page, or when it never will.
WIDGET_LOADING = "Loading widget"
WIDGET_FAILURES = ("Error displaying widget", WIDGET_LOADING)

# Starts JupyterLab's own run-all command (NotebookActions.runAll, which resolves once the
# last cell is done) and returns at once; the outcome lands in window.__scRun. Nothing here
# blocks: a page stuck re-rendering could never answer a blocking call, while Playwright's
# wait_for_function times out on the driver side. A MutationObserver notes when the
# notebook's DOM last changed, so the test can wait for the page to settle.
START_RUN_JS = """
path => {
  const app = window.jupyterapp;
  const panel = app.shell.currentWidget;
  window.__scRun = {done: false};
  if (!panel || !panel.context || panel.context.path !== path) {
    window.__scRun = {done: true, error: `current widget is not ${path}`};
    return;
  }
  window.__scLastChange = performance.now();
  new MutationObserver(() => { window.__scLastChange = performance.now(); })
    .observe(panel.content.node, {childList: true, subtree: true, characterData: true});
  panel.context.ready
    .then(() => panel.sessionContext.ready)
    .then(() => app.commands.execute('notebook:run-all-cells'))
    .then(ok => { window.__scRun = {done: true, ok}; }, err => { window.__scRun = {done: true, error: String(err)}; });
}
"""
# Resolves (truthy) when run-all is over or more than `seen` cells have an execution count.
EXECUTED_JS = """
seen => {
  const panel = window.jupyterapp.shell.currentWidget;
  const executed = panel.content.widgets
    .filter(c => c.model.type === 'code' && c.model.executionCount !== null).length;
  return (window.__scRun.done || executed > seen) && {done: window.__scRun.done, executed};
}
"""
# The notebook kernel's status ("idle", "busy", ...), or null when there is no kernel.
KERNEL_STATUS_JS = """
() => {
  const panel = window.jupyterapp.shell.currentWidget;
  const kernel = panel.sessionContext.session && panel.sessionContext.session.kernel;
  return kernel ? kernel.status : null;
}
"""
KERNEL_IDLE_JS = f"() => ({KERNEL_STATUS_JS.strip()})() === 'idle'"
KERNEL_IDLE_TIMEOUT_MS = 30_000
# How long the notebook's DOM must stay unchanged to count as rendered.
QUIET_MS = 1500

# One record per code cell: what the model holds and what the page shows for each output.
CELLS_JS = """
() => {
  const panel = window.jupyterapp.shell.currentWidget;
  return panel.content.widgets
    .filter(cell => cell.model.type === 'code')
    .map(cell => {
      const outputs = cell.model.outputs.toJSON();
      const nodes = Array.from(cell.outputArea.node.children)
        .map(child => child.querySelector('.jp-OutputArea-output'));
      return {
        source: cell.model.sharedModel.getSource(),
        execution_count: cell.model.executionCount,
        outputs: outputs.map((o, i) => ({
          output_type: o.output_type,
          name: o.name || null,
          ename: o.ename || null,
          evalue: o.evalue || null,
          mimes: Object.keys(o.data || {}),
          text: typeof o.text === 'string' ? o.text : (o.text || []).join(''),
          html: (o.data && o.data['text/html']) ?
            [].concat(o.data['text/html']).join('') : '',
          shown_text: nodes[i] ? nodes[i].innerText : null,
          has_widget_view: nodes[i] ? !!nodes[i].querySelector('.jupyter-widgets') : false,
          // ipywidgets draws this box when a view cannot be created (unknown module etc.).
          widget_error: nodes[i] ? !!nodes[i].querySelector('.jupyter-widgets-error-widget')
            : false,
          has_chart: nodes[i] ? !!nodes[i].querySelector('.vega-embed svg, .vega-embed canvas')
            : false,
        })),
      };
    });
}
"""

# True once every widget output has drawn something (its view, or ipywidgets' error box)
# and nothing in the notebook has changed for quietMs.
SETTLED_JS = """
([mime, loading, quietMs]) => {
  const panel = window.jupyterapp.shell.currentWidget;
  if (performance.now() - window.__scLastChange < quietMs) return false;
  return panel.content.widgets.filter(c => c.model.type === 'code').every(cell => {
    const outputs = cell.model.outputs.toJSON();
    const children = Array.from(cell.outputArea.node.children);
    return outputs.every((o, i) => {
      if (!(o.data && o.data[mime])) return true;
      const node = children[i] && children[i].querySelector('.jp-OutputArea-output');
      return !!node && !!node.querySelector('.jupyter-widgets')
        && !(node.innerText || '').includes(loading);
    });
  });
}
"""


@dataclass
class NotebookRun:
    """What running one notebook in the browser produced."""

    name: str
    page: object  # playwright Page, left open for DOM assertions
    cells: list[dict]
    screenshot: Path
    external_requests: list[str] = field(default_factory=list)

    def outputs(self) -> list[dict]:
        return [o for cell in self.cells for o in cell["outputs"]]

    def describe(self) -> str:
        return f"{self.name} (screenshot: {self.screenshot})"


def run_in_lab(browser, server, name: str, shots: Path) -> NotebookRun:
    """Open ``name`` in JupyterLab in a fresh browser context and run all its cells."""
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    external: list[str] = []
    page.on(
        "request",
        lambda request: (
            # blob: URLs of the server's own page (anywidget's front-end modules) stay local.
            None
            if request.url.startswith((server.url, f"blob:{server.url}"))
            else external.append(request.url)
        ),
    )
    # A workspace of its own per run, so JupyterLab does not reopen earlier runs' tabs.
    page.goto(server.lab_url(name, workspace=Path(name).stem), timeout=OPEN_TIMEOUT_MS)
    page.wait_for_function(
        """path => window.jupyterapp && window.jupyterapp.shell.currentWidget
           && window.jupyterapp.shell.currentWidget.context
           && window.jupyterapp.shell.currentWidget.context.path === path""",
        arg=name,
        timeout=OPEN_TIMEOUT_MS,
    )
    page.evaluate(START_RUN_JS, name)
    screenshot = shots / f"{Path(name).stem}.png"
    # Wait cell by cell: a slow lesson may take minutes, but a page that finishes no cell
    # for CELL_TIMEOUT_MS is stuck (a busy page starves JupyterLab of its turn to run).
    executed = 0
    while True:
        try:
            handle = page.wait_for_function(
                EXECUTED_JS, arg=executed, timeout=CELL_TIMEOUT_MS, polling=500
            )
        except PlaywrightTimeout:
            _fail(
                page,
                screenshot,
                f"{name}: no cell finished for {CELL_TIMEOUT_MS} ms after {executed} had run",
            )
        progress = handle.json_value()
        if progress["done"]:
            break
        executed = progress["executed"]
    result = page.evaluate("() => window.__scRun")
    if "error" in result:
        _fail(page, screenshot, f"{name}: {result['error']}")
    # run-all resolves on the last execute_reply; the kernel's "idle" status comes on another
    # channel and may land a moment later, so wait for it rather than sample it once.
    try:
        page.wait_for_function(KERNEL_IDLE_JS, timeout=KERNEL_IDLE_TIMEOUT_MS, polling=200)
    except PlaywrightTimeout:
        status = page.evaluate(KERNEL_STATUS_JS)
        _fail(
            page,
            screenshot,
            f"{name}: kernel still {status} {KERNEL_IDLE_TIMEOUT_MS} ms after run-all ended",
        )
    try:
        page.wait_for_function(
            SETTLED_JS, arg=[WIDGET_MIME, WIDGET_LOADING, QUIET_MS], timeout=RENDER_TIMEOUT_MS
        )
    except PlaywrightTimeout:
        _fail(
            page,
            screenshot,
            f"{name}: outputs still changing {RENDER_TIMEOUT_MS} ms after the run (a widget "
            "that never loads, or a chart re-rendering in a loop, e.g. width='container')",
        )
    page.screenshot(path=str(screenshot), full_page=True)
    return NotebookRun(name, page, page.evaluate(CELLS_JS), screenshot, external)


def _fail(page, screenshot: Path, message: str) -> None:
    """Close the page (a looping page must not keep a core busy) and fail with ``message``."""
    try:
        page.screenshot(path=str(screenshot), timeout=10_000)
        message += f"; screenshot {screenshot}"
    except PlaywrightError:
        pass
    page.context.close()
    pytest.fail(message)


def write_notebook(path: Path, sources: list[str]) -> str:
    """Write a notebook of code cells to ``path`` (Python 3 kernel); return its file name."""
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nb.cells = [nbformat.v4.new_code_cell(source) for source in sources]
    nbformat.write(nb, path)
    return path.name


@pytest.fixture(scope="session")
def shots(tmp_path_factory) -> Path:
    """Where screenshots go: one per notebook run, kept for looking at failures."""
    return tmp_path_factory.mktemp("screenshots")


@pytest.fixture(scope="session")
def lesson_runs(browser, lab_server, shots):
    """Run each lesson at most once per session; several tests read the same run."""
    runs: dict[str, NotebookRun] = {}
    failures: dict[str, str] = {}

    def get(name: str) -> NotebookRun:
        # A run that failed fails every test that reads it, without running it again.
        if name in failures:
            pytest.fail(f"(same run as an earlier test) {failures[name]}")
        if name not in runs:
            try:
                runs[name] = run_in_lab(browser, lab_server, name, shots)
            except (AssertionError, pytest.fail.Exception) as exc:
                failures[name] = str(exc)
                raise
        return runs[name]

    yield get
    for run in runs.values():
        run.page.context.close()


@pytest.fixture()
def run_notebook(browser, lab_server, shots):
    """Write a scratch notebook into the served folder, run it, close it afterwards."""
    opened: list[NotebookRun] = []

    def run(name: str, sources: list[str]) -> NotebookRun:
        write_notebook(lab_server.root / name, sources)
        opened.append(run_in_lab(browser, lab_server, name, shots))
        return opened[-1]

    yield run
    for notebook in opened:
        notebook.page.context.close()


def assert_no_errors(run: NotebookRun) -> None:
    """Nothing raised or printed a traceback, and every code cell ran, in order."""
    # Errors first: a cell that raises stops run-all, and its message says why.
    errors = [f"{o['ename']}: {o['evalue']}" for o in run.outputs() if o["output_type"] == "error"]
    assert errors == [], run.describe()
    tracebacks = [o["text"] for o in run.outputs() if "Traceback" in (o["text"] or "")]
    assert tracebacks == [], run.describe()
    shown = run.page.locator(".jp-OutputArea-output").filter(has_text="Traceback")
    assert shown.count() == 0, run.describe()
    counts = [cell["execution_count"] for cell in run.cells]
    assert counts == list(range(1, len(counts) + 1)), f"{run.describe()}: counts {counts}"


@pytest.mark.parametrize("lesson", LESSONS)
def test_lesson_runs_without_errors(lesson, lesson_runs):
    assert_no_errors(lesson_runs(lesson))


@pytest.mark.parametrize("lesson", LESSONS)
def test_lesson_widgets_render(lesson, lesson_runs):
    run = lesson_runs(lesson)
    widgets = [o for o in run.outputs() if WIDGET_MIME in o["mimes"]]
    broken = [
        o["shown_text"]
        for o in widgets
        if not o["has_widget_view"]
        or o["widget_error"]
        or any(f in (o["shown_text"] or "") for f in WIDGET_FAILURES)
    ]
    assert broken == [], run.describe()


def is_chart(output: dict) -> bool:
    # Altair's HTML fallback loads vega-embed; the mimetype route carries a vega-lite spec.
    return any(m.startswith("application/vnd.vegalite") for m in output["mimes"]) or (
        "vegaEmbed" in output["html"]
    )


def test_lesson_charts_render_offline(lesson_runs):
    # JupyterLab draws vega-lite v5 itself; a chart that needs a CDN stays blank offline.
    runs = [lesson_runs(lesson) for lesson in LESSONS]
    charts = [(run.name, o) for run in runs for o in run.outputs() if is_chart(o)]
    blank = [(name, o["shown_text"]) for name, o in charts if not o["has_chart"]]
    assert blank == [], [run.describe() for run in runs]


def test_first_read_shows_the_plain_article(lesson_runs):
    run = lesson_runs(FIRST_READ)
    article = run.page.locator(".sc-article")
    assert article.count() == 1, run.describe()
    article.scroll_into_view_if_needed()
    assert article.is_visible(), run.describe()
    first_claim = article.get_by_text("NATO soldiers are indeed present").first
    first_claim.scroll_into_view_if_needed()
    assert first_claim.is_visible(), run.describe()
    # Nothing revealed: no mark (nor a legend entry for one), no hover explanation.
    assert article.locator('span[class^="sc-"]').count() == 0, run.describe()
    assert article.locator("[title]").count() == 0, run.describe()

    # Nothing on this page needs the internet: JupyterLab's news and update checks are off,
    # and the lesson itself ships everything it shows.
    assert run.external_requests == [], run.describe()


def test_highlight_shows_every_mark_with_its_title(run_notebook, flagship_analysis):
    from sourcecrit.viz import highlight

    run = run_notebook(
        "scratch-highlight.ipynb",
        [
            "import sourcecrit\n"
            "from sourcecrit.viz import highlight\n"
            "analysis = sourcecrit.analyze(sourcecrit.example_article_path())\n"
            "highlight(analysis)",
        ],
    )
    assert_no_errors(run)
    article = run.page.locator(".sc-article")
    assert article.count() == 1, run.describe()
    # The page shows every mark the library made for this article (nothing sanitised away),
    # and each mark carries the explanation students read on hover.
    expected = re.findall(r'<span class="(sc-[^"]+)" title="', str(highlight(flagship_analysis)))
    marks = article.locator('p:not(.sc-legend) span[class^="sc-"]')
    assert marks.count() == len(expected) > 0, run.describe()
    assert marks.evaluate_all("spans => spans.map(s => s.className)") == expected
    titles = marks.evaluate_all("spans => spans.map(s => s.title)")
    assert all(t.strip() for t in titles), run.describe()
    assert run.external_requests == [], run.describe()


def test_script_in_article_text_is_shown_not_run(run_notebook):
    run = run_notebook(
        "scratch-escaping.ipynb",
        [
            # Control: this JupyterLab does run scripts in trusted HTML output, so the check
            # below would catch an unescaped <script> in the article.
            "from IPython.display import HTML\n"
            "HTML('<script>window.__control_ran = 1</script><p>control</p>')",
            "import sourcecrit\n"
            "from sourcecrit.viz import highlight\n"
            'text = "The minister said <script>window.__pwned=1</script> it was true."\n'
            "analysis = sourcecrit.analyze(text)\n"
            "highlight(analysis)",
            # The Analysis shows its tables as HTML too; the article text is in them.
            "analysis",
        ],
    )
    assert_no_errors(run)
    page = run.page
    assert page.evaluate("() => window.__control_ran") == 1, run.describe()
    assert page.evaluate("() => typeof window.__pwned") == "undefined", run.describe()
    shown = page.locator(".sc-article").get_by_text("<script>window.__pwned=1</script>")
    assert shown.count() >= 1, run.describe()
    assert shown.first.is_visible(), run.describe()


def test_ipywidgets_render_and_sync_with_the_kernel(run_notebook):
    run = run_notebook(
        "scratch-widgets.ipynb",
        [
            "import ipywidgets\n"
            "slider = ipywidgets.IntSlider(value=3, min=0, max=10, description='Sources')\n"
            "slider",
            # Kernel -> page: a change made after display reaches the drawn slider.
            "slider.value = 7",
        ],
    )
    assert_no_errors(run)
    page = run.page
    slider = page.locator(".widget-slider").first
    slider.wait_for(state="visible", timeout=RENDER_TIMEOUT_MS)
    assert slider.locator(".widget-label").first.inner_text() == "Sources"
    readout = slider.locator(".widget-readout")
    page.wait_for_function(
        "el => el.innerText.trim() === '7'", arg=readout.element_handle(), timeout=10_000
    )

    # Page -> kernel: moving the slider with the keyboard changes the value in Python.
    slider.locator(".noUi-handle").focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function(
        "el => el.innerText.trim() === '8'", arg=readout.element_handle(), timeout=10_000
    )
    printed = page.evaluate(
        """async () => {
          const kernel = window.jupyterapp.shell.currentWidget.sessionContext.session.kernel;
          const future = kernel.requestExecute({code: 'print(slider.value)'});
          let out = '';
          future.onIOPub = msg => { if (msg.header.msg_type === 'stream') out += msg.content.text; };
          await future.done;
          return out;
        }"""
    )
    assert printed.strip() == "8", run.describe()


def test_prebunking_quiz_scores_discernment(lesson_runs):
    """Lesson 09's first quiz, answered in the page: the score is discernment (techniques
    found minus false alarms), as computed by the course; a screenshot goes to the README."""
    from sourcecrit.course import NO_TRICK, discernment, quiz_items, techniques

    run = lesson_runs("09-prebunking.ipynb")
    page = run.page
    prompt = page.locator(".sc-learner").first
    prompt.locator(".sc-learner-name input").fill("Quinn Quiz")
    prompt.locator(".sc-learner-confirm").click()
    prompt.get_by_text("Working as Quinn Quiz").wait_for(timeout=RENDER_TIMEOUT_MS)

    cell = page.locator(".jp-CodeCell").filter(has_text='prebunking_quiz("before")')
    quiz = cell.locator(".jp-OutputArea-output")
    selects = quiz.locator("select")
    items = quiz_items("before")
    assert selects.count() == len(items), run.describe()
    # Every trick named right but the last, which is named wrong (still spotted); the first
    # honest post called a trick (a false alarm), the other honest posts called honest.
    names = {t.id: t.name for t in techniques().values()}
    tricks = [i for i in items if i.technique != NO_TRICK]
    honest = [i for i in items if i.technique == NO_TRICK]
    answers = {i.id: i.technique for i in tricks[:-1]}
    answers[tricks[-1].id] = next(t for t in names if t != tricks[-1].technique)
    answers |= {i.id: NO_TRICK for i in honest}
    if honest:
        answers[honest[0].id] = next(iter(names))
    for n, item in enumerate(items):
        label = (
            "No trick: an honest post" if answers[item.id] == NO_TRICK else names[answers[item.id]]
        )
        selects.nth(n).select_option(label=label)
    quiz.get_by_role("button", name="Score my answers").click()
    expected = discernment(answers, "before")
    quiz.get_by_text(expected.summary()).wait_for(timeout=RENDER_TIMEOUT_MS)
    quiz.locator(".sc-saved").wait_for(timeout=RENDER_TIMEOUT_MS)

    page.set_viewport_size({"width": 1100, "height": 2400})
    page.wait_for_timeout(500)
    quiz.scroll_into_view_if_needed()
    quiz.screenshot(path=str(readme_image("lesson09-quiz.png")))
    page.set_viewport_size(VIEWPORT)
