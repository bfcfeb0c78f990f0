"""Small cases for the rules added while testing on unseen articles."""

from tests.extraction.helpers import facts, names


def test_honorific_and_long_names_and_dash_titles():
    out = facts(
        "TPHCM và Lâm Đồng hợp tác\n\nSáng 5-9, Thành ủy TPHCM và Tỉnh ủy Lâm Đồng tổ chức hội nghị. "
        "Dự có ông Trần Lưu Quang – Bí thư Thành ủy TPHCM; ông Y Thanh Hà Niê Kđăm – Bí thư Tỉnh ủy "
        "Lâm Đồng. Ông Nguyễn Văn Được (Chủ tịch UBND TPHCM) phát biểu."
    )
    people = {p["name"]: p["locality"] for p in out["people"]}
    assert people == {
        "Trần Lưu Quang": "Hồ Chí Minh",
        "Y Thanh Hà Niê Kđăm": "Lâm Đồng",
        "Nguyễn Văn Được": "Hồ Chí Minh",
    }


def test_province_inside_a_person_name_and_minister_without_side():
    out = facts(
        "Hà Nội và Hòa Bình hợp tác\n\nSáng 3/4, Thành ủy Hà Nội và Tỉnh ủy Hòa Bình họp. Phó Thủ tướng "
        "Trương Hòa Bình dự. Bộ trưởng Bộ Tài chính Đinh Tiến Dũng gửi thư chúc mừng hội nghị."
    )
    people = {p["name"]: p["locality"] for p in out["people"]}
    assert people == {"Trương Hòa Bình": None}


def test_stacked_organs_in_a_title():
    out = facts(
        "Thanh Hóa - Nghệ An\n\nNgày 2/3, Tỉnh ủy Thanh Hóa và Tỉnh ủy Nghệ An họp. Dự có Trưởng Ban "
        "Tuyên giáo Tỉnh ủy Thanh Hóa Đào Xuân Yên."
    )
    assert names(out, "people") == {"Đào Xuân Yên"}


def test_dateline_with_clock_time_is_not_the_event():
    out = facts(
        "Hà Nội và Ninh Bình\n\nCập nhật: 08:30 ngày 12/7/2025\n\n"
        "Chiều 11/7, Thành ủy Hà Nội và Tỉnh ủy Ninh Bình họp bàn hợp tác."
    )
    assert out["event_date"] == "2025-07-11"


def test_investments_both_ways_in_one_sentence():
    out = facts(
        "Cần Thơ - An Giang\n\nNgày 4/1/2026, Thành ủy Cần Thơ và Tỉnh ủy An Giang họp. Doanh nghiệp "
        "Cần Thơ đầu tư 74 dự án tại An Giang, tổng vốn 9.800 tỷ đồng; ngược lại, doanh nghiệp An Giang "
        "có 41 dự án tại Cần Thơ với tổng vốn 5.200 tỷ đồng."
    )
    got = {(i["investor"], i["host"], i.get("projects")) for i in out["investments"]}
    assert got == {("Cần Thơ", "An Giang", 74), ("An Giang", "Cần Thơ", 41)}


def test_each_party_grant_and_third_party_donor():
    out = facts(
        "TP.HCM, Long An và Tiền Giang\n\nNgày 2/3, Thành ủy TP.HCM, Tỉnh ủy Long An và Tỉnh ủy Tiền "
        "Giang ký kết hợp tác. TP.HCM trao tặng mỗi tỉnh 1 tỷ đồng xây nhà tình nghĩa. Tỉnh ủy Long An "
        "và Tỉnh ủy Tiền Giang cảm ơn TP.HCM; Công ty Điện lực hỗ trợ 500 triệu đồng."
    )
    got = {(g["donor"], g["recipient"], g["amount_vnd"]) for g in out["grants"]}
    assert got == {
        ("Hồ Chí Minh", "Long An", 1_000_000_000),
        ("Hồ Chí Minh", "Tiền Giang", 1_000_000_000),
    }
