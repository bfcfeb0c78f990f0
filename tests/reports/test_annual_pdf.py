"""The annual report as PDF: figures and every diacritic in the text layer."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import unicodedata

import pytest
from django.core.management import call_command

from hoptac.reports.annual import report_for_partnership
from hoptac.reports.pdf_render import render_pdf

pytestmark = pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler-utils")


def _pdf_text(data: bytes, tmp_path) -> str:
    path = tmp_path / "r.pdf"
    path.write_bytes(data)
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True)
    text = unicodedata.normalize("NFC", out.stdout.decode("utf-8"))
    return "\f".join(" ".join(page.split()) for page in text.split("\f"))


def test_the_pdf_has_the_header_title_and_figures(year_2019, tmp_path):
    report = report_for_partnership(year_2019, 2019, date_on=dt.date(2020, 1, 5))
    data = render_pdf(report)
    assert data.startswith(b"%PDF")
    text = _pdf_text(data, tmp_path)
    for expected in ("ỦY BAN NHÂN DÂN", "THÀNH PHỐ HÀ NỘI", "Số: .../BC-UBND",
                     "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                     "Hà Nội, ngày 05 tháng 01 năm 2020", "BÁO CÁO",
                     "45.500 tỷ đồng", "Ngày văn hóa Thanh Hóa tại Hà Nội",
                     "Cảng hàng không Thọ Xuân", "Nơi nhận:", "PHỤ LỤC"):  # fmt: skip
        assert expected in text, expected
    assert "65 dự án, tổng vốn đăng ký khoảng 45.500 tỷ đồng" in text


def test_the_page_number_starts_on_page_two(year_2019, tmp_path):
    data = render_pdf(report_for_partnership(year_2019, 2019))
    pages = _pdf_text(data, tmp_path).split("\f")
    assert len(pages) >= 2
    assert pages[1].strip().startswith("2")
    assert not pages[0].strip().startswith("1")


def test_the_command_writes_a_pdf(year_2019, tmp_path):
    out = tmp_path / "r.pdf"
    call_command("report", "annual", "--partners", "Hà Nội", "Thanh Hóa", "--year", "2019",
                 "--format", "pdf", "-o", str(out))  # fmt: skip
    assert out.read_bytes().startswith(b"%PDF")
