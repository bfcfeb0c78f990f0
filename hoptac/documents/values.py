"""What each kind of fact holds, and the one place its values are validated.

A reviewer edits a fact through a form built from these specs; `clean_value` turns the
submitted strings (or a JSON value from a service call) into the fact's value and raises
ValidationError keyed by field, each message naming the field in Vietnamese.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from hoptac.documents.models import FactKind
from hoptac.lib import units
from hoptac.lib.fields import field_choices

STAGES = (
    ("location_approved", gettext_lazy("Đã chấp thuận địa điểm")),
    ("licensed", gettext_lazy("Đã cấp chủ trương / GCN")),
    ("under_construction", gettext_lazy("Đang thi công")),
    ("operating", gettext_lazy("Đi vào hoạt động")),
    ("suspended", gettext_lazy("Tạm dừng")),
    ("revoked", gettext_lazy("Thu hồi")),
)
QUALIFIERS = (
    ("exact", gettext_lazy("chính xác")),
    ("about", gettext_lazy("khoảng")),
    ("nearly", gettext_lazy("gần")),
    ("over", gettext_lazy("trên")),
    ("at_least", gettext_lazy("ít nhất")),
)
_DATE_RE = re.compile(r"^(\d{4}|-)-(\d{2})-(\d{2})$")
_YEAR_RE = re.compile(r"^\d{4}$")
_PERIOD_RE = re.compile(r"^(\d{4})\s*[-–—]\s*(\d{4})$")
YES = (("1", gettext_lazy("có")),)
# When a grant was given (all optional; hoptac.extraction.money): at the reported event,
# in a year or period, or earlier without a date. None of them: as the meeting's date.
GRANT_TIMING = ("at_event", "period", "year", "past")


@dataclass(frozen=True)
class Spec:
    """One editable field of a fact's value."""

    key: str
    label: Any
    type: str  # text, locality, int, money, date, titles, choice, year, period, flag
    required: bool = False
    choices: tuple[tuple[str, Any], ...] = ()
    group: str = ""  # "by_status" for the stage counts of an investment


SPECS: dict[str, tuple[Spec, ...]] = {
    FactKind.PARTY: (Spec("name", gettext_lazy("Địa phương"), "locality", True),),
    FactKind.EVENT_DATE: (
        Spec("event_date", gettext_lazy("Ngày sự kiện (YYYY-MM-DD hoặc --MM-DD)"), "date", True),
    ),
    FactKind.PERSON: (
        Spec("name", gettext_lazy("Họ và tên"), "text", True),
        Spec("titles", gettext_lazy("Chức danh (mỗi dòng một chức danh)"), "titles"),
        Spec("locality", gettext_lazy("Bên đại diện"), "locality"),
    ),
    FactKind.INVESTMENT: (
        Spec("investor", gettext_lazy("Địa phương của nhà đầu tư"), "locality", True),
        Spec("host", gettext_lazy("Địa phương tiếp nhận"), "locality", True),
        Spec("projects", gettext_lazy("Số dự án"), "int"),
        Spec("capital_vnd", gettext_lazy("Tổng vốn đăng ký (đồng)"), "money"),
        Spec("qualifier", gettext_lazy("Mức độ"), "choice", choices=QUALIFIERS),
        Spec("since", gettext_lazy("Tính từ năm"), "year"),
        *(Spec(k, label, "int", group="by_status") for k, label in STAGES),
    ),
    FactKind.GRANT: (
        Spec("donor", gettext_lazy("Bên hỗ trợ"), "locality", True),
        Spec("recipient", gettext_lazy("Bên nhận"), "locality", True),
        Spec("amount_vnd", gettext_lazy("Số tiền (đồng)"), "money", True),
        Spec("purpose", gettext_lazy("Mục đích"), "text"),
        Spec("at_event", gettext_lazy("Trao tại sự kiện được đưa tin"), "flag", choices=YES),
        Spec("period", gettext_lazy("Giai đoạn (ví dụ 2011-2012)"), "period"),
        Spec("year", gettext_lazy("Năm"), "year"),
        Spec("past", gettext_lazy("Hỗ trợ trước đây, không rõ năm"), "flag", choices=YES),
    ),
    FactKind.COMMITMENT_COUNT: (
        Spec("count", gettext_lazy("Số nội dung"), "int", True),
        Spec("unit", gettext_lazy("Đơn vị (nội dung, lĩnh vực...)"), "text"),
    ),
    FactKind.FIELD: (
        Spec("code", gettext_lazy("Lĩnh vực"), "choice", True, tuple(field_choices())),
    ),
}


def specs_for(kind: str, value: Mapping[str, Any] | None = None) -> tuple[Spec, ...]:
    """Return the editable fields of a kind; free-form kinds edit the text fields they have."""
    if kind in SPECS:
        return SPECS[kind]
    keys = [k for k, v in (value or {}).items() if isinstance(v, str | int | float) or v is None]
    return tuple(Spec(k, k, "text") for k in keys)


def form_initial(kind: str, value: Mapping[str, Any]) -> dict[str, str]:
    """Return the value as the strings an edit form shows."""
    out: dict[str, str] = {}
    for spec in specs_for(kind, value):
        raw = (value.get(spec.group) or {}).get(spec.key) if spec.group else value.get(spec.key)
        if raw is None:
            out[spec.key] = ""
        elif spec.type == "flag":
            out[spec.key] = "1" if raw else ""
        elif spec.type == "titles":
            out[spec.key] = "\n".join(raw) if isinstance(raw, list) else str(raw)
        elif spec.type == "money" and isinstance(raw, float) and raw.is_integer():
            out[spec.key] = str(int(raw))
        else:
            out[spec.key] = str(raw)
    return out


def clean_value(kind: str, data: Mapping[str, Any], *, base: Mapping[str, Any]) -> dict[str, Any]:
    """Return the fact value from `data`, keeping keys of `base` that no form edits.

    Raises ValidationError({key: [message naming the field]}) listing every bad field.
    """
    value = {k: v for k, v in base.items() if k not in ("evidence", "confidence")}
    errors: dict[str, str] = {}
    for spec in specs_for(kind, base):
        if spec.key not in data:  # not edited: the value stays as it was
            continue
        try:
            cleaned = _clean_one(spec, data.get(spec.key))
        except ValueError as exc:
            errors[spec.key] = f"{spec.label}: {exc}"
            continue
        if spec.group:
            group = dict(value.get(spec.group) or {})
            if cleaned is None:
                group.pop(spec.key, None)
            else:
                group[spec.key] = cleaned
            value[spec.group] = group
        else:
            value[spec.key] = cleaned
    if kind == FactKind.INVESTMENT and not errors and "by_status" in value:
        if not value["by_status"]:
            del value["by_status"]
    if kind == FactKind.GRANT and not errors:
        _clean_grant_timing(value, errors)
    if errors:
        raise ValidationError(errors)
    return value


def _clean_grant_timing(value: dict[str, Any], errors: dict[str, str]) -> None:
    """Drop empty timing keys of a grant and refuse timings that contradict each other."""
    for key in GRANT_TIMING:
        if value.get(key) in (None, "", False):
            value.pop(key, None)
    if "year" in value:
        value["year"] = int(value["year"])
    dated = "year" in value or "period" in value
    if dated and (value.get("at_event") or value.get("past")):
        key = "at_event" if value.get("at_event") else "past"
        label = next(s.label for s in SPECS[FactKind.GRANT] if s.key == key)
        errors[key] = f"{label}: " + _("bỏ chọn khi đã nhập năm hoặc giai đoạn.")
    elif value.get("at_event") and value.get("past"):
        errors["past"] = _("Chỉ chọn một: trao tại sự kiện hoặc hỗ trợ trước đây.")


def _clean_one(spec: Spec, raw: Any) -> Any:
    text = raw.strip() if isinstance(raw, str) else raw
    if text in (None, "", []):
        if spec.required:
            raise ValueError(_("không được để trống."))
        return [] if spec.type == "titles" else None
    if spec.type == "text":
        return " ".join(str(text).split())
    if spec.type == "titles":
        items = text if isinstance(text, list) else re.split(r"[\n;]+", str(text))
        return [" ".join(str(t).split()) for t in items if str(t).strip()]
    if spec.type == "locality":
        name = " ".join(str(text).split())
        if not units.candidates(name):
            raise ValueError(_("“%(name)s” không phải tên một tỉnh, thành phố.") % {"name": name})
        return name
    if spec.type in ("int", "money"):
        return _clean_number(text, positive=spec.type == "money" or spec.required)
    if spec.type == "date":
        if not _DATE_RE.match(str(text)) or not _valid_date(str(text)):
            raise ValueError(_("hãy nhập ngày dạng 2019-11-30, hoặc --11-30 khi không rõ năm."))
        return str(text)
    if spec.type == "year":
        if not _YEAR_RE.match(str(text)):
            raise ValueError(_("hãy nhập năm có bốn chữ số."))
        return str(text)
    if spec.type == "period":
        m = _PERIOD_RE.match(str(text))
        if not m or m.group(1) > m.group(2):
            raise ValueError(_("hãy nhập giai đoạn dạng 2011-2015."))
        return f"{m.group(1)}-{m.group(2)}"
    if spec.type == "flag":
        if text is True or str(text).lower() in ("1", "true", "on", "có"):
            return True
        if text is False or str(text).lower() in ("0", "false", "off", "không"):
            return None
        raise ValueError(_("giá trị “%(v)s” không có trong danh sách.") % {"v": text})
    if spec.type == "choice":
        allowed = {c for c, _label in spec.choices}
        if str(text) not in allowed:
            raise ValueError(_("giá trị “%(v)s” không có trong danh sách.") % {"v": text})
        return str(text)
    raise ValueError(f"unknown field type {spec.type}")


def _clean_number(raw: Any, *, positive: bool) -> int:
    if isinstance(raw, bool):
        raise ValueError(_("hãy nhập một số nguyên."))
    if isinstance(raw, int | float):
        number = raw
    else:
        digits = str(raw).replace(".", "").replace(" ", "").replace("\u00a0", "")
        if not digits.isdigit():
            raise ValueError(_("hãy nhập một số nguyên, chỉ gồm chữ số (ví dụ 3000000000)."))
        number = int(digits)
    if number != int(number) or number < 0 or (positive and number == 0):
        raise ValueError(
            _("hãy nhập một số nguyên lớn hơn 0.") if positive else _("số không được âm.")
        )
    return int(number)


def _valid_date(text: str) -> bool:
    import datetime as dt

    year, month, day = text.rsplit("-", 2)[0].lstrip("-") or "2000", *text.rsplit("-", 2)[1:]
    try:
        dt.date(int(year), int(month), int(day))
    except ValueError:
        return False
    return True
