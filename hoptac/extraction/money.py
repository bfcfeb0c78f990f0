"""Investments by one side's enterprises in the other, and grants from one side to the other.

An investment sentence counts projects ("69 dự án"), names where the investors come from
("của tổ chức, cá nhân Thành phố Hà Nội", "nhà đầu tư đến từ Hà Nội") and usually the capital
("tổng vốn đăng ký gần 50.000 tỷ đồng"); the stage counts follow ("49 dự án đã được cấp ...").
A province's own totals name no investor from the partner: they are statistics, not
cooperation. A grant is an amount of đồng after a verb of giving ("trao tặng", "ủng hộ",
"hỗ trợ ... với tổng kinh phí") between the two parties; repeated mentions are one grant.

A grant also says when it was given, as optional keys beside the contract's: `"at_event": true`
when it is handed over on the reported occasion ("Nhân dịp này, ... trao tặng"), `"period":
"2011-2012"` or `"year": 2018` when its clause dates it ("trong hai năm 2011-2012"), and
`"past": true` when it is earlier support reported without a date ("những năm qua", "đã hỗ
trợ"). A grant with none of these keys gave no clue.
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


_CAPITAL_RE = re.compile(
    r"(?:vốn|đầu\s{1,2}tư)[^.;]{0,80}$"
)  # "tổng vốn ...", "đã đầu tư hơn 1.000 tỷ"
_SINCE_RE = re.compile(r"(?<!\w)từ\s{1,3}(?:năm\s{1,3})?((?:19|20)\d{2})")
_TRONG_DO_RE = re.compile(r"\s{0,3}(?:trong\s{1,2}(?:số\s{1,2})?đó|cụ\s{1,2}thể)")
_RECIPIENT_BEFORE_RE = re.compile(
    r"(?:cho|tặng|trao|hỗ\s{1,2}trợ|ủng\s{1,2}hộ|của|giúp)\s{1,3}(?:\w{1,9}\s{1,2}){0,2}$"
)
_PURPOSE_RE = re.compile(
    r"\s{0,3}(?:để|phục\s{1,2}vụ|cho|nhằm|xây\s{1,2}dựng|hỗ\s{1,2}trợ)?\s{0,3}([^.;\n]{3,120})"
)


@cache
def _timing_res() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Return the patterns of at-event, past and weak at-event phrases (facts.json)."""
    cues = _facts()["grant_timing"]

    def words(key: str) -> re.Pattern[str]:
        # "trao" in "trao đổi" (exchange) is not a handing over
        return re.compile(r"(?<!\w)(?:" + alternation(cues[key]) + r")(?!\w)(?!\s{1,3}đổi)")

    return words("at_event"), words("past"), words("at_event_weak")


_PERIOD_RE = re.compile(
    r"(?<!\d)((?:19|20)\d{2})\s{0,2}(?:[-–—]|đến\s{1,2}(?:năm\s{1,2})?|tới\s{1,2})\s{0,2}"
    r"((?:19|20)\d{2})(?!\d)"
)
_YEAR_RE = re.compile(
    r"(?<!\w)(?:năm\s{1,2}|tháng\s{1,2}\d{1,2}\s{0,2}[/-]\s{0,2}|\d{1,2}[/.-]\d{1,2}[/.-])"
    r"((?:19|20)\d{2})(?!\d)"
)
_SINCE_BEFORE_RE = re.compile(r"(?:từ|kể\s{1,2}từ)\s{1,3}(?:năm\s{1,3})?$")
_UNTIL_NOW_RE = re.compile(r"\s{0,3}(?:đến|tới)\s{1,3}nay")
_TIME_HEAD_RE = re.compile(
    r"(?:trong|vào|suốt)\s{1,3}(?:(?:các|những|hai|ba|bốn|năm|\d{1,2})\s{1,3})?"
    r"(?:năm|giai\s{1,2}đoạn|thời\s{1,2}kỳ)?\s{0,3}$"
)
_HANDING_VERBS = frozenset({"trao", "trao tặng", "tặng", "trao kinh phí"})
# Ranks of what a mention says about its time; a grant keeps the strongest of its mentions.
_AT_EVENT, _DATED, _PAST, _HANDED, _UNKNOWN = 4, 3, 2, 1, 0
_CONTEXT_BEFORE = 600  # how far back in the paragraph a sentence inherits "Nhân dịp này"


def _dated(low: str, s: int, e: int, amount: Amount) -> dict[str, Any] | None:
    """Return {"period"}, {"year"} or {"past"} from a date in the clause low[s:e], if any.

    Before the amount any date counts ("trong hai năm 2011-2012 với tổng kinh phí ...");
    after it only one introduced as a time ("... 7 tỷ đồng trong năm 2018"), since a date
    after the amount usually names what the money is for ("nông thôn mới giai đoạn 2021-2025").
    """
    for m in _PERIOD_RE.finditer(low, s, e):
        if m.start() > amount.start and not _TIME_HEAD_RE.search(
            low, max(s, m.start() - 40), m.start()
        ):
            continue
        first, last = m.group(1), m.group(2)
        if first < last:
            return {"period": f"{first}-{last}"}
    for m in _YEAR_RE.finditer(low, s, e):
        if m.start() > amount.start and not _TIME_HEAD_RE.search(
            low, max(s, m.start() - 40), m.start()
        ):
            continue
        if _SINCE_BEFORE_RE.search(low, max(s, m.start() - 14), m.start()) or _UNTIL_NOW_RE.match(
            low, m.end()
        ):
            return {"past": True}  # "từ năm 2015 đến nay": support over the years
        return {"year": int(m.group(1))}
    return None


def _timing(
    view: View,
    amount: Amount,
    verb: str,
    clause: tuple[int, int],
    sentence: tuple[int, int],
    event_at: int | None,
) -> tuple[int, dict[str, Any]]:
    """Return the rank and keys of what one mention says about when the grant was given."""
    low = view.low
    s, e = sentence
    at_event, past, weak = _timing_res()
    if at_event.search(low, s, e) or (event_at is not None and s <= event_at < e):
        return _AT_EVENT, {"at_event": True}
    dated = _dated(low, clause[0], clause[1], amount)
    if dated is not None:
        return (_PAST if "past" in dated else _DATED), dated
    if past.search(low, s, e):
        return _PAST, {"past": True}
    # a sentence without a clue of its own continues its paragraph ("Nhân dịp này, A trao
    # tặng ... . B cũng hỗ trợ ..."): the nearest clue before it in the paragraph counts
    p_start = max(view.paragraph_at(s)[0], s - _CONTEXT_BEFORE)
    if p_start < s:
        before = [(m.start(), _AT_EVENT) for m in at_event.finditer(low, p_start, s)]
        before += [(m.start(), _PAST) for m in past.finditer(low, p_start, s)]
        if before:
            rank = max(before)[1]
            return rank, ({"at_event": True} if rank == _AT_EVENT else {"past": True})
    if " ".join(verb.split()) in _HANDING_VERBS or weak.search(low, s, e):
        return _HANDED, {"at_event": True}
    return _UNKNOWN, {}


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
            investor, host = _subject_investor(low, parties, s, e, projects[0].start())
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


_SUBJECT_VERB_RE = re.compile(
    r"\s{0,3}(?:hiện\s{1,2}|đã\s{1,2}|cũng\s{1,2}){0,2}(?:có|đầu\s{1,2}tư)\s{1,3}(?:được\s{1,2})?$"
)
_ATTRACTS_RE = re.compile(r"thu\s{1,2}hút|kêu\s{1,2}gọi|tiếp\s{1,2}nhận|của")
_HOST_CUE_RE = re.compile(r"(?:địa\s{1,2}bàn|tại|vào|ở)\s{1,3}$")


def _subject_investor(
    low: str, parties: Parties, s: int, e: int, count: int
) -> tuple[str | None, str | None]:
    """Return (investor, host) for "X (đã) có N dự án tại Y": a party as the subject of the
    count and the other party named as the place, both explicit."""
    ms = [m for m in _mentions_in(parties, s, e) if m.name in parties.names]
    subj = next((m for m in reversed(ms) if m.end <= count), None)
    if (
        subj is not None
        and count - subj.end <= 30
        and _SUBJECT_VERB_RE.match(low[subj.end : count])
    ):
        for m in ms:
            if m.start > count and m.name != subj.name:
                if _HOST_CUE_RE.search(low[max(s, m.start - 20) : m.start]):
                    return subj.name, m.name
    # "Hà Nội là địa phương có nhiều dự án đầu tư nhất vào Sơn La với 31 dự án": the clause's
    # subject invests in the party named as the place, when nothing says it attracts instead.
    if ms and ms[0].start - s <= 12:
        subj = ms[0]
        for m in ms[1:]:
            if m.name == subj.name or not _HOST_CUE_RE.search(low[max(s, m.start - 20) : m.start]):
                continue
            between = low[subj.end : m.start]
            if "đầu tư" in between and not _ATTRACTS_RE.search(between):
                return subj.name, m.name
            break
    return None, None


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


def find_grants(
    view: View, parties: Parties, used: set[int], *, event_at: int | None = None
) -> list[Fact]:
    """Return the grants between the parties, one per (donor, recipient, amount).

    `event_at` is where the event date was read: a grant in that sentence is given there.
    """
    low = view.low
    out: dict[tuple[str, str, int], Fact] = {}
    timing: dict[tuple[str, str, int], tuple[int, dict[str, Any]]] = {}
    if len(parties.names) < 2:
        return []
    last_end: int | None = None
    amounts = find_money(low)
    for i, a in enumerate(amounts):
        prev_end, last_end = last_end, a.end
        if a.start in used or re.search(r"vốn[^.;]{0,30}$", low[max(0, a.start - 35) : a.start]):
            continue
        s, e = view.sentence_at(a.start)
        if prev_end is not None and prev_end < s:
            prev_end = None
        if _part_of_total(low, amounts[:i], a, s):
            continue
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
        own_subject = any(
            m.name in parties.names and clause_start <= m.start < verb.start() for m in ms
        )
        for m in ms:
            if m.start >= verb.start():
                break
            if m.start < clause_start and own_subject:
                continue  # "Sơn La tặng Hà Nội 1 tấn xoài; Hà Nội tặng Sơn La 1 tỷ đồng"
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
        # "trao tỉnh A 10 tỷ đồng, tỉnh B 8 tỷ đồng": each amount goes to the party named just
        # before it, after the previous amount.
        since = max(verb.end(), prev_end if prev_end is not None and prev_end > verb.end() else 0)
        near = [
            m for m in ms
            if since <= m.start < a.start and m.name != donor and m.name in parties.names
        ]  # fmt: skip
        if near and prev_end is not None and prev_end > verb.end():
            recipient = near[-1].name
        passive = _passive(low, ms, parties, verb.start())
        if passive:
            donor, recipient = passive
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
        semi_after = low.find(";", a.end, e)
        when = _timing(
            view, a, low[verb.start() : verb.end()], (clause_start, semi_after if semi_after != -1 else e),
            (s, e), event_at,
        )  # fmt: skip
        for r in recipients:
            key = (donor, r, amount)
            if when[0] > timing.get(key, (-1, {}))[0]:
                timing[key] = when
            if key in out:
                out[key].evidence.append([a.start, a.end])
                continue
            out[key] = Fact(
                {"donor": donor, "recipient": r, "amount_vnd": amount,
                 "purpose": _purpose(view, verb.end(), a, e)},
                [[a.start, a.end], [verb.start(), verb.end()]], 0.8,
            )  # fmt: skip
    for key, fact in out.items():
        fact.data.update(timing[key][1])
    return list(out.values())


_PASSIVE_RE = re.compile(r"\s{1,3}(?:(?:đã|cũng|từng|sẽ)\s{1,3})?được\s")


_PARTS_RE = re.compile(
    r"(?<!\w)(?:trong\s{1,2}(?:số\s{1,2})?đó|bao\s{1,2}gồm|gồm|cụ\s{1,2}thể)(?!\w)"
)


def _part_of_total(low: str, before: list[Amount], a: Amount, sentence_start: int) -> bool:
    """Whether `a` is a part of a total given before it in the sentence ("139 tỷ đồng, trong
    đó 12 tỷ đồng ... và 127 tỷ đồng ..."): only the total is a grant."""
    for t in reversed(before):
        if t.start < sentence_start:
            return False
        if t.value > a.value and _PARTS_RE.search(low, t.end, a.start):
            return True
    return False


def _passive(
    low: str, ms: list[Mention], parties: Parties, verb_at: int
) -> tuple[str, str | None] | None:
    """Return (donor, recipient) for "X (đã) được Y hỗ trợ ...": X receives; Y, or the other
    party, gives."""
    for i, m in enumerate(ms):
        if m.start >= verb_at:
            return None
        if m.name not in parties.names:
            continue
        p = _PASSIVE_RE.match(low, m.end)
        if not p or p.end() > verb_at:
            continue
        giver = next(
            (
                g.name
                for g in ms[i + 1 :]
                if p.end() <= g.start < verb_at and g.name in parties.names
            ),
            parties.other(m.name),
        )
        if giver is None or giver == m.name:
            return None
        return giver, m.name
    return None


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
