"""Dates in an article: read the text of a DATE entity, and set it against the article's date.

Used by the ``dates`` evidence hint (IFLA's "check the date"); plain functions on text,
no model needed.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any


def count(n: int, noun: str) -> str:
    """Return ``"1 day"`` or ``"3 days"``."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


_MONTHS = {
    name: i
    for i, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<year>(?:1[89]|2[01])\d\d)"
_DATE_PATTERNS = (
    re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+{_YEAR}\b)?", re.I),
    re.compile(
        rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR}\b)?", re.I
    ),
    re.compile(r"\b(?P<year>\d{4})-(?P<mnum>\d{2})-(?P<day>\d{2})\b"),
    re.compile(rf"\b{_MONTH}\s+(?:of\s+)?{_YEAR}\b", re.I),
    re.compile(rf"^(?:in\s+|the\s+year\s+)?{_YEAR}$", re.I),
)


def parse_date(text: str, *, reference: dt.date | None = None) -> dict[str, Any]:
    """Return ``{"date": ISO text or None, "precision": "day" | "month" | "year" | None}``.

    Args:
        text: a DATE entity's text, e.g. ``"March 8"`` or ``"February 24, 2022"``.
        reference: the article's date; a day and month without a year take its year (the
            year before, when that would be more than half a year after it).
    """
    cleaned = " ".join(text.split())
    for pattern in _DATE_PATTERNS:
        m = pattern.search(cleaned)
        if not m:
            continue
        groups = m.groupdict()
        year = int(groups["year"]) if groups.get("year") else None
        month = (
            int(groups["mnum"])
            if groups.get("mnum")
            else _MONTHS.get((groups.get("month") or "").lower())
        )
        day = int(groups["day"]) if groups.get("day") else None
        inferred = False
        if year is None and month is not None and reference is not None:
            year, inferred = reference.year, True
        if year is None:
            break
        if month is None:
            return {"date": f"{year:04d}", "precision": "year", "year_inferred": False}
        if day is None:
            return {"date": f"{year:04d}-{month:02d}", "precision": "month", "year_inferred": False}
        try:
            value = dt.date(year, month, day)
        except ValueError:
            break
        if inferred and reference is not None and (value - reference).days > 183:
            try:
                value = value.replace(year=year - 1)
            except ValueError:  # 29 February
                break
        return {"date": value.isoformat(), "precision": "day", "year_inferred": inferred}
    return {"date": None, "precision": None, "year_inferred": False}


def relation(row: Mapping[str, Any], own: dt.date | None) -> str:
    if row["date"] is None:
        return "not a calendar date"
    if own is None or row["precision"] != "day":
        return row["date"]
    days = (dt.date.fromisoformat(row["date"]) - own).days
    if days == 0:
        return "the article's own date"
    when = "earlier" if days < 0 else "later"
    days = abs(days)
    if days < 60:
        return f"{count(days, 'day')} {when}"
    if days < 365:
        return f"about {count(round(days / 30.4), 'month')} {when}"
    return f"about {count(round(days / 365.25), 'year')} {when}"


def parse_iso(value: Any) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def unique_by_text(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen: dict[str, dict[str, Any]] = {}
    for row in rows:
        seen.setdefault(row["text"].lower(), row)
    return list(seen.values())
