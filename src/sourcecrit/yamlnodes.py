"""Where in a YAML file a problem is: the node of a key, its line, its name.

Used by :mod:`sourcecrit.yamlfile` to map each error pydantic finds back to the line of
the key that caused it.
"""

from __future__ import annotations

import typing
from typing import Any

from pydantic import BaseModel, ValidationError
from yaml.nodes import MappingNode, Node, SequenceNode

from sourcecrit.errors import Problem  # defined with the error family (#9)

__all__ = ["Problem", "RuleProblems", "dotted", "line_of", "problem_at", "pydantic_problems"]


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


def line_of(node: Node) -> int:
    """Return the 1-based line a YAML node starts on."""
    return node.start_mark.line + 1


def pydantic_problems(
    exc: ValidationError,
    root: Node,
    data: Any,
    *,
    source: str,
    model: type[BaseModel],
    nested: dict[str, type[BaseModel]] | None = None,
) -> list[Problem]:
    """Return one :class:`Problem` per error pydantic found, each at its line in the YAML."""
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
                problems.append(problem_at(root, data, loc, message, full_key=True, source=source))
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
            problem_at(root, data, loc, message, full_key=err["type"] == "missing", source=source)
        )
    return problems


def problem_at(
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
    loc: tuple, model: type[BaseModel], nested: dict[str, type[BaseModel]] | None
) -> list[str]:
    """Return the keys the schema allows in the mapping at ``loc``."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        if part not in current.model_fields:
            return []
        found = nested.get(part) if nested else None
        current = found or _submodel(current.model_fields[part].annotation)
        if current is None:
            return []
    return list(current.model_fields)


def _submodel(annotation: Any) -> type[BaseModel] | None:
    """Return the model a field holds (``tuple[Item, ...]`` -> ``Item``), or None."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _submodel(arg)
        if found is not None:
            return found
    return None


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
