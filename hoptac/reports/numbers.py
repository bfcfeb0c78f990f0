"""Vietnamese number and date formats for reports and spreadsheets (no settings needed).

Vietnamese writes 45.500 (thousands with dots) and 5.432,1 (decimal comma). Money stays in
integers of đồng or Decimal from end to end; no float ever touches it.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation

from hoptac.lib.numbers import BILLION, group_number


def fmt_number(value: int | Decimal | None, places: int = 0) -> str:
    """Return `value` as "45.500" or, with places=1, "5.432,1" (trailing ",0" dropped).

    The report is a Vietnamese administrative document: Vietnamese separators always."""
    if value is None:
        return "—"
    return group_number(value, places)


def fmt_ty(vnd: int | None, places: int = 1) -> str:
    """Return đồng as tỷ đồng without the unit: 45_500 * 10**9 → "45.500"."""
    if vnd is None:
        return "—"
    return fmt_number(Decimal(vnd) / BILLION, places)


def fmt_date(value: dt.date | None) -> str:
    """Return dd/mm/yyyy, or an empty string."""
    return value.strftime("%d/%m/%Y") if value else ""


def admin_date_line(place: str, on: dt.date) -> str:
    """Return "Hà Nội, ngày 05 tháng 01 năm 2026" (NĐ 30/2020: 0 before days < 10, months 1–2)."""
    month = f"{on.month:02d}" if on.month <= 2 else str(on.month)
    return f"{place}, ngày {on.day:02d} tháng {month} năm {on.year}"


_NUMBER_RE = re.compile(r"^[+-]?\d{1,3}(?:\.\d{3})*(?:,\d+)?$|^[+-]?\d+(?:,\d+)?$")
_PLAIN_RE = re.compile(r"^[+-]?\d+(?:\.\d+)?$")


def parse_number(text: str) -> Decimal:
    """Read "1.250,5", "45.500", "1250,5" (or a plain "1250.5" from a machine) as Decimal.

    A single dot followed by exactly three digits is a thousands separator ("45.500" = 45500),
    as in Vietnamese writing. Raises ValueError on anything else.
    """
    s = text.strip().replace(" ", "").replace("\u00a0", "")
    if _NUMBER_RE.match(s):
        return Decimal(s.replace(".", "").replace(",", "."))
    if _PLAIN_RE.match(s):
        return Decimal(s)
    raise ValueError(text)


def parse_date(text: str) -> dt.date:
    """Read dd/mm/yyyy (also d/m/yyyy, dd-mm-yyyy, dd.mm.yyyy) or ISO yyyy-mm-dd."""
    s = text.strip()
    m = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", s)
    if m:
        day, month, year = (int(g) for g in m.groups())
        return dt.date(year, month, day)
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", s)
    if m:
        return dt.date(*(int(g) for g in m.groups()))
    raise ValueError(text)


def to_decimal(value: object) -> Decimal:
    """Return a Decimal from an int, Decimal or text cell; ValueError otherwise."""
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, int | Decimal):
        return Decimal(value)
    if isinstance(value, float):
        # spreadsheet cells arrive as floats; repr keeps the digits the user typed
        try:
            return Decimal(repr(value))
        except InvalidOperation:
            raise ValueError(value) from None
    return parse_number(str(value))
