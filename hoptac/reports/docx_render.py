"""The annual report as an editable Word document in the format of Nghị định 30/2020/NĐ-CP."""

from __future__ import annotations

import io

from django.utils.translation import gettext as _
from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

from hoptac.lib.validators import xml_safe
from hoptac.reports.annual import AnnualReport
from hoptac.reports.chart import chart_png
from hoptac.reports.numbers import admin_date_line

FONT = "Times New Roman"
LEFT_COL, RIGHT_COL = Cm(6.3), Cm(10.2)


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


def _rule_below(paragraph, indent: Cm) -> None:
    """Draw a rule under `paragraph`, shortened by `indent` on each side."""
    paragraph.paragraph_format.left_indent = indent
    paragraph.paragraph_format.right_indent = indent
    ppr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for k, v in {"w:val": "single", "w:sz": "6", "w:space": "1", "w:color": "000000"}.items():
        bottom.set(qn(k), v)
    borders.append(bottom)
    ppr.append(borders)


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
    p = _cell_para(left, r.issuer_name, bold=True, size=13, align=center, after=4)
    _rule_below(p, Cm(1.6))
    _cell_para(left, "", size=6)
    _cell_para(left, f"Số: .../BC-{r.issuer_short}", size=13, align=center)
    _cell_para(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True, size=12, align=center)
    p = _cell_para(right, "Độc lập - Tự do - Hạnh phúc", bold=True, size=13, align=center, after=4)
    _rule_below(p, Cm(2.2))
    _cell_para(right, "", size=6)
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


def _table(doc, head: list[str], rows: list[list[str]], widths_cm: list[float], size=12) -> None:
    t = doc.add_table(rows=1, cols=len(head))
    t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    t.autofit = False
    for cell, text in zip(t.rows[0].cells, head, strict=True):
        _cell_para(cell, text, bold=True, size=size, align=WD_ALIGN_PARAGRAPH.CENTER)
    for row in rows:
        cells = t.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            _cell_para(cell, str(text), size=size)
    _widths(t, [Cm(w) for w in widths_cm])
    _para(doc, "", after=0)


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

    _heading(doc, _("I. TÌNH HÌNH CHUNG NĂM %(y)s") % {"y": r.year})
    for line in r.overview:
        _body(doc, line)

    _heading(doc, _("II. KẾT QUẢ THỰC HIỆN THEO LĨNH VỰC"))
    if not r.fields:
        _body(doc, _("Chưa có nội dung hợp tác được ghi nhận."))
    for i, fr in enumerate(r.fields, 1):
        _para(doc, f"{i}. {fr.label}", bold=True, italic=True, indent=True)
        _body(
            doc,
            _("Hoàn thành: %(d)s; đang thực hiện: %(i)s; quá hạn: %(o)s; khác: %(x)s.")
            % {"d": fr.done, "i": fr.in_progress, "o": fr.overdue, "x": fr.other},
        )
        for row in fr.rows:
            note = f" {row.note}" if row.note else ""
            _body(
                doc,
                f"- {row.text} ({row.status.lower()}{', hạn ' + row.due if row.due else ''}).{note}",
            )

    _heading(doc, _("III. HỢP TÁC ĐẦU TƯ"))
    for line in r.investment:
        _body(doc, line)
    if r.stages:
        _table(
            doc,
            [_("Giai đoạn"), _("Số dự án năm %(y)s") % {"y": r.year - 1},
             _("Số dự án năm %(y)s") % {"y": r.year}, _("Vốn đăng ký (tỷ đồng)")],
            [[s.label, str(s.previous), str(s.projects), s.capital] for s in r.stages],
            [6.5, 3, 3, 3.5],
        )  # fmt: skip
    if r.chart:
        doc.add_picture(io.BytesIO(chart_png(r.chart)), width=Cm(15))
        doc.paragraphs[-1].alignment = center
        _para(doc, r.chart.title, italic=True, size=12, align=center)

    _heading(doc, _("IV. HỖ TRỢ AN SINH XÃ HỘI VÀ CÁC KHOẢN HỖ TRỢ"))
    if r.grants:
        _table(
            doc,
            [_("Ngày"), _("Bên hỗ trợ"), _("Bên nhận"), _("Số tiền (tỷ đồng)"), _("Mục đích")],
            r.grants,
            [2.4, 3.2, 3.2, 2.6, 5.1],
        )
        _body(doc, _("Tổng cộng: %(t)s tỷ đồng.") % {"t": r.grants_total})
    else:
        _body(doc, _("Không có khoản hỗ trợ trong năm."))

    _heading(doc, _("V. CÁC HOẠT ĐỘNG HỢP TÁC"))
    if r.activities:
        _table(
            doc, [_("Ngày"), _("Loại"), _("Hoạt động"), _("Địa điểm"), _("Số lượt")],
            r.activities, [2.4, 3.2, 6, 3.2, 1.7],
        )  # fmt: skip
    else:
        _body(doc, _("Không có hoạt động được ghi nhận trong năm."))

    _heading(doc, _("VI. CÁC ĐỀ NGHỊ VÀ KẾT QUẢ TRẢ LỜI"))
    if r.requests:
        _table(
            doc,
            [_("Bên đề nghị"), _("Nội dung"), _("Tình trạng"), _("Trả lời")],
            r.requests,
            [3, 6, 2.5, 5],
        )
    else:
        _body(doc, _("Không có đề nghị trong năm."))

    _heading(doc, _("VII. KHÓ KHĂN, VƯỚNG MẮC"))
    _body(doc, _("[Nhập các khó khăn, vướng mắc trong quá trình triển khai.]"), italic=True)
    _heading(doc, _("VIII. ĐỀ XUẤT, KIẾN NGHỊ VÀ NHIỆM VỤ NĂM %(y)s") % {"y": r.year + 1})
    _body(doc, _("[Nhập các đề xuất, kiến nghị và nhiệm vụ trọng tâm năm tới.]"), italic=True)

    _signature(doc, r)
    _annex(doc, r)
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


def _annex(doc, r: AnnualReport) -> None:
    p = doc.add_paragraph()
    p.add_run().add_break(WD_BREAK.PAGE)
    center = WD_ALIGN_PARAGRAPH.CENTER
    _para(doc, _("PHỤ LỤC"), bold=True, align=center, after=0)
    _para(
        doc, _("Danh mục các nội dung hợp tác và tình hình thực hiện đến hết năm %(y)s") % {"y": r.year},
        bold=True, size=13, align=center, after=0,
    )  # fmt: skip
    _para(
        doc,
        _("(Kèm theo Báo cáo số .../BC-%(s)s)") % {"s": r.issuer_short},
        italic=True,
        size=13,
        align=center,
    )
    rows = [
        [str(i), (f"{c.partner}: " if len(r.partners) > 1 else "") + c.agreement, str(c.number),
         c.field, c.text, c.responsible, c.due, c.status, c.note]
        for i, c in enumerate(r.annex, 1)
    ]  # fmt: skip
    _table(
        doc,
        ["TT", _("Văn bản"), _("Số"), _("Lĩnh vực"), _("Nội dung"), _("Bên chủ trì"), _("Hạn"),
         _("Trạng thái"), _("Ghi chú")],
        rows, [0.8, 2.4, 0.8, 2, 3.6, 1.8, 1.7, 1.6, 1.8], size=10,
    )  # fmt: skip
