"""Agencies named in official documents: where a name ends, and which side it belongs to.

"Sở Tài chính hai địa phương" is one agency per side; "Sở Du lịch thành phố Hà Nội" is Hà
Nội's Sở Du lịch; "Bệnh viện Đa khoa tỉnh" is the issuing province's. Names are kept as
printed ("Sở KH&ĐT"); the locality and the "tỉnh"/"thành phố" after a name are not part of it.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from hoptac.extraction.localities import Mention
from hoptac.lib import units

# Words that open an agency's name (checked case-insensitively at a word start).
_HEADS = (
    "sở", "ban", "văn phòng", "vp", "ủy ban", "ubnd", "hđnd", "hội đồng", "trung tâm",
    "bệnh viện", "hội", "cục", "chi cục", "liên minh", "liên đoàn", "đài", "báo", "trường",
    "viện", "công an", "bộ chỉ huy", "bộ đội biên phòng", "tỉnh đoàn", "thành đoàn",
    "hiệp hội", "đảng ủy", "mặt trận", "ủy ban mặt trận", "tổng công ty", "công ty",
    "quỹ", "kho bạc", "ngân hàng", "cảng vụ", "thanh tra", "bảo hiểm xã hội", "tỉnh ủy",
    "thành ủy", "đoàn thanh niên", "hội liên hiệp", "khu", "ban quản lý", "ban cán sự",
)  # fmt: skip
_HEAD_RE = re.compile(
    r"(?<!\w)(?:"
    + "|".join(sorted((re.escape(h) for h in _HEADS), key=len, reverse=True))
    + r")(?!\w)",
    re.IGNORECASE,
)
# "of both sides": one entry per party.
_BOTH_RE = re.compile(
    r"\s*(?:của\s+)?(?:hai|2|các)\s+(?:địa\s+phương|bên|tỉnh|thành\s+phố|tỉnh,\s*thành(?:\s+phố)?)\s*$",
    re.IGNORECASE,
)
# The kind word left at the end once a locality is cut off, or standing for the issuer.
_TAIL_KIND_RE = re.compile(r"[\s,]*(?:của\s+)?(?:tỉnh|thành\s+phố|tp\.?)\s*$", re.IGNORECASE)
_SPLIT_RE = re.compile(r"\s*[;+]\s*|\s*\n\s*")
_JOIN_RE = re.compile(r"\s*(?:,|\bvà\b|\bvới\b)\s*", re.IGNORECASE)
_TRAIL_RE = re.compile(r"[\s.,;:)(]+$")
_LEAD_RE = re.compile(r"^[\s\-–•+*.,;:(]+|^(?:các|cùng|và|với)\s+", re.IGNORECASE)


@dataclass
class Sides:
    """What decides an agency's side: the locality mentions, the parties and their kinds
    (units.CITY / units.PROVINCE), and the issuer of a one-side document."""

    mentions: list[Mention]
    parties: list[str]
    kinds: dict[str, str | None]
    issuer: str | None = None
    starts: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.mentions = sorted((m for m in self.mentions if m.name), key=lambda m: m.start)
        self.starts = [m.start for m in self.mentions]

    def inside(self, start: int, end: int) -> list[Mention]:
        """The resolved mentions that start after `start` and end by `end`."""
        i = bisect.bisect_right(self.starts, start)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            if self.mentions[i].end <= end:
                out.append(self.mentions[i])
            i += 1
        return out


@dataclass(frozen=True)
class Agency:
    locality: str | None
    agency: str

    def to_json(self) -> dict[str, str | None]:
        return {"locality": self.locality, "agency": self.agency}


def split_list(text: str, start: int) -> list[tuple[str, int]]:
    """Split a list of agencies into (name, offset) at ';' and at ',' / 'và' before a head."""
    out: list[tuple[str, int]] = []
    pos = 0
    for piece in _SPLIT_RE.split(text):
        at = text.find(piece, pos) if piece else pos
        pos = at + len(piece)
        cut = [0]
        for m in _JOIN_RE.finditer(piece):
            rest = piece[m.end() :]
            if _HEAD_RE.match(rest) and rest[:1].isupper():
                cut.append(m.start())
                cut.append(m.end())
        cut.append(len(piece))
        for i in range(0, len(cut) - 1, 2):
            s, e = cut[i], cut[i + 1]
            name = piece[s:e]
            if name.strip():
                out.append((name, start + at + s))
    return out


def read_agencies(text: str, start: int, sides: Sides) -> list[Agency]:
    """Return the agencies of `text` (found at offset `start`), one per side.

    An agency without a locality is the issuer's (a one-side document) or, when the document
    is between two sides, of the side its organ names ("Văn phòng Tỉnh ủy"), else of none.
    """
    out: list[Agency] = []
    for name, at in split_list(text, start):
        out.extend(_one(name, at, sides))
    seen: set[tuple[str | None, str]] = set()
    unique = []
    for a in out:
        key = (a.locality, a.agency.lower())
        if key not in seen and a.agency:
            seen.add(key)
            unique.append(a)
    return unique


# Words after a name that qualify the assignment, not the agency ("theo chức năng").
_QUALIFIER_RE = re.compile(
    r"\s+(?:theo\s+(?:chức\s+năng|thẩm\s+quyền|lĩnh\s+vực|nhiệm\s+vụ)|có\s+liên\s+quan|"
    r"liên\s+quan|được\s+giao|cùng\s+cấp)\b.*$",
    re.IGNORECASE,
)


def _one(name: str, at: int, sides: Sides) -> list[Agency]:
    parties = sides.parties
    name = _QUALIFIER_RE.sub("", name)
    name = _LEAD_RE.sub("", name)
    name = _TRAIL_RE.sub("", name)
    head = _HEAD_RE.search(name)
    if head is None or head.start() > 0:
        return []
    both = _BOTH_RE.search(name)
    if both:
        agency = _clean(name[: both.start()])
        return [Agency(p, agency) for p in parties]
    offset = at + (len(name) - len(name.lstrip()))
    inside = sides.inside(offset, offset + len(name) + 2)
    if inside:
        m = inside[-1]
        cut = m.start - offset
        agency = _clean(name[:cut])
        if agency and _HEAD_RE.match(agency):
            return [Agency(m.name, agency)]
    tail = _TAIL_KIND_RE.search(name)
    if tail and tail.start() > 0:
        kind = tail.group().strip().lower()
        agency = _clean(name[: tail.start()])
        return [Agency(_side_of_kind(kind, sides), agency)]
    agency = _clean(name)
    return [Agency(_organ_side(agency, sides), agency)]


def _clean(s: str) -> str:
    return _TRAIL_RE.sub("", " ".join(s.split()))


def _side_of_kind(kind: str, sides: Sides) -> str | None:
    """ "tỉnh" after a name is the province among the parties, "thành phố" the city."""
    if sides.issuer:
        return sides.issuer
    want = units.CITY if kind.startswith(("thành", "tp")) else units.PROVINCE
    found = [p for p in sides.parties if sides.kinds.get(p) == want]
    return found[0] if len(found) == 1 else None


def _organ_side(agency: str, sides: Sides) -> str | None:
    if sides.issuer:
        return sides.issuer
    low = agency.lower()
    if "thành ủy" in low or "thành đoàn" in low or low.endswith(" thành phố"):
        return _side_of_kind("thành phố", sides)
    if "tỉnh ủy" in low or "tỉnh đoàn" in low:
        return _side_of_kind("tỉnh", sides)
    return None
