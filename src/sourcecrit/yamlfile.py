"""Every YAML data file (checklists, exercises, lexicons, source types, front matter): read
safely, validated by one validator, and every problem named with its file, line and key.

YAML is read with PyYAML's safe loader only: a tag that would build a Python object
(``!!python/object``) or any custom ``!tag`` is refused before anything is constructed.
Before anything is built, one pass over the parser's events (which, unlike the composer,
does not recurse) refuses what legal YAML can still do to a program:

- nesting deeper than :data:`MAX_DEPTH` levels;
- aliases (``*name``) that repeat, in all, more than :data:`MAX_ALIAS_NODES` nodes (a
  "billion laughs" file of under 1 KB would otherwise expand to a billion strings), or
  that refer to the node they sit in (``&a [*a]``);
- characters YAML forbids (NUL, the vertical tab word processors paste), by line.

Values YAML recognises but Python cannot build (``2024-02-30``, ``2024-01-01 25:61:61``, an
integer of 5,000 digits) are reported at their line too. The document is then composed
into nodes, so every problem pydantic finds is mapped back to the line of the key that
caused it (the approach of yamllint and of ``pydantic-yaml``'s error locations).

The validator is :func:`validated_yaml` (text) and :func:`validated_file` (a path):
``validated_file(path, Schema, error=LexiconError)``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from sourcecrit.errors import ProblemsError, YAMLFileError
from sourcecrit.yamlnodes import Problem, RuleProblems, dotted, line_of, pydantic_problems

#: Deepest nesting of lists and mappings a data file may use (real ones use fewer than 10).
MAX_DEPTH = 64
#: Most nodes that aliases (``*name``) may repeat in one document, all aliases together.
MAX_ALIAS_NODES = 1_000
#: A data file larger than this is certainly not one an instructor wrote.
MAX_BYTES = 1_000_000

#: The only tags such a file may contain: plain text, numbers, yes/no, lists and mappings
#: (and a date, which YAML infers from ``2024-03-10`` on its own).
_SAFE_TAGS = {
    f"tag:yaml.org,2002:{name}"
    for name in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp")
}
_CHAR_NAMES = {0: "NUL", 0x0B: "vertical tab", 0x0C: "form feed", 0x1B: "escape"}

M = TypeVar("M", bound=BaseModel)
#: libyaml's parser when PyYAML was built with it: the pure-Python scanner looks far ahead
#: in deeply nested flow lists ("[[[[..."), libyaml does not.
_EventLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

__all__ = [
    "MAX_ALIAS_NODES",
    "MAX_DEPTH",
    "Problem",
    "ProblemsError",
    "RuleProblems",
    "dotted",
    "line_of",
    "load_data",
    "load_front_matter",
    "load_mapping",
    "problems_of",
    "read_text",
    "validated",
    "validated_file",
    "validated_yaml",
]


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


def load_data(
    text: str, *, source: str, error: type[ProblemsError] = YAMLFileError, what: str = "a data"
) -> tuple[Node, Any]:
    """Return the one YAML document in ``text`` as its node tree and as plain Python data.

    Raises:
        error: not valid YAML, too deep, aliases past the limit, a forbidden character, a
            value Python cannot build, empty, a tag other than plain data or a key written
            twice (one :class:`Problem` each, with its line).
    """
    root = _compose(text, source=source, error=error, what=what)
    loader = _DataLoader(text)
    try:
        data = _plain_data(root, loader, {})
    except yaml.MarkedYAMLError as exc:
        raise error(problems=[_yaml_problem(exc, text, source)]) from None
    finally:
        loader.dispose()
    return root, data


def load_mapping(
    text: str, *, source: str, error: type[ProblemsError], what: str, keys: str
) -> tuple[Node, dict[str, Any]]:
    """Return the YAML mapping in ``text`` as its node tree and as plain Python data.

    ``what`` names the kind of file in messages ("a checklist"); ``keys`` says what the
    mapping should hold ("id, title and questions"), for a file that is not a mapping.

    Raises:
        error: as :func:`load_data`, or the document is not a mapping.
    """
    root, data = load_data(text, source=source, error=error, what=what)
    if not isinstance(data, dict):
        message = f"{what} file must be a mapping with {keys}"
        raise error(problems=[Problem(source, line_of(root), "", message)])
    return root, data


def load_front_matter(
    text: str, *, source: str = "front matter", first_line: int = 1
) -> dict[str, Any]:
    """Return the mapping in a Markdown file's YAML front matter (the text between ``---``).

    An empty front matter gives ``{}``. For an article, ``article.split_header`` calls
    ``load_front_matter(front.group(1), source=str(path), first_line=2)`` and turns a
    :class:`YAMLFileError` into an ``ArticleError`` with the same message.

    Args:
        first_line: the file's line number of the front matter's first line (2 when it
            follows an opening ``---``), so problems name lines of the file.

    Raises:
        YAMLFileError: as :func:`load_mapping` (file, line and key of each problem).
    """
    if not text.strip():
        return {}
    try:
        _, data = load_mapping(
            text, source=source, error=YAMLFileError, what="front matter", keys="key: value lines"
        )
    except YAMLFileError as exc:
        shift = first_line - 1
        problems = [
            replace(p, line=p.line + shift) if p.line is not None else p for p in exc.problems
        ]
        raise YAMLFileError(problems=problems) from None
    return data


def validated(
    model: type[M],
    data: Any,
    root: Node,
    *,
    source: str,
    error: type[ProblemsError],
    nested: dict[str, type[BaseModel]] | None = None,
    context: dict[str, Any] | None = None,
) -> M:
    """Return ``model`` validated from ``data``, or raise ``error`` naming each wrong key's line.

    Args:
        nested: the models of nested mappings by field name (``{"items": Item}``), so an
            unknown key can be answered with the keys that are allowed there; read from
            the model's annotations when not given.
        context: passed to pydantic's validators (``ValidationInfo.context``).
    """
    try:
        return model.model_validate(data, context=context)
    except ValidationError as exc:
        problems = pydantic_problems(exc, root, data, source=source, model=model, nested=nested)
        raise error(problems=problems) from None
    except RecursionError:  # pragma: no cover - depth is bounded before this
        raise error(problems=[Problem(source, None, "", "nested too deeply")]) from None


def validated_yaml(
    text: str,
    model: type[M],
    *,
    source: str,
    error: type[ProblemsError] = YAMLFileError,
    what: str = "a data",
    keys: str = "its keys",
    context: dict[str, Any] | None = None,
) -> M:
    """Return the YAML mapping in ``text`` validated as ``model``: the one validator.

    Raises:
        error: with one :class:`Problem` per wrong key, each with file, line and key.
    """
    root, data = load_mapping(text, source=source, error=error, what=what, keys=keys)
    return validated(model, data, root, source=source, error=error, context=context)


def validated_file(
    path: str | Path,
    model: type[M],
    *,
    error: type[ProblemsError] = YAMLFileError,
    what: str = "a data",
    keys: str = "its keys",
    max_bytes: int = MAX_BYTES,
) -> M:
    """Return the YAML file at ``path`` validated as ``model`` (see :func:`validated_yaml`)."""
    text = read_text(Path(path), error=error, what=what, max_bytes=max_bytes)
    return validated_yaml(text, model, source=str(path), error=error, what=what, keys=keys)


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


# -- reading ---------------------------------------------------------------------------------


class _DataLoader(yaml.SafeLoader):
    """The safe loader, reporting a value Python cannot build at the value's line."""

    def construct_object(self, node: Node, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep=deep)
        except (ValueError, OverflowError) as exc:
            value = node.value if isinstance(node, ScalarNode) else ""
            shown = value if len(value) <= 40 else value[:37] + "..."
            raise yaml.constructor.ConstructorError(
                None, None, f"{shown!r} cannot be read as data ({_reason(exc)})", node.start_mark
            ) from None


_STR, _SEQ, _MAP, _BOOL, _NULL = (
    f"tag:yaml.org,2002:{name}" for name in ("str", "seq", "map", "bool", "null")
)


def _plain_data(node: Node, loader: _DataLoader, built: dict[int, Any]) -> Any:
    """Return the Python data of ``node``, as ``loader.construct_document`` would.

    Text, yes/no, null, lists and mappings are built here (about four times faster than
    PyYAML's generic constructor, which every start-up pays for the lexicons, issue #10);
    numbers and dates go to ``loader``. Only safe tags, plain keys and bounded depth get
    here (:func:`_compose` refused the rest), so neither merge keys nor recursion occur;
    an alias gets the object already built for its node, as in PyYAML.
    """
    done = built.get(id(node))
    if done is not None:
        return done
    tag = node.tag
    value: Any
    if tag == _STR:
        return node.value
    if tag == _SEQ:
        value = built[id(node)] = []
        value.extend(_plain_data(child, loader, built) for child in node.value)
    elif tag == _MAP:
        value = built[id(node)] = {}
        for key, child in node.value:
            value[_plain_data(key, loader, built)] = _plain_data(child, loader, built)
    elif tag == _BOOL:
        value = loader.bool_values[node.value.lower()]
    elif tag == _NULL:
        value = None
    else:
        value = loader.construct_object(node, deep=True)
    return value


def _reason(exc: Exception) -> str:
    text = str(exc)
    if "integer string conversion" in text:
        return "an integer with that many digits is not allowed"
    return text


def _compose(text: str, *, source: str, error: type[ProblemsError], what: str) -> Node:
    _check_events(text, source=source, error=error)
    # libyaml's composer when PyYAML has it (the same nodes and marks, about ten times
    # faster): the lexicons are composed at every start-up (issue #10).
    loader = _EventLoader(text)
    try:
        root = loader.get_single_node()
    except yaml.YAMLError as exc:
        raise error(problems=[_yaml_problem(exc, text, source)]) from None
    finally:
        loader.dispose()
    if root is None:
        raise error(problems=[Problem(source, 1, "", "the file is empty")])
    problems = list(_tag_and_key_problems(root, source=source, what=what))
    if problems:
        raise error(problems=problems)
    return root


def _check_events(text: str, *, source: str, error: type[ProblemsError]) -> None:
    """Refuse deep nesting and alias bombs while streaming the parser's events."""
    sizes: dict[str, int] = {}  # anchor -> nodes it stands for, once its node is closed
    stack: list[list[Any]] = []  # open collections: [anchor, nodes inside so far]
    repeated = 0
    starts = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
    ends = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
    try:
        # The kind of event is looked up with type(), and a line only worked out for a
        # problem: this pass runs over every lexicon at start-up (issue #10).
        events: Iterable[Any] = yaml.parse(text, Loader=_EventLoader)
        for event in events:
            kind = type(event)
            if kind is yaml.ScalarEvent:
                anchor, size_done = event.anchor, 1
            elif kind in starts:
                if len(stack) >= MAX_DEPTH:
                    message = f"nested more than {MAX_DEPTH} levels deep"
                    raise error(problems=[Problem(source, _line(event), "", message)])
                stack.append([event.anchor, 1])
                continue
            elif kind in ends:
                anchor, size_done = stack.pop()
            elif kind is yaml.AliasEvent:
                if event.anchor not in sizes:
                    message = f"the alias *{event.anchor} refers to the node it sits in"
                    raise error(problems=[Problem(source, _line(event), "", message)])
                anchor, size_done = None, sizes[event.anchor]
                repeated += size_done
                if repeated > MAX_ALIAS_NODES:
                    message = (
                        f"aliases (*name) repeat more than {MAX_ALIAS_NODES} values in all; "
                        "write the values out instead"
                    )
                    raise error(problems=[Problem(source, _line(event), "", message)])
            else:
                continue
            if anchor is not None:
                sizes[anchor] = size_done
            if stack:
                stack[-1][1] += size_done
    except yaml.YAMLError as exc:
        raise error(problems=[_yaml_problem(exc, text, source)]) from None


def _line(event: yaml.Event) -> int | None:
    return event.start_mark.line + 1 if event.start_mark else None


def _yaml_problem(exc: yaml.YAMLError, text: str, source: str) -> Problem:
    if isinstance(exc, yaml.reader.ReaderError):
        line = text.count("\n", 0, exc.position) + 1 if isinstance(exc.position, int) else None
        code = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1])
        name = _CHAR_NAMES.get(code, "a control character")
        message = (
            f"the character U+{code:04X} ({name}) is not allowed in YAML; delete it "
            "(it often comes from pasting out of a word processor)"
        )
        return Problem(source, line, "", message)
    if isinstance(exc, yaml.MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        if isinstance(exc, yaml.constructor.ConstructorError):
            return Problem(source, line, "", str(exc.problem))
        if "nesting depth" in str(exc.problem):  # libyaml's own, larger limit, met first
            return Problem(source, line, "", f"nested more than {MAX_DEPTH} levels deep")
        return Problem(source, line, "", f"not valid YAML: {exc.problem or exc}")
    return Problem(source, None, "", f"not valid YAML: {exc}")


def _tag_and_key_problems(node: Node, *, source: str, what: str, path: tuple = ()):
    if node.tag not in _SAFE_TAGS:
        yield Problem(
            source,
            line_of(node),
            dotted(path),
            f"the YAML tag {node.tag.replace('tag:yaml.org,2002:', '!!')} is not allowed: "
            f"{what} holds only text, numbers, lists and mappings",
        )
        return
    if isinstance(node, MappingNode):
        seen: set[str] = set()
        for key, value in node.value:
            if not isinstance(key, ScalarNode):
                yield Problem(source, line_of(key), dotted(path), "keys must be plain words")
                continue
            if key.value in seen:
                yield Problem(
                    source, line_of(key), dotted((*path, key.value)), "this key appears twice"
                )
            seen.add(key.value)
            yield from _tag_and_key_problems(
                value, source=source, what=what, path=(*path, key.value)
            )
    elif isinstance(node, SequenceNode):
        for i, child in enumerate(node.value):
            yield from _tag_and_key_problems(child, source=source, what=what, path=(*path, i))
