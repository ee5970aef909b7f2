"""`make lab` and `sourcecrit lab` really serve JupyterLab on the lessons (HTTP 200 on /lab).

The server is the real console script from the venv, started in its own process group and
stopped with SIGTERM (what Ctrl+C in a terminal amounts to), so the test also shows that it
shuts down and frees its port. No browser is involved here; see test_lab_browser.py.
"""

from __future__ import annotations

import json
import secrets
import shlex
import shutil
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

from sourcecrit.cli.lab import lessons_dir

REPO = Path(__file__).resolve().parents[2]
SOURCECRIT = Path(sys.executable).with_name("sourcecrit")


def make_lab_command(port: int) -> list[str]:
    """Return the command `make lab PORT=port` runs, read from the Makefile with `make -n`.

    A dry run prints the recipe without running it, so a stale venv stamp does not make
    this test reinstall packages; only the line that starts the server is kept.
    """
    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    dry = subprocess.run(
        ["make", "-n", "--no-print-directory", "lab", f"PORT={port}"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    )
    lines = [line for line in dry.stdout.splitlines() if " lab" in line and "sourcecrit" in line]
    assert lines, f"no `sourcecrit lab` line in `make -n lab`:\n{dry.stdout}"
    return shlex.split(lines[-1])


def cli_command(port: int) -> list[str]:
    """Return `sourcecrit lab --no-browser --port port` with the venv's console script."""
    return [str(SOURCECRIT), "lab", "--no-browser", "--port", str(port)]


def get_json(url: str):
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.loads(response.read().decode("utf-8"))


def get_text(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode("utf-8")


@pytest.mark.parametrize("how", ["make lab", "sourcecrit lab --no-browser"])
def test_lab_serves_jupyterlab_on_the_lessons(how, tmp_path, lab_helpers):
    h = lab_helpers
    port = h.free_port()
    command = make_lab_command(port) if how == "make lab" else cli_command(port)
    token = secrets.token_hex(16)
    env = h.jupyter_env(tmp_path, token=token)
    # `make lab` opens a browser; BROWSER=true makes "opening" it a no-op command.
    env["BROWSER"] = "true"
    server = h.start_in_own_group(command, env=env, log_path=tmp_path / "server.log", cwd=REPO)
    base = f"http://127.0.0.1:{port}"
    try:
        assert h.wait_until_serving(f"{base}/lab?token={token}", server) == 200

        page = get_text(f"{base}/lab?token={token}")
        assert '"appName": "JupyterLab"' in page, page[:500]
        # The token is really required: without it /lab sends the visitor to log in.
        assert h.http_status(f"{base}/lab") in (302, 403)
        # It serves the lessons folder, not wherever the command was started from.
        listing = get_json(f"{base}/api/contents?token={token}")
        served = {item["name"] for item in listing["content"]}
        lessons = {p.name for p in lessons_dir().glob("*.ipynb")}
        assert lessons and lessons <= served, (sorted(lessons), sorted(served))
    finally:
        h.stop_group(server)
    assert h.http_status(f"{base}/lab?token={token}") is None, "server still answers"
    log = h.server_log(server)
    assert "Traceback" not in log, log
