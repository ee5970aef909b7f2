"""Reading the text of a DATE entity (moved here from test_evidence with checklists/dates.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from sourcecrit.checklists.dates import parse_date


@pytest.mark.parametrize(
    "text, reference, expected",
    [
        ("March 8", "2024-03-10", ("2024-03-08", "day", True)),
        ("February 24, 2022", "2024-03-10", ("2022-02-24", "day", False)),
        ("24 February 2022", None, ("2022-02-24", "day", False)),
        ("the 3rd of May", "2024-06-01", ("2024-05-03", "day", True)),
        ("December 28", "2024-01-05", ("2023-12-28", "day", True)),  # last year, not next
        ("Sept. 30", "2024-03-10", ("2023-09-30", "day", True)),
        ("March 2024", None, ("2024-03", "month", False)),
        ("2019", None, ("2019", "year", False)),
        ("2024-03-10", None, ("2024-03-10", "day", False)),
        ("March 8", None, (None, None, False)),  # no year and nothing to take it from
        ("last week", "2024-03-10", (None, None, False)),
        ("February 30", "2024-03-10", (None, None, False)),
    ],
)
def test_parse_date(text, reference, expected):
    ref = dt.date.fromisoformat(reference) if reference else None
    got = parse_date(text, reference=ref)
    assert (got["date"], got["precision"], got["year_inferred"]) == expected
