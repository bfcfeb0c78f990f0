"""Vietnamese numbers and amounts of money: "50.000", "1,5", "năm tỷ", "gần 6 vạn", "1,5 nghìn tỷ".

Digits use the Vietnamese convention: "." groups thousands, "," is the decimal mark
("37.700 tỷ" is 37,700 billion; "1,5 tỷ" is 1.5 billion). Number words follow the usual
grammar ("hai mươi lăm" 25, "một trăm linh năm" 105, "hai tỷ ba trăm triệu"). Patterns run
on the lower-case view; every repetition is bounded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from hoptac.extraction.lexicon import alternation, numbers

# 50.000 | 1.300 | 1,5 | 37.700 | 10 | 2.5 (a single dot before one or two digits is a decimal)
DIGITS = (
    r"\d{1,3}(?:\.\d{3}){1,5}(?:,\d{1,4})?|\d{1,15}(?:,\d{1,4})?(?![.,]?\d)|\d{1,3}\.\d{1,2}(?!\d)"
)


@cache
def _words() -> tuple[dict[str, int], dict[str, int], str, str]:
    n = numbers()
    digits: dict[str, int] = n["digits"]
    mult: dict[str, int] = n["multipliers"]
    word_alt = alternation([*digits, *n["tens"], *n["hundred"], *n["half"]], flexible=False)
    mult_alt = alternation(list(mult), flexible=False)
    return digits, mult, word_alt, mult_alt


@cache
def number_pattern() -> str:
    """Return the regex (no groups) of a number: digits or words, with scale words."""
    _, _, word_alt, mult_alt = _words()
    token = rf"(?:{word_alt}|{mult_alt})"
    # "2 tỷ 500 triệu": two digit groups, each with its scale word, tried before one group.
    two = rf"(?:{DIGITS})\s{{1,3}}(?:{mult_alt})\s{{1,3}}(?:{DIGITS})\s{{1,3}}(?:{mult_alt})\b"
    return (
        rf"(?:{two}|(?:{DIGITS})(?:\s{{1,3}}(?:{mult_alt}|rưỡi)\b){{0,3}}"
        rf"|\b(?:{word_alt})\b(?:\s{{1,3}}{token}\b){{0,8}})"
    )


@cache
def qualifier_pattern() -> str:
    """Return the regex alternation of qualifier words ("gần", "khoảng", "trên" ...)."""
    return alternation(list(numbers()["qualifiers"]), flexible=False)


def qualifier(word: str | None) -> str:
    """Return the contract's qualifier for a qualifier word; "exact" when there is none."""
    if not word:
        return "exact"
    return numbers()["qualifiers"].get(" ".join(word.lower().split()), "exact")


def _digits_value(tok: str) -> float:
    if re.fullmatch(r"\d{1,3}\.\d{1,2}", tok):  # "2.5": a decimal point, English style
        return float(tok)
    return float(tok.replace(".", "").replace(",", "."))


_SCALE_RE = re.compile(r"nghìn|ngàn|vạn|triệu|tỷ|tỉ")
_TOKEN_RE = re.compile(r"\d[\d.,]*|[^\W\d_]+")


def parse_number(s: str) -> float | None:
    """Return the value of a number written in digits and/or words, or None.

    >>> parse_number("1,5 nghìn tỷ")
    1500000000000.0
    """
    digits, mult, _, _ = _words()
    total = 0.0
    group = 0.0  # the part below the current scale
    hundreds = 0.0
    last_scale = 0.0
    seen = False
    for tok in _TOKEN_RE.findall(s.lower()):
        if tok[0].isdigit():
            group += _digits_value(tok.rstrip(".,"))
        elif tok in digits:
            if tok == "mười":
                group += 10
            else:
                group += digits[tok]
        elif tok == "mươi":
            group = group * 10 if group else 10
        elif tok == "trăm":
            hundreds += (group or 1) * 100
            group = 0
        elif tok in mult:
            m = mult[tok]
            value = hundreds + group or (0 if total else 1)
            if total and total < m:
                total = (total + value) * m
            else:
                total += value * m
            hundreds = group = 0
            last_scale = m
        elif tok == "rưỡi":
            total += last_scale / 2 if last_scale else 0.5
        else:
            continue
        seen = True
    if not seen:
        return None
    return total + hundreds + group


@dataclass(frozen=True)
class Amount:
    """An amount found in text: its value, the qualifier, and its span."""

    value: float
    qualifier: str
    start: int
    end: int
    number_start: int


@cache
def money_re() -> re.Pattern[str]:
    """Return the pattern of an amount of money in đồng (lower-case view)."""
    cur = alternation(numbers()["currency"], flexible=False)
    return re.compile(
        rf"(?:\b(?P<q>{qualifier_pattern()})\s{{1,3}})?(?P<n>{number_pattern()})\s{{0,3}}(?:{cur})(?!\w)"
        r"(?!\s{1,3}(?:chí|bào|thời|chủ|bộ|lòng|tâm|hành|minh|đội|nghiệp|loạt|ý|hương|tình)\b)"
    )


@cache
def _anchor_re() -> re.Pattern[str]:
    # The currency word is rare and starts with a literal, so the C scanner finds it fast; the
    # full amount pattern then runs only in a short window before each one.
    cur = alternation(numbers()["currency"], flexible=False)
    return re.compile(rf"(?:{cur})(?!\w)")


_WINDOW = 100  # longer than any amount ("gần năm trăm hai mươi lăm nghìn tỷ đồng")


def find_money(low: str, start: int = 0, end: int | None = None) -> list[Amount]:
    """Return the amounts of money in đồng in `low[start:end]`."""
    stop = len(low) if end is None else end
    out = []
    last_end = start
    full = money_re()
    for a in _anchor_re().finditer(low, start, stop):
        if a.start() > 0 and low[a.start() - 1].isalpha():
            continue  # inside a word
        ws = max(last_end, a.start() - _WINDOW)
        if ws > start and ws != last_end:
            sp = low.find(" ", ws, a.start())
            ws = sp + 1 if sp != -1 else ws
        m = None
        for cand in full.finditer(low, ws, min(stop, a.end() + 20)):
            if cand.end() == a.end():
                m = cand
            if cand.end() >= a.end():
                break
        if m is None:
            continue
        last_end = m.end()
        v = parse_number(m.group("n"))
        if v is None or v <= 0:
            continue
        if v < 1000 and not _SCALE_RE.search(m.group("n")):
            continue  # "2 đồng chí", "1 đồng": not an amount anyone reports
        out.append(Amount(v, qualifier(m.group("q")), m.start(), m.end(), m.start("n")))
    if "tỷ" in low[start:stop] or "triệu" in low[start:stop]:
        out = _with_bare_amounts(low, start, stop, out)
    return out


# "vốn đăng ký hơn 2.000 tỷ": the currency word is left out after a money word.
_BARE_ANCHOR_RE = re.compile(r"(?<!\w)(?:tỷ|triệu)(?!\w)")
_MONEY_CONTEXT_RE = re.compile(
    r"(?<!\w)(?:vốn|kinh\s{1,2}phí|đầu\s{1,2}tư|hỗ\s{1,2}trợ|tặng|ủng\s{1,2}hộ|trị\s{1,2}giá|"
    r"tổng\s{1,2}mức|ngân\s{1,2}sách|số\s{1,2}tiền|giải\s{1,2}ngân)(?!\w)[^.;!?\n]{0,70}$"
)
_NOT_MONEY_AFTER_RE = re.compile(
    r"\s{0,3}(?:usd|đô|euro|eur|yên|yen|won|bảng|nhân\s{1,2}dân\s{1,2}tệ|người|lượt|khách|tấn|lít"
    r"|m3|kwh|con|cây|liều|\w+\s{0,2}/)(?!\w)"
)


@cache
def _bare_re() -> re.Pattern[str]:
    return re.compile(rf"(?:\b(?P<q>{qualifier_pattern()})\s{{1,3}})?(?P<n>{number_pattern()})")


def _with_bare_amounts(low: str, start: int, stop: int, out: list[Amount]) -> list[Amount]:
    taken = [(a.start, a.end) for a in out]
    extra = []
    for a in _BARE_ANCHOR_RE.finditer(low, start, stop):
        if _currency_after_re().match(low, a.end()):
            continue  # with its currency word: found above
        if any(s <= a.start() < e for s, e in taken) or _NOT_MONEY_AFTER_RE.match(low, a.end()):
            continue
        m = None
        for cand in _bare_re().finditer(
            low, max(start, a.start() - _WINDOW), min(stop, a.end() + 1)
        ):
            if cand.end() == a.end():
                m = cand
                break
        if m is None or not _MONEY_CONTEXT_RE.search(low, max(0, m.start() - 80), m.start()):
            continue
        v = parse_number(m.group("n"))
        if v is None or v < 1_000_000:
            continue
        extra.append(Amount(v, qualifier(m.group("q")), m.start(), m.end(), m.start("n")))
    return sorted(out + extra, key=lambda x: x.start) if extra else out


@cache
def _currency_after_re() -> re.Pattern[str]:
    return re.compile(
        r"\s{0,3}(?:" + alternation(numbers()["currency"], flexible=False) + r")(?!\w)"
    )


def as_int(v: float) -> int:
    """Return a whole number of đồng (money is never a float in the output)."""
    return int(round(v))
