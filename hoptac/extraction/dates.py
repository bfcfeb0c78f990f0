"""Dates: the dateline ("Thứ hai, 02/12/2019 13:32") and the event ("Sáng 30/11", "Ngày 12-6",
"ngày 20 tháng 10 năm 2024").

The event date is the first dated time expression in the lead of the body; its year comes from
the expression, else the dateline, else the `published` date, else it stays unknown ("--MM-DD").
Patterns run on the lower-case work view (furniture already blanked).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_SEP = r"\s{0,2}[/\-.]\s{0,2}"
# A full date with a year, as datelines print it.
_FULL_RE = re.compile(
    rf"(?<![\d/])(?P<d>\d{{1,2}}){_SEP}(?P<m>\d{{1,2}}){_SEP}(?P<y>(?:19|20)\d{{2}})(?![\d/])"
    r"|ngày\s{1,3}(?P<d2>\d{1,2})\s{1,3}tháng\s{1,3}(?P<m2>\d{1,2})\s{1,3}năm\s{1,3}(?P<y2>(?:19|20)\d{2})"
)
# The event: a part of day or "ngày" before a day and month, with or without a year.
_EVENT_RE = re.compile(
    # A run of days: "ngày 12 và 13/4", "từ ngày 18 đến 19/4", "trong hai ngày 18-19/4/2025";
    # the event starts on the first day.
    r"(?<!\w)ngày\s{1,3}(?P<d3>\d{1,2})\s{0,2}(?:[-–,]|và|đến|tới)\s{0,2}(?:ngày\s{1,3})?\d{1,2}"
    rf"{_SEP}(?P<m3>\d{{1,2}})(?:{_SEP}(?P<y3>(?:19|20)\d{{2}}))?(?![\d/])"
    r"|(?<!\w)(?:(?:sáng|chiều|tối|trưa|đêm|hôm)\s{1,3}(?:nay\s{1,3}|qua\s{1,3})?(?:\(|,)?\s{0,2}"
    r"(?:(?:thứ\s{1,3}\w{1,4}|chủ\s{1,3}nhật)\s{0,2}[,(]?\s{0,2})?(?:ngày\s{1,3})?|ngày\s{1,3})"
    rf"(?P<d>\d{{1,2}}){_SEP}(?P<m>\d{{1,2}})(?:{_SEP}(?P<y>(?:19|20)\d{{2}}))?(?![\d/])"
    r"|(?<!\w)ngày\s{1,3}(?P<d2>\d{1,2})\s{1,3}tháng\s{1,3}(?P<m2>\d{1,2})"
    r"(?:\s{1,3}năm\s{1,3}(?P<y2>(?:19|20)\d{2}))?"
    # Month names in words: "ngày 24 tháng Tư", "ngày 2 tháng Mười Một năm 2023".
    r"|(?<!\w)ngày\s{1,3}(?P<d4>\d{1,2})\s{1,3}tháng\s{1,3}(?P<mw>giêng|mười\s{1,2}một|mười\s{1,2}hai"
    r"|chạp|mười|hai|ba|tư|bốn|năm|sáu|bảy|tám|chín)(?!\w)(?:\s{1,3}năm\s{1,3}(?P<y4>(?:19|20)\d{2}))?"
)
_MONTH_WORDS = {
    "giêng": 1, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8,
    "chín": 9, "mười": 10, "mười một": 11, "mười hai": 12, "chạp": 12,
}  # fmt: skip
# A date recalled in the lead: an anniversary, a signing, a programme's start.
_RECALLED_BEFORE_RE = re.compile(
    r"(?:kỷ\s{1,2}niệm|ký\s{1,2}kết|ký\s{1,2}ngày|được\s{1,2}ký|thành\s{1,2}lập|ban\s{1,2}hành|"
    r"từ\s{1,2}ngày|kể\s{1,2}từ)[^.;!?\n()/]{0,60}$|\(\s{0,2}$"
)
_TIME_NEAR_RE = re.compile(r"\d{1,2}:\d{2}(?!\d)")
_AFTER_DATE_RE = re.compile(r"[\s,|\-]{1,4}")
_LEAD_CHARS = 1500  # the event is named in the lead; later dates are history or plans


@dataclass(frozen=True)
class Found:
    """A date found in the text: ISO form (YYYY-MM-DD or --MM-DD), its span, a confidence."""

    iso: str
    start: int
    end: int
    confidence: float


def _valid(d: int, m: int, y: int | None) -> bool:
    if not (1 <= m <= 12 and 1 <= d <= 31):
        return False
    try:
        dt.date(y or 2000, m, d)
    except ValueError:
        return False
    return True


def _parts(m: re.Match[str]) -> tuple[int, int, int | None]:
    g: dict[str, str | None] = m.groupdict()
    d4, mw, y4 = g.get("d4"), g.get("mw"), g.get("y4")
    if d4 and mw:
        return int(d4), _MONTH_WORDS[" ".join(mw.split())], int(y4) if y4 else None
    d = g["d"] or g["d2"] or g.get("d3")
    mo = g["m"] or g["m2"] or g.get("m3")
    y = g["y"] or g["y2"] or g.get("y3")
    assert d is not None and mo is not None  # every alternative has a day and a month
    return int(d), int(mo), int(y) if y else None


def dateline(head: str) -> tuple[dt.date, int, int] | None:
    """Return the first full date in `head` (the lower-cased top of the raw text), or None.

    The dateline is page furniture, so it is looked for in the text before cleaning.
    """
    for m in _FULL_RE.finditer(head):
        d, mo, y = _parts(m)
        if y and _valid(d, mo, y):
            return dt.date(y, mo, d), m.start(), m.end()
    return None


def _year_for(d: int, m: int, ref: dt.date) -> int:
    """Return the year of day `d`/`m` reported around `ref` (a report follows its event)."""
    y = ref.year
    if (m, d) > (ref.month, ref.day) and m - ref.month > 6:
        y -= 1  # "Sáng 30/12" in a report dated 02/01
    return y


def _timestamp(low: str, start: int, end: int) -> bool:
    """Return whether a date sits next to a clock time: a dateline ("08:30 ngày 12/7/2025")."""
    if _TIME_NEAR_RE.search(low, max(0, start - 10), start):
        return True
    after = _AFTER_DATE_RE.match(low, end)
    return bool(_TIME_NEAR_RE.match(low, after.end() if after else end))


def event_date(
    low: str, head: str, body_start: int, *, published: dt.date | None = None, tail: str = ""
) -> tuple[Found | None, dt.date | None]:
    """Return the event date found and the reference date (dateline or published), if any.

    `low` is the lower-case work view, `head` the lower-cased raw text of the document's top.
    """
    line = dateline(head)
    ref = line[0] if line else published
    if ref is None and tail:
        # "Cập nhật: 19/06/2024 07:45" under the article: its year, not its date.
        last = None
        for m in _FULL_RE.finditer(tail):
            d, mo, y = _parts(m)
            if y and _valid(d, mo, y):
                last = dt.date(y, mo, d)
        ref = last
    lead_end = min(len(low), body_start + _LEAD_CHARS)
    # The first date of the lead, passing over dates recalled there (an anniversary, a
    # signing) when a later one is the event's.
    found = []
    fallback = None
    for m in _EVENT_RE.finditer(low, body_start, lead_end):
        if not _valid(*_parts(m)) or _timestamp(low, m.start(), m.end()):
            continue
        if _RECALLED_BEFORE_RE.search(low, max(body_start, m.start() - 80), m.start()):
            fallback = fallback or m
            continue
        found = [m]
        break
    if not found and fallback is not None:
        found = [fallback]
    for m in found:
        d, mo, y = _parts(m)
        if y is None and ref is not None:
            y = _year_for(d, mo, ref)
            conf = 0.85
        else:
            conf = 0.9 if y else 0.8
        iso = f"{y:04d}-{mo:02d}-{d:02d}" if y else f"--{mo:02d}-{d:02d}"
        return Found(iso, m.start(), m.end(), conf), ref
    if line:
        # No event date in the lead: the report's own date is the best guess.
        return Found(line[0].isoformat(), line[1], line[2], 0.5), ref
    return None, ref
