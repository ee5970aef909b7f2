"""Shared fixtures: the real pipeline, loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from sourcecrit.pipeline import get_nlp
from sourcecrit.resources import example_article_path

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def nlp():
    """The full sourcecrit pipeline on the real English model."""
    return get_nlp()


@pytest.fixture(scope="session")
def flagship_path() -> Path:
    return example_article_path()


@pytest.fixture(scope="session")
def flagship(flagship_path):
    """The flagship article (Izvestia, 10 March 2024) as loaded by load_article."""
    from sourcecrit import load_article

    return load_article(flagship_path)


@pytest.fixture(scope="session")
def flagship_analysis(flagship, nlp):
    from sourcecrit import analyze

    return analyze(flagship)
