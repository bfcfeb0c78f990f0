"""Deadlines as officials write them: a day, a month, a quarter ("Quý II/2026") or a year.

Django-free. A deadline is stored as the last day of the span it names plus the precision it
was given with, so "overdue" is simply `due_on < today` whatever the precision.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from hoptac.lib.text import unaccent

ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_DAY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_ISO_DAY = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_MONTH = re.compile(r"^(?:thang\s*)?(\d{1,2})[/.-](\d{4})$")
_ISO_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_QUARTER = re.compile(r"^(?:quy|q)\s*(i{1,3}|iv|[1-4])\s*[/.-]?\s*(?:nam\s*)?(\d{4})$")
_YEAR = re.compile(r"^(?:nam\s*)?(\d{4})$")


def period_end(on: dt.date, precision: str) -> dt.date:
    """Return the last day of the month, quarter or year containing `on` (or `on` itself)."""
    if precision == "year":
        return dt.date(on.year, 12, 31)
    if precision == "quarter":
        month = ((on.month - 1) // 3 + 1) * 3
        return dt.date(on.year, month, calendar.monthrange(on.year, month)[1])
    if precision == "month":
        return dt.date(on.year, on.month, calendar.monthrange(on.year, on.month)[1])
    return on


def parse_due(text: str) -> tuple[dt.date, str] | None:
    """Return (last day, precision) of a written deadline, None when empty.

    Reads "30/6/2026", "2026-06-30", "6/2026", "tháng 6/2026", "2026-06", "Quý II/2026",
    "Q2/2026", "2026" and "năm 2026". Raises ValueError on anything else or an impossible date.
    """
    s = " ".join(unaccent(text).split())
    if not s:
        return None
    if m := _DAY.match(s):
        return dt.date(int(m[3]), int(m[2]), int(m[1])), "day"
    if m := _ISO_DAY.match(s):
        return dt.date(int(m[1]), int(m[2]), int(m[3])), "day"
    if m := _MONTH.match(s) or _ISO_MONTH.match(s):
        month, year = (int(m[1]), int(m[2])) if len(m[1]) <= 2 else (int(m[2]), int(m[1]))
        return period_end(dt.date(year, month, 1), "month"), "month"
    if m := _QUARTER.match(s):
        q = ROMAN.get(m[1]) or int(m[1])
        return period_end(dt.date(int(m[2]), q * 3, 1), "quarter"), "quarter"
    if m := _YEAR.match(s):
        return dt.date(int(m[1]), 12, 31), "year"
    raise ValueError(text)


def schema_due(value: str | None) -> tuple[dt.date, str] | None:
    """Return (last day, precision) of an extractor's due ("2026-06-30", "2026-06", "2026")."""
    if not value:
        return None
    parts = [int(p) for p in str(value).split("-")]
    if len(parts) == 3:
        return dt.date(*parts), "day"
    if len(parts) == 2:
        return period_end(dt.date(parts[0], parts[1], 1), "month"), "month"
    return dt.date(parts[0], 12, 31), "year"


INPUT_FORMATS = ("%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d")


def parse_date(value: str) -> dt.date:
    """Return the date people typed: dd/mm/yyyy as officials write it ("30/06/2020"), or ISO
    ("2020-06-30"); raise ValueError otherwise."""
    text = (value or "").strip()
    for fmt in INPUT_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date()  # noqa: DTZ007 - a calendar date
        except ValueError:
            continue
    raise ValueError(value)
