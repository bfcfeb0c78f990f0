"""Investments by one side's enterprises in the other, and grants from one side to the other.

An investment sentence counts projects ("69 dự án"), names where the investors come from
("của tổ chức, cá nhân Thành phố Hà Nội", "nhà đầu tư đến từ Hà Nội") and usually the capital
("tổng vốn đăng ký gần 50.000 tỷ đồng"); the stage counts follow ("49 dự án đã được cấp ...").
A province's own totals name no investor from the partner: they are statistics, not
cooperation. A grant is an amount of đồng after a verb of giving ("trao tặng", "ủng hộ",
"hỗ trợ ... với tổng kinh phí") between the two parties; repeated mentions are one grant.
"""

from __future__ import annotations

import bisect
import re
from functools import cache
from typing import Any

from hoptac.extraction.lexicon import alternation, load_json
from hoptac.extraction.localities import Mention, Parties
from hoptac.extraction.model import Fact
from hoptac.extraction.numbers import Amount, as_int, find_money, number_pattern, parse_number
from hoptac.extraction.textview import View


@cache
def _facts() -> dict[str, Any]:
    return load_json("facts.json")


@cache
def _projects_re() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w.,])(?P<n>{number_pattern()})\s{{1,3}}dự\s{{1,2}}án(?!\w)")


@cache
def _status_re() -> tuple[re.Pattern[str], dict[str, str]]:
    """Return the pattern of stage phrases and the stage of each phrase."""
    words = {w: k for k, ws in _facts()["investment_status"].items() for w in ws}
    return re.compile(r"(?<!\w)(?:" + alternation(list(words)) + r")(?!\w)"), words


@cache
def _investor_re() -> re.Pattern[str]:
    return re.compile(
        r"(?:" + alternation(_facts()["investor_cues"]) + r")[\s,]{0,3}(?:\w{1,6}\s{1,2}){0,3}$"
    )


@cache
def _verb_re() -> re.Pattern[str]:
    return re.compile(r"(?<!\w)(?:" + alternation(_facts()["grant_verbs"]) + r")(?!\w)")


@cache
def _third_party_re() -> re.Pattern[str]:
    return re.compile(r"(?<!\w)(?:" + alternation(_facts()["third_party_donors"]) + r")(?!\w)")


@cache
def _each_re() -> re.Pattern[str]:
    words = alternation(_facts()["each_recipient"])
    return re.compile(rf"(?<!\w)mỗi\s{{1,2}}(?:{words})\s{{0,3}}(?:được\s{{1,2}})?$")


_CAPITAL_RE = re.compile(r"vốn[^.;]{0,80}$")
_SINCE_RE = re.compile(r"(?<!\w)từ\s{1,3}(?:năm\s{1,3})?((?:19|20)\d{2})")
_TRONG_DO_RE = re.compile(r"\s{0,3}(?:trong\s{1,2}(?:số\s{1,2})?đó|cụ\s{1,2}thể)")
_CLAUSE_RE = re.compile(r"[;]")
_RECIPIENT_BEFORE_RE = re.compile(
    r"(?:cho|tặng|trao|hỗ\s{1,2}trợ|ủng\s{1,2}hộ|của|giúp)\s{1,3}(?:\w{1,9}\s{1,2}){0,2}$"
)
_PURPOSE_RE = re.compile(
    r"\s{0,3}(?:để|phục\s{1,2}vụ|cho|nhằm|xây\s{1,2}dựng|hỗ\s{1,2}trợ)?\s{0,3}([^.;\n]{3,120})"
)


def _mentions_in(parties: Parties, s: int, e: int) -> list[Mention]:
    starts = [m.start for m in parties.mentions]
    i = bisect.bisect_left(starts, s)
    out = []
    while i < len(parties.mentions) and parties.mentions[i].start < e:
        out.append(parties.mentions[i])
        i += 1
    return out


def find_investments(view: View, parties: Parties) -> tuple[list[Fact], list[Fact], set[int]]:
    """Return investment facts, statistics (own totals) and the money offsets they used."""
    low = view.low
    status_re, status_of = _status_re()
    facts: dict[tuple[str, str], Fact] = {}
    stats: list[Fact] = []
    used: set[int] = set()
    for s, e in _segments(view, parties):
        projects = list(_projects_re().finditer(low, s, e))
        if not projects:
            continue
        investor, host = None, None
        for m in _mentions_in(parties, s, e):
            if m.name not in parties.names:
                continue
            before = low[max(s, m.start - 40) : m.start]
            if investor is None and _investor_re().search(before):
                investor = m.name
            elif host is None and re.search(r"(?:địa\s{1,2}bàn|tại|vào|ở)\s{1,3}$", before):
                host = m.name
        money = [
            a
            for a in find_money(low, s, e)
            if _CAPITAL_RE.search(low[max(s, a.start - 85) : a.start])
        ]
        if investor is None:
            for a in money:
                stats.append(_stat(view, a, s, e, parties))
                used.add(a.start)
            continue
        host = host if host and host != investor else parties.other(investor)
        if host is None:
            continue
        data: dict[str, Any] = {"investor": investor, "host": host}
        spans = [[s, e]]
        total = projects[0]
        n = parse_number(total.group("n"))
        if n is not None and not _status_after(low, total.end(), e, status_re):
            data["projects"] = int(n)
        if money:
            a = money[0]
            data["capital_vnd"] = as_int(a.value)
            data["qualifier"] = a.qualifier
            used.update(x.start for x in money)
        by_status: dict[str, int] = {}
        end = e
        nxt = view.sentence_index(e) + 1
        if nxt < len(view.sentences) and _TRONG_DO_RE.match(low, view.sentences[nxt][0]):
            end = view.sentences[nxt][1]
            spans.append(list(view.sentences[nxt]))
        for p in _projects_re().finditer(low, s, end):
            st = _status_after(low, p.end(), end, status_re)
            v = parse_number(p.group("n"))
            if st and v is not None:
                by_status.setdefault(status_of[st], int(v))
        if by_status:
            data["by_status"] = by_status
        since = _SINCE_RE.search(low, s, e)
        if since:
            data["since"] = since.group(1)
        key = (investor, host)
        if key in facts:
            old = facts[key]
            for k, v in data.items():
                old.data.setdefault(k, v)
            old.evidence.extend(spans)
        else:
            facts[key] = Fact(data, spans, 0.85 if "capital_vnd" in data else 0.7)
    return list(facts.values()), stats, used


def _investor_in(low: str, parties: Parties, s: int, e: int) -> bool:
    """Return whether low[s:e] names investors from a party ("doanh nghiệp Cần Thơ")."""
    for m in _mentions_in(parties, s, e):
        if m.name in parties.names and _investor_re().search(low[max(s, m.start - 40) : m.start]):
            return True
    return False


def _segments(view: View, parties: Parties) -> list[tuple[int, int]]:
    """Return the spans to read investments from: sentences with projects, cut at a ";" that
    starts another investor's count ("...; ngược lại, doanh nghiệp An Giang có 41 dự án ...")."""
    low = view.low
    out = []
    for s, e in view.sentences:
        if "dự án" not in low[s:e]:
            continue
        start = s
        pos = low.find(";", s, e)
        while pos != -1:
            nxt = low.find(";", pos + 1, e)
            end = nxt if nxt != -1 else e
            if _projects_re().search(low, pos, end) and _investor_in(low, parties, pos, end):
                out.append((start, pos))
                start = pos + 1
            pos = nxt
        out.append((start, e))
    return out


def _status_after(low: str, pos: int, end: int, status_re: re.Pattern[str]) -> str | None:
    """Return the stage phrase that follows a project count closely, if any."""
    window_end = min(end, pos + 70)
    nxt = low.find("dự án", pos, window_end)
    if nxt != -1:
        window_end = nxt
    semi = low.find(";", pos, window_end)
    if semi != -1:
        window_end = semi
    m = status_re.search(low, pos, window_end)
    return " ".join(m.group().split()) if m else None


def _stat(view: View, a: Amount, s: int, e: int, parties: Parties) -> Fact:
    ms = [m for m in _mentions_in(parties, s, a.start) if m.name]
    loc = ms[0].name if ms else None
    return Fact(
        {"locality": loc, "value": as_int(a.value), "unit": "đồng", "qualifier": a.qualifier,
         "text": " ".join(view.work[s:e].split())[:300]},
        [[a.start, a.end]], 0.5,
    )  # fmt: skip


def find_grants(view: View, parties: Parties, used: set[int]) -> list[Fact]:
    """Return the grants between the parties, one per (donor, recipient, amount)."""
    low = view.low
    out: dict[tuple[str, str, int], Fact] = {}
    if len(parties.names) < 2:
        return []
    for a in find_money(low):
        if a.start in used or re.search(r"vốn[^.;]{0,30}$", low[max(0, a.start - 35) : a.start]):
            continue
        s, e = view.sentence_at(a.start)
        semi = low.rfind(";", s, a.start)
        clause_start = semi + 1 if semi != -1 else s
        verb = None
        for v in _verb_re().finditer(low, clause_start, a.start):
            verb = v
            break
        if verb is None or a.start - verb.end() > 220:
            continue
        ms = [m for m in _mentions_in(parties, s, e) if m.name]
        if _third_party(view, parties, clause_start, verb.start()):
            continue
        donor = None
        for m in ms:
            if m.start >= verb.start():
                break
            if m.name in parties.names and not _RECIPIENT_BEFORE_RE.search(
                low[max(s, m.start - 25) : m.start]
            ):
                donor = m.name
                break
        recipient = None
        for m in ms:
            if m.start >= verb.start() and m.name != donor:
                recipient = m.name
                break
        if recipient is not None and recipient not in parties.names:
            continue  # money for a third locality is not this partnership's grant
        if donor is None and recipient is not None:
            donor = parties.other(recipient)
        each = _each_re().search(low, max(verb.end(), a.start - 30), a.number_start)
        if recipient is None and donor is not None:
            recipient = parties.other(donor)
            if each and len(parties.names) > 2:
                recipient = next(n for n in parties.names if n != donor)
        if donor is None or recipient is None or donor == recipient:
            continue
        recipients = [recipient]
        if each:
            recipients = [n for n in parties.names if n != donor]  # "trao tặng mỗi tỉnh 1 tỷ"
        amount = as_int(a.value)
        for r in recipients:
            key = (donor, r, amount)
            if key in out:
                out[key].evidence.append([a.start, a.end])
                continue
            out[key] = Fact(
                {"donor": donor, "recipient": r, "amount_vnd": amount,
                 "purpose": _purpose(view, verb.end(), a, e)},
                [[a.start, a.end], [verb.start(), verb.end()]], 0.8,
            )  # fmt: skip
    return list(out.values())


def _third_party(view: View, parties: Parties, s: int, e: int) -> bool:
    """Return whether a named organisation, not a party, gives: "Công đoàn X hỗ trợ ..."."""
    if any(m.name in parties.names for m in _mentions_in(parties, s, e)):
        return False
    return any(view.work[m.start()].isupper() for m in _third_party_re().finditer(view.low, s, e))


def _purpose(view: View, verb_end: int, a: Amount, sent_end: int) -> str | None:
    """Return what the grant is for: the words after the amount, else between verb and amount."""
    m = _PURPOSE_RE.match(view.work, a.end, sent_end)
    if m and len(m.group(1).split()) >= 2:
        return " ".join(m.group(1).split()).rstrip(" .…")
    between = view.work[verb_end : a.start]
    between = re.sub(r"\s*với\s+tổng\s+kinh\s+phí\s*$|\s*với\s+số\s+tiền\s*$", "", between)
    words = " ".join(between.split())
    return words or None
