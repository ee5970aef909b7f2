"""Files shipped inside the package (lexicons, checklists, the example article)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from sourcecrit import datacache
from sourcecrit.errors import LexiconError

EXAMPLE_ARTICLE = "nato-in-ukraine.txt"


def data_path(*parts: str) -> Path:
    """Return the path of a file under ``sourcecrit/data``."""
    return Path(str(resources.files("sourcecrit").joinpath("data", *parts)))


def example_article_path() -> Path:
    """Return the path of the bundled flagship article (Izvestia, 10 March 2024)."""
    return data_path("articles", EXAMPLE_ARTICLE)


def read_lexicon_yaml(path: str | Path | None, *, default: str) -> tuple[Any, str]:
    """Return ``(data, label)`` for a lexicon: the file at ``path``, or the bundled ``default``.

    ``label`` names the file in error messages. YAML is read with ``safe_load`` only. A
    bundled file's parsed data is kept in the user's cache (:mod:`sourcecrit.datacache`),
    so the next process reads JSON instead of parsing the YAML again.

    Raises:
        LexiconError: the file cannot be read or is not valid YAML.
    """
    if path is None:
        label = f"sourcecrit/data/{default}"
        raw = resources.files("sourcecrit").joinpath("data", default).read_text(encoding="utf-8")
    else:
        label = str(path)
        try:
            raw = Path(path).read_text(encoding="utf-8")
        except OSError as exc:
            raise LexiconError(f"{label}: cannot read the lexicon file ({exc})") from exc
    if path is None:
        kept = datacache.cached_data(raw)
        if not datacache.is_missing(kept):
            return kept, label
    try:
        # libyaml's safe loader when PyYAML has it: the same data, about ten times faster,
        # which is most of the pipeline's start-up (issue #10, a CLI that answers at once).
        data = yaml.load(raw, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        raise LexiconError(f"{label}: not valid YAML ({exc})") from exc
    if path is None:
        datacache.keep_data(raw, data)
    return data, label
