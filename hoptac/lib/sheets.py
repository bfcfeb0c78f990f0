"""Spreadsheet columns: how a record becomes a row of cells and a cell a model value.

Domain-free. The registers (`<app>/register.py`) declare their columns with these; the
exchange (reports/exchange) writes and reads files with them. Numbers and dates are read
the Vietnamese way ("1.250,5", "16/11/2019"); money is integer đồng, never float.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import models
from django.utils.translation import gettext as _

from hoptac.lib.numbers import BILLION, group_number
from hoptac.lib.spreadsheet import unneutralise
from hoptac.lib.text import fold

Value = Any

# kinds of cell: text, int, billion (tỷ đồng → đồng), date, locality, choice, id, json, and
# partnership / agreement (a related record by the name the application shows it with);
# a column with `get` is computed and only exported.
WIDTHS = {"text": 30, "int": 10, "billion": 16, "date": 12, "locality": 18, "partnership": 28, "agreement": 40,
          "choice": 18, "id": 8, "json": 30}  # fmt: skip
NUMBER_FORMATS = {"billion": "#,##0.0##", "int": "#,##0", "id": "0", "date": "dd/mm/yyyy"}


def fmt_number(value: int | Decimal | None, places: int = 0) -> str:
    """Return `value` as "45.500" or, with places=1, "5.432,1" (trailing ",0" dropped)."""
    if value is None:
        return "—"
    return group_number(value, places)


def fmt_date(value: dt.date | None) -> str:
    """Return dd/mm/yyyy, or an empty string."""
    return value.strftime("%d/%m/%Y") if value else ""


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


@dataclass(frozen=True)
class SheetColumn:
    attr: str  # model attribute (for localities and ids: the FK name without _id)
    header: str
    kind: str = "text"
    required: bool = False
    choices: tuple[tuple[str, str], ...] = ()
    # export-only columns (names beside ids, overdue, stale): how the cell is computed
    get: Callable[[Any], Any] | None = None
    width: int | None = None  # in characters; else by kind

    @property
    def imported(self) -> bool:
        return self.get is None

    def export(self, obj: models.Model, for_csv: bool) -> Value:
        """Return the cell for `obj`: native types for XLSX, Vietnamese text for CSV."""
        if self.get is not None:
            value = self.get(obj)
            if isinstance(value, bool):
                return ("có" if value else "không") if for_csv else value
            if isinstance(value, dt.date) and for_csv:
                return fmt_date(value)
            return "" if value is None else value
        if self.kind in ("partnership", "agreement"):  # a related record by the name shown
            rel = getattr(obj, self.attr)
            return str(rel) if rel else ""
        if self.kind in ("locality",):
            loc = getattr(obj, self.attr)
            return loc.name if loc else ""
        if self.kind == "id":
            return getattr(obj, f"{self.attr}_id") or ""
        value = getattr(obj, self.attr)
        if value is None or value == "":
            return ""
        if self.kind == "billion":
            d = Decimal(value) / BILLION
            return fmt_number(d, 9) if for_csv else d
        if self.kind == "date":
            return fmt_date(value) if for_csv else value
        if self.kind == "choice":
            return dict(self.choices).get(value, value)
        return value

    def parse(self, raw: Value) -> Value:
        """Return the model value of a cell; ValueError with a Vietnamese reason when bad."""
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            if self.required:
                raise ValueError(_("bắt buộc phải có"))
            return None if self.kind not in ("text", "choice") else ""
        if self.kind == "text":
            return str(unneutralise(raw)).strip()
        if self.kind in ("int", "id"):
            try:
                d = to_decimal(raw)
            except ValueError:
                raise ValueError(_("“%(v)s” không phải là số") % {"v": raw}) from None
            if d != d.to_integral_value() or d < 0:
                raise ValueError(_("“%(v)s” phải là số nguyên không âm") % {"v": raw})
            return int(d)
        if self.kind == "billion":
            try:
                d = to_decimal(raw) * BILLION
            except ValueError:
                raise ValueError(
                    _("“%(v)s” không phải là số (ví dụ 1.250,5)") % {"v": raw}
                ) from None
            if d != d.to_integral_value():
                raise ValueError(_("“%(v)s” có quá nhiều chữ số thập phân") % {"v": raw})
            return int(d)
        if self.kind == "date":
            if isinstance(raw, dt.datetime):
                return raw.date()
            if isinstance(raw, dt.date):
                return raw
            try:
                return parse_date(str(raw))
            except ValueError:
                raise ValueError(
                    _("“%(v)s” không phải ngày dạng dd/mm/yyyy") % {"v": raw}
                ) from None
        if self.kind == "choice":
            text = fold(str(raw))
            for code, label in self.choices:
                if text in (fold(code), fold(str(label))):
                    return code
            allowed = "; ".join(str(label) for _, label in self.choices)
            raise ValueError(_("“%(v)s” không thuộc danh mục: %(a)s") % {"v": raw, "a": allowed})
        return str(raw).strip()  # locality and partnership names are resolved with the row later


def choices_of(pairs) -> tuple[tuple[str, str], ...]:
    return tuple((str(c), str(label)) for c, label in pairs)


_SKIP = {"created_at", "created_by", "updated_by", "deleted_at", "deleted_by", "original",
         "search_name", "text"}  # fmt: skip


def model_columns(model: type[models.Model]) -> list[SheetColumn]:
    """Return one column per plain field of the model (foreign keys as ids)."""
    cols = []
    for f in model._meta.concrete_fields:
        if f.name in _SKIP:
            continue
        label = str(f.verbose_name)
        if f.is_relation:
            cols.append(SheetColumn(f.name, label, "id"))
        elif isinstance(f, models.DateField) and not isinstance(f, models.DateTimeField):
            cols.append(SheetColumn(f.name, label, "date"))
        elif f.choices:
            cols.append(SheetColumn(f.name, label, "choice", choices=choices_of(f.choices)))
        elif isinstance(f, models.JSONField):
            cols.append(SheetColumn(f.name, label, "json"))
        else:
            cols.append(SheetColumn(f.name, label, "text"))
    return cols
