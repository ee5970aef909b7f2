"""Table rows without pandas (sourcecrit.rows) and the Analysis tables built from them."""

from __future__ import annotations

import dataclasses
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest

from sourcecrit import Analysis, SettingError, columns
from sourcecrit.frames import frame, records
from sourcecrit.rows import plain_rows, plain_value

SCHEMA = {"cue": "object", "start": "Int64", "count": "int64"}


def test_plain_rows_put_schema_columns_first_then_extras_in_order():
    rows = plain_rows([{"extra": 1, "cue": "may"}, {"start": 3, "late": "x"}], SCHEMA)
    assert [list(r) for r in rows] == [["cue", "start", "count", "extra", "late"]] * 2
    assert rows[0] == {"cue": "may", "start": None, "count": None, "extra": 1, "late": None}


@pytest.mark.parametrize(
    ("value", "plain"),
    [
        (float("nan"), None),
        (pd.NA, None),
        (np.int64(4), 4),
        (np.float64(0.5), 0.5),
        (np.bool_(True), True),
        (("a", "b"), ["a", "b"]),
        (["a"], ["a"]),
        ("text", "text"),
    ],
)
def test_plain_value(value, plain):
    assert plain_value(value) == plain
    assert type(plain_value(value)) is type(plain)


def test_whole_number_columns_refuse_other_values():
    assert plain_rows([{"start": 3.0}], SCHEMA)[0]["start"] == 3
    with pytest.raises(ValueError, match="start"):
        plain_rows([{"start": 2.5}], SCHEMA)


def test_rows_are_what_the_dataframe_gives(flagship_analysis):
    for table in ("attributions", "sources", "hedges", "sentences"):
        rows = flagship_analysis.rows(table)
        assert rows == records(getattr(flagship_analysis, table))


def test_tables_given_as_rows_or_dataframes_read_alike(flagship_analysis):
    data = flagship_analysis.to_dict()
    from_rows = Analysis.from_dict(data)
    assert from_rows.to_dict() == data  # without building a DataFrame
    pd.testing.assert_frame_equal(from_rows.hedges, flagship_analysis.hedges)
    as_frames = Analysis(
        article=from_rows.article,
        doc=None,
        attributions=frame(data["attributions"], columns.ATTRIBUTIONS),
        sources=frame(data["sources"], columns.SOURCES),
        hedges=frame(data["hedges"], columns.HEDGES),
        sentences=frame(data["sentences"], columns.SENTENCES),
    )
    assert as_frames.to_dict() == data
    shorter = dataclasses.replace(from_rows, hedges=from_rows.hedges.head(2))
    assert shorter.summary()["hedges"] + shorter.summary()["boosters"] <= 2
    assert len(shorter.rows("hedges")) == 2


def test_an_unknown_table_is_a_clear_error(flagship_analysis):
    with pytest.raises(SettingError, match="hedges"):
        flagship_analysis.rows("hedge")


@pytest.mark.parametrize("fmt", ["table", "json", "csv"])
def test_a_report_does_not_import_pandas(flagship_path, fmt):
    # A cold `sourcecrit analyze` should cost little more than spaCy parsing (issue #10):
    # the tables stay plain rows unless someone reads them as DataFrames.
    code = (
        "import sys\n"
        "from sourcecrit.cli import main\n"
        f"status = main(['analyze', '-f', {fmt!r}, {str(flagship_path)!r}])\n"
        "assert status == 0, status\n"
        "assert 'pandas' not in sys.modules, 'pandas was imported'\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr[-2000:]
    shown = "nato-in-ukraine" if fmt == "csv" else "José Antonio Alcaide"
    assert shown in result.stdout
