"""Checks shared by the models' clean(): one place for rules every surface obeys.

Each check adds its message, naming the field, to an `errors` dict that the caller raises as
a ValidationError; the web forms, the API, the import and the admin all save through
full_clean(), so they all refuse the same nonsense.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

# A date further ahead than this is refused unless the user confirms it (a typo like 2099).
FAR_AHEAD = dt.timedelta(days=366)
CONFIRM_FLAG = "_confirm_far_dates"


def confirm_far_dates(obj: Any, confirmed: bool) -> None:
    """Mark `obj` as carrying dates far ahead that the user confirmed (or not)."""
    setattr(obj, CONFIRM_FLAG, bool(confirmed))


def _label(obj: Any, field: str) -> str:
    return str(obj._meta.get_field(field).verbose_name).capitalize()


def check_far_ahead(obj: Any, field: str, errors: dict[str, list]) -> None:
    """Refuse a date more than a year ahead unless the user confirmed it."""
    value = getattr(obj, field)
    if not isinstance(value, dt.date) or getattr(obj, CONFIRM_FLAG, False):
        return
    if value > timezone.localdate() + FAR_AHEAD:
        errors.setdefault(field, []).append(
            _(
                "%(label)s %(d)s cách hôm nay hơn một năm. Hãy kiểm tra lại; nếu đúng, "
                "đánh dấu “Xác nhận ngày ở xa”."
            )
            % {"label": _label(obj, field), "d": value.strftime("%d/%m/%Y")}
        )


def check_locality_on(obj: Any, field: str, on: dt.date | None, errors: dict[str, list]) -> None:
    """Refuse a locality that was not an administrative unit on the record's date."""
    if on is None or not getattr(obj, f"{field}_id", None):
        return
    loc = getattr(obj, field)
    if loc.exists_on(on):
        return
    shown = on.strftime("%d/%m/%Y")
    if on < loc.valid_from:
        msg = _("%(label)s: %(unit)s chỉ có từ %(from)s, chưa có vào ngày %(on)s.") % {
            "label": _label(obj, field), "unit": loc.name,
            "from": loc.valid_from.strftime("%d/%m/%Y"), "on": shown,
        }  # fmt: skip
    else:
        succ = loc.successor
        msg = _("%(label)s: %(unit)s không còn là đơn vị hành chính vào ngày %(on)s%(now)s.") % {
            "label": _label(obj, field), "unit": loc.name, "on": shown,
            "now": _(" (hãy chọn %(s)s)") % {"s": succ.name} if succ else "",
        }  # fmt: skip
    errors.setdefault(field, []).append(msg)


def check_in_year(obj: Any, date_field: str, year_field: str, errors: dict[str, list]) -> None:
    """Refuse a date that lies outside the record's year."""
    on, year = getattr(obj, date_field), getattr(obj, year_field)
    if isinstance(on, dt.date) and year and on.year != year:
        errors.setdefault(date_field, []).append(
            _("%(label)s %(d)s không thuộc năm %(y)s.")
            % {"label": _label(obj, date_field), "d": on.strftime("%d/%m/%Y"), "y": year}
        )


def check_locality_in_year(obj: Any, field: str, year: int | None, errors: dict[str, list]) -> None:
    """Refuse a locality that was not a unit at any time in `year` (records dated by year)."""
    if not year or not getattr(obj, f"{field}_id", None):
        return
    loc = getattr(obj, field)
    if loc.valid_from <= dt.date(year, 12, 31) and (
        loc.valid_to is None or loc.valid_to >= dt.date(year, 1, 1)
    ):
        return
    errors.setdefault(field, []).append(
        _("%(label)s: %(unit)s không phải đơn vị hành chính trong năm %(y)s.")
        % {"label": _label(obj, field), "unit": loc.name, "y": year}
    )
