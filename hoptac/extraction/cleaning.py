"""Cleaning that keeps offsets: page furniture, duplicated captions, lines broken mid-sentence.

Nothing is cut out or moved. `clean()` returns a *work view*: a string exactly as long as the
input in which furniture is blanked (every character but newlines becomes a space) and a newline
that breaks a sentence becomes a space. Every pattern runs over the work view, so a match's
offsets are offsets into the original text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from hoptac.extraction.lexicon import LOWER, UPPER, furniture, low

_LINE_RE = re.compile(r"[^\n]+")
_WRAPPED = 70  # a line this long that does not end a sentence was wrapped by the layout
_NOT_NEWLINE_RE = re.compile(r"[^\n]")
_ENDS_SENTENCE_RE = re.compile(r"[.!?…:\"”’)\]»]\s*$")
_JOIN_END_RE = re.compile(r"[,;\-–]\s*$|[" + LOWER + r"]\s*$")
_STARTS_LOWER_RE = re.compile(r"\s*[" + LOWER + "]")
# A byline: two to five capitalised words and nothing else ("Minh Anh", "Nguyễn Văn A (TTXVN)").
_BYLINE_RE = re.compile(
    r"(?:[" + UPPER + r"][" + LOWER + r"]{0,7}\s{1,3}){1,4}[" + UPPER + r"][" + LOWER + r"]{0,7}"
    r"(?:\s{0,3}\([^()\n]{1,30}\))?|[" + UPPER + r"]{2,10}"
)
_HEADLINE_MAX = 220


@dataclass(frozen=True)
class Zone:
    """A span of the text that is not article body (or is a caption), and why."""

    start: int
    end: int
    kind: str  # "furniture", "related", "end_matter", "duplicate", "byline"


@dataclass(frozen=True)
class Cleaned:
    """The work view of a text, the zones left out of it, and the title's span."""

    work: str
    zones: tuple[Zone, ...]
    title: tuple[int, int] | None


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    f = furniture()

    def whole(key: str) -> re.Pattern[str]:
        return re.compile(r"(?:" + "|".join(f[key]) + r")\s*[.:]?", re.IGNORECASE)

    inline = re.compile("|".join(f["inline"]), re.IGNORECASE | re.MULTILINE)
    return whole("cut_to_end"), whole("related_list"), whole("line"), inline


def _blank(s: str) -> str:
    return _NOT_NEWLINE_RE.sub(" ", s)


def clean(text: str) -> Cleaned:
    """Return the work view of `text` (same length) with its furniture zones and title span."""
    cut_end, related, line_re, inline = _patterns()
    lines = [(m.start(), m.end()) for m in _LINE_RE.finditer(text)]
    zones: list[Zone] = []
    seen: set[str] = set()
    kept: list[tuple[int, int]] = []
    i = 0
    while i < len(lines):
        s, e = lines[i]
        raw = text[s:e].strip()
        if not raw:
            i += 1
            continue
        key = low(raw)
        if i > 0 and cut_end.fullmatch(key):
            zones.append(Zone(s, len(text), "end_matter"))
            break
        if related.fullmatch(key):
            zones.append(Zone(s, e, "related"))
            i += 1
            # Other stories' headlines follow: short lines with no sentence end.
            while i < len(lines):
                hs, he = lines[i]
                head = text[hs:he].strip()
                if head and (len(head) > _HEADLINE_MAX or _ENDS_SENTENCE_RE.search(head)):
                    break
                if cut_end.fullmatch(low(head)):
                    break
                zones.append(Zone(hs, he, "related"))
                i += 1
            continue
        if line_re.fullmatch(key):
            zones.append(Zone(s, e, "furniture"))
        elif len(raw) >= 15 and key in seen:
            # A caption repeated under its photo, or the title repeated: one mention is enough.
            zones.append(Zone(s, e, "duplicate"))
        else:
            seen.add(key)
            kept.append((s, e))
            for m in inline.finditer(text, s, e):
                zones.append(Zone(m.start(), m.end(), "furniture"))
        i += 1
    # Bylines sit among the last lines of the body.
    for s, e in kept[-3:]:
        if kept and (s, e) != kept[0] and _BYLINE_RE.fullmatch(text[s:e].strip()):
            zones.append(Zone(s, e, "byline"))
    work = _apply(text, zones, kept)
    title = None
    for m in _LINE_RE.finditer(work):
        stripped = m.group().strip()
        if stripped:
            if len(stripped) <= 300:
                off = m.group().index(stripped[0])
                title = (m.start() + off, m.start() + off + len(stripped))
            break
    return Cleaned(work, tuple(sorted(zones, key=lambda z: z.start)), title)


def _apply(text: str, zones: list[Zone], kept: list[tuple[int, int]]) -> str:
    """Return `text` with zones blanked and sentence-breaking newlines turned into spaces."""
    pieces: list[str] = []
    pos = 0
    for z in sorted(zones, key=lambda z: z.start):
        if z.end <= pos:
            continue
        start = max(z.start, pos)
        pieces.append(text[pos:start])
        pieces.append(_blank(text[start : z.end]))
        pos = z.end
    pieces.append(text[pos:])
    work = "".join(pieces)
    # Join a line that stops mid-sentence with the next one ("..., Bí thư Tỉnh ủy,\nChủ tịch").
    joins = []
    blanked = {(z.start, z.end) for z in zones}
    for (s1, e1), (s2, _e2) in zip(kept, kept[1:], strict=False):
        if (s1, e1) in blanked or text.count("\n", e1, s2) != 1:
            continue
        line = work[s1:e1]
        if not line.strip() or _ENDS_SENTENCE_RE.search(line):
            continue
        if (
            re.search(r"[,;\-–]\s*$", line)
            or (_JOIN_END_RE.search(line) and _STARTS_LOWER_RE.match(work, s2))
            or (len(line) >= _WRAPPED and " | " not in line)  # a PDF line wrapped mid-sentence
        ):
            joins.append(text.index("\n", e1, s2))
    if joins:
        buf = list(work) if len(joins) > 64 else None
        if buf is not None:
            for j in joins:
                buf[j] = " "
            work = "".join(buf)
        else:
            for j in joins:
                work = work[:j] + " " + work[j + 1 :]
    return work
