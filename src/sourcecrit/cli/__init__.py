"""The ``sourcecrit`` command: one module per command, each parsing and delegating.

Every ``cli/<command>.py`` has ``register(subparsers)`` (adds its subparser and sets
``func=run``) and ``run(args) -> int`` (the exit status); :mod:`sourcecrit.cli.main` wires
them together. Nothing here imports spaCy, pandas or the widgets at module level, so
``sourcecrit --help`` answers at once.
"""

from sourcecrit.cli.main import build_parser, main

__all__ = ["build_parser", "main"]
