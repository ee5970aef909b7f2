"""Fixtures for the hedging tests: run the full pipeline on short texts, once per session."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def cues_of(nlp):
    """Return a function giving the hedge records the pipeline finds in a text."""

    def run(text: str) -> list[dict]:
        return list(nlp(text)._.sc_hedges)

    return run


@pytest.fixture(scope="session")
def flagship_hedges(flagship_analysis):
    """The flagship article's hedge records, from the session's Analysis."""
    return list(flagship_analysis.doc._.sc_hedges)
