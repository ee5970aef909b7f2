"""Instructor-written YAML files (checklists, exercises): read safely, and say where one is wrong.

YAML is read with PyYAML's safe loader only: a tag that would build a Python object
(``!!python/object``) or any custom ``!tag`` is refused before anything is constructed.
The document is composed into nodes first, so every problem pydantic finds can be mapped
back to the line of the key that caused it (the approach of yamllint and of
``pydantic-yaml``'s error locations).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from sourcecrit.errors import Problem, ProblemsError  # defined in errors.py (#9)

#: The only tags such a file may contain: plain text, numbers, yes/no, lists and mappings
#: (and a date, which YAML infers from ``2024-03-10`` on its own).
_SAFE_TAGS = {
    f"tag:yaml.org,2002:{name}"
    for name in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp")
}

M = TypeVar("M", bound=BaseModel)


class RuleProblems(ValueError):
    """Cross-field problems found after each field was valid, with where each one is.

    Raised inside a pydantic validator, it reaches the loader in the error's ``ctx`` so
    that each problem can still be mapped to its line in the YAML file.
    """

    def __init__(self, problems: list[tuple[tuple[str | int, ...], str]]):
        self.problems = problems
        super().__init__("; ".join(f"{dotted(loc)}: {msg}" for loc, msg in problems))


def dotted(loc: tuple[str | int, ...]) -> str:
    """Return ``items[2].weight`` for ``("items", 2, "weight")``."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def read_text(path: Path, *, error: type[ProblemsError], what: str, max_bytes: int) -> str:
    """Return the UTF-8 text of the file at ``path``.

    Raises:
        error: the path is a folder, missing, unreadable, over ``max_bytes`` or not UTF-8;
            the message names the path and says which.
    """
    if path.is_dir():
        raise error(f"{path}: is a folder, not {what} file")
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise error(f"{path}: no such file") from None
    except OSError as exc:
        raise error(f"{path}: cannot be read ({exc.strerror})") from None
    if size > max_bytes:
        raise error(f"{path}: {size} bytes is too large for {what} file")
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise error(f"{path}: is not UTF-8 text") from None
    except OSError as exc:
        raise error(f"{path}: cannot be read ({exc.strerror})") from None


def load_mapping(
    text: str, *, source: str, error: type[ProblemsError], what: str, keys: str
) -> tuple[Node, dict[str, Any]]:
    """Return the YAML mapping in ``text`` as its node tree and as plain Python data.

    ``what`` names the kind of file in messages ("a checklist"); ``keys`` says what the
    mapping should hold ("id, title and questions"), for a file that is not a mapping.

    Raises:
        error: not valid YAML, empty, a tag other than plain data, a key written twice, or
            not a mapping (one :class:`Problem` each, with its line).
    """
    root = _compose(text, source=source, error=error, what=what)
    loader = yaml.SafeLoader(text)
    try:
        # Tags were checked on the nodes; build the plain data with the safe constructor.
        data = loader.construct_document(root)
    except yaml.YAMLError as exc:  # pragma: no cover - tags were checked already
        raise error(problems=[Problem(source, None, "", f"not valid YAML: {exc}")]) from None
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        message = f"{what} file must be a mapping with {keys}"
        raise error(problems=[Problem(source, line_of(root), "", message)])
    return root, data


def validated(
    model: type[M],
    data: Any,
    root: Node,
    *,
    source: str,
    error: type[ProblemsError],
    nested: dict[str, type[BaseModel]],
    context: dict[str, Any] | None = None,
) -> M:
    """Return ``model`` validated from ``data``, or raise ``error`` naming each wrong key's line.

    Args:
        nested: the models of nested mappings by field name (``{"items": Item}``), so an
            unknown key can be answered with the keys that are allowed there.
        context: passed to pydantic's validators (``ValidationInfo.context``).
    """
    try:
        return model.model_validate(data, context=context)
    except ValidationError as exc:
        problems = _problems(exc, root, data, source=source, model=model, nested=nested)
        raise error(problems=problems) from None


def problems_of(
    load: Callable[[Any], Any], path: Any, *, error: type[ProblemsError]
) -> list[Problem]:
    """Return every :class:`Problem` ``load(path)`` finds (an empty list when it loads).

    Raises:
        error: the file cannot be read at all (an error with no problems listed).
    """
    try:
        load(path)
    except error as exc:
        if exc.problems:
            return exc.problems
        raise
    return []


def line_of(node: Node) -> int:
    """Return the 1-based line a YAML node starts on."""
    return node.start_mark.line + 1


def _compose(text: str, *, source: str, error: type[ProblemsError], what: str) -> Node:
    loader = yaml.SafeLoader(text)
    try:
        root = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        problem = exc.problem or str(exc)
        raise error(problems=[Problem(source, line, "", f"not valid YAML: {problem}")]) from None
    except yaml.YAMLError as exc:
        raise error(problems=[Problem(source, None, "", f"not valid YAML: {exc}")]) from None
    finally:
        loader.dispose()
    if root is None:
        raise error(problems=[Problem(source, 1, "", "the file is empty")])
    problems = list(_tag_and_key_problems(root, source=source, what=what))
    if problems:
        raise error(problems=problems)
    return root


def _tag_and_key_problems(node: Node, *, source: str, what: str, path: tuple = ()):
    if node.tag not in _SAFE_TAGS:
        yield Problem(
            source,
            line_of(node),
            _key_text(path),
            f"the YAML tag {node.tag.replace('tag:yaml.org,2002:', '!!')} is not allowed: "
            f"{what} holds only text, numbers, lists and mappings",
        )
        return
    if isinstance(node, MappingNode):
        seen: set[str] = set()
        for key, value in node.value:
            if not isinstance(key, ScalarNode):
                yield Problem(source, line_of(key), _key_text(path), "keys must be plain words")
                continue
            if key.value in seen:
                yield Problem(
                    source, line_of(key), _key_text((*path, key.value)), "this key appears twice"
                )
            seen.add(key.value)
            yield from _tag_and_key_problems(
                value, source=source, what=what, path=(*path, key.value)
            )
    elif isinstance(node, SequenceNode):
        for i, child in enumerate(node.value):
            yield from _tag_and_key_problems(child, source=source, what=what, path=(*path, i))


# -- mapping pydantic errors to lines --------------------------------------------------------


def _problems(
    exc: ValidationError,
    root: Node,
    data: Any,
    *,
    source: str,
    model: type[BaseModel],
    nested: dict[str, type[BaseModel]],
) -> list[Problem]:
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
            allowed = _allowed_keys(loc[:-1], model, nested)
            message = "unknown key" + (
                f"; the keys allowed here are {', '.join(allowed)}" if allowed else ""
            )
        elif err["type"] == "string_type" and isinstance(err.get("input"), dict):
            # `- Note: this` is a mapping in YAML, which surprises everyone once.
            message += "; YAML read a mapping here: put text that contains ': ' in quotes"
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
    return Problem(source, line_of(node), _key_text(shown, data), message)


def _allowed_keys(
    loc: tuple, model: type[BaseModel], nested: dict[str, type[BaseModel]]
) -> list[str]:
    """Return the keys the schema allows in the mapping at ``loc``."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        if part not in current.model_fields:
            return []
        current = nested.get(part)
        if current is None:
            return []
    return list(current.model_fields)


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
