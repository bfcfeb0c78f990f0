"""DOCX: the body as a reader sees it, with Word's automatic numbering and tables as rows.

- One paragraph per line; a line break inside a paragraph is a new line; an empty paragraph
  is an empty line.
- A numbered paragraph starts with its number rendered from `word/numbering.xml` ("II. ",
  "2.1. ", "a) ", "Điều 3. "): decimal, letters, Roman numerals, multi-level `%1.%2.` texts,
  restarts below a higher level (`w:lvlRestart`), `w:lvlOverride`/`w:startOverride`, and
  numbering given by a paragraph style. As in Word, lists that share an abstract numbering
  continue each other unless a `w:num` overrides a level, which starts a list of its own.
- A table row is one line, its non-empty cells joined by " | " (`Document.tables` keeps the
  cells with their offsets); merged cells appear once.
- Headers and footers are read separately (`Document.headers`, `.footers`), never into the body.

The XML is streamed (lxml iterparse) and the text capped (`Limits.max_text_chars`), after
`zipguard` has checked what the archive expands to.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, replace

from hoptac.extraction.readers.base import Document, Limits, TextBuilder, UnreadableDocument
from hoptac.extraction.readers.zipguard import open_zip

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_SKIP = {
    f"{W}pPr", f"{W}rPr", f"{W}del", f"{W}delText", f"{W}instrText", f"{W}txbxContent",
    MC_FALLBACK, f"{W}footnoteReference", f"{W}endnoteReference", f"{W}commentReference",
}  # fmt: skip
_PLACEHOLDER_RE = re.compile(r"%([1-9])")
_PPR, _T = f"{W}pPr", f"{W}t"
_TEXT_TAGS = {_T: "", f"{W}tab": "\t", f"{W}br": "\n", f"{W}cr": "\n", f"{W}noBreakHyphen": "-"}
# What may hide text (or repeat it) below a paragraph; without any, its text is simply its
# w:t, w:tab and w:br in order (rPr, instrText, delText hold none of those).
_SKIP_IN_RUNS = (f"{W}del", f"{W}txbxContent", MC_FALLBACK, f"{W}p")


@dataclass(frozen=True)
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    suffix: str = "tab"
    restart: int | None = None  # 1-based level after which this one restarts; 0 = never
    legal: bool = False


class Numbering:
    """The lists of numbering.xml and the counters of the lists met so far."""

    def __init__(self, numbering_xml: bytes | None, styles_xml: bytes | None) -> None:
        self.abstracts: dict[str, dict[int, Level]] = {}
        self.nums: dict[str, tuple[str, dict[int, tuple[int | None, Level | None]]]] = {}
        self.style_num: dict[str, tuple[str | None, int | None]] = {}
        self.counters: dict[tuple[str, str], list[int | None]] = {}
        if numbering_xml:
            self._read_numbering(numbering_xml)
        if styles_xml:
            self._read_styles(styles_xml)

    def _read_numbering(self, data: bytes) -> None:
        root = _parse_small(data)
        for ab in root.iter(f"{W}abstractNum"):
            self.abstracts[ab.get(f"{W}abstractNumId", "")] = {
                int(lvl.get(f"{W}ilvl", "0")): _level(lvl) for lvl in ab.iter(f"{W}lvl")
            }
        for num in root.iter(f"{W}num"):
            ab_el = num.find(f"{W}abstractNumId")
            overrides: dict[int, tuple[int | None, Level | None]] = {}
            for ov in num.iter(f"{W}lvlOverride"):
                so = ov.find(f"{W}startOverride")
                lvl = ov.find(f"{W}lvl")
                overrides[int(ov.get(f"{W}ilvl", "0"))] = (
                    _int(so.get(f"{W}val")) if so is not None else None,
                    _level(lvl) if lvl is not None else None,
                )
            abstract = ab_el.get(f"{W}val", "") if ab_el is not None else ""
            self.nums[num.get(f"{W}numId", "")] = (abstract, overrides)

    def _read_styles(self, data: bytes) -> None:
        root = _parse_small(data)
        based: dict[str, str] = {}
        own: dict[str, tuple[str | None, int | None]] = {}
        for st in root.iter(f"{W}style"):
            sid = st.get(f"{W}styleId", "")
            b = st.find(f"{W}basedOn")
            if b is not None:
                based[sid] = b.get(f"{W}val", "")
            np = st.find(f"{W}pPr/{W}numPr")
            if np is not None:
                own[sid] = _num_pr(np)
        for sid in set(own) | set(based):
            seen: set[str] = set()
            cur: str | None = sid
            while cur and cur not in own and cur not in seen:
                seen.add(cur)
                cur = based.get(cur)
            if cur and cur in own:
                self.style_num[sid] = own[cur]

    def label(self, ppr) -> str:  # type: ignore[no-untyped-def]
        """Return the number of a paragraph with properties `ppr` ("" when not numbered)."""
        if ppr is None:
            return ""
        num_id: str | None = None
        ilvl: int | None = None
        style = ppr.find(f"{W}pStyle")
        if style is not None:
            num_id, ilvl = self.style_num.get(style.get(f"{W}val", ""), (None, None))
        np = ppr.find(f"{W}numPr")
        if np is not None:
            own_id, own_lvl = _num_pr(np)
            num_id = own_id if own_id is not None else num_id
            ilvl = own_lvl if own_lvl is not None else ilvl
        if not num_id or num_id == "0" or num_id not in self.nums:
            return ""
        return self._next(num_id, min(max(ilvl or 0, 0), 8))

    def _levels(self, num_id: str) -> dict[int, Level]:
        abstract, overrides = self.nums[num_id]
        levels = dict(self.abstracts.get(abstract, {}))
        for n, (start, lvl) in overrides.items():
            base = lvl or levels.get(n, Level())
            levels[n] = replace(base, start=start) if start is not None else base
        return levels

    def _next(self, num_id: str, ilvl: int) -> str:
        abstract, overrides = self.nums[num_id]
        key = ("num", num_id) if overrides else ("abstract", abstract)
        levels = self._levels(num_id)
        counters = self.counters.setdefault(key, [None] * 9)
        level = levels.get(ilvl, Level())
        counters[ilvl] = level.start if counters[ilvl] is None else counters[ilvl] + 1  # type: ignore[operator]
        for k in range(ilvl + 1, 9):
            restart = levels.get(k, Level()).restart
            if restart is None or (restart != 0 and ilvl + 1 <= restart):
                counters[k] = None
        if level.fmt == "bullet":
            number = "".join("•" if "\uf000" <= ch <= "\uf0ff" else ch for ch in level.text)
        else:

            def sub(m: re.Match[str]) -> str:
                n = int(m.group(1)) - 1
                lv = levels.get(n, Level())
                value = counters[n] if counters[n] is not None else lv.start
                fmt = "decimal" if level.legal and n < ilvl else lv.fmt
                return format_number(value or 0, fmt)

            number = _PLACEHOLDER_RE.sub(sub, level.text)
        if not number:
            return ""
        return number + ("" if level.suffix == "nothing" else " ")


def format_number(n: int, fmt: str) -> str:
    """Return `n` written in Word's number format `fmt`."""
    if fmt == "none":
        return ""
    if fmt in ("lowerLetter", "upperLetter"):
        if n <= 0:
            return str(n)
        letter = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman"):
        roman = _roman(n)
        return roman.lower() if fmt == "lowerRoman" else roman
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)


def _roman(n: int) -> str:
    if not 0 < n < 4000:
        return str(n)
    out = []
    for value, digits in (
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ):  # fmt: skip
        while n >= value:
            out.append(digits)
            n -= value
    return "".join(out)


def _level(el) -> Level:  # type: ignore[no-untyped-def]
    def val(tag: str) -> str | None:
        child = el.find(f"{W}{tag}")
        return child.get(f"{W}val") if child is not None else None

    restart = val("lvlRestart")
    return Level(
        start=_int(val("start")) or (0 if val("start") == "0" else 1),
        fmt=val("numFmt") or "decimal",
        text=val("lvlText") if val("lvlText") is not None else "",  # type: ignore[arg-type]
        suffix=val("suff") or "tab",
        restart=_int(restart) if restart is not None else None,
        legal=el.find(f"{W}isLgl") is not None,
    )


def _num_pr(np) -> tuple[str | None, int | None]:  # type: ignore[no-untyped-def]
    num = np.find(f"{W}numId")
    lvl = np.find(f"{W}ilvl")
    return (
        num.get(f"{W}val") if num is not None else None,
        _int(lvl.get(f"{W}val")) if lvl is not None else None,
    )


def _int(raw: str | None) -> int | None:
    try:
        return int(raw) if raw is not None else None
    except ValueError:
        return None


def _parse_small(data: bytes):  # type: ignore[no-untyped-def]
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    return etree.fromstring(data, parser)


def _runs_text(el, out: list[str]) -> None:  # type: ignore[no-untyped-def]
    for child in el:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue
        if tag == f"{W}t":
            out.append(child.text or "")
        elif tag == f"{W}tab":
            out.append("\t")
        elif tag in (f"{W}br", f"{W}cr"):
            out.append("\n")
        elif tag == f"{W}noBreakHyphen":
            out.append("-")
        elif tag == f"{W}p":
            # A paragraph nested in a content control inside a paragraph (rare): its text too.
            out.append(" ")
            _runs_text(child, out)
        else:
            _runs_text(child, out)


class _Body:
    def __init__(self, numbering: Numbering, out: TextBuilder) -> None:
        self.numbering = numbering
        self.out = out

    def paragraph_text(self, p) -> str:  # type: ignore[no-untyped-def]
        ppr = p.find(_PPR)
        parts: list[str] = [self.numbering.label(ppr) if ppr is not None else ""]
        if next(p.iterdescendants(*_SKIP_IN_RUNS), None) is None:
            # The common case, and the fast one: nothing to skip below the paragraph.
            for el in p.iter(*_TEXT_TAGS):
                parts.append(el.text or "" if el.tag == _T else _TEXT_TAGS[el.tag])
        else:
            _runs_text(p, parts)
        return "".join(parts)

    def block(self, el) -> None:  # type: ignore[no-untyped-def]
        if el.tag == f"{W}p":
            self.out.line(self.paragraph_text(el))
        elif el.tag == f"{W}tbl":
            for row in self.table_rows(el):
                self.out.row(row)
            self.out.end_table()
        elif el.tag in (f"{W}sdt", f"{W}customXml", f"{W}sdtContent"):
            for child in el:
                if child.tag in (f"{W}sdtContent", f"{W}p", f"{W}tbl", f"{W}sdt"):
                    self.block(child)

    def table_rows(self, tbl) -> list[list[str]]:  # type: ignore[no-untyped-def]
        rows = []
        for tr in tbl.iterchildren(f"{W}tr"):
            cells = []
            for tc in _cells(tr):
                merge = tc.find(f"{W}tcPr/{W}vMerge")
                if merge is not None and merge.get(f"{W}val", "continue") == "continue":
                    cells.append("")  # the text belongs to the cell above
                    continue
                cells.append(self.cell_text(tc))
            rows.append(cells)
        return rows

    def cell_text(self, tc) -> str:  # type: ignore[no-untyped-def]
        parts: list[str] = []
        for child in tc:
            if child.tag == f"{W}p":
                parts.append(" ".join(self.paragraph_text(child).split()))
            elif child.tag == f"{W}tbl":
                for row in self.table_rows(child):
                    parts.append(" | ".join(c for c in row if c))
            elif child.tag == f"{W}sdt":
                for p in child.iter(f"{W}p"):
                    parts.append(" ".join(self.paragraph_text(p).split()))
        return " ".join(p for p in parts if p)


def _cells(tr):  # type: ignore[no-untyped-def]
    for child in tr:
        if child.tag == f"{W}tc":
            yield child
        elif child.tag in (f"{W}sdt", f"{W}customXml"):
            yield from child.iter(f"{W}tc")


def read_docx(data: bytes, name: str, limits: Limits) -> Document:
    """Return the document in the DOCX `data`. Raises UnreadableDocument."""
    from lxml import etree

    zf = open_zip(data, name, limits, kind="docx")
    try:
        names = set(zf.namelist())
        main = "word/document.xml"
        if main not in names:
            raise UnreadableDocument(
                f"{name}: not a valid .docx file (no word/document.xml)", code="not_zip",
                kind="docx",
            )  # fmt: skip
        numbering = Numbering(
            zf.read("word/numbering.xml") if "word/numbering.xml" in names else None,
            zf.read("word/styles.xml") if "word/styles.xml" in names else None,
        )
        out = TextBuilder(name, limits)
        body = _Body(numbering, out)
        body_tag = f"{W}body"
        with zf.open(main) as fh:
            context = etree.iterparse(
                fh, events=("end",), tag=(f"{W}p", f"{W}tbl", f"{W}sdt"),
                resolve_entities=False, no_network=True, huge_tree=True,
            )  # fmt: skip
            for _event, el in context:
                parent = el.getparent()
                if parent is None or parent.tag != body_tag:
                    continue
                body.block(el)
                el.clear()
                while el.getprevious() is not None:
                    del parent[0]
        headers = _furniture(zf, names, "header", limits)
        footers = _furniture(zf, names, "footer", limits)
        title = _title(zf, names)
    except (zipfile.BadZipFile, etree.XMLSyntaxError, KeyError, EOFError, ValueError) as e:
        if isinstance(e, UnreadableDocument):
            raise
        raise UnreadableDocument(
            f"{name}: not a valid .docx file ({e})", code="not_zip", kind="docx"
        ) from e
    finally:
        zf.close()
    text = out.text()
    if not text.strip():
        raise UnreadableDocument(f"{name}: the document has no text", code="no_text")
    return Document(
        text, name, "docx", None, title, carry_text=True, tables=tuple(out.tables),
        headers=headers, footers=footers,
    )  # fmt: skip


def _furniture(zf: zipfile.ZipFile, names: set[str], kind: str, limits: Limits) -> str:
    """Return the text of the page headers (or footers), each part's lines once."""
    parts = sorted(n for n in names if re.fullmatch(rf"word/{kind}\d*\.xml", n))
    out = TextBuilder(kind, limits)
    seen: set[str] = set()
    numbering = Numbering(None, None)
    body = _Body(numbering, out)
    for part in parts:
        root = _parse_small(zf.read(part))
        for el in root:
            sub = TextBuilder(kind, limits)
            _Body(numbering, sub).block(el)
            line = sub.text()
            if line.strip() and line not in seen:
                seen.add(line)
                body.block(el)
    return out.text()


def _title(zf: zipfile.ZipFile, names: set[str]) -> str | None:
    if "docProps/core.xml" not in names:
        return None
    root = _parse_small(zf.read("docProps/core.xml"))
    el = root.find("{http://purl.org/dc/elements/1.1/}title")
    return (el.text or "").strip() or None if el is not None else None
