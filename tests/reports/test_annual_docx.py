"""The annual report as DOCX: header block, title, sections, figures."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.management import call_command
from docx import Document
from docx.shared import Mm

from hoptac.reports.annual import report_for_partnership
from hoptac.reports.docx_render import render_docx


def _text(doc) -> str:
    parts = [p.text for p in doc.paragraphs]
    for t in doc.tables:
        for row in t.rows:
            parts.extend(c.text for c in row.cells)
    return "\n".join(parts)


@pytest.fixture
def doc(year_2019):
    report = report_for_partnership(year_2019, 2019, date_on=dt.date(2020, 1, 5))
    return Document(io.BytesIO(render_docx(report)))


def test_it_lays_out_a4_with_the_decree_margins(doc):
    s = doc.sections[0]
    assert abs(s.page_width - Mm(210)) < Mm(1) and abs(s.page_height - Mm(297)) < Mm(1)
    for got, want in ((s.left_margin, 30), (s.right_margin, 15), (s.top_margin, 20)):
        assert abs(got - Mm(want)) < Mm(0.5)
    assert s.different_first_page_header_footer
    assert "PAGE" in s.header._element.xml
    assert doc.styles["Normal"].font.name == "Times New Roman"


def test_it_has_the_two_column_header_block(doc):
    left, right = (c.text for c in doc.tables[0].rows[0].cells)
    assert "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HÀ NỘI" in left
    assert "Số: .../BC-UBND" in left
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in right
    assert "Độc lập - Tự do - Hạnh phúc" in right
    date_para = doc.tables[0].rows[0].cells[1].paragraphs[-1]
    assert date_para.text == "Hà Nội, ngày 05 tháng 01 năm 2020"
    assert date_para.runs[0].italic


def test_it_has_the_title_and_summary(doc):
    texts = [p.text for p in doc.paragraphs]
    i = texts.index("BÁO CÁO")
    assert texts[i + 1] == "Kết quả hợp tác giữa thành phố Hà Nội và tỉnh Thanh Hóa năm 2019"
    assert doc.paragraphs[i].runs[0].bold


def test_it_has_every_section_and_the_figures(doc):
    text = _text(doc)
    for heading in ("I. TÌNH HÌNH CHUNG NĂM 2019", "II. KẾT QUẢ THỰC HIỆN THEO LĨNH VỰC",
                    "III. HỢP TÁC ĐẦU TƯ", "IV. HỖ TRỢ", "V. CÁC HOẠT ĐỘNG HỢP TÁC",
                    "VI. CÁC ĐỀ NGHỊ", "VII. KHÓ KHĂN, VƯỚNG MẮC", "VIII. ĐỀ XUẤT", "PHỤ LỤC"):  # fmt: skip
        assert heading in text
    assert "65 dự án, tổng vốn đăng ký khoảng 45.500 tỷ đồng" in text
    assert "so với năm 2018: +7 dự án" in text
    assert "Tổng cộng: 40 tỷ đồng." in text
    assert "1.250,5" in text  # the cement plant's capital, under construction
    assert "Hoàn thành: 1" in text and "quá hạn: 1" in text
    assert "Đã tổ chức hội nghị xúc tiến." in text
    assert "Ngày văn hóa Thanh Hóa tại Hà Nội" in text
    assert "Hà Nội giới thiệu doanh nghiệp quan tâm." in text
    assert "Nơi nhận:" in text and "TM. ỦY BAN NHÂN DÂN" in text and "- Lưu: VT, KTN." in text
    assert len(doc.inline_shapes) == 1  # the chart


def test_the_annex_lists_every_commitment(doc):
    annex = doc.tables[-1]
    assert len(annex.rows) == 1 + 12


def test_the_command_writes_the_report(year_2019, tmp_path):
    out = tmp_path / "r.docx"
    call_command(
        "report", "annual", "--partners", "Hà Nội", "Thanh Hoá", "--year", "2019", "-o", str(out)
    )
    assert "45.500 tỷ đồng" in _text(Document(str(out)))


def test_the_locality_report_names_each_partner(year_2019, tmp_path, admin_user, hanoi):
    from hoptac.localities.services import locality_for
    from hoptac.partnerships.services import partnership_get_or_create

    hanam = locality_for("Hà Nam", dt.date(2019, 6, 30))
    partnership_get_or_create(localities=[hanoi, hanam], by=admin_user)
    out = tmp_path / "hn.docx"
    call_command("report", "annual", "--locality", "Hà Nội", "--year", "2019", "-o", str(out))
    text = _text(Document(str(out)))
    assert "tỉnh Hà Nam (nay thuộc tỉnh Ninh Bình)" in text
    assert "Kết quả hợp tác của thành phố Hà Nội với các địa phương năm 2019" in text
    # addressed to the bodies of the report's date (today): Hà Nam's is Ninh Bình's
    assert "- UBND tỉnh Ninh Bình;" in text and "UBND Hà Nam" not in text


def test_the_grants_of_the_year_leave_out_earlier_and_undated_support(year_2019, admin_user):
    """Support reported at the 2019 conference but given in 2012, or undated, is not of 2019."""
    from hoptac.grants.models import Grant
    from hoptac.grants.services import grant_update

    by_amount = {g.amount_vnd // 10**9: g for g in Grant.objects.filter(partnership=year_2019)}
    grant_update(by_amount[30], by=admin_user, given_on=None, year=None)  # "những năm qua"
    grant_update(by_amount[7], by=admin_user, given_on=None, year=2012)  # "trong năm 2011-2012"
    report = report_for_partnership(year_2019, 2019, date_on=dt.date(2020, 1, 5))
    text = _text(Document(io.BytesIO(render_docx(report))))

    assert "Các khoản hỗ trợ trong năm: 1 khoản, tổng 3 tỷ đồng." in text
    assert "Tổng cộng: 3 tỷ đồng." in text
    assert "nêu 1 khoản hỗ trợ chưa rõ năm, tổng 30 tỷ đồng, không tính vào năm 2019" in text
    assert "Quỹ Đền ơn đáp nghĩa" not in text  # given in 2012
    assert "65 dự án, tổng vốn đăng ký khoảng 45.500 tỷ đồng" in text
    report_2012 = report_for_partnership(year_2019, 2012, date_on=dt.date(2013, 1, 5))
    (table,) = report_2012.section("grants").tables()
    assert [g[3] for g in table.rows] == ["7"]
