"""The annual report's sections: one list, the same in DOCX and PDF, worded as a Sở signs it."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import subprocess
import unicodedata

import pytest
from django.core.management import CommandError, call_command
from docx import Document

from hoptac.partnerships.models import Commitment
from hoptac.partnerships.services import commitment_set_status, partnership_get_or_create
from hoptac.reports.annual import SECTIONS, report_for_partnership
from hoptac.reports.docx_render import render_docx
from hoptac.reports.pdf_render import render_pdf
from hoptac.reports.services import filename
from tests.conftest import locality


def _docx_text(data: bytes) -> str:
    doc = Document(io.BytesIO(data))
    parts = [p.text for p in doc.paragraphs]
    for t in doc.tables:
        for row in t.rows:
            parts.extend(c.text for c in row.cells)
    return " ".join(" ".join(parts).split())


def _pdf_text(data: bytes, tmp_path) -> str:
    path = tmp_path / "r.pdf"
    path.write_bytes(data)
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True)
    return " ".join(unicodedata.normalize("NFC", out.stdout.decode("utf-8")).split())


@pytest.fixture
def report(year_2019):
    return report_for_partnership(year_2019, 2019, date_on=dt.date(2020, 1, 5))


def test_the_report_is_one_section_per_builder_in_order(report):
    assert [s.key for s in report.sections] == [b.__name__ for b in SECTIONS]
    assert [s.heading.split(".")[0] for s in report.sections] == [
        "I", "II", "III", "IV", "V", "VI", "VII", "VIII",
    ]  # fmt: skip


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler-utils")
def test_docx_and_pdf_say_the_same_headings_and_empty_messages(hanoi_thanhhoa, tmp_path):
    """A year with no records: every section says it is empty, in both files alike."""
    report = report_for_partnership(hanoi_thanhhoa, 2015, date_on=dt.date(2016, 1, 5))
    empties = [s.empty for s in report.sections if s.empty]
    assert "Không có khoản hỗ trợ trong năm." in empties
    docx, pdf = _docx_text(render_docx(report)), _pdf_text(render_pdf(report), tmp_path)
    for s in report.sections:
        assert s.heading in docx and s.heading in pdf, s.heading
        for block in s.content:
            assert block.text in docx and block.text in pdf, block.text


def test_an_overdue_commitment_is_labelled_so_in_the_list_and_the_annex(report):
    text = _docx_text(render_docx(report))
    # due 15/12/2019, not started at the end of 2019: counted overdue and written so
    assert "Tiêu thụ nông sản an toàn (quá hạn, chưa triển khai, hạn 15/12/2019)." in text
    row = next(c for c in report.commitments if c.text == "Tiêu thụ nông sản an toàn")
    assert (row.state, row.status) == ("overdue", "Quá hạn, chưa triển khai")
    annex = report.annex.tables()[0]
    assert "Quá hạn, chưa triển khai" in [r[7] for r in annex.rows]
    # due 30/06/2020 and in progress: not overdue at the end of 2019
    assert "Kết nối tour du lịch Sầm Sơn – Hà Nội (đang thực hiện, hạn 30/06/2020)." in text


def test_the_annex_carries_the_latest_status_note(year_2019, admin_user):
    c2 = Commitment.objects.get(agreement__partnership=year_2019, number=2)
    commitment_set_status(commitment=c2, new="done", by=admin_user, note="Đã mở 3 tour liên tuyến.")
    report = report_for_partnership(year_2019, 2019, date_on=dt.date(2020, 1, 5))
    annex = report.annex.tables()[0]
    row = next(r for r in annex.rows if r[2] == "2")
    assert row[7] == "Hoàn thành" and row[8] == "Đã mở 3 tour liên tuyến."
    # the year's progress note stays beside it
    row1 = next(r for r in annex.rows if r[2] == "1")
    assert row1[8] == "Đã tổ chức hội nghị xúc tiến."


def test_the_names_read_alike_everywhere(report):
    assert report.summary == "Kết quả hợp tác giữa thành phố Hà Nội và tỉnh Thanh Hóa năm 2019"
    first = report.section("overview").blocks[0].text
    assert first.startswith("Năm 2019, thành phố Hà Nội và tỉnh Thanh Hóa tiếp tục")


def test_recipients_before_march_2025_name_the_planning_department(report):
    assert report.recipients == [
        "UBND tỉnh Thanh Hóa", "Thường trực Thành ủy", "Sở Kế hoạch và Đầu tư", "Lưu: VT, KTN",
    ]  # fmt: skip


def test_recipients_are_the_bodies_of_the_report_date(admin_user):
    """Hải Phòng's 2026 report to Quảng Ninh; Thanh Hóa's 2019 one to Hà Nam, dated 2026."""
    hp, qn = locality("Hải Phòng", "2025-12-01"), locality("Quảng Ninh", "2025-12-01")
    p, _ = partnership_get_or_create(localities=[qn, hp], by=admin_user)
    report = report_for_partnership(p, 2026, issuer=hp, date_on=dt.date(2026, 12, 20))
    assert report.issuer_name == "THÀNH PHỐ HẢI PHÒNG"
    assert report.summary == "Kết quả hợp tác giữa thành phố Hải Phòng và tỉnh Quảng Ninh năm 2026"
    assert report.recipients == [
        "UBND tỉnh Quảng Ninh", "Thường trực Thành ủy", "Sở Tài chính", "Lưu: VT, KTN",
    ]  # fmt: skip
    assert filename(report, "pdf") == "bao-cao-2026-haiphong-quangninh.pdf"

    th, hn = locality("Thanh Hóa", "2019-06-30"), locality("Hà Nam", "2019-06-30")
    p2, _ = partnership_get_or_create(localities=[th, hn], by=admin_user)
    old = report_for_partnership(p2, 2019, date_on=dt.date(2026, 1, 5))
    assert old.recipients[:2] == ["UBND tỉnh Ninh Bình", "Thường trực Tỉnh ủy"]
    assert "Sở Tài chính" in old.recipients
    assert "tỉnh Hà Nam (nay thuộc tỉnh Ninh Bình)" in old.summary


def test_a_side_that_is_not_of_the_partnership_cannot_issue_it(hanoi_thanhhoa, hatinh):
    with pytest.raises(ValueError):
        report_for_partnership(hanoi_thanhhoa, 2019, issuer=hatinh)


@pytest.mark.parametrize("name", ["r.odt", "r.doc", "r"])
def test_the_command_refuses_a_format_it_does_not_write(year_2019, tmp_path, name):
    out = tmp_path / name
    with pytest.raises(CommandError, match=r"\.docx or \.pdf"):
        call_command("report", "annual", "--partners", "Hà Nội", "Thanh Hóa", "--year", "2019",
                     "-o", str(out))  # fmt: skip
    assert not out.exists()


def test_the_command_refuses_a_format_that_contradicts_the_file_name(year_2019, tmp_path):
    out = tmp_path / "r.docx"
    with pytest.raises(CommandError, match="does not match --format pdf"):
        call_command("report", "annual", "--partners", "Hà Nội", "Thanh Hóa", "--year", "2019",
                     "--format", "pdf", "-o", str(out))  # fmt: skip
    assert not out.exists()
