"""Parsed copies of sourcecrit's own YAML data files, so a new process need not parse them.

Parsing the bundled lexicons (cue verbs, hedges, word lists, names) is most of what
sourcecrit adds to a cold start of spaCy (issue #10: a CLI that answers at once). Once a
file's text has been read and validated, its plain data is written as JSON to the user's
cache folder, under the SHA-256 of the text (and of PyYAML's version and this format's),
so any change to the file is a new entry and a stale one is never read. JSON, not pickle:
reading a cache entry can build nothing but lists, mappings, strings and numbers.

Only data that comes back from JSON exactly as it went in is stored (no dates, no integer
keys). The cache is a convenience: a folder that cannot be written, a missing or corrupt
entry, or ``SOURCECRIT_CACHE_DIR=off`` all mean the file is simply parsed again.

The folder is ``$SOURCECRIT_CACHE_DIR``, else ``$XDG_CACHE_HOME/sourcecrit``, else
``~/.cache/sourcecrit``.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

import yaml

#: Bump when what is stored changes shape; old entries are then never read again.
FORMAT = "1"
CACHE_ENV = "SOURCECRIT_CACHE_DIR"
_OFF = {"off", "0", "no", "false"}
_MISSING = object()


def cache_folder() -> Path | None:
    """Return the folder parsed data files are kept in, or None when caching is off."""
    chosen = os.environ.get(CACHE_ENV)
    if chosen is not None:
        return None if chosen.strip().lower() in _OFF or not chosen.strip() else Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "sourcecrit"


def entry_path(text: str) -> Path | None:
    """Return where the parsed data of YAML ``text`` is (or would be) kept."""
    folder = cache_folder()
    if folder is None:
        return None
    key = hashlib.sha256(f"{FORMAT}\0{yaml.__version__}\0{text}".encode()).hexdigest()
    return folder / "data" / f"{key}.json"


def cached_data(text: str) -> Any:
    """Return the plain data kept for ``text``, or :data:`MISSING` when there is none."""
    path = entry_path(text)
    if path is None:
        return _MISSING
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return _MISSING


def is_missing(value: Any) -> bool:
    """Return True when :func:`cached_data` found nothing."""
    return value is _MISSING


def keep_data(text: str, data: Any) -> None:
    """Keep ``data`` (parsed from ``text``) for the next process; never raises.

    Written to a temporary file and renamed into place, so a reader sees the whole entry
    or none. Data JSON would not give back unchanged is not kept.
    """
    path = entry_path(text)
    if path is None:
        return
    try:
        encoded = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        if json.loads(encoded) != data:
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                stream.write(encoded)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except (OSError, TypeError, ValueError, RecursionError):
        return
