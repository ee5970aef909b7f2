"""Fixtures for the UI tests: a real JupyterLab server and a real headless Chromium.

Everything runs offline and in scratch folders: the lessons are copied to a temporary
directory before the browser runs them (committed notebooks stay output-free), Jupyter's
config, data and runtime folders point at that scratch space (nothing from the user's
``~/.jupyter`` leaks in, nothing is written there), and every server is started in its own
process group so teardown can stop it together with its kernels.
"""

from __future__ import annotations

import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace

import pytest

REPO = Path(__file__).resolve().parents[2]
#: Set to 1 to rewrite the README's screenshots in docs/images from this run; otherwise
#: they go to a scratch folder, so a test run leaves the checkout as it was.
README_IMAGES_ENV = "SOURCECRIT_README_IMAGES"


def readme_image(name: str) -> Path:
    """Return where the browser tests save the screenshot the README shows as ``name``."""
    if os.environ.get(README_IMAGES_ENV) == "1":
        folder = REPO / "docs" / "images"
    else:
        import tempfile

        folder = Path(tempfile.gettempdir()) / "sourcecrit-screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / name


NOTEBOOKS = REPO / "notebooks"
CHROMIUM = Path("/usr/bin/chromium")
# Flags for Chromium inside a container with no internet: no sandbox (we may be root),
# no GPU, and none of the background calls home that would only time out.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Kernel start plus loading the spaCy model takes ~20 s on two busy cores; be generous.
SERVER_START_TIMEOUT = 90.0
STOP_TIMEOUT = 15.0

# Settings that keep JupyterLab from reaching the internet: no news feed, no update
# check, and an extension manager that does not query PyPI.
OFFLINE_LAB_ARGS = [
    "--LabApp.news_url=None",
    "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
    "--LabApp.extension_manager=readonly",
]


@dataclass(frozen=True)
class LabServer:
    """A running JupyterLab: where it listens, its token, and the folder it serves."""

    url: str
    token: str
    root: Path
    process: subprocess.Popen

    def lab_url(self, path: str = "", *, workspace: str | None = None) -> str:
        """Return the browser URL of ``path`` (a notebook in ``root``), token included.

        Args:
            path: notebook to open, relative to ``root``; empty for the bare ``/lab``.
            workspace: a named JupyterLab workspace, so tabs of other pages are not restored.
        """
        space = f"/workspaces/{workspace}" if workspace else ""
        tree = f"/tree/{path}" if path else ""
        return f"{self.url}/lab{space}{tree}?token={self.token}"


def free_port() -> int:
    """Return a TCP port that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def http_status(url: str, *, timeout: float = 5.0) -> int | None:
    """Return the HTTP status of GET ``url`` without following redirects; None if down."""

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(url, timeout=timeout) as response:
            return int(response.status)
    except urllib.error.HTTPError as exc:
        return int(exc.code)
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return None


def wait_until_serving(
    url: str, process: subprocess.Popen, *, timeout: float = SERVER_START_TIMEOUT
) -> int:
    """Poll ``url`` until it answers 200; fail with the server log if it dies or times out."""
    deadline = time.monotonic() + timeout
    status = None
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(
                f"server exited with status {process.returncode} before serving {url}:\n"
                + server_log(process)
            )
        status = http_status(url)
        if status == 200:
            return status
        time.sleep(0.5)
    pytest.fail(f"{url} did not answer 200 within {timeout:.0f} s (last status {status})")


def server_log(process: subprocess.Popen) -> str:
    """Return the tail of the server's log file (its stdout and stderr), for failure messages."""
    log = getattr(process, "log_path", None)
    if log is None or not Path(log).exists():
        return "(no log)"
    return Path(log).read_text(encoding="utf-8", errors="replace")[-4000:]


def start_in_own_group(
    command: list[str], *, env: dict[str, str], log_path: Path, cwd: Path | None = None
) -> subprocess.Popen:
    """Start ``command`` as the leader of a new process group, logging to ``log_path``.

    A new session makes the server, its kernels and (for ``sourcecrit lab``) the wrapping
    CLI process one group that :func:`stop_group` can signal at once.
    """
    log = open(log_path, "wb")
    try:
        process = subprocess.Popen(
            command,
            env=env,
            cwd=cwd,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    finally:
        log.close()
    process.log_path = log_path  # type: ignore[attr-defined]
    return process


def stop_group(process: subprocess.Popen, *, timeout: float = STOP_TIMEOUT) -> int:
    """Stop the process group led by ``process``: SIGTERM first, SIGKILL if it lingers.

    Returns the leader's exit status.
    """
    # Kernels run in sessions of their own, out of reach of the group signal; note them now.
    stragglers = descendants(process.pid)
    if process.poll() is None:
        _signal_group(process, signal.SIGTERM)
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            _signal_group(process, signal.SIGKILL)
            process.wait(timeout=timeout)
    # Kernels can outlive a leader that has already gone; make sure none stays behind.
    _signal_group(process, signal.SIGKILL)
    for pid in stragglers:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    return int(process.returncode)


def descendants(pid: int) -> list[int]:
    """Return the ids of all processes below ``pid`` (Linux /proc; empty elsewhere)."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def _signal_group(process: subprocess.Popen, sig: int) -> None:
    try:
        os.killpg(process.pid, sig)
    except ProcessLookupError:
        pass


def jupyter_env(scratch: Path, *, token: str) -> dict[str, str]:
    """Return an environment for a Jupyter server that lives entirely in ``scratch``."""
    env = os.environ.copy()
    for name in ("config", "data", "runtime"):
        (scratch / name).mkdir(parents=True, exist_ok=True)
    env.update(
        JUPYTER_TOKEN=token,
        JUPYTER_CONFIG_DIR=str(scratch / "config"),
        JUPYTER_DATA_DIR=str(scratch / "data"),
        JUPYTER_RUNTIME_DIR=str(scratch / "runtime"),
        # Notebooks that save student answers write here, not into the home directory.
        SOURCECRIT_PROGRESS_DIR=str(scratch / "progress"),
        # The venv's kernel must be the one that runs; a parent's venv must not interfere.
        PYTHONNOUSERSITE="1",
    )
    env.pop("JUPYTER_PATH", None)
    # Answer JupyterLab's "get notified about news?" question up front: the toast would
    # cover the page, and the answer we want offline is no.
    settings = scratch / "config" / "lab" / "user-settings" / "@jupyterlab" / "apputils-extension"
    settings.mkdir(parents=True, exist_ok=True)
    (settings / "notification.jupyterlab-settings").write_text(
        '{"fetchNews": "false", "checkForUpdates": false}', encoding="utf-8"
    )
    return env


@pytest.fixture(scope="session")
def lab_helpers() -> SimpleNamespace:
    """The server helpers above, for test modules.

    Test modules cannot import this conftest by name under ``--import-mode=importlib``.
    """
    return SimpleNamespace(
        free_port=free_port,
        http_status=http_status,
        jupyter_env=jupyter_env,
        server_log=server_log,
        start_in_own_group=start_in_own_group,
        stop_group=stop_group,
        wait_until_serving=wait_until_serving,
    )


@pytest.fixture(scope="session")
def lessons_copy(tmp_path_factory) -> Path:
    """A throw-away copy of ``notebooks/`` for the browser to run and save into."""
    root = tmp_path_factory.mktemp("lessons")
    for nb in sorted(NOTEBOOKS.glob("*.ipynb")):
        shutil.copy2(nb, root / nb.name)
    return root


@pytest.fixture(scope="session")
def lab_server(tmp_path_factory, lessons_copy: Path) -> Iterator[LabServer]:
    """A real JupyterLab serving :func:`lessons_copy`, with the app exposed to the page.

    ``expose_app_in_browser`` puts the application on ``window.jupyterapp`` so tests can
    run JupyterLab commands (``notebook:run-all-cells``) the same way the menu does.
    """
    scratch = tmp_path_factory.mktemp("jupyter")
    token = secrets.token_hex(16)
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "jupyterlab",
        "--no-browser",
        "--ServerApp.open_browser=False",
        "--ServerApp.ip=127.0.0.1",
        f"--port={port}",
        "--ServerApp.port_retries=0",
        f"--ServerApp.root_dir={lessons_copy}",
        f"--IdentityProvider.token={token}",
        "--LabApp.expose_app_in_browser=True",
        *OFFLINE_LAB_ARGS,
    ]
    if os.geteuid() == 0:
        # Containers often run tests as root, which Jupyter refuses without this flag.
        command.append("--allow-root")
    process = start_in_own_group(
        command, env=jupyter_env(scratch, token=token), log_path=scratch / "server.log"
    )
    server = LabServer(f"http://127.0.0.1:{port}", token, lessons_copy, process)
    try:
        wait_until_serving(f"{server.url}/api/status?token={token}", process)
        yield server
    finally:
        stop_group(process)


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium driven by Playwright (never a downloaded browser)."""
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing: `make test` installs it with apt-get")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        try:
            yield browser
        finally:
            browser.close()
