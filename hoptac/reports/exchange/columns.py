"""The spreadsheet columns of each register: how a record becomes a row and a cell a value.

The four importable registers (projects, commitments, grants, activities) have declared
columns, shared by the template, the export and the import, so that an exported file imports
back unchanged. The other registers export every plain field of their model.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import models
from django.utils.translation import gettext as _

from hoptac.activities.models import ActivityKind
from hoptac.investments.models import Stage
from hoptac.lib.fields import field_choices
from hoptac.lib.spreadsheet import unneutralise
from hoptac.lib.text import fold
from hoptac.partnerships.models import CommitmentStatus
from hoptac.reports.numbers import BILLION, fmt_date, fmt_number, parse_date, to_decimal

# kinds of cell: text, int, billion (tỷ đồng → đồng), date, locality, choice, id
Value = Any


@dataclass(frozen=True)
class Column:
    attr: str  # model attribute (for localities and ids: the FK name without _id)
    header: str
    kind: str = "text"
    required: bool = False
    choices: tuple[tuple[str, str], ...] = ()

    def export(self, obj: models.Model, for_csv: bool) -> Value:
        """Return the cell for `obj`: native types for XLSX, Vietnamese text for CSV."""
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
        return str(raw).strip()  # locality names are resolved with the row's date later


def _choices(pairs) -> tuple[tuple[str, str], ...]:
    return tuple((str(c), str(label)) for c, label in pairs)


FIELDS = _choices(field_choices())

IMPORT_COLUMNS: dict[str, list[Column]] = {
    "projects": [
        Column("external_id", "Mã dự án"),
        Column("name", "Tên dự án", required=True),
        Column("investor", "Nhà đầu tư"),
        Column("origin", "Địa phương của nhà đầu tư", "locality", True),
        Column("host", "Địa phương tiếp nhận", "locality", True),
        Column("sector", "Lĩnh vực", "choice", choices=FIELDS),
        Column("capital_vnd", "Vốn đăng ký (tỷ đồng)", "billion"),
        Column("stage", "Giai đoạn", "choice", choices=_choices(Stage.choices)),
        Column("registered_on", "Ngày đăng ký", "date"),
        Column("partnership", "Mã quan hệ hợp tác", "id"),
        Column("notes", "Ghi chú"),
    ],
    "commitments": [
        Column("agreement", "Mã văn bản", "id", True),
        Column("number", "Số thứ tự", "int", True),
        Column("field", "Lĩnh vực", "choice", choices=FIELDS),
        Column("text", "Nội dung"),
        Column("responsible", "Bên chủ trì", "locality"),
        Column("due_on", "Hạn", "date"),
        Column("status", "Trạng thái", "choice", choices=_choices(CommitmentStatus.choices)),
    ],
    "grants": [
        Column("partnership", "Mã quan hệ hợp tác", "id"),
        Column("donor", "Bên hỗ trợ", "locality", True),
        Column("recipient", "Bên nhận", "locality", True),
        Column("amount_vnd", "Số tiền (tỷ đồng)", "billion", True),
        Column("given_on", "Ngày trao", "date"),
        Column("year", "Năm", "int"),
        Column("purpose", "Mục đích"),
        Column("field", "Lĩnh vực", "choice", choices=FIELDS),
    ],
    "activities": [
        Column("partnership", "Mã quan hệ hợp tác", "id", True),
        Column("kind", "Loại", "choice", True, _choices(ActivityKind.choices)),
        Column("title", "Tên hoạt động", required=True),
        Column("starts_on", "Từ ngày", "date"),
        Column("ends_on", "Đến ngày", "date"),
        Column("year", "Năm", "int"),
        Column("place", "Địa điểm"),
        Column("organiser", "Bên tổ chức", "locality"),
        Column("count", "Số lượt", "int"),
        Column("field", "Lĩnh vực", "choice", choices=FIELDS),
        Column("description", "Mô tả"),
    ],
}

_SKIP = {"created_at", "created_by", "updated_by", "deleted_at", "deleted_by", "original",
         "search_name", "text"}  # fmt: skip


def columns_for(model: type[models.Model], register: str) -> list[Column]:
    """Return the declared columns, or one per plain field of the model (FKs as ids)."""
    if register in IMPORT_COLUMNS:
        return [Column("id", "ID", "int"), *IMPORT_COLUMNS[register]]
    cols = []
    for f in model._meta.concrete_fields:
        if f.name in _SKIP:
            continue
        if f.is_relation:
            cols.append(Column(f.name, str(f.verbose_name), "id"))
        elif isinstance(f, models.DateField) and not isinstance(f, models.DateTimeField):
            cols.append(Column(f.name, str(f.verbose_name), "date"))
        elif f.choices:
            cols.append(Column(f.name, str(f.verbose_name), "choice", choices=_choices(f.choices)))
        else:
            cols.append(
                Column(
                    f.name,
                    str(f.verbose_name),
                    "json" if isinstance(f, models.JSONField) else "text",
                )
            )
    return cols


def row_of(obj: models.Model, cols: list[Column], for_csv: bool) -> list[Value]:
    out = []
    for c in cols:
        v = c.export(obj, for_csv)
        if c.kind == "json" or isinstance(v, list | dict):
            import json

            v = json.dumps(v, ensure_ascii=False)
        elif isinstance(v, dt.datetime):
            v = v.isoformat() if for_csv else v.replace(tzinfo=None)
        out.append(v)
    return out


Getter = Callable[[models.Model], Value]
