"""Fixtures for the attribution tests: the flagship article analysed once per session."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def flagship_doc(flagship_analysis):
    """The flagship article's Doc, processed by the full pipeline (tests/conftest.py)."""
    return flagship_analysis.doc


@pytest.fixture(scope="session")
def flagship_records(flagship_doc):
    return list(flagship_doc._.sc_attributions)


@pytest.fixture(scope="session")
def attribute(nlp):
    """Return a function that runs the pipeline on a short text and returns its records."""

    def run(text: str) -> list[dict]:
        return list(nlp(text)._.sc_attributions)

    return run


@pytest.fixture(scope="session")
def one():
    """Return a function that picks the single record with a given cue (and fails otherwise)."""

    def pick(records: list[dict], cue: str) -> dict:
        hits = [r for r in records if r["cue"] == cue]
        assert len(hits) == 1, f"expected one attribution with cue {cue!r}, got {records}"
        return hits[0]

    return pick
