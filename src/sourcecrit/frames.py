"""DataFrames built to a schema from ``sourcecrit.columns``, and back to plain records."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pandas as pd


def frame(records: Iterable[dict[str, Any]], schema: dict[str, str]) -> pd.DataFrame:
    """Return a DataFrame with the schema's columns first, in order, with their dtypes.

    Columns a component adds beyond the schema are kept after the schema's own.
    """
    df = pd.DataFrame.from_records(list(records))
    for name in schema:
        if name not in df.columns:
            df[name] = pd.Series(dtype="object")
    extra = [c for c in df.columns if c not in schema]
    df = df[[*schema, *extra]]
    for name, dtype in schema.items():
        if dtype == "object":
            df[name] = df[name].astype("object").where(df[name].notna(), None)
        else:
            df[name] = df[name].astype(dtype)
    return df.reset_index(drop=True)


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
