"""Numbers and money written the Vietnamese way ("45.500", "5.432,1", "1,5 tỷ đồng").

Decimal throughout: amounts of đồng are integers and never pass through a float.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import get_language
from django.utils.translation import gettext as _

BILLION = 1_000_000_000  # one tỷ đồng
MILLION = 1_000_000  # one triệu đồng


def group_number(value: int | Decimal, places: int = 0, *, vietnamese: bool = True) -> str:
    """Return `value` rounded to `places` with thousands grouped and trailing zeros dropped:
    "45.500" / "5.432,1" in Vietnamese, "45,500" / "5,432.1" otherwise."""
    d = Decimal(value)
    if places:
        d = d.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    sign = "-" if d < 0 else ""
    whole, _dot, frac = f"{abs(d):f}".partition(".")
    groups: list[str] = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    thousands, decimal = (".", ",") if vietnamese else (",", ".")
    text = sign + thousands.join(groups)
    frac = frac.rstrip("0")
    return f"{text}{decimal}{frac}" if frac else text


def in_current_language(value: int | Decimal, places: int = 0) -> str:
    """Return group_number() with the separators of the active language."""
    return group_number(value, places, vietnamese=(get_language() or "vi").startswith("vi"))


def format_vnd(value: int | Decimal, places: int = 1) -> str:
    """Return an amount of đồng in words of the active language: "49.900 tỷ đồng",
    "1,5 tỷ đồng", "500 triệu đồng", "20.000 đồng"."""
    amount = Decimal(value)
    if abs(amount) >= BILLION:
        return _("%(n)s tỷ đồng") % {"n": in_current_language(amount / BILLION, places)}
    if abs(amount) >= MILLION:
        return _("%(n)s triệu đồng") % {"n": in_current_language(amount / MILLION, places)}
    return _("%(n)s đồng") % {"n": in_current_language(amount, 0)}
