"""Official documents: the document as an agreement, its numbered items, and the agreements it cites.

An official document (Thông báo kết luận, Chương trình / Thỏa thuận hợp tác, Biên bản ghi nhớ,
Kế hoạch, Biên bản làm việc, Báo cáo) is recognised by its heading line and the furniture
around it (số / ký hiệu, dateline, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"). Its text is read line
by line, as the readers render it: a numbered paragraph begins with its number ("II. ", "2. ",
"1.1. ", "a) ", "Điều 3. "), a table row is one line of cells joined by " | ".

Items are the numbered points of the sections that say what is to be done; sections that
report results or state purposes, principles or objectives hold none (by their heading).
See docs/decisions/0006-item-reading.md.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cache

from hoptac.extraction import counts
from hoptac.extraction.agencies import Agency, Sides, read_agencies
from hoptac.extraction.lexicon import fold_tones
from hoptac.extraction.localities import Parties
from hoptac.extraction.model import Fact
from hoptac.extraction.textview import View

# The heading line that names the document's kind (upper case, alone on its line).
_KIND_HEADS = (
    ("thông báo kết luận", "conclusion_notice"),
    ("kết luận", "conclusion_notice"),
    ("thông báo", "conclusion_notice"),
    ("biên bản ghi nhớ", "memorandum"),
    ("bản ghi nhớ", "memorandum"),
    ("biên bản thỏa thuận", "programme"),
    ("biên bản", "minutes"),
    ("chương trình", "programme"),
    ("thỏa thuận", "programme"),
    ("kế hoạch", "plan"),
    ("báo cáo", "report"),
)
_ONE_SIDE = frozenset({"plan", "report"})
_NUMBER_RE = re.compile(r"(?<!\w)Số\s*:?\s*(?P<n>\d[\w.\-/&Đđ]*(?:/[\w.\-&Đđ]+)*)")
_DATELINE_RE = re.compile(
    r"(?P<place>[A-ZĐ][^\n|,]{1,40}),\s*ngày[\s\-.]+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s+năm\s+"
    r"(?P<y>(?:19|20)\d{2})"
)
_OPENING_RE = re.compile(
    r"(?:Hôm\s+nay|Vào\s+hồi[^,]{0,20}),?\s+ngày\s+(?P<d>\d{1,2})(?:\s+tháng\s+|/)(?P<m>\d{1,2})"
    r"(?:\s+năm\s+|/)(?P<y>(?:19|20)\d{2})"
)
_BODY_DATE_RE = re.compile(
    r"(?<!\w)(?:[Nn]gày|[Ss]áng|[Cc]hiều|[Tt]ối)\s+(?:ngày\s+)?(?P<d>\d{1,2})"
    r"(?:\s+tháng\s+|\s*/\s*)(?P<m>\d{1,2})(?:\s+năm\s+|\s*/\s*)(?P<y>(?:19|20)\d{2})"
)
_PERIOD_RE = re.compile(r"giai\s+đoạn\s+((?:19|20)\d{2})\s*[-–—]\s*((?:19|20)\d{2})", re.I)
_YEAR_TITLE_RE = re.compile(r"(?<!\w)năm\s+((?:19|20)\d{2})(?!\s*[-–—]\s*\d)", re.I)
_STATE_RE = re.compile(r"CỘNG\s+HÒA\s+XÃ\s+HỘI|ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM", re.I)

# Numbered lines.
# "I. MỤC ĐÍCH"; OCR may drop the space ("I.MỤC ĐÍCH").
_ROMAN_RE = re.compile(r"^(?P<n>[IVXLC]{1,6})(?:[.)]\s+|\.(?=[A-ZĐÀ-Ỹ]))(?P<t>\S.*)$")
_ARTICLE_RE = re.compile(
    r"^(?:Điều|ĐIỀU|Phần|PHẦN|Chương|CHƯƠNG|Mục|MỤC)\s+(?P<n>[\dIVXLC]+)\b[.:]?\s*(?P<t>.*)$"
)
_DECIMAL_RE = re.compile(r"^(?P<n>\d{1,2}(?:\.\d{1,2}){0,3})(?:[.)]|\.?(?=\s))\s+(?P<t>\S.*)$")
_LETTER_RE = re.compile(r"^(?P<n>[a-zđ])\)\s+(?P<t>\S.*)$|^(?P<n2>[a-zđ])\.\s+(?P<t2>[A-ZĐÀ-Ỹ].*)$")
_DASH_RE = re.compile(r"^[-–•+]\s+(?P<t>\S.*)$")
_ATTR_RE = re.compile(
    r"^[-–•+]?\s*(?P<k>cơ\s+quan\s+(?:chủ\s+trì|phối\s+hợp|thực\s+hiện|đầu\s+mối)|đơn\s+vị\s+"
    r"(?:chủ\s+trì|phối\s+hợp|thực\s+hiện)|chủ\s+trì|phối\s+hợp|thời\s+gian(?:\s+\w+){0,2}|thời\s+hạn"
    r"|tiến\s+độ|kinh\s+phí|sản\s+phẩm|dự\s+kiến\s+kinh\s+phí|nguồn\s+kinh\s+phí)\s*:\s*(?P<v>.*)$",
    re.I,
)
# Section headings whose numbered points are not items.
_NOT_ITEMS = (
    "kết quả", "mục đích", "yêu cầu", "mục tiêu", "nguyên tắc", "quan điểm", "đánh giá",
    "tình hình", "thành phần", "hiệu lực", "căn cứ", "bối cảnh", "khó khăn", "hạn chế",
    "tồn tại", "nguyên nhân", "bài học", "thực trạng", "đặc điểm", "sự cần thiết",
    "đại biểu", "những việc đã làm", "phạm vi", "đối tượng",
)  # fmt: skip
_FOLLOW_UP = ("tổ chức thực hiện", "trách nhiệm", "điều khoản thi hành")
_END_RE = re.compile(r"[.!?…]\s*[\"”’)]?\s*(?:/\.)?\s*$")
_SIGN_START_RE = re.compile(
    r"^(?:Nơi\s+nhận|TM\.|T/M|KT\.|K/T|T/L|TL\.|TUQ\.|ĐẠI\s+DIỆN|CHỦ\s+TỊCH|BÍ\s+THƯ|GIÁM\s+ĐỐC)",
)
_TASK_VERB_RE = re.compile(
    r"(?<!\w)(?<!chuyển )(?<!bàn )(?<!trao )(?<!giao )(?:giao|phân\s+công|đề\s+nghị|yêu\s+cầu)"
    r"\s+(?:cho\s+)?(?P<who>[^.;]+?)\s+"
    r"(?:là\s+cơ\s+quan\s+(?:đầu\s+mối|thường\s+trực|chủ\s+trì)|làm\s+cơ\s+quan\s+(?:đầu\s+mối|"
    r"thường\s+trực|chủ\s+trì)|làm\s+đầu\s+mối|là\s+đầu\s+mối|chủ\s+trì|lãnh\s+đạo|chỉ\s+đạo|"
    r"phụ\s+trách|thực\s+hiện|tham\s+mưu|theo\s+dõi|triển\s+khai|xây\s+dựng|tổ\s+chức)(?!\w)",
    re.I,
)
_LEADS_RE = re.compile(
    r"(?P<who>(?<![\w,] )(?:Sở|Ban|Văn\s+phòng|UBND|Ủy\s+ban|Trung\s+tâm|Bệnh\s+viện|Hội|Cục|"
    r"Tỉnh\s+đoàn|Thành\s+đoàn|Công\s+an|Bộ\s+Chỉ\s+huy|Liên\s+minh|Liên\s+đoàn|Đài|Viện|"
    r"Trường|Kho\s+bạc|Ngân\s+hàng|Quỹ|Hiệp\s+hội)\s[^.;:]{2,160}?)\s+chủ\s+trì(?!\w)",
)
_PARTNERS_RE = re.compile(r"phối\s+hợp\s+(?:với\s+)?(?P<who>[^.;]{3,200})", re.I)
_SUBJECT_RE = re.compile(
    r"^(?P<who>(?:Sở|Văn\s+phòng|Ban|UBND|Ủy\s+ban\s+nhân\s+dân|Trung\s+tâm|Công\s+an|Tỉnh\s+đoàn|"
    r"Thành\s+đoàn|Bộ\s+Chỉ\s+huy|Cục|Đài|Báo|Hội)\s.{2,120}?)\s+(?=(?:tham\s+mưu|chủ\s+động|"
    r"có\s+trách\s+nhiệm|theo\s+dõi|phối\s+hợp|hướng\s+dẫn|bố\s+trí|tổ\s+chức|triển\s+khai|"
    r"xây\s+dựng|thực\s+hiện|hướng\s+dẫn|đôn\s+đốc|tổng\s+hợp|cân\s+đối)(?!\w))",
)
_ROMAN_NUMS = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"}


@dataclass
class Line:
    start: int
    end: int
    text: str  # stripped of surrounding whitespace
    offset: int  # start of `text`


@dataclass
class Item:
    number: str | None
    start: int
    end: int
    text_parts: list[tuple[int, int]]
    section: str
    follow_up: bool
    leads: list[Agency] = field(default_factory=list)
    partners: list[Agency] = field(default_factory=list)
    due_text: str | None = None  # an attribute line or table cell
    table: bool = False


@dataclass
class Official:
    kind: str
    title: str
    title_span: tuple[int, int]
    number: str | None
    number_span: tuple[int, int] | None
    signed_on: dt.date | None
    dateline_span: tuple[int, int] | None
    event_on: dt.date | None
    event_span: tuple[int, int] | None
    period: tuple[int, int] | None
    body_start: int
    body_end: int
    issuer: str | None
    signatories: list[dict[str, str | None]]
    signatory_spans: list[tuple[int, int]]


def lines_of(text: str, start: int = 0, end: int | None = None) -> list[Line]:
    end = len(text) if end is None else end
    out = []
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl < 0 else nl
        raw = text[pos:stop]
        lead = len(raw) - len(raw.lstrip())
        out.append(Line(pos, stop, raw.strip(), pos + lead))
        pos = stop + 1
    return out


def _upper_ratio(s: str) -> float:
    letters = [c for c in s if c.isalpha()]
    return sum(c.isupper() for c in letters) / len(letters) if letters else 0.0


def _fold(s: str) -> str:
    return fold_tones(" ".join(s.lower().split()))


def read_document(view: View, parties: Parties) -> Official | None:
    """Return the official document's head, or None when `view` is not one."""
    text = view.text
    lines = lines_of(text, 0, min(len(text), 3000))
    head_i = None
    kind = None
    for i, ln in enumerate(lines[:40]):
        t = ln.text
        if " | " in t or len(t) < 6 or len(t) > 160 or not t.isupper():
            continue
        low = _fold(t)
        if _STATE_RE.search(t) or low.startswith(
            ("độc lập", "ủy ban nhân dân", "thành ủy", "tỉnh ủy")
        ):
            continue
        for words, k in _KIND_HEADS:
            if low.startswith(words):
                head_i, kind = i, k
                break
        if head_i is not None:
            break
    if head_i is None or kind is None:
        return None
    top = text[: lines[head_i].start]
    number_m = _NUMBER_RE.search(top)
    dl = _DATELINE_RE.search(top) or _DATELINE_RE.search(text, 0, min(len(text), 3000))
    if not (number_m or dl or _STATE_RE.search(top)):
        return None
    # The title block: the heading line and the lines after it up to an empty line.
    j = head_i
    while j + 1 < len(lines) and lines[j + 1].text and not _DATELINE_RE.search(lines[j + 1].text):
        if lines[j + 1].text.startswith(("Căn cứ", "Hôm nay", "Ngày ")):
            break
        j += 1
    title_lines = [ln.text for ln in lines[head_i : j + 1]]
    title = _title_case(title_lines)
    if kind == "conclusion_notice" and "kết luận" not in _fold(" ".join(title_lines)):
        kind = "other"
    title_span = (lines[head_i].offset, lines[j].end)
    signed = None
    dl_span = None
    if dl:
        signed = _date(dl.group("y"), dl.group("m"), dl.group("d"))
        dl_span = (dl.start(), dl.end())
    body_start = lines[j].end
    opening = _OPENING_RE.search(text, body_start, min(len(text), body_start + 1500))
    if signed is None and opening:
        signed = _date(opening.group("y"), opening.group("m"), opening.group("d"))
        dl_span = (opening.start(), opening.end())
    period = None
    joined = " ".join(title_lines)
    pm = _PERIOD_RE.search(joined)
    if pm:
        period = (int(pm.group(1)), int(pm.group(2)))
    else:
        ym = _YEAR_TITLE_RE.search(joined)
        if ym:
            period = (int(ym.group(1)), int(ym.group(1)))
    body_end, signatories, sig_spans = _signature_block(view, parties, body_start)
    issuer = _issuer(view, parties, lines[:head_i]) if kind in _ONE_SIDE else None
    for s in signatories:
        if s.get("locality") is None:
            s["locality"] = issuer or (parties.names[0] if len(parties.names) == 1 else None)
    event_on, event_span = signed, dl_span
    if kind in ("conclusion_notice", "minutes", "other"):
        first = _BODY_DATE_RE.search(text, body_start, min(body_end, body_start + 1200))
        if opening:
            event_on = _date(opening.group("y"), opening.group("m"), opening.group("d"))
            event_span = (opening.start(), opening.end())
        elif first and _date(first.group("y"), first.group("m"), first.group("d")):
            event_on = _date(first.group("y"), first.group("m"), first.group("d"))
            event_span = (first.start(), first.end())
    number = number_m.group("n").rstrip(".-/") if number_m else None
    return Official(
        kind=kind, title=title, title_span=title_span, number=number,
        number_span=(number_m.start(), number_m.end()) if number_m else None,
        signed_on=signed, dateline_span=dl_span, event_on=event_on, event_span=event_span,
        period=period, body_start=body_start, body_end=body_end, issuer=issuer,
        signatories=signatories, signatory_spans=sig_spans,
    )  # fmt: skip


def _date(y: str, m: str, d: str) -> dt.date | None:
    try:
        return dt.date(int(y), int(m), int(d))
    except ValueError:
        return None


def _title_case(lines: list[str]) -> str:
    out = []
    for t in lines:
        t = " ".join(t.split())
        if _upper_ratio(t) > 0.8:
            t = t.lower()
        out.append(t)
    s = " ".join(out)
    return s[:1].upper() + s[1:]


def _issuer(view: View, parties: Parties, head_lines: list[Line]) -> str | None:
    """The side that issues a one-side document: the locality named in its header."""
    spans = [(ln.start, ln.end) for ln in head_lines]
    for m in parties.mentions:
        if m.name in parties.names and any(s <= m.start < e for s, e in spans):
            return m.name
    # The header may be blanked as furniture in the work view: look at the raw text.
    head = _fold(" ".join(ln.text for ln in head_lines))
    for name in parties.names:
        if _fold(name) in head:
            return name
    return None


_NAME_RE = re.compile(
    r"^(?:\(?(?:Đã\s+ký|đã\s+ký)\)?\s*)?(?P<n>(?:[A-ZĐÀ-Ỹ][a-zà-ỹđ]+\s){1,4}[A-ZĐÀ-Ỹ][a-zà-ỹđ]+)$"
)


def _signature_block(
    view: View, parties: Parties, body_start: int
) -> tuple[int, list[dict[str, str | None]], list[tuple[int, int]]]:
    """Return where the body ends, the signatories and their name spans."""
    text = view.text
    lines = lines_of(text, body_start)
    end_i = len(lines)
    for i in range(len(lines) - 1, -1, -1):
        t = lines[i].text
        if _SIGN_START_RE.match(t) or (" | " in t and _SIGN_START_RE.match(t.split(" | ")[-1])):
            end_i = i
        elif t.endswith("./.") or (i < len(lines) - 1 and i < end_i - 12):
            break
    if end_i == len(lines):
        return len(text), [], []
    block = lines[end_i:]
    body_end = block[0].start
    # Columns: cells of the signature side, counted from the right (the recipients' column,
    # "Nơi nhận" and its "- ..." lines, is on the left and dropped).
    columns: dict[int, list[tuple[str, int]]] = {}
    for ln in block:
        pos = ln.offset
        cells = []
        for cell in ln.text.split(" | "):
            at = text.find(cell, pos, ln.end + 1)
            pos = at + len(cell)
            cells.append((cell.strip(), at))
        keep = [
            c for c in cells
            if c[0] and not c[0].startswith(("-", "Nơi nhận", "+", "•")) and not c[0].endswith((",", ";"))
        ]  # fmt: skip
        for k, kept in enumerate(reversed(keep)):
            columns.setdefault(k, []).append(kept)
    out: list[dict[str, str | None]] = []
    spans: list[tuple[int, int]] = []
    for k in sorted(columns, reverse=True):
        cells = columns[k]
        titles: list[str] = []
        locality = None
        for cell, at in cells:
            m = _NAME_RE.match(cell)
            if m and _upper_ratio(cell) < 0.5:
                name = m.group("n")
                s = at + m.start("n")
                title = _signer_title(titles)
                out.append({"name": name, "locality": locality, "title": title})
                spans.append((s, s + len(name)))
                titles = []
                continue
            if _upper_ratio(cell) > 0.8:
                titles.append(cell)
                for mm in parties.mentions:
                    if mm.name and at <= mm.start < at + len(cell):
                        locality = mm.name
                if locality is None:
                    fc = _fold(cell)
                    for name in parties.names:
                        if _fold(name) in fc:
                            locality = name
    return body_end, out, spans


def _signer_title(titles: list[str]) -> str | None:
    if not titles:
        return None
    last = titles[-1].strip()
    main = last[:1] + last[1:].lower() if _upper_ratio(last) > 0.8 else last
    rest = [t for t in titles[:-1] if t]
    if rest:
        return f"{main} ({', '.join(' '.join(r.split()) for r in rest)})"
    return main


def _section_kind(heading: str) -> tuple[bool, bool]:
    """Return (holds items, is follow-up) for a section heading."""
    low = _fold(heading)
    if any(w in low for w in _FOLLOW_UP):
        return True, True
    if any(w in low for w in _NOT_ITEMS) and not any(
        w in low for w in ("nhiệm vụ", "nội dung hợp tác", "phương hướng", "giải pháp", "kế hoạch")
    ):
        return False, False
    return True, False


def read_items(view: View, doc: Official, sides: Sides) -> list[Item]:
    """Return the items of the document's body in order."""
    text = view.text
    lines = lines_of(text, doc.body_start, doc.body_end)
    items: list[Item] = []
    allowed, follow_up = True, False
    section = ""
    current: Item | None = None
    open_text = False  # the current item's last line invites a continuation
    table: dict[str, int] | None = None
    ncols = 0
    pending: list[tuple[Item, str, int, int]] = []  # an attribute line, maybe wrapped

    def flush() -> None:
        for it, key, vs, ve in pending:
            _attribute(it, key, text[vs:ve].replace("\n", " "), vs, sides)
            it.end = max(it.end, ve)
        pending.clear()

    for ln in lines:
        t = ln.text
        if not t:
            continue  # an empty paragraph or a page break: the item may go on
        if " | " in t:
            cells = _cells(text, ln)
            heads = [_fold(c) for c, _ in cells]
            if any(h in ("stt", "tt", "số tt") for h in heads) and any(
                "nội dung" in h or "nhiệm vụ" in h for h in heads
            ):
                table = _table_columns(heads)
                ncols = len(cells)
                current, open_text = None, False
                continue
            if table is not None:
                first = cells[0][0].rstrip(".")
                if re.fullmatch(r"\d{1,3}(?:\.\d{1,2})*", first) and allowed:
                    it = _table_item(first, cells, ncols, table, ln, section, follow_up, sides)
                    if it is not None:
                        items.append(it)
                current, open_text = None, False
                continue
            continue
        table = None
        m = _ARTICLE_RE.match(t) or _ROMAN_RE.match(t)
        if m and (m.re is _ARTICLE_RE or m.group("n") in _ROMAN_NUMS):
            section = m.group("t")
            allowed, follow_up = _section_kind(section)
            current, open_text = None, False
            continue
        attr = _ATTR_RE.match(t)
        if attr and current is not None:
            flush()
            pending.append((current, _fold(attr.group("k")), ln.offset + attr.start("v"), ln.end))
            open_text = False
            continue
        if (
            pending
            and not _DECIMAL_RE.match(t)
            and not _LETTER_RE.match(t)
            and not _DASH_RE.match(t)
        ):
            it, key, vs, ve = pending[-1]
            if not _END_RE.search(text[vs:ve]):
                # A wrapped attribute line ("Sở Tài chính tỉnh Đồng" / "Tháp.").
                pending[-1] = (it, key, vs, ln.end)
                it.end = max(it.end, ln.end)
                continue
        flush()
        num = None
        body_at = ln.offset
        dm = _DECIMAL_RE.match(t)
        lm = _LETTER_RE.match(t)
        dash = _DASH_RE.match(t)
        if dm:
            num, body_at = dm.group("n"), ln.offset + dm.start("t")
        elif lm:
            num = lm.group("n") or lm.group("n2")
            body_at = ln.offset + (lm.start("t") if lm.group("n") else lm.start("t2"))
        if (
            num is not None
            and open_text
            and current is not None
            and text[body_at : ln.end][:1].islower()
        ):
            num = None  # "... tổ chức" / "4 đợt khám bệnh": a wrapped line, not an item
        if num is not None:
            own = text[body_at : ln.end].strip()
            if len(own) > 3 and own.isupper():
                # "1. LĨNH VỰC KINH TẾ": a heading, not an item.
                current, open_text = None, False
                continue
            if not allowed:
                current, open_text = None, False
                continue
            current = Item(num, ln.offset, ln.end, [(body_at, ln.end)], section, follow_up)
            items.append(current)
            open_text = not _END_RE.search(t) or t.endswith(":")
            if t.endswith(":"):
                open_text = False
            continue
        if dash and current is not None and allowed and not open_text:
            sub = Item(
                None, ln.offset, ln.end, [(ln.offset + dash.start("t"), ln.end)], section, follow_up
            )
            items.append(sub)
            current = sub
            open_text = not _END_RE.search(t)
            continue
        if current is not None and open_text:
            current.text_parts.append((ln.offset, ln.end))
            current.end = ln.end
            open_text = not _END_RE.search(t)
            continue
        current, open_text = None, False
    flush()
    for it in items:
        if not it.table:
            _leads_from_text(view, it, sides)
    return items


def _cells(text: str, ln: Line) -> list[tuple[str, int]]:
    out = []
    pos = ln.offset
    for cell in ln.text.split(" | "):
        at = text.find(cell, pos, ln.end + 1)
        pos = at + len(cell)
        out.append((cell.strip(), at))
    return out


def _table_columns(heads: list[str]) -> dict[str, int]:
    cols: dict[str, int] = {}
    for i, h in enumerate(heads):
        if "nội dung" in h or "nhiệm vụ" in h:
            cols.setdefault("text", i)
        elif "chủ trì" in h or "thực hiện" in h and "thời" not in h:
            cols.setdefault("lead", i)
        elif "phối hợp" in h:
            cols.setdefault("partner", i)
        elif "thời" in h or "hoàn thành" in h or "tiến độ" in h:
            cols.setdefault("due", i)
    return cols


def _table_item(
    number: str, cells: list[tuple[str, int]], ncols: int, cols: dict[str, int], ln: Line,
    section: str, follow_up: bool, sides: Sides,
) -> Item | None:  # fmt: skip
    """An item from a task-table row; empty cells are missing, so map from both ends."""
    if len(cells) == ncols:
        get = {k: cells[i] for k, i in cols.items() if i < len(cells)}
    else:
        get = {"text": cells[1]} if len(cells) > 1 else {}
        rest = cells[2:]
        if rest and _due_of(rest[-1][0]) != "none":
            get["due"] = rest[-1]
            rest = rest[:-1]
        if rest:
            get["lead"] = rest[0]
        if len(rest) > 1:
            get["partner"] = rest[1]
    if "text" not in get:
        return None
    tx, at = get["text"]
    it = Item(number, ln.offset, ln.end, [(at, at + len(tx))], section, follow_up, table=True)
    if "lead" in get:
        it.leads = read_agencies(get["lead"][0], get["lead"][1], sides)
    if "partner" in get:
        it.partners = read_agencies(get["partner"][0], get["partner"][1], sides)
    if "due" in get:
        it.due_text = get["due"][0]
    return it


def _attribute(item: Item, key: str, value: str, at: int, sides: Sides) -> None:
    if "chủ trì" in key or "đầu mối" in key or "thực hiện" in key and "thời" not in key:
        item.leads.extend(read_agencies(value, at, sides))
    elif "phối hợp" in key:
        item.partners.extend(read_agencies(value, at, sides))
    elif key.startswith(("thời", "tiến độ")):
        item.due_text = value


def _leads_from_text(view: View, it: Item, sides: Sides) -> None:
    """Leads and partners named in the item's own words."""
    text = view.text
    s, e = it.text_parts[0][0], it.text_parts[-1][1]
    for part in (text[s:e].replace("\n", " "),):
        found = False
        for m in _TASK_VERB_RE.finditer(part):
            who = m.group("who")
            got = read_agencies(who, s + m.start("who"), sides)
            if got:
                it.leads.extend(a for a in got if a not in it.leads)
                found = True
                p = _PARTNERS_RE.search(part, m.end())
                if p and p.start() - m.end() < 4:
                    it.partners.extend(read_agencies(p.group("who"), s + p.start("who"), sides))
        if not found:
            for m in _LEADS_RE.finditer(part):
                got = read_agencies(m.group("who"), s + m.start("who"), sides)
                if got:
                    it.leads.extend(a for a in got if a not in it.leads)
                    found = True
                    p = _PARTNERS_RE.search(part, m.end())
                    if p and p.start() - m.end() < 4:
                        it.partners.extend(read_agencies(p.group("who"), s + p.start("who"), sides))
        subject = None if found else _SUBJECT_RE.match(part)
        if subject:
            it.leads.extend(read_agencies(subject.group("who"), s, sides))


# --- Due dates --------------------------------------------------------------------------------
def _quarter(q: str) -> int | None:
    """1-4 from "I".."IV" or a digit, read through OCR's confusions ("IH", "Il", "TV" = III,
    II, IV)."""
    q = q.lower()
    if q.isdigit():
        return int(q) if 1 <= int(q) <= 4 else None
    q = q.replace("h", "ii").replace("l", "i").replace("1", "i").replace("t", "i")
    return {"i": 1, "ii": 2, "iii": 3, "iv": 4}.get(q)


_RECURRING_RE = re.compile(
    r"hằng\s+(?:năm|quý|tháng|tuần)|hàng\s+(?:năm|quý|tháng|tuần)|thường\s+xuyên|định\s+kỳ|"
    r"mỗi\s+năm|liên\s+tục|hằng\s+ngày",
    re.I,
)
_DUE_PATTERNS = (
    ("day", re.compile(r"(?<![\d/])(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})\s*/\s*(?P<y>(?:19|20)\d{2})")),
    ("day", re.compile(r"ngày\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s+năm\s+(?P<y>(?:19|20)\d{2})", re.I)),
    ("quarter", re.compile(r"(?:quý|qúy)\s+(?P<q>[ivlh1t]{1,3}|[2-4])\s*(?:/|năm\s+)\s*(?P<y>(?:19|20)\d{2})", re.I)),
    ("half", re.compile(r"(?P<h>\d|sáu)\s+tháng\s+(?P<which>đầu|cuối)\s+năm\s+(?P<y>(?:19|20)\d{2})", re.I)),
    ("month", re.compile(r"tháng\s+(?P<m>\d{1,2})\s*(?:/|năm\s+)\s*(?P<y>(?:19|20)\d{2})", re.I)),
    ("range", re.compile(r"(?<!\d)((?:19|20)\d{2})\s*[-–—]\s*((?:19|20)\d{2})(?!\d)")),
    ("year", re.compile(r"(?<![\d/])((?:19|20)\d{2})(?![\d/])")),
)  # fmt: skip


def _due_of(s: str) -> str | None:
    """Return the due date of a time text, None when there is none, "none" when no time at all."""
    low = _fold(s)
    if _RECURRING_RE.search(low) and not re.search(r"(?:trước|chậm\s+nhất|hoàn\s+thành)", low):
        return None
    for kind, pat in _DUE_PATTERNS:
        m = pat.search(low)
        if not m:
            continue
        if kind == "day":
            d = _date(m.group("y"), m.group("m"), m.group("d"))
            if d:
                return d.isoformat()
        elif kind == "quarter":
            q = _quarter(m.group("q"))
            if q:
                return f"{m.group('y')}-{q * 3:02d}"
        elif kind == "half":
            return f"{m.group('y')}-{6 if m.group('which') == 'đầu' else 12:02d}"
        elif kind == "month":
            if 1 <= int(m.group("m")) <= 12:
                return f"{m.group('y')}-{int(m.group('m')):02d}"
        elif kind == "range":
            return m.group(2)
        elif kind == "year":
            return m.group(1)
    return "none"


_TEXT_DUE_RE = re.compile(
    r"(?:trước|chậm\s+nhất|hoàn\s+thành|trong|vào|đến|ký\s+kết\s+trong)\s+(?:ngày\s+|tháng\s+|năm\s+|quý\s+)?"
    r"[^.;,]{0,40}?(?:(?:19|20)\d{2})|(?:quý|qúy)\s+(?:IV|III|II|I)\s*/\s*(?:19|20)\d{2}|(?:trong\s+)?năm\s+(?:19|20)\d{2}",
    re.I,
)


_NAMED_PERIOD_RE = re.compile(
    r"(?:chương\s+trình|kế\s+hoạch|thỏa\s+thuận|đề\s+án|quy\s+hoạch|nghị\s+quyết|chiến\s+lược)"
    r"[^.;]{0,60}$",
    re.I,
)


def _due_in_text(s: str) -> str | None:
    """A deadline stated in an item's own words ("trước ngày 30/6/2023", "trong năm 2023");
    failing that, the period the work runs over ("giai đoạn 2026 - 2028"), unless the period
    is part of a document's name ("Chương trình hợp tác giai đoạn 2022 - 2025")."""
    for m in _TEXT_DUE_RE.finditer(s):
        frag = m.group()
        if _PERIOD_RE.search(frag) or re.search(r"giai\s+đoạn", frag, re.I):
            continue
        due = _due_of(frag)
        if due and due != "none":
            return due
    if _RECURRING_RE.search(s):
        return None
    for m in _PERIOD_RE.finditer(s):
        if not _NAMED_PERIOD_RE.search(s, 0, m.start()):
            return m.group(2)
    return None


def due(view: View, it: Item) -> str | None:
    if it.due_text is not None:
        d = _due_of(it.due_text)
        return None if d == "none" else d
    own = " ".join(view.text[s:e] for s, e in it.text_parts)
    return _due_in_text(own)


# --- Cited agreements -------------------------------------------------------------------------
@cache
def _cited_re() -> re.Pattern[str]:
    heads = (
        r"Chương\s+trình\s+(?:hợp\s+tác|phối\s+hợp|liên\s+kết)|Thỏa\s+thuận\s+hợp\s+tác|Thoả\s+thuận"
        r"\s+hợp\s+tác|Biên\s+bản\s+ghi\s+nhớ|Bản\s+ghi\s+nhớ|Biên\s+bản\s+thỏa\s+thuận|Biên\s+bản"
        r"\s+hợp\s+tác|Kế\s+hoạch\s+hợp\s+tác|Thông\s+báo\s+kết\s+luận|Quy\s+chế\s+phối\s+hợp"
    )
    return re.compile(
        rf"(?P<t>(?:{heads})[^;\n]{{0,220}}?)(?=;|\.(?:\s|$)|\n|,\s+(?:Ủy|UBND|Theo|Căn)|$)"
    )


_CITED_NUM_RE = re.compile(r"số\s+(?P<n>\d[\w.\-/&Đđ]*(?:/[\w.\-&Đđ]+)*)", re.I)
_CITED_DATE_RE = re.compile(
    r"ngày\s+(?P<d>\d{1,2})\s*(?:/|tháng\s+)\s*(?P<m>\d{1,2})\s*(?:/|năm\s+)\s*(?P<y>(?:19|20)\d{2})",
    re.I,
)


def cited_agreements(view: View, doc: Official | None, parties: Parties) -> list[Fact]:
    """Agreements the text names with their number or date: agreements without items."""
    text = view.text
    out: list[Fact] = []
    seen: set[str] = set()
    for m in _cited_re().finditer(text):
        s, e = m.span("t")
        if doc and (doc.title_span[0] <= s < doc.title_span[1]):
            continue
        frag = text[s:e]
        num = _CITED_NUM_RE.search(frag)
        date = _CITED_DATE_RE.search(frag)
        if not num and not date:
            continue
        cut = min(x.start() for x in (num, date) if x)
        head = frag[:cut].strip(" ,")
        number = num.group("n").rstrip(".-/,") if num else None
        if doc and number and doc.number and number == doc.number:
            continue
        key = number or (date.group() if date else head)
        if key in seen:
            continue
        seen.add(key)
        signed = _date(date.group("y"), date.group("m"), date.group("d")) if date else None
        pm = _PERIOD_RE.search(frag)
        inside = [x.name for x in parties.mentions if x.name in parties.names and s <= x.start < e]
        from hoptac.extraction.extras import kind_of

        title = " ".join((head + " " + frag[max(x.end() for x in (num, date) if x) :]).split())
        title = re.sub(r"\s+,", ",", title).strip(" ,")
        out.append(
            Fact(
                {
                    "kind": kind_of(head),
                    "title": title,
                    "number": number,
                    "signed_on": signed.isoformat() if signed else None,
                    "period_from": int(pm.group(1)) if pm else None,
                    "period_to": int(pm.group(2)) if pm else None,
                    "parties": list(dict.fromkeys(inside)) or list(parties.names),
                    "signatories": [],
                    "items": [],
                },  # fmt: skip
                [[s, e]],
                0.6,
            )
        )
    return out


# --- The document as an agreement -------------------------------------------------------------
def document_agreement(view: View, doc: Official, parties: Parties) -> Fact:
    kinds = {m.name: m.kind for m in parties.mentions if m.name}
    sides = Sides(parties.mentions, list(parties.names), kinds, doc.issuer)
    items = read_items(view, doc, sides)
    text = view.text
    hits = _field_hits(view, doc)
    starts = [h[0] for h in hits]
    out_items = []
    for it in items:
        own = " ".join(" ".join(text[s:e].split()) for s, e in it.text_parts)
        own = own.strip()
        if not own:
            continue
        out_items.append(
            {
                "number": it.number,
                "text": own,
                "field": None if it.follow_up else _field_in(hits, starts, it.text_parts),
                "leads": [a.to_json() for a in it.leads],
                "partners": [a.to_json() for a in it.partners if a not in it.leads],
                "due": due(view, it),
                "evidence": [[it.start, it.end]],
            }
        )
    evidence = [list(doc.title_span)]
    if doc.number_span:
        evidence.append(list(doc.number_span))
    data = {
        "kind": doc.kind,
        "title": doc.title,
        "number": doc.number,
        "signed_on": doc.signed_on.isoformat() if doc.signed_on else None,
        "period_from": doc.period[0] if doc.period else None,
        "period_to": doc.period[1] if doc.period else None,
        "parties": list(parties.names),
        "signatories": doc.signatories,
        "items": out_items,
    }
    return Fact(data, evidence, 0.8)


_AGENCY_MASK_RE = re.compile(
    r"(?:Sở|Văn\s+phòng|Ban|Trung\s+tâm|Bệnh\s+viện)(?:\s+[A-ZĐÀ-Ỹ][\w&,\-]*|\s+và|\s+-)+"
)


def _field_hits(view: View, doc: Official) -> list[tuple[int, str]]:
    """The field keywords of the body, in order, outside agency names ("Sở Tài chính" names
    an agency, not the finance field)."""
    agencies = [
        (m.start(), m.end()) for m in _AGENCY_MASK_RE.finditer(view.text, doc.body_start, doc.body_end)
    ]  # fmt: skip
    starts = [a[0] for a in agencies]
    out = []
    for s, _e, code in counts.field_hits(view):
        if not doc.body_start <= s < doc.body_end:
            continue
        k = bisect.bisect_right(starts, s) - 1
        if k >= 0 and agencies[k][0] <= s < agencies[k][1]:
            continue
        out.append((s, code))
    return out


def _field_in(
    hits: list[tuple[int, str]], starts: list[int], parts: list[tuple[int, int]]
) -> str | None:
    """The first field named inside the item's own text."""
    for s, e in parts:
        i = bisect.bisect_left(starts, s)
        if i < len(hits) and hits[i][0] < e:
            return hits[i][1]
    return None


def participants_from_signatures(doc: Official) -> bool:
    """Whether the signatories take part (they sign for their side)."""
    return doc.kind in ("programme", "memorandum", "minutes")


def in_signature(doc: Official, start: int) -> bool:
    return start >= doc.body_end


__all__ = [
    "Official",
    "cited_agreements",
    "document_agreement",
    "in_signature",
    "participants_from_signatures",
    "read_document",
]
