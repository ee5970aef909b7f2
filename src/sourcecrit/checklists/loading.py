"""Load checklists from YAML, safely, and say exactly where a file is wrong.

YAML is read with PyYAML's safe loader only: a tag that would build a Python object
(``!!python/object``) or any custom ``!tag`` is refused before anything is constructed.
The document is composed into nodes first, so every problem pydantic finds can be mapped
back to the line of the key that caused it (the approach of yamllint and of
``pydantic-yaml``'s error locations).
"""

from __future__ import annotations

import functools
import os
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from sourcecrit.checklists.errors import ChecklistError, Problem
from sourcecrit.checklists.model import Band, Checklist, Item, RuleProblems, Scoring

YAML_SUFFIXES = (".yaml", ".yml")
#: The only tags a checklist may contain: plain text, numbers, yes/no, lists and mappings
#: (and a date, which YAML infers from ``2024-03-10`` on its own).
_SAFE_TAGS = {
    f"tag:yaml.org,2002:{name}"
    for name in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp")
}
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
    root = _compose(text, source=source)
    data = _construct(root, text, source=source)
    if not isinstance(data, dict):
        raise ChecklistError(
            problems=[
                Problem(
                    source,
                    _line(root),
                    "",
                    "a checklist file must be a mapping with id, title, credit, licence and items",
                )
            ]
        )
    try:
        checklist = Checklist.model_validate(data)
    except ValidationError as exc:
        raise ChecklistError(problems=_problems(exc, root, data, source=source)) from None
    checklist._source = source
    return checklist


def validate_checklist(path: str | os.PathLike[str]) -> list[Problem]:
    """Return every problem with the checklist file at ``path`` (an empty list when valid).

    Raises:
        ChecklistError: only when the file cannot be read at all.
    """
    try:
        _load_path(Path(path))
    except ChecklistError as exc:
        if exc.problems:
            return exc.problems
        raise
    return []


# -- loading -------------------------------------------------------------------------------


def _looks_like_path(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    return value.lower().endswith(YAML_SUFFIXES) or os.sep in value or "/" in value


def _load_path(path: Path) -> Checklist:
    if path.is_dir():
        raise ChecklistError(f"{path}: is a folder, not a checklist file")
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise ChecklistError(f"{path}: no such file") from None
    except OSError as exc:
        raise ChecklistError(f"{path}: cannot be read ({exc.strerror})") from None
    if size > MAX_BYTES:
        raise ChecklistError(f"{path}: {size} bytes is too large for a checklist file")
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise ChecklistError(f"{path}: is not UTF-8 text") from None
    except OSError as exc:
        raise ChecklistError(f"{path}: cannot be read ({exc.strerror})") from None
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


def _compose(text: str, *, source: str) -> Node:
    loader = yaml.SafeLoader(text)
    try:
        root = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        problem = exc.problem or str(exc)
        raise ChecklistError(
            problems=[Problem(source, line, "", f"not valid YAML: {problem}")]
        ) from None
    except yaml.YAMLError as exc:
        raise ChecklistError(
            problems=[Problem(source, None, "", f"not valid YAML: {exc}")]
        ) from None
    finally:
        loader.dispose()
    if root is None:
        raise ChecklistError(problems=[Problem(source, 1, "", "the file is empty")])
    problems = list(_tag_and_key_problems(root, source=source))
    if problems:
        raise ChecklistError(problems=problems)
    return root


def _tag_and_key_problems(node: Node, *, source: str, path: tuple = ()):
    if node.tag not in _SAFE_TAGS:
        yield Problem(
            source,
            _line(node),
            _key_text(path),
            f"the YAML tag {node.tag.replace('tag:yaml.org,2002:', '!!')} is not allowed: "
            "a checklist holds only text, numbers, lists and mappings",
        )
        return
    if isinstance(node, MappingNode):
        seen: set[str] = set()
        for key, value in node.value:
            if not isinstance(key, ScalarNode):
                yield Problem(source, _line(key), _key_text(path), "keys must be plain words")
                continue
            if key.value in seen:
                yield Problem(
                    source, _line(key), _key_text((*path, key.value)), "this key appears twice"
                )
            seen.add(key.value)
            yield from _tag_and_key_problems(value, source=source, path=(*path, key.value))
    elif isinstance(node, SequenceNode):
        for i, child in enumerate(node.value):
            yield from _tag_and_key_problems(child, source=source, path=(*path, i))


def _construct(root: Node, text: str, *, source: str) -> Any:
    # Tags were checked on the nodes; build the plain data with the safe constructor.
    loader = yaml.SafeLoader(text)
    try:
        return loader.construct_document(root)
    except yaml.YAMLError as exc:  # pragma: no cover - tags were checked already
        raise ChecklistError(
            problems=[Problem(source, None, "", f"not valid YAML: {exc}")]
        ) from None
    finally:
        loader.dispose()


# -- mapping pydantic errors to lines --------------------------------------------------------


def _problems(exc: ValidationError, root: Node, data: dict, *, source: str) -> list[Problem]:
    problems = []
    errors = exc.errors()
    for err in errors:
        loc = tuple(err["loc"])
        if err["type"] == "too_short" and any(
            len(other["loc"]) > len(loc) and tuple(other["loc"][: len(loc)]) == loc
            for other in errors
        ):
            # pydantic also calls a list "too short" when its bad members were dropped;
            # the members' own problems say more.
            continue
        cause = (err.get("ctx") or {}).get("error")
        if isinstance(cause, RuleProblems):
            for loc, message in cause.problems:
                problems.append(_problem_at(root, data, loc, message, full_key=True, source=source))
            continue
        message = err["msg"]
        if err["type"] == "value_error" and message.startswith("Value error, "):
            message = message[len("Value error, ") :]
        if err["type"] == "extra_forbidden":
            allowed = _allowed_keys(loc[:-1])
            message = "unknown key" + (
                f"; the keys allowed here are {', '.join(allowed)}" if allowed else ""
            )
        elif (
            err["type"] != "missing"
            and "input" in err
            and not isinstance(err["input"], (dict, list))
        ):
            message += f" (got {err['input']!r})"
        problems.append(
            _problem_at(root, data, loc, message, full_key=err["type"] == "missing", source=source)
        )
    return problems


def _problem_at(
    root: Node,
    data: Any,
    loc: tuple,
    message: str,
    *,
    source: str,
    full_key: bool = False,
) -> Problem:
    node, walked = _node_at(root, loc)
    # A missing key has no node of its own: name it, and point at the mapping it belongs
    # in. Otherwise name only what exists (pydantic adds union branches such as "str").
    shown = loc if full_key else walked
    return Problem(source, _line(node), _key_text(shown, data), message)


def _allowed_keys(loc: tuple) -> list[str]:
    """Return the keys the schema allows in the mapping at ``loc``."""
    model: Any = Checklist
    for part in loc:
        if isinstance(part, int):
            continue
        field = model.model_fields.get(part)
        if field is None:
            return []
        model = {"scoring": Scoring, "bands": Band, "items": Item}.get(part)
        if model is None:
            return []
    return list(model.model_fields)


def _node_at(root: Node, loc: tuple) -> tuple[Node, tuple]:
    node: Node = root
    walked: tuple = ()
    for part in loc:
        child = None
        if isinstance(node, MappingNode) and isinstance(part, str):
            child = next((v for k, v in node.value if getattr(k, "value", None) == part), None)
        elif (
            isinstance(node, SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value)
        ):
            child = node.value[part]
        if child is None:
            break
        node, walked = child, (*walked, part)
    return node, walked


def _key_text(path: tuple, data: Any = None) -> str:
    out = ""
    cursor = data
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
            cursor = cursor[part] if isinstance(cursor, list) and part < len(cursor) else None
            if isinstance(cursor, dict) and isinstance(cursor.get("id"), str):
                out += f" (id {cursor['id']!r})"
        else:
            out += f".{part}" if out else str(part)
            cursor = cursor.get(part) if isinstance(cursor, dict) else None
    return out


def _line(node: Node) -> int:
    return node.start_mark.line + 1
