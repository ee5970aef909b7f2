"""The flagship's analysis stays the same through refactors.

``tests/data/flagship_analysis.json`` was written by ``tools/snapshot_flagship.py`` before the
house-plan moves. A change that alters it on purpose (a better reading) rewrites the snapshot
with that script and says why in its commit. Columns added after the snapshot are not compared.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

SNAPSHOT = Path(__file__).parent / "data" / "flagship_analysis.json"


def _same(a, b) -> bool:
    if isinstance(a, float) and isinstance(b, float):
        return math.isclose(a, b, rel_tol=1e-9) or (math.isnan(a) and math.isnan(b))
    return a == b


@pytest.mark.parametrize("table", ["sentences", "attributions", "sources", "hedges"])
def test_flagship_table_matches_snapshot(flagship_analysis, table):
    expected = json.loads(SNAPSHOT.read_text(encoding="utf-8"))[table]
    actual = json.loads(flagship_analysis.to_json())[table]
    assert len(actual) == len(expected), (
        f"{table}: {len(actual)} rows, snapshot has {len(expected)}"
    )
    for i, (row, want) in enumerate(zip(actual, expected)):
        for key, value in want.items():
            assert key in row, f"{table} row {i}: column {key!r} is gone"
            assert _same(row[key], value), f"{table} row {i} {key}: {row[key]!r} != {value!r}"
