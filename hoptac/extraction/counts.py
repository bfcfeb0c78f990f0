"""Agreed counts ("thống nhất 12 nội dung", "9 lĩnh vực", "6 ngành kinh tế trụ cột") and fields.

A count is a number before a unit of agreed content (nội dung, lĩnh vực, ngành, nhiệm vụ ...)
in a sentence about agreeing or focusing. "2 đồng chí", "2 địa phương", "15 đợt hội chợ" have
no such unit; "một số nội dung" is "some". The same count of the same unit repeated (title,
caption, body) is one count. Fields are codes from fields.json found by keyword.
"""

from __future__ import annotations

import re
from functools import cache

from hoptac.extraction.lexicon import alternation, field_keywords, load_json
from hoptac.extraction.model import Fact
from hoptac.extraction.numbers import parse_number
from hoptac.extraction.textview import View

_SMALL = r"\d{1,3}|(?:một|hai|ba|bốn|năm|sáu|bảy|bẩy|tám|chín|mười)(?:\s{1,2}(?:một|hai|ba|bốn|lăm|năm|sáu|bảy|tám|chín|mươi))?"


@cache
def _count_re() -> re.Pattern[str]:
    units = alternation(load_json("facts.json")["count_units"])
    return re.compile(rf"(?<![\w.,/])(?P<n>{_SMALL})\s{{1,3}}(?P<u>{units})(?!\w)")


@cache
def _cue_re() -> re.Pattern[str]:
    return re.compile(
        r"(?<!\w)(?:" + alternation(load_json("facts.json")["count_cues"]) + r")(?!\w)"
    )


@cache
def _stop_re() -> re.Pattern[str]:
    stops = alternation(load_json("facts.json")["count_unit_stops"])
    return re.compile(rf"[,.;:()\n]|\s(?:{stops})(?!\w)")


def find_counts(view: View) -> list[Fact]:
    """Return the agreed counts, one per (count, unit) however often repeated."""
    low = view.low
    out: dict[tuple[int, str], Fact] = {}
    for m in _count_re().finditer(low):
        n = parse_number(m.group("n"))
        if n is None or n < 1 or n > 200 or n != int(n):
            continue
        s, e = view.sentence_at(m.start())
        if not _cue_re().search(low, s, e):
            continue
        head = " ".join(m.group("u").split())
        stop = _stop_re().search(low, m.end("u"), min(e, m.end("u") + 80))
        unit_end = stop.start() if stop else min(e, m.end("u") + 40)
        unit = " ".join(view.work[m.start("u") : unit_end].split()[:8])
        key = (int(n), head)
        if key in out:
            out[key].evidence.append([m.start(), m.end()])
            out[key].confidence = min(0.95, out[key].confidence + 0.05)  # said again
            continue
        # "thống nhất 12 nội dung": the cue right before the number is the surest form.
        close = _cue_re().search(low, max(s, m.start() - 40), m.start()) is not None
        out[key] = Fact(
            {"count": int(n), "unit": unit}, [[m.start(), m.end()]], 0.85 if close else 0.75
        )
    return list(out.values())


@cache
def _field_re() -> tuple[re.Pattern[str], dict[str, str]]:
    code_of: dict[str, str] = {}
    for code, words in field_keywords().items():
        for w in words:
            code_of[" ".join(re.split(r"[\s\-–—]+", w))] = code
    return re.compile(r"(?:" + alternation(list(code_of)) + r")(?!\w)"), code_of


def field_hits(view: View) -> list[tuple[int, int, str]]:
    """Return every field keyword of the body in order: (start, end, code). Computed once."""
    cached = getattr(view, "_field_hits", None)
    if cached is not None:
        return cached
    pattern, code_of = _field_re()
    low = view.low
    hits = []
    for m in pattern.finditer(low):
        if m.start() > 0 and low[m.start() - 1].isalnum():
            continue
        code = code_of.get(" ".join(re.split(r"[\s\-–—]+", m.group())))
        if code is not None:
            hits.append((m.start(), m.end(), code))
    object.__setattr__(view, "_field_hits", hits)
    return hits


def find_fields(view: View) -> list[Fact]:
    """Return the cooperation fields named in the body, as codes, with up to three spans."""
    out: dict[str, Fact] = {}
    for start, end, code in field_hits(view):
        if code in out:
            if len(out[code].evidence) < 3:
                out[code].evidence.append([start, end])
                out[code].confidence = min(0.85, out[code].confidence + 0.1)  # named again
            continue
        out[code] = Fact({"code": code}, [[start, end]], 0.6)
    return list(out.values())
