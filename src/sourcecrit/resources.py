"""Files shipped inside the package (lexicons, checklists, the example article)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

EXAMPLE_ARTICLE = "nato-in-ukraine.txt"


def data_path(*parts: str) -> Path:
    """Return the path of a file under ``sourcecrit/data``."""
    return Path(str(resources.files("sourcecrit").joinpath("data", *parts)))


def example_article_path() -> Path:
    """Return the path of the bundled flagship article (Izvestia, 10 March 2024)."""
    return data_path("articles", EXAMPLE_ARTICLE)
