"""``sourcecrit lab``: start JupyterLab on the lessons."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``lab`` command to the ``sourcecrit`` parser."""
    p = subparsers.add_parser(
        "lab",
        help="open JupyterLab on the lessons",
        description="Start JupyterLab on the lesson notebooks.",
    )
    p.add_argument("--port", type=int, default=8888, help="port to serve on (default 8888)")
    p.add_argument("--no-browser", action="store_true", help="do not open a browser")
    p.add_argument("--dir", help="folder to open (default: the lessons folder)")
    p.set_defaults(func=run)


def lessons_dir() -> Path:
    """Return the lessons folder: ``notebooks/`` of a source checkout, else the cwd."""
    checkout = Path(__file__).resolve().parents[3] / "notebooks"
    return checkout if checkout.is_dir() else Path.cwd()


def run(args: argparse.Namespace) -> int:
    """Run ``sourcecrit lab``; return JupyterLab's exit status."""
    import importlib.util

    from sourcecrit.errors import SourcecritError

    if importlib.util.find_spec("jupyterlab") is None:
        raise SourcecritError(
            'JupyterLab is not installed here: pip install "sourcecrit[lab]" (or run make lab).'
        )
    folder = Path(args.dir) if args.dir else lessons_dir()
    if not folder.is_dir():
        raise SourcecritError(f"{folder}: no such folder.")
    command = [
        sys.executable,
        "-m",
        "jupyterlab",
        f"--ServerApp.root_dir={folder}",
        f"--port={args.port}",
    ]
    if args.no_browser:
        command.append("--no-browser")
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        # Containers and CI machines often run as root; JupyterLab refuses to without this.
        command.append("--allow-root")
    return subprocess.call(command, env=os.environ.copy())
