"""DataFrames built to a schema from ``sourcecrit.columns``, and back to plain records."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np
import pandas as pd


def frame(records: Iterable[dict[str, Any]] | pd.DataFrame, schema: dict[str, str]) -> pd.DataFrame:
    """Return a DataFrame with the schema's columns first, in order, with their dtypes.

    ``records`` are row dicts, or a DataFrame built column by column. Columns a component
    adds beyond the schema are kept after the schema's own, their dtypes inferred. The
    frame is built in one go from typed columns: setting and casting columns one by one
    costs pandas about a millisecond each, which for a short article is more than the
    tables' contents.
    """
    given: dict[str, Any]
    if isinstance(records, pd.DataFrame):
        n = len(records)
        given = {str(name): records[name] for name in records.columns}
    else:
        rows = list(records)
        n = len(rows)
        names = dict.fromkeys(key for row in rows for key in row)
        given = {name: [row.get(name) for row in rows] for name in names}
    data: dict[str, Any] = {}
    for name, dtype in schema.items():
        data[name] = _typed(given.get(name, [None] * n), dtype)
    for name, values in given.items():
        if name not in schema:
            data[name] = values if isinstance(values, pd.Series) else pd.Series(values)
    return pd.DataFrame(data, index=pd.RangeIndex(n))


def _typed(values: Any, dtype: str) -> Any:
    """Return ``values`` as a column of ``dtype``; missing values become None (or NA)."""
    if isinstance(values, pd.Series):
        if str(values.dtype) == dtype and dtype != "object":
            return values.reset_index(drop=True)
        values = values.tolist()
    if dtype == "object":
        return pd.Series([None if _absent(v) else v for v in values], dtype="object")
    if dtype == "Int64":
        return pd.array([None if _absent(v) else v for v in values], dtype="Int64")
    if dtype == "int64":
        return np.asarray(values, dtype="int64")
    return pd.Series(values).astype(dtype)


def _absent(value: Any) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and value != value)


def records(df: pd.DataFrame) -> list[dict[str, Any]]:
    """Return the rows of ``df`` as JSON-ready dicts: NA becomes None, numpy scalars plain."""
    out = []
    for row in df.to_dict(orient="records"):
        out.append({k: (None if _is_missing(v) else _plain(v)) for k, v in row.items()})
    return out


def _is_missing(value: Any) -> bool:
    if isinstance(value, (list, tuple, dict)):
        return False
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _plain(value: Any) -> Any:
    if hasattr(value, "item") and not isinstance(value, (list, dict, str)):
        return value.item()
    if isinstance(value, tuple):
        return list(value)
    return value
