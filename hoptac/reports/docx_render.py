"""The annual report as an editable Word document in the format of Nghị định 30/2020/NĐ-CP."""

from __future__ import annotations

import io
from pathlib import Path

from django.utils.translation import gettext as _
from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Emu, Length, Mm, Pt

from hoptac.lib.validators import xml_safe
from hoptac.reports.annual import AnnualReport
from hoptac.reports.blocks import Block, Chart, Paragraph, Subheading, Table
from hoptac.reports.chart import chart_png
from hoptac.reports.numbers import admin_date_line

FONT = "Times New Roman"
# The text width is 165 mm; the left column holds "THÀNH PHỐ HỒ CHÍ MINH" (13 pt bold, 6.0 cm)
# on one line, the right one "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" (12 pt bold, 8.8 cm).
LEFT_COL, RIGHT_COL = Cm(6.8), Cm(9.7)
CELL_MARGINS = Cm(0.38)  # Word's and LibreOffice's default left + right cell margins
_BOLD_FONTS = [
    "/usr/share/fonts/truetype/liberation2/LiberationSerif-Bold.ttf",  # Times' metrics
    "/usr/share/fonts/truetype/liberation/LiberationSerif-Bold.ttf",
]


def _set_font(doc) -> None:
    style = doc.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(14)
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.append(fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), FONT)
    pf = style.paragraph_format
    pf.space_before, pf.space_after = Pt(0), Pt(6)
    pf.line_spacing = 1.15


def _bold_width(text: str, size_pt: float) -> Length:
    """Return the printed width of `text` in bold Times at `size_pt` (an estimate without fonts)."""
    from PIL import ImageFont

    for path in _BOLD_FONTS:
        if Path(path).exists():
            font = ImageFont.truetype(path, int(size_pt * 10))
            return Pt(font.getlength(text) / 10)
    return Pt(len(text) * size_pt * 0.62)


def _rule(cell, cell_width: Length, length: Length) -> None:
    """Draw a centred rule `length` long in `cell`, as the top border of an empty paragraph.

    The rule is a paragraph of its own, so its indents narrow nothing but the rule: text
    above and below keeps the whole cell and stays on one line."""
    p = _cell_para(cell, "", size=1)
    indent = Emu(max(int((cell_width - CELL_MARGINS - length) / 2), 0))
    pf = p.paragraph_format
    pf.left_indent = pf.right_indent = indent
    pf.space_before, pf.space_after = Pt(0), Pt(0)
    pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    pf.line_spacing = Pt(6)
    ppr = p._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    top = OxmlElement("w:top")
    for k, v in {"w:val": "single", "w:sz": "6", "w:space": "0", "w:color": "000000"}.items():
        top.set(qn(k), v)
    borders.append(top)
    # w:pBdr comes before w:spacing and w:ind in CT_PPr's sequence
    anchor = ppr.find(qn("w:spacing"))
    if anchor is None:
        anchor = ppr.find(qn("w:ind"))
    if anchor is not None:
        anchor.addprevious(borders)
    else:
        ppr.append(borders)
    # the paragraph mark's size sets the empty line's height in LibreOffice
    mark = OxmlElement("w:rPr")
    sz = OxmlElement("w:sz")
    sz.set(qn("w:val"), "2")
    mark.append(sz)
    ppr.append(mark)


def _para(container, text: str = "", *, bold=False, italic=False, size=None, align=None,
          indent=False, after=None):  # fmt: skip
    p = container.add_paragraph()
    if text:
        run = p.add_run(xml_safe(text))
        run.bold, run.italic = bold, italic
        if size:
            run.font.size = Pt(size)
    if align is not None:
        p.alignment = align
    if indent:
        p.paragraph_format.first_line_indent = Cm(1.27)
    if after is not None:
        p.paragraph_format.space_after = Pt(after)
    return p


def _cell_para(cell, text: str, **kw):
    """Write into a cell, reusing its empty first paragraph."""
    if len(cell.paragraphs) == 1 and not cell.paragraphs[0].text:
        p = cell.paragraphs[0]
        run = p.add_run(xml_safe(text))
        run.bold, run.italic = kw.get("bold", False), kw.get("italic", False)
        if kw.get("size"):
            run.font.size = Pt(kw["size"])
        p.alignment = kw.get("align")
        p.paragraph_format.space_after = Pt(kw.get("after", 0))
        return p
    return _para(cell, text, after=kw.pop("after", 0), **kw)


def _widths(table, widths) -> None:
    # LibreOffice reads the column width, Word the cell width: set both.
    for i, w in enumerate(widths):
        table.columns[i].width = w
        for cell in table.columns[i].cells:
            cell.width = w


def _header_block(doc, r: AnnualReport) -> None:
    t = doc.add_table(rows=1, cols=2)
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    t.autofit = False
    _widths(t, [LEFT_COL, RIGHT_COL])
    left, right = t.rows[0].cells
    center = WD_ALIGN_PARAGRAPH.CENTER
    _cell_para(left, r.issuer_body, bold=True, size=13, align=center)
    _cell_para(left, r.issuer_name, bold=True, size=13, align=center, after=2)
    # NĐ 30/2020: under the issuer, a rule of 1/3 to 1/2 of the line; under the motto, a rule
    # as long as the motto.
    _rule(left, LEFT_COL, Emu(int(_bold_width(r.issuer_name, 13) * 0.4)))
    _cell_para(left, f"Số: .../BC-{r.issuer_short}", size=13, align=center)
    _cell_para(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True, size=12, align=center)
    motto = "Độc lập - Tự do - Hạnh phúc"
    _cell_para(right, motto, bold=True, size=13, align=center, after=2)
    _rule(right, RIGHT_COL, _bold_width(motto, 13))
    _cell_para(right, admin_date_line(r.place, r.date_on), italic=True, size=13, align=center)


def _page_number_header(section) -> None:
    """PAGE field in the header of every page but the first (NĐ 30: numbers from page 2)."""
    section.different_first_page_header_footer = True
    p = section.header.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = p.add_run()
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        else:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        run._r.append(el)


def _heading(doc, text: str) -> None:
    _para(
        doc, text, bold=True, align=WD_ALIGN_PARAGRAPH.JUSTIFY, after=6
    ).paragraph_format.first_line_indent = Cm(1.27)


def _body(doc, text: str, italic: bool = False) -> None:
    _para(doc, text, italic=italic, align=WD_ALIGN_PARAGRAPH.JUSTIFY, indent=True)


def _table(doc, table: Table) -> None:
    size = 10 if table.small else 12
    t = doc.add_table(rows=1, cols=len(table.head))
    t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    t.autofit = False
    for cell, text in zip(t.rows[0].cells, table.head, strict=True):
        _cell_para(cell, text, bold=True, size=size, align=WD_ALIGN_PARAGRAPH.CENTER)
    for row in table.rows:
        cells = t.add_row().cells
        for i, (cell, text) in enumerate(zip(cells, row, strict=True)):
            align = WD_ALIGN_PARAGRAPH.RIGHT if i in table.numeric else None
            _cell_para(cell, str(text), size=size, align=align)
    _widths(t, [Cm(w) for w in table.widths_cm])
    _para(doc, "", after=0)


def _block(doc, block: Block) -> None:
    center = WD_ALIGN_PARAGRAPH.CENTER
    if isinstance(block, Paragraph):
        if block.style == "title":
            _para(doc, block.text, bold=True, size=13, align=center, after=0)
        elif block.style == "note":
            _para(doc, block.text, italic=True, size=13, align=center)
        else:
            _body(doc, block.text, italic=block.style == "placeholder")
    elif isinstance(block, Subheading):
        _para(doc, block.text, bold=True, italic=True, indent=True)
    elif isinstance(block, Table):
        _table(doc, block)
    elif isinstance(block, Chart):
        doc.add_picture(io.BytesIO(chart_png(block)), width=Cm(15))
        doc.paragraphs[-1].alignment = center
        _para(doc, block.title, italic=True, size=12, align=center)


def render_docx(r: AnnualReport) -> bytes:
    """Return the report as DOCX bytes."""
    doc = Document()
    _set_font(doc)
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    section.header_distance = Mm(10)
    _page_number_header(section)
    _header_block(doc, r)

    center = WD_ALIGN_PARAGRAPH.CENTER
    _para(doc, "", after=6)
    _para(doc, "BÁO CÁO", bold=True, size=14, align=center, after=0)
    _para(doc, r.summary, bold=True, size=14, align=center, after=12)
    for s in r.sections:
        _heading(doc, s.heading)
        for block in s.content:
            _block(doc, block)
    _signature(doc, r)

    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    _para(doc, r.annex.heading, bold=True, align=center, after=0)
    for block in r.annex.content:
        _block(doc, block)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def _signature(doc, r: AnnualReport) -> None:
    _para(doc, "", after=0)
    t = doc.add_table(rows=1, cols=2)
    t.autofit = False
    _widths(t, [Cm(8), Cm(8.5)])
    left, right = t.rows[0].cells
    _cell_para(left, "Nơi nhận:", bold=True, italic=True, size=12)
    entries = r.recipients
    for i, e in enumerate(entries):
        _cell_para(left, f"- {e}{'.' if i == len(entries) - 1 else ';'}", size=11)
    center = WD_ALIGN_PARAGRAPH.CENTER
    _cell_para(right, "TM. ỦY BAN NHÂN DÂN", bold=True, size=14, align=center)
    _cell_para(right, "CHỦ TỊCH", bold=True, size=14, align=center)
    _cell_para(right, _("(Ký, ghi rõ họ tên, đóng dấu)"), italic=True, size=13, align=center)
    for _i in range(3):
        _cell_para(right, "", size=13)
    _cell_para(right, _("[Họ và tên]"), bold=True, size=14, align=center)
