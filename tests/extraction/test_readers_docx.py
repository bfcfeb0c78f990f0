"""DOCX reader: Word's automatic numbering, tables with offsets, headers and footers apart.

Each DOCX is made here with python-docx; the numbering is raw numbering.xml, as Word writes it.
"""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml

from hoptac.extraction import read_bytes, read_file

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
CORPUS = Path(__file__).resolve().parents[2] / "corpus" / "dev-official"


def lvl(ilvl: int, fmt: str, text: str, *, start: int = 1, suff: str = "space", extra: str = ""):
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/><w:suff w:val="{suff}"/>{extra}</w:lvl>'
    )


def abstract(aid: int, *levels: str) -> str:
    return f'<w:abstractNum w:abstractNumId="{aid}">{"".join(levels)}</w:abstractNum>'


def num(nid: int, aid: int, overrides: str = "") -> str:
    return f'<w:num w:numId="{nid}"><w:abstractNumId w:val="{aid}"/>{overrides}</w:num>'


def make_docx(paragraphs, numbering: str, *, style_num: tuple[str, int, int] | None = None):
    """Return DOCX bytes: `paragraphs` are strings or (text, numId, ilvl) or (text, style)."""
    d = docx.Document()
    part = d.part.numbering_part.element
    for child in list(part):
        part.remove(child)
    for el in parse_xml(f"<w:numbering {W}>{numbering}</w:numbering>"):
        part.append(el)
    if style_num:
        name, nid, ilvl = style_num
        style = d.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.element.get_or_add_pPr().append(
            parse_xml(f'<w:numPr {W}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{nid}"/></w:numPr>')
        )
    for item in paragraphs:
        if isinstance(item, str):
            d.add_paragraph(item)
            continue
        if len(item) == 2:
            d.add_paragraph(item[0], style=item[1])
            continue
        text, nid, ilvl = item
        p = d.add_paragraph(text)
        p._p.get_or_add_pPr().append(
            parse_xml(f'<w:numPr {W}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{nid}"/></w:numPr>')
        )
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def lines(data: bytes) -> list[str]:
    return read_bytes(data, "a.docx").text.split("\n")


OFFICIAL = abstract(
    0, lvl(0, "upperRoman", "%1."), lvl(1, "decimal", "%2."), lvl(2, "lowerLetter", "%3)")
)


def test_it_renders_roman_decimal_and_letter_levels_restarting_under_their_parent():
    data = make_docx(
        [
            ("KẾT QUẢ", 1, 0), ("Về kinh tế", 1, 1), ("Về xã hội", 1, 1),
            ("NHIỆM VỤ", 1, 0), ("Nông nghiệp:", 1, 1), ("Chuỗi cung ứng", 1, 2),
            ("Giống chè", 1, 2), ("Du lịch", 1, 1), ("TỔ CHỨC THỰC HIỆN", 1, 0),
            ("Giao Văn phòng", 1, 1),
        ],
        OFFICIAL + num(1, 0),
    )  # fmt: skip
    assert lines(data) == [
        "I. KẾT QUẢ", "1. Về kinh tế", "2. Về xã hội", "II. NHIỆM VỤ", "1. Nông nghiệp:",
        "a) Chuỗi cung ứng", "b) Giống chè", "2. Du lịch", "III. TỔ CHỨC THỰC HIỆN",
        "1. Giao Văn phòng",
    ]  # fmt: skip


def test_it_renders_multi_level_numbers():
    numbering = abstract(0, lvl(0, "decimal", "%1."), lvl(1, "decimal", "%1.%2."),
                         lvl(2, "decimal", "%1.%2.%3"))  # fmt: skip
    data = make_docx(
        [("A", 1, 0), ("B", 1, 1), ("C", 1, 1), ("D", 1, 2), ("E", 1, 0), ("F", 1, 1)],
        numbering + num(1, 0),
    )
    assert lines(data) == ["1. A", "1.1. B", "1.2. C", "1.2.1 D", "2. E", "2.1. F"]


@pytest.mark.parametrize(
    ("fmt", "text", "start", "expected"),
    [
        ("upperLetter", "%1.", 1, ["A. x", "B. x", "C. x"]),
        ("lowerRoman", "(%1)", 1, ["(i) x", "(ii) x", "(iii) x"]),
        ("upperRoman", "%1.", 3, ["III. x", "IV. x", "V. x"]),
        ("decimalZero", "%1.", 8, ["08. x", "09. x", "10. x"]),
        ("decimal", "Điều %1.", 1, ["Điều 1. x", "Điều 2. x", "Điều 3. x"]),
        ("decimal", "%1)", 1, ["1) x", "2) x", "3) x"]),
        ("lowerLetter", "%1)", 26, ["z) x", "aa) x", "bb) x"]),
    ],
)
def test_it_renders_each_number_format(fmt, text, start, expected):
    data = make_docx([("x", 1, 0)] * 3, abstract(0, lvl(0, fmt, text, start=start)) + num(1, 0))
    assert lines(data) == expected


def test_a_tab_suffix_is_one_space_and_nothing_is_none():
    numbering = abstract(0, lvl(0, "decimal", "%1.", suff="tab")) + abstract(
        1, lvl(0, "decimal", "%1-", suff="nothing")
    )
    data = make_docx([("a", 1, 0), ("b", 2, 0)], numbering + num(1, 0) + num(2, 1))
    assert lines(data) == ["1. a", "1-b"]


def test_a_start_override_restarts_and_a_plain_new_num_continues_as_in_word():
    restart = '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>'
    data = make_docx(
        [("a", 1, 0), ("b", 1, 0), ("c", 2, 0), ("d", 2, 0), ("e", 3, 0)],
        abstract(0, lvl(0, "decimal", "%1.")) + num(1, 0) + num(2, 0, restart) + num(3, 0),
    )
    # numId 2 overrides the start: a list of its own from 1; numId 3 shares numId 1's list.
    assert lines(data) == ["1. a", "2. b", "1. c", "2. d", "3. e"]


def test_a_level_override_replaces_the_level():
    override = (
        '<w:lvlOverride w:ilvl="0">' + lvl(0, "upperLetter", "%1)", start=1) + "</w:lvlOverride>"
    )
    data = make_docx(
        [("a", 1, 0), ("b", 2, 0), ("c", 2, 0)],
        abstract(0, lvl(0, "decimal", "%1.")) + num(1, 0) + num(2, 0, override),
    )
    assert lines(data) == ["1. a", "A) b", "B) c"]


def test_lvl_restart_zero_never_restarts_the_level():
    numbering = abstract(
        0, lvl(0, "upperRoman", "%1."),
        lvl(1, "decimal", "%2.", extra='<w:lvlRestart w:val="0"/>'),
    )  # fmt: skip
    data = make_docx([("A", 1, 0), ("x", 1, 1), ("B", 1, 0), ("y", 1, 1)], numbering + num(1, 0))
    assert lines(data) == ["I. A", "1. x", "II. B", "2. y"]


def test_numbering_given_by_the_paragraph_style_is_rendered():
    data = make_docx(
        [("Một", "Muc"), ("Hai", "Muc"), "Không đánh số"],
        abstract(0, lvl(0, "decimal", "%1.")) + num(5, 0),
        style_num=("Muc", 5, 0),
    )
    assert lines(data) == ["1. Một", "2. Hai", "Không đánh số"]


def test_num_id_zero_and_unknown_num_ids_are_not_numbered():
    data = make_docx([("a", 0, 0), ("b", 9, 0)], abstract(0, lvl(0, "decimal", "%1.")) + num(1, 0))
    assert lines(data) == ["a", "b"]


def test_line_breaks_and_empty_paragraphs_are_kept_as_lines():
    d = docx.Document()
    p = d.add_paragraph("đầu dòng")
    p.add_run().add_break()
    p.add_run("dòng sau")
    d.add_paragraph("")
    d.add_paragraph("cuối")
    buf = io.BytesIO()
    d.save(buf)
    assert lines(buf.getvalue()) == ["đầu dòng", "dòng sau", "", "cuối"]


def test_a_table_is_read_as_rows_with_cells_and_offsets():
    d = docx.Document()
    d.add_paragraph("II. NHIỆM VỤ")
    t = d.add_table(rows=3, cols=3)
    for r, row in enumerate(
        [["STT", "Nội dung", "Cơ quan chủ trì"], ["I", "LĨNH VỰC KINH TẾ", ""],
         ["1", "Hội nghị xúc tiến", "Sở Tài chính"]]
    ):  # fmt: skip
        for c, text in enumerate(row):
            t.cell(r, c).text = text
    t.cell(1, 1).merge(t.cell(1, 2))  # a group row: merged cells appear once
    t.cell(2, 1).add_paragraph("đầu tư")  # two paragraphs in one cell stay on the row's line
    d.add_paragraph("Sau bảng")
    buf = io.BytesIO()
    d.save(buf)
    doc = read_bytes(buf.getvalue(), "t.docx")

    assert doc.text.split("\n") == [
        "II. NHIỆM VỤ", "STT | Nội dung | Cơ quan chủ trì", "I | LĨNH VỰC KINH TẾ",
        "1 | Hội nghị xúc tiến đầu tư | Sở Tài chính", "Sau bảng",
    ]  # fmt: skip
    (table,) = doc.tables
    assert [[c.text for c in row.cells] for row in table] == [
        ["STT", "Nội dung", "Cơ quan chủ trì"], ["I", "LĨNH VỰC KINH TẾ"],
        ["1", "Hội nghị xúc tiến đầu tư", "Sở Tài chính"],
    ]  # fmt: skip
    for row in table:
        assert doc.text[row.start : row.end] == " | ".join(c.text for c in row.cells)
        for cell in row.cells:
            assert doc.text[cell.start : cell.end] == cell.text


def test_a_vertically_merged_cell_appears_once():
    d = docx.Document()
    t = d.add_table(rows=2, cols=2)
    t.cell(0, 0).text = "Sở Y tế"
    t.cell(0, 1).text = "Quý I/2026"
    t.cell(1, 1).text = "Quý II/2026"
    t.cell(0, 0).merge(t.cell(1, 0))
    buf = io.BytesIO()
    d.save(buf)
    assert lines(buf.getvalue()) == ["Sở Y tế | Quý I/2026", "Quý II/2026"]


def test_headers_and_footers_are_kept_apart_from_the_body():
    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = "ỦY BAN NHÂN DÂN TỈNH BẮC NINH - bản dự thảo"
    d.sections[0].footer.paragraphs[0].text = "Trang 1"
    d.add_paragraph("Nội dung chính")
    buf = io.BytesIO()
    d.save(buf)
    doc = read_bytes(buf.getvalue(), "h.docx")

    assert doc.text == "Nội dung chính"
    assert "bản dự thảo" in doc.headers and "Trang 1" in doc.footers


@pytest.mark.parametrize(
    "stem", ["01_thong_bao_ket_luan", "02_chuong_trinh_hop_tac", "03_ke_hoach_trien_khai"]
)
def test_the_dev_official_docx_reads_exactly_as_its_txt(stem):
    doc = read_file(CORPUS / f"{stem}.docx")
    assert doc.text == (CORPUS / f"{stem}.txt").read_text(encoding="utf-8")
