"""Shared fixtures: the real pipeline, loaded once per test session."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from html.parser import HTMLParser
from pathlib import Path

import pytest

# The parsed-data cache (sourcecrit.datacache) of this test run, and of every process it
# starts (CLI, JupyterLab), lives in a folder of its own, not in the user's ~/.cache.
if "SOURCECRIT_CACHE_DIR" not in os.environ:
    os.environ["SOURCECRIT_CACHE_DIR"] = tempfile.mkdtemp(prefix="sourcecrit-test-cache-")
    atexit.register(shutil.rmtree, os.environ["SOURCECRIT_CACHE_DIR"], ignore_errors=True)

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


class _LiveMarkup(HTMLParser):
    """Collect what would run in a browser: script-like tags, on* handlers, javascript: links."""

    RUNS = {"script", "iframe", "object", "embed", "img", "svg", "style"}

    def __init__(self, allowed_tags: set[str]):
        super().__init__(convert_charrefs=True)
        self.allowed, self.found = allowed_tags, []

    def handle_starttag(self, tag, attrs):
        if tag in self.RUNS - self.allowed:
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on") or "javascript:" in (value or "").lower():
                self.found.append(f"<{tag} {name}={value!r}>")


@pytest.fixture(scope="session")
def live_markup():
    """Return a function listing the live markup in an HTML string (issue 16): any
    ``<script>``-like tag (``allowed`` names the ones the renderer itself writes, such as
    its own ``<style>``), any ``on…=`` attribute and any ``javascript:`` address."""

    def find(page: str, *, allowed: tuple[str, ...] = ()) -> list[str]:
        parser = _LiveMarkup(set(allowed))
        parser.feed(page)
        parser.close()
        return parser.found

    return find
