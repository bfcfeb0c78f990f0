"""PDF reader: the text layer in reading order, like the DOCX reader's text of the same document."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from hoptac.extraction import read_file

CORPUS = Path(__file__).resolve().parents[2] / "corpus" / "dev-official"
STEMS = ["01_thong_bao_ket_luan", "02_chuong_trinh_hop_tac", "03_ke_hoach_trien_khai"]

pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed"
)


def gold_lines(stem: str) -> list[str]:
    return [ln for ln in (CORPUS / f"{stem}.txt").read_text(encoding="utf-8").split("\n") if ln]


def test_a_two_column_header_keeps_each_column_apart():
    text = read_file(CORPUS / "03_ke_hoach_trien_khai.pdf").text
    assert text.startswith(
        "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "TỈNH BẮC NINH | Độc lập - Tự do - Hạnh phúc\n"
        "Số: 87/KH-UBND | Bắc Ninh, ngày 12 tháng 3 năm 2024\n"
        "KẾ HOẠCH\n"
    )


def test_a_task_table_reads_one_row_per_line_across_the_page_break():
    doc = read_file(CORPUS / "03_ke_hoach_trien_khai.pdf")
    rows = [ln for ln in gold_lines("03_ke_hoach_trien_khai") if ln.count(" | ") >= 1]
    table_rows = [ln for ln in rows if ln.split(" | ")[0] in {"STT", "I", "II", *"1234567"}]
    assert len(table_rows) == 10
    for row in table_rows:
        assert row in doc.text.split("\n"), row
    # The header row LibreOffice repeats on the second page is read once.
    assert doc.text.count("STT | Nội dung nhiệm vụ") == 1
    task = next(t for t in doc.tables if len(t) >= 10)
    assert [c.text for c in task[2].cells][:2] == ["1", task[2].cells[1].text]
    for row in task:
        assert doc.text[row.start : row.end] == " | ".join(c.text for c in row.cells)


@pytest.mark.parametrize("stem", STEMS)
def test_paragraphs_and_items_read_as_in_the_docx(stem):
    """A wrapped paragraph is one line again, with its item number first.

    Not every line can come back: a PDF does not say where a centred title was broken by
    hand or where a line break (not a wrap) ended a justified line.
    """
    pdf_lines = set(read_file(CORPUS / f"{stem}.pdf").text.split("\n"))
    gold = gold_lines(stem)
    same = [ln for ln in gold if ln in pdf_lines]
    assert len(same) / len(gold) > 0.85, sorted(set(gold) - pdf_lines)
    items = [ln for ln in gold if ln[:3] in {"1. ", "2. ", "3. ", "a) ", "b) ", "II."}]
    assert all(ln in pdf_lines for ln in items), [ln for ln in items if ln not in pdf_lines]


def test_a_pdf_from_weasyprint_is_read(tmp_path):
    weasyprint = pytest.importorskip("weasyprint")
    f = tmp_path / "a.pdf"
    weasyprint.HTML(
        string="<p>Sáng 30/11, Thành ủy Hà Nội và Tỉnh ủy Hà Tĩnh hợp tác.</p>"
    ).write_pdf(f)
    doc = read_file(f)
    assert doc.format == "pdf" and not doc.ocr
    assert "Thành ủy Hà Nội và Tỉnh ủy Hà Tĩnh" in doc.text
