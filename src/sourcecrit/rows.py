"""Table rows as plain, JSON-ready dicts in a schema's column order, without pandas.

An :class:`~sourcecrit.analysis.Analysis` keeps its four tables as such rows and builds a
DataFrame only when one is read: a command that prints a report or writes JSON never pays
pandas' import (issue #10: a cold ``sourcecrit analyze`` close to a bare spaCy process).
The rows are exactly what ``frames.records(frames.frame(rows, schema))`` gives: the schema's
columns first, in order, then any extra columns in the order they first appear; a missing
value is None; numbers are plain Python numbers; tuples become lists.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

#: Schema dtypes whose values are whole numbers.
_INTEGER_DTYPES = ("int64", "Int64")


def plain_rows(rows: Iterable[dict[str, Any]], schema: dict[str, str]) -> list[dict[str, Any]]:
    """Return ``rows`` as JSON-ready dicts with the schema's columns first (see module doc).

    Raises:
        ValueError: a value in a whole-number column is not a whole number.
    """
    given = list(rows)
    extras = [k for k in dict.fromkeys(k for row in given for k in row) if k not in schema]
    columns = [*schema, *extras]
    integers = {name for name, dtype in schema.items() if dtype in _INTEGER_DTYPES}
    out = []
    for row in given:
        plain: dict[str, Any] = {}
        for name in columns:
            value = plain_value(row.get(name))
            if name in integers and value is not None:
                value = _whole(value, name)
            plain[name] = value
        out.append(plain)
    return out


def plain_value(value: Any) -> Any:
    """Return ``value`` as JSON-ready Python: None for missing, plain numbers, lists."""
    if value is None:
        return None
    if isinstance(value, float):
        return None if value != value else float(value)  # numpy's float64 is a float
    if isinstance(value, (str, bool, int, list, dict)):
        return value
    if isinstance(value, tuple):
        return list(value)
    if type(value).__name__ in ("NAType", "NaTType"):
        return None
    if hasattr(value, "item"):  # a numpy scalar
        return plain_value(value.item())
    return value


def _whole(value: Any, column: str) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value != int(value):
        raise ValueError(f"column {column!r} holds whole numbers, not {value!r}")
    return int(value)


class Table:
    """One table of an Analysis (a dataclass field): plain rows until first read as a DataFrame.

    Assigning a DataFrame keeps it; assigning a list of row dicts keeps them (in the
    schema's column order, see :func:`sourcecrit.rows.plain_rows`) until the table is read.
    """

    def __init__(self, schema: dict[str, str]) -> None:
        self.schema = schema
        self.slot = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self.slot = f"_{name}"

    def __get__(self, obj: Any, objtype: type | None = None) -> pd.DataFrame:
        if obj is None:
            raise AttributeError(self.slot[1:])  # a field without a default (dataclasses)
        stored = obj.__dict__[self.slot]
        if isinstance(stored, list):
            from sourcecrit.frames import frame

            stored = obj.__dict__[self.slot] = frame(stored, self.schema)
        return stored

    def __set__(self, obj: Any, value: pd.DataFrame | list[dict[str, Any]]) -> None:
        if isinstance(value, (list, tuple)):
            value = plain_rows(value, self.schema)
        obj.__dict__[self.slot] = value

    def rows(self, obj: Any) -> list[dict[str, Any]]:
        stored = obj.__dict__[self.slot]
        if isinstance(stored, list):
            return list(stored)
        from sourcecrit.frames import records

        return records(stored)
