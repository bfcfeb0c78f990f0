"""Query parameters that every page and the API read: integers checked once, by name.

`?year=²` passes str.isdigit() and then breaks int(); `?partnership=99999999999999999999`
parses but overflows SQLite's 64-bit integers; `?year=-1` builds no date. Each now answers
400 (pages) or 422 (API) naming the parameter, through QueryGuardMiddleware.
"""

from __future__ import annotations

import re

from django.utils.translation import gettext as _

MAX_ID = 2**63 - 1  # SQLite's and PostgreSQL's bigint
# name: (smallest, largest). Ids, years and paging are integers on every surface; a value
# that does not look like a number at all is left to the view (a locality key "2008-01").
INT_PARAMS: dict[str, tuple[int, int]] = {
    "year": (1, 9999),
    "partnership": (0, MAX_ID),
    "agency": (0, MAX_ID),
    "locality": (0, MAX_ID),
    "partner": (0, MAX_ID),
    "page": (1, MAX_ID),
    "limit": (0, MAX_ID),
    "offset": (0, MAX_ID),
}
_ASCII_INT = re.compile(r"[+-]?[0-9]+")


class BadParameter(ValueError):
    """A query parameter that no view can use; `name` is the parameter."""

    def __init__(self, name: str, message: str) -> None:
        super().__init__(message)
        self.name = name
        self.message = message


def looks_numeric(value: str) -> bool:
    """Return True for what str.isdigit() would take for a number, a sign allowed."""
    stripped = value.strip().lstrip("+-")
    return bool(stripped) and (stripped.isdigit() or stripped.isdecimal())


def int_param(name: str, value: str, *, low: int, high: int) -> int:
    """Return `value` as an integer between `low` and `high`; BadParameter naming `name`."""
    text = value.strip()
    if not _ASCII_INT.fullmatch(text):
        raise BadParameter(
            name,
            _("Tham số “%(name)s” phải là số nguyên viết bằng chữ số 0–9.") % {"name": name},
        )
    number = int(text)
    if not low <= number <= high:
        raise BadParameter(
            name,
            _("Tham số “%(name)s” phải nằm trong khoảng %(low)s–%(high)s.")
            % {"name": name, "low": low, "high": high},
        )
    return number


def check_query(params, *, max_chars: int) -> None:
    """Raise BadParameter for the first value that is too long or a malformed integer."""
    for name in params:
        for value in params.getlist(name):
            if len(value) > max_chars:
                raise BadParameter(
                    name,
                    _("Tham số “%(name)s” dài quá %(n)s ký tự.") % {"name": name, "n": max_chars},
                )
            if name in INT_PARAMS and looks_numeric(value):
                low, high = INT_PARAMS[name]
                int_param(name, value, low=low, high=high)
