"""``sourcecrit lab``: start JupyterLab on the start page, with lessons and exercises.

In a source checkout JupyterLab serves the repository's top folder, which holds
``START.ipynb`` (links to every lesson in ``notebooks/`` and every exercise in
``exercises/``; built by ``tools/build_start.py``) and opens that page. Elsewhere it serves
the current folder.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

#: The page JupyterLab opens first, in the folder it serves.
START_PAGE = "START.ipynb"


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``lab`` command to the ``sourcecrit`` parser."""
    p = subparsers.add_parser(
        "lab",
        help="open JupyterLab on the lessons and exercises",
        description=f"Start JupyterLab on the lessons and exercises and open {START_PAGE}.",
    )
    p.add_argument("--port", type=int, default=8888, help="port to serve on (default 8888)")
    p.add_argument("--no-browser", action="store_true", help="do not open a browser")
    p.add_argument(
        "--dir", help="folder to serve (default: the checkout holding notebooks/ and exercises/)"
    )
    p.set_defaults(func=run)


def lab_root() -> Path:
    """Return the folder to serve: the source checkout holding ``notebooks/``, else the cwd."""
    checkout = Path(__file__).resolve().parents[3]
    return checkout if (checkout / "notebooks").is_dir() else Path.cwd()


def lab_command(folder: Path, *, port: int, open_browser: bool) -> list[str]:
    """Return the command that serves ``folder`` with JupyterLab, opening its start page."""
    command = [
        sys.executable,
        "-m",
        "jupyterlab",
        f"--ServerApp.root_dir={folder}",
        f"--port={port}",
    ]
    if (folder / START_PAGE).is_file():
        command.append(f"--LabApp.default_url=/lab/tree/{START_PAGE}")
    if not open_browser:
        command.append("--no-browser")
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        # Containers and CI machines often run as root; JupyterLab refuses to without this.
        command.append("--allow-root")
    return command


def run(args: argparse.Namespace) -> int:
    """Run ``sourcecrit lab``; return JupyterLab's exit status."""
    import importlib.util

    from sourcecrit.errors import SourcecritError

    if importlib.util.find_spec("jupyterlab") is None:
        raise SourcecritError(
            'JupyterLab is not installed here: pip install "sourcecrit[lab]" (or run make lab).'
        )
    folder = Path(args.dir) if args.dir else lab_root()
    if not folder.is_dir():
        raise SourcecritError(f"{folder}: no such folder.")
    command = lab_command(folder, port=args.port, open_browser=not args.no_browser)
    return subprocess.call(command, env=os.environ.copy())
