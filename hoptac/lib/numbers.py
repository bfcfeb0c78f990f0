"""Numbers and money written the Vietnamese way ("45.500", "5.432,1", "1,5 tỷ đồng").

Decimal throughout: amounts of đồng are integers and never pass through a float.
"""

from __future__ import annotations

import re
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


MAX_VND = 10**18  # a billion tỷ đồng: beyond any real amount, and inside a 64-bit integer
_SCALES = {"tỷ": BILLION, "ty": BILLION, "triệu": MILLION, "trieu": MILLION,
           "nghìn": 1000, "nghin": 1000, "ngàn": 1000, "ngan": 1000}  # fmt: skip
_MONEY_RE = re.compile(r"([0-9][0-9., ]*)\s*([^\W\d_]+)?", re.UNICODE)


def parse_vnd(text: str) -> int:
    """Return the amount of đồng people typed: "3 tỷ", "1,5 tỷ đồng", "2.000.000.000",
    "2,000,000,000 đ", "500 triệu", "20000". Raise ValueError when it is not an amount."""
    s = " ".join(str(text).strip().lower().split())
    for unit in ("đồng", "vnđ", "vnd", "đ"):
        if s.endswith(unit):
            s = s[: -len(unit)].strip()
            break
    m = _MONEY_RE.fullmatch(s)
    if not m:
        raise ValueError(text)
    digits, word = m.group(1).replace(" ", ""), m.group(2)
    scale = 1
    if word:
        if word not in _SCALES:
            raise ValueError(text)
        scale = _SCALES[word]
    number = _decimal_of(digits, allow_fraction=scale > 1)
    amount = number * scale
    if amount != amount.to_integral_value():
        raise ValueError(text)
    return int(amount)


def _decimal_of(digits: str, *, allow_fraction: bool) -> Decimal:
    """Read "2.000.000", "2,000,000", "1,5" or "1.5": separators followed by exactly three
    digits group thousands; one other separator marks the fraction."""
    groups = re.split(r"[.,]", digits)
    seps = re.findall(r"[.,]", digits)
    if not groups[0] or any(not g.isdigit() for g in groups):
        raise ValueError(digits)
    if len(groups) > 1 and all(len(g) == 3 for g in groups[1:]) and len(set(seps)) == 1:
        if not (allow_fraction and len(groups) == 2 and seps[0] == ","):
            return Decimal("".join(groups))
    if len(groups) == 2 and allow_fraction:
        return Decimal(f"{groups[0]}.{groups[1]}")
    if len(groups) == 1:
        return Decimal(groups[0])
    # "1.234,5" (thousands, then the fraction) with a scale word
    if allow_fraction and len(set(seps)) == 2 and seps[-1] != seps[0]:
        head, frac = groups[:-1], groups[-1]
        if all(len(g) == 3 for g in head[1:]):
            return Decimal(f"{''.join(head)}.{frac}")
    raise ValueError(digits)
