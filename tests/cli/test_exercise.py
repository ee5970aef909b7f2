"""``sourcecrit exercise``'s speed-related promises (the CLI cases live in tests/exercises)."""

from __future__ import annotations

from pathlib import Path

import nbformat

from sourcecrit.exercises import build_notebook, load_exercise, notebook_text

FLAGSHIP = Path(__file__).resolve().parents[2] / "exercises" / "nato-in-ukraine"


def test_notebook_text_is_what_nbformat_writes():
    # notebook_text builds the JSON itself (nbformat takes seconds to import); the bytes
    # must stay those nbformat writes, or every committed notebook would read as stale.
    exercise = load_exercise(FLAGSHIP)
    nb = build_notebook(exercise)
    nbformat.validate(nb)
    assert notebook_text(exercise) == nbformat.writes(nb) + "\n"
