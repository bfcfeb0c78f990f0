"""Vietnamese number and date formats for reports and spreadsheets (no settings needed).

Vietnamese writes 45.500 (thousands with dots) and 5.432,1 (decimal comma). Money stays in
integers of đồng or Decimal from end to end; no float ever touches it.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from hoptac.lib.numbers import BILLION

# Reading and writing cells lives in lib.sheets; the report uses the same formats.
from hoptac.lib.sheets import fmt_date, fmt_number, parse_date, parse_number, to_decimal

__all__ = ["BILLION", "fmt_date", "fmt_number", "parse_date", "parse_number", "to_decimal"]


def fmt_ty(vnd: int | None, places: int = 1) -> str:
    """Return đồng as tỷ đồng without the unit: 45_500 * 10**9 → "45.500"."""
    if vnd is None:
        return "—"
    return fmt_number(Decimal(vnd) / BILLION, places)


def admin_date_line(place: str, on: dt.date) -> str:
    """Return "Hà Nội, ngày 05 tháng 01 năm 2026" (NĐ 30/2020: 0 before days < 10, months 1–2)."""
    month = f"{on.month:02d}" if on.month <= 2 else str(on.month)
    return f"{place}, ngày {on.day:02d} tháng {month} năm {on.year}"
