"""Parties: the hosts and visitors of the event, in the generation valid on its date."""

from .helpers import facts, names
from .samples import HCM_DONG_THAP, MERGED_2026


def test_a_third_city_in_an_economic_triangle_is_not_a_party():
    text = (
        "Hội nghị hợp tác Quảng Ninh – Hà Nội\n\nNgày 10/8, Tỉnh ủy Quảng Ninh và Thành ủy Hà Nội "
        "tổ chức hội nghị. Hai địa phương phát triển tam giác kinh tế Hà Nội – Hải Phòng – Quảng Ninh.\n"
    )
    assert names(facts(text)) == {"Hà Nội", "Quảng Ninh"}


def test_a_province_named_once_in_passing_is_not_a_party():
    text = (
        "Hà Nội – Hà Nam: Tăng cường hợp tác\n\nThành ủy Hà Nội và Tỉnh ủy Hà Nam tổ chức hội nghị. "
        "Hà Nội và Hà Nam phối hợp trồng rừng đầu nguồn tại tỉnh Hòa Bình.\n"
    )
    assert names(facts(text)) == {"Hà Nội", "Hà Nam"}


def test_old_and_new_tone_placement_and_abbreviations():
    text = "Tp.HCM - Thanh Hoá hợp tác\n\nThành ủy TPHCM và Tỉnh ủy Thanh Hoá ký kết hợp tác.\n"
    assert names(facts(text)) == {"Hồ Chí Minh", "Thanh Hóa"}


def test_after_july_2025_an_old_name_means_the_merged_unit():
    out = facts(MERGED_2026)
    assert out["event_date"] == "2026-01-14"
    assert names(out) == {"Ninh Bình", "Hưng Yên"}


def test_old_marker_without_a_date_still_means_the_merged_unit():
    text = "Hợp tác Hà Nam (cũ) – Hưng Yên\n\nTỉnh ủy Hưng Yên làm việc với lãnh đạo Hà Nam (cũ).\n"
    assert "Ninh Bình" in names(facts(text))


def test_a_2019_report_names_the_unit_of_2019():
    text = "Hà Nội – Hà Nam\n\nThứ hai, 02/12/2019\nSáng 30/11, Thành ủy Hà Nội và Tỉnh ủy Hà Nam họp.\n"
    assert names(facts(text)) == {"Hà Nội", "Hà Nam"}


def test_ho_chi_minh_city_with_a_mekong_province():
    out = facts(HCM_DONG_THAP)
    assert names(out) == {"Hồ Chí Minh", "Đồng Tháp"}
    assert out["event_date"] == "--03-20"


def test_lower_case_peace_is_not_hoa_binh():
    text = "Hà Nội – Hà Tĩnh\n\nThành ủy Hà Nội và Tỉnh ủy Hà Tĩnh vì hòa bình, hòa bình và hòa bình.\n"
    assert "Hòa Bình" not in names(facts(text))
