"""Facts shown to reviewers but not scored: agreements, requests, assignments.

Agreements: "ký kết biên bản hợp tác", "Chương trình hợp tác ... giai đoạn 2016 – 2020".
Requests: "X đề nghị Y <what>". Assignments: "giao <who> <what>", "phân công <who> <what>".
"""

from __future__ import annotations

import bisect
import re
from functools import cache

from hoptac.extraction.lexicon import alternation, fold_tones, load_json
from hoptac.extraction.localities import Parties
from hoptac.extraction.model import Fact
from hoptac.extraction.textview import View

_PERIOD_RE = re.compile(
    r"giai\s{1,2}đoạn\s{1,2}((?:19|20)\d{2})\s{0,3}[-–—]\s{0,3}((?:19|20)\d{2})"
)
_ASSIGN_RE = re.compile(
    r"(?<!\w)(?:giao|phân\s{1,2}công)\s{1,3}(?:cho\s{1,3})?(?P<who>[^,;.\n]{3,80}?)\s{1,3}"
    r"(?P<what>(?:làm|chủ\s{1,2}trì|phối\s{1,2}hợp|chỉ\s{1,2}đạo|theo\s{1,2}dõi|triển\s{1,2}khai|"
    r"thực\s{1,2}hiện|tổ\s{1,2}chức|đôn\s{1,2}đốc|xây\s{1,2}dựng|nghiên\s{1,2}cứu)[^.;\n]{0,160})"
)


@cache
def _agreement_re() -> re.Pattern[str]:
    f = load_json("facts.json")
    heads = alternation(f["agreement_heads"])
    return re.compile(rf"(?<!\w)(?P<t>(?:{heads})(?!\w)[^.;:\n]{{0,120}})")


@cache
def _request_re() -> re.Pattern[str]:
    return re.compile(
        r"(?<!\w)(?:" + alternation(load_json("facts.json")["request_cues"]) + r")(?!\w)"
    )


def find_agreements(view: View) -> list[Fact]:
    """Return agreements, programmes and minutes named in the body, with their period."""
    out: dict[str, Fact] = {}
    for m in _agreement_re().finditer(view.low):
        title = " ".join(view.work[m.start("t") : m.end("t")].split())
        title = re.split(r",| để | nhằm | với ", title)[0].strip()
        if len(title.split()) < 2 or title.lower() in out:
            continue
        data: dict[str, object] = {
            "kind": kind_of(title), "title": title, "number": None, "signed_on": None,
            "period_from": None, "period_to": None, "parties": [], "signatories": [],
            "items": [],
        }  # fmt: skip
        p = _PERIOD_RE.search(view.low, m.start(), m.end())
        if p:
            data["period_from"], data["period_to"] = int(p.group(1)), int(p.group(2))
        out[title.lower()] = Fact(data, [[m.start(), m.start() + len(title)]], 0.5)
    return list(out.values())


# The contract's agreement kinds by the words that open a title (first match wins).
_KINDS = (
    ("thông báo kết luận", "conclusion_notice"),
    ("kết luận", "conclusion_notice"),
    ("biên bản ghi nhớ", "memorandum"),
    ("bản ghi nhớ", "memorandum"),
    ("biên bản", "minutes"),
    ("chương trình", "programme"),
    ("thỏa thuận", "programme"),
    ("kế hoạch", "plan"),
    ("báo cáo", "report"),
)


def kind_of(title: str) -> str:
    """Return the contract's kind for a document title ("Chương trình hợp tác ..." → programme)."""
    low = fold_tones(title.lower())
    for words, kind in _KINDS:
        if low.startswith(words):
            return kind
    return next((kind for words, kind in _KINDS if words in low), "other")


def find_requests(view: View, parties: Parties) -> list[Fact]:
    """Return what one side asks of the other ("Hà Tĩnh đề nghị Hà Nội ...")."""
    starts = [m.start for m in parties.mentions]
    out = []
    for m in _request_re().finditer(view.low):
        s, e = view.sentence_at(m.start())
        i = bisect.bisect_left(starts, m.start())
        before = [x for x in parties.mentions[:i] if x.start >= s and x.name in parties.names]
        after = [
            x for x in parties.mentions[i:]
            if x.start < min(e, m.end() + 40) and x.name in parties.names
        ]  # fmt: skip
        frm = before[-1].name if before else None
        to = after[0].name if after else parties.other(frm)
        if frm is None and to is not None:
            frm = parties.other(to)
        what_start = after[0].end if after else m.end()
        what = " ".join(view.work[what_start:e].split())[:240]
        if not what or frm == to:
            continue
        out.append(Fact({"from": frm, "to": to, "what": what}, [[m.start(), e]], 0.5))
    return out


def find_assignments(view: View) -> list[Fact]:
    """Return who is put in charge of what ("giao Sở Kế hoạch và Đầu tư hai bên làm đầu mối")."""
    out = []
    for m in _ASSIGN_RE.finditer(view.low):
        who = " ".join(view.work[m.start("who") : m.end("who")].split())
        what = " ".join(view.work[m.start("what") : m.end("what")].split())
        out.append(Fact({"who": who, "what": what}, [[m.start(), m.end()]], 0.5))
    return out
