"""Words with their boxes → text in reading order, as a reader of the page would write it.

Used for PDF text layers (words from `pdftotext -bbox`) and for OCR (words from Tesseract's
TSV), so that both produce text shaped like the DOCX reader's:

- words are grouped into physical lines by vertical overlap, and a line is cut into segments
  where the gap between two words is wider than a space can be (`gap_factor` × the page's
  median word height; Tesseract's block boundaries also cut);
- runs of lines with two or more segments are tables: their columns are the x intervals the
  segments occupy, separated by gutters no segment crosses. A row starts at a line with text
  in the first column (the "STT" column of a task table, the left block of a two-column
  header), each cell's lines are joined with a space, and the row is one line with its
  cells joined by " | ". A header row repeated on the next page is dropped;
- other lines are prose: a line that reaches the right margin continues on the next one
  (unless that one is indented or starts a numbered item), so a paragraph is one line;
- a line holding only a page number at the top or bottom of a page is page furniture.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field

from hoptac.extraction.readers.base import TextBuilder

_ITEM_RE = re.compile(
    r"^(?:\d{1,3}(?:\.\d{1,3})*[.)]|[a-zđ][.)]|[IVXLC]{1,6}[.)]|Điều \d+|Chương [IVXLC\d]+)"
    r"(?:\s|$)"
)
_PAGE_NUMBER_RE = re.compile(r"^(?:[-–]\s*)?(?:Trang\s+)?\d{1,4}(?:\s*/\s*\d{1,4})?(?:\s*[-–])?$")


@dataclass(frozen=True)
class Word:
    x0: float
    y0: float
    x1: float
    y1: float
    text: str
    block: int = 0
    conf: float = -1.0


@dataclass
class Page:
    width: float
    height: float
    words: list[Word] = field(default_factory=list)


@dataclass
class _Line:
    words: list[Word]
    segments: list[list[Word]] = field(default_factory=list)

    @property
    def x0(self) -> float:
        return min(w.x0 for w in self.words)

    @property
    def x1(self) -> float:
        return max(w.x1 for w in self.words)

    @property
    def y0(self) -> float:
        return min(w.y0 for w in self.words)

    @property
    def y1(self) -> float:
        return max(w.y1 for w in self.words)

    def text(self) -> str:
        return " ".join(w.text for w in self.words)


def _text(words: list[Word]) -> str:
    return " ".join(w.text for w in words)


def _group_lines(words: list[Word]) -> list[_Line]:
    lines: list[_Line] = []
    for w in sorted(words, key=lambda w: ((w.y0 + w.y1) / 2, w.x0)):
        h = max(w.y1 - w.y0, 0.1)
        for line in reversed(lines[-4:]):
            overlap = min(line.y1, w.y1) - max(line.y0, w.y0)
            if overlap >= 0.5 * min(h, line.y1 - line.y0):
                line.words.append(w)
                break
        else:
            lines.append(_Line([w]))
    for line in lines:
        line.words.sort(key=lambda w: w.x0)
    lines.sort(key=lambda ln: (ln.y0 + ln.y1) / 2)
    return lines


def _segment(line: _Line, gap: float) -> None:
    segs: list[list[Word]] = [[line.words[0]]]
    for prev, w in zip(line.words, line.words[1:], strict=False):
        if w.x0 - prev.x1 > gap or (w.block != prev.block and w.x0 - prev.x1 > gap / 3):
            segs.append([w])
        else:
            segs[-1].append(w)
    if len(segs) >= 5 or (len(segs) >= 4 and all(len(seg) == 1 for seg in segs)):
        # A justified line stretched by a forced line break: equal gaps, not columns.
        gaps = [b[0].x0 - a[-1].x1 for a, b in zip(segs, segs[1:], strict=False)]
        if max(gaps) - min(gaps) < max(gap / 2, 0.5 * sum(gaps) / len(gaps)):
            segs = [line.words]
    line.segments = segs


class _Columns:
    """The x intervals a table's segments occupy (merged when they overlap)."""

    def __init__(self) -> None:
        self.spans: list[list[float]] = []

    def add(self, x0: float, x1: float, *, safe: bool = True) -> None:
        """Add a segment's extent; one that would join two columns (a merged cell) is not."""
        if safe and len(self.touched(x0, x1)) > 1:
            return
        self.spans.append([x0, x1])
        self.spans.sort()
        merged: list[list[float]] = []
        for s in self.spans:
            if merged and s[0] <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], s[1])
            else:
                merged.append(list(s))
        self.spans = merged

    def touched(self, x0: float, x1: float) -> list[int]:
        return [i for i, (a, b) in enumerate(self.spans) if x0 < b and x1 > a]

    def index(self, x0: float, x1: float) -> int:
        best, best_overlap = 0, -1.0
        for i, (a, b) in enumerate(self.spans):
            overlap = min(b, x1) - max(a, x0)
            if overlap > best_overlap:
                best, best_overlap = i, overlap
        return best


def _tables_and_prose(lines: list[_Line], height: float) -> list[tuple[str, object]]:
    """Return the page as ("prose", line) and ("table", [line, ...]) blocks in order."""
    blocks: list[tuple[str, object]] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if len(line.segments) < 2:
            blocks.append(("prose", line))
            i += 1
            continue
        cols = _Columns()
        region = [line]
        for seg in line.segments:
            cols.add(seg[0].x0, seg[-1].x1, safe=False)
        j = i + 1
        while j < len(lines):
            nxt = lines[j]
            segs = nxt.segments
            gap = nxt.y0 - region[-1].y1
            if gap > 2.5 * height or (len(segs) == 1 and gap > 0.6 * height):
                break
            if len(segs) == 1 and len(cols.touched(nxt.x0, nxt.x1)) > 1:
                break  # a line across the gutters: prose again
            if len(segs) == 1 and len(cols.spans) < 2:
                break
            if len(segs) == 1 and not any(a - 0.3 * height <= nxt.x0 < b for a, b in cols.spans):
                break  # starts in a gutter: not a cell's line
            where = [cols.index(seg[0].x0, seg[-1].x1) for seg in segs]
            if len(set(where)) < len(where):
                break  # two pieces in one column: a heading or prose after the table
            for seg in segs:
                cols.add(seg[0].x0, seg[-1].x1)
            region.append(nxt)
            j += 1
        blocks.append(("table", (region, cols)))
        i = j
    return blocks


def _rows(region: list[_Line], cols: _Columns) -> list[list[str]]:
    rows: list[list[list[str]]] = []
    for line in region:
        placed: dict[int, str] = {}
        for seg in line.segments:
            k = cols.index(seg[0].x0, seg[-1].x1)
            placed[k] = f"{placed[k]} {_text(seg)}" if k in placed else _text(seg)
        if not rows or 0 in placed:
            rows.append([[] for _ in cols.spans])
        for k, text in placed.items():
            rows[-1][k].append(text)
    return [[" ".join(parts) for parts in row] for row in rows]


def render(pages: list[Page], out: TextBuilder, *, gap_factor: float = 0.45) -> list[str]:
    """Write the pages' text to `out`; return the page-furniture lines that were left out."""
    furniture: list[str] = []
    items: list[list] = []  # ["prose", line, left, right, height] / ["table", region, cols]
    for number, page in enumerate(pages):
        words = [w for w in page.words if w.text.strip()]
        if not words:
            continue
        height = statistics.median(w.y1 - w.y0 for w in words)
        lines = _drop_furniture(_group_lines(words), page.height, furniture)
        if not lines:
            continue
        for line in lines:
            _segment(line, gap_factor * height)
        prose = [ln for ln in lines if len(ln.segments) == 1] or lines
        left, right = min(ln.x0 for ln in prose), max(ln.x1 for ln in prose)
        for n, (kind, block) in enumerate(_tables_and_prose(lines, height)):
            if kind == "prose":
                items.append(["prose", block, left, right, height])
                continue
            region: list[_Line] = block[0]  # type: ignore[index]
            cols: _Columns = block[1]  # type: ignore[index]
            prev = items[-1] if items else None
            if (
                n == 0 and prev is not None and prev[0] == "table" and prev[3] == number - 1
                and len(prev[2].spans) == len(cols.spans)
            ):  # fmt: skip
                # The table goes on over the page break: drop its repeated header, join.
                head = [ln.text() for ln in _header_lines(prev[1], prev[2])]
                if [ln.text() for ln in region[: len(head)]] == head:
                    region = region[len(head) :]
                for line in region:
                    for seg in line.segments:
                        prev[2].add(seg[0].x0, seg[-1].x1)
                prev[1].extend(region)
                prev[3] = number
                continue
            items.append(["table", list(region), cols, number])

    paragraph: list[str] = []
    last_full = False

    def flush() -> None:
        nonlocal paragraph
        if paragraph:
            out.line(" ".join(paragraph))
        paragraph = []

    for item in items:
        if item[0] == "table":
            flush()
            last_full = False
            for row in _rows(item[1], item[2]):
                out.row(row)
            out.end_table()
            continue
        _kind, line, left, right, height = item
        text = line.text()
        indented = line.x0 - left > 1.2 * height
        if paragraph and last_full and not indented and not _ITEM_RE.match(text):
            paragraph.append(text)
        else:
            flush()
            paragraph = [text]
        last_full = line.x1 >= right - 1.5 * height
    flush()
    return furniture


def _header_lines(region: list[_Line], cols: _Columns) -> list[_Line]:
    """Return the lines of a table's first row."""
    for n, line in enumerate(region[1:], start=1):
        if any(cols.index(seg[0].x0, seg[-1].x1) == 0 for seg in line.segments):
            return region[:n]
    return region


def _drop_furniture(lines: list[_Line], page_height: float, furniture: list[str]) -> list[_Line]:
    keep = []
    for n, line in enumerate(lines):
        edge = n in (0, 1, len(lines) - 2, len(lines) - 1)
        near = line.y1 < 0.1 * page_height or line.y0 > 0.9 * page_height
        if edge and near and _PAGE_NUMBER_RE.match(line.text()):
            furniture.append(line.text())
            continue
        keep.append(line)
    return keep
