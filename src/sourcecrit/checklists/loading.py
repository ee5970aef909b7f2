"""Load checklists from YAML, safely, and say exactly where a file is wrong.

The reading and the line-numbered problems are shared with exercises (:mod:`sourcecrit.yamlfile`).
"""

from __future__ import annotations

import functools
import os
from importlib import resources
from pathlib import Path
from typing import Any

from sourcecrit.checklists.checklist import Checklist
from sourcecrit.errors import ChecklistError
from sourcecrit.yamlfile import Problem, load_mapping, problems_of, read_text, validated

YAML_SUFFIXES = (".yaml", ".yml")
#: A checklist file larger than this is certainly not a checklist.
MAX_BYTES = 1_000_000


def _builtin_dir():
    return resources.files("sourcecrit").joinpath("data", "checklists")


def list_checklists() -> list[str]:
    """Return the names of the built-in checklists, sorted.

    Each name can be passed to :func:`load_checklist`.
    """
    return sorted(
        entry.name.rsplit(".", 1)[0]
        for entry in _builtin_dir().iterdir()
        if entry.name.endswith(YAML_SUFFIXES)
    )


def load_checklist(name_or_path: str | os.PathLike[str] | Checklist) -> Checklist:
    """Return a checklist: a built-in one by name, or one read from a YAML file.

    Args:
        name_or_path: a built-in name (see :func:`list_checklists`), the path of a
            ``.yaml`` file, or a Checklist (returned as it is).

    Raises:
        ChecklistError: no such checklist, or the file is not a valid checklist; the
            message names the file, the line and the key.
    """
    if isinstance(name_or_path, Checklist):
        return name_or_path
    if isinstance(name_or_path, os.PathLike) or _looks_like_path(name_or_path):
        return _load_path(Path(name_or_path))
    if not isinstance(name_or_path, str):
        raise TypeError(
            f"load_checklist expects a name, a path or a Checklist, not {type(name_or_path).__name__}"
        )
    return _load_builtin(name_or_path.strip().lower())


def checklist_from_yaml(text: str, *, source: str = "<string>") -> Checklist:
    """Return the checklist written in ``text`` (YAML).

    Raises:
        ChecklistError: with one :class:`Problem` per wrong key, each with its line.
    """
    root, data = load_mapping(
        text,
        source=source,
        error=ChecklistError,
        what="a checklist",
        keys="id, title, credit, licence and items",
    )
    checklist = validated(
        Checklist,
        data,
        root,
        source=source,
        error=ChecklistError,
    )
    checklist._source = source
    return checklist


def validate_checklist(path: str | os.PathLike[str]) -> list[Problem]:
    """Return every problem with the checklist file at ``path`` (an empty list when valid).

    Raises:
        ChecklistError: only when the file cannot be read at all.
    """
    return problems_of(lambda p: _load_path(Path(p)), path, error=ChecklistError)


# -- loading -------------------------------------------------------------------------------


def _looks_like_path(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    return value.lower().endswith(YAML_SUFFIXES) or os.sep in value or "/" in value


def _load_path(path: Path) -> Checklist:
    text = read_text(path, error=ChecklistError, what="a checklist", max_bytes=MAX_BYTES)
    return checklist_from_yaml(text, source=str(path))


@functools.cache
def _load_builtin(name: str) -> Checklist:
    # Checklists are frozen, so one shared instance per name is safe.
    for suffix in YAML_SUFFIXES:
        entry = _builtin_dir().joinpath(name + suffix)
        if entry.is_file():
            return checklist_from_yaml(entry.read_text(encoding="utf-8"), source=f"{name}{suffix}")
    raise ChecklistError(
        f"no built-in checklist called {name!r}; choose one of {', '.join(list_checklists())} "
        "or give the path of a .yaml file"
    )
