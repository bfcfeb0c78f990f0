"""The publication date of a web page, from its metadata: it gives the year when the text
prints only a day and a month ("Sáng 14/3, ...").

Read, in order: `<meta property="article:published_time">` and its kin (og:, itemprop,
name="pubdate" / "date" / "dc.date"), JSON-LD `datePublished`, `<time datetime>`. Dates are
ISO ("2025-03-15T08:30:00+07:00") or Vietnamese ("15/03/2025").
"""

from __future__ import annotations

import datetime as dt
import json
import re

_KEYS = (
    "article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate",
    "publish-date", "date", "dc.date", "dc.date.issued", "article:modified_time",
)  # fmt: skip
_ISO_RE = re.compile(r"((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})")
_VN_RE = re.compile(r"(?<!\d)(\d{1,2})/(\d{1,2})/((?:19|20)\d{2})(?!\d)")


def _date(s: str) -> dt.date | None:
    m = _ISO_RE.search(s)
    try:
        if m:
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        m = _VN_RE.search(s)
        if m:
            return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    except ValueError:
        return None
    return None


def published_on(data: bytes) -> dt.date | None:
    """Return the publication date in the HTML page `data`, or None."""
    try:
        from lxml import html

        root = html.fromstring(data)
    except Exception:  # noqa: BLE001 - not HTML: no date
        return None
    found: dict[str, str] = {}
    for meta in root.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if key in _KEYS and meta.get("content") and key not in found:
            found[key] = meta.get("content") or ""
    for key in _KEYS:
        if key in found and (d := _date(found[key])):
            return d
    for script in root.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        try:
            blob = json.loads(script.text)
        except ValueError:
            continue
        for item in blob if isinstance(blob, list) else [blob]:
            if isinstance(item, dict) and isinstance(item.get("datePublished"), str):
                if d := _date(item["datePublished"]):
                    return d
    for el in root.iter("time"):
        if (value := el.get("datetime")) and (d := _date(value)):
            return d
    return None
