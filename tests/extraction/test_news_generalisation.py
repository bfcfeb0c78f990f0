"""News read right beyond the samples (issue 11, part 5): each rule on a text of its own."""

import datetime as dt

from hoptac.extraction import published_on

from .helpers import facts, names


def _grants(out: dict) -> list[tuple[str, str, int]]:
    return [(g["donor"], g["recipient"], g["amount_vnd"]) for g in out["grants"]]


def test_capital_without_a_currency_word():
    out = facts(
        "Đồng Nai và Bình Phước tăng cường hợp tác\n\nNgày 12/3/2024, UBND tỉnh Đồng Nai và "
        "UBND tỉnh Bình Phước tổ chức hội nghị hợp tác. Hiện doanh nghiệp Đồng Nai có 35 dự án "
        "đầu tư tại Bình Phước với tổng vốn đăng ký hơn 2.000 tỷ."
    )
    (inv,) = out["investments"]
    assert (inv["investor"], inv["host"], inv["projects"]) == ("Đồng Nai", "Bình Phước", 35)
    assert (inv["capital_vnd"], inv["qualifier"]) == (2_000_000_000_000, "over")


def test_a_bare_ty_before_a_foreign_currency_or_a_count_is_not_dong():
    out = facts(
        "Hà Nội và Ninh Bình hợp tác\n\nNgày 2/8/2025, tại Ninh Bình, hai bên ký kết hợp tác. "
        "Các nhà đầu tư Hà Nội có 120 dự án tại Ninh Bình với tổng vốn đầu tư trên 2,1 tỷ USD. "
        "Ninh Bình hỗ trợ đón hơn 1,5 triệu lượt khách."
    )
    assert all(i.get("capital_vnd") in (None, 0) for i in out["investments"])
    assert out["grants"] == []


def test_month_names_in_words():
    out = facts(
        "Hà Nội và Hà Giang hợp tác phát triển\n\nNgày 24 tháng Tư, tại Hà Giang, lãnh đạo "
        "thành phố Hà Nội và tỉnh Hà Giang tổ chức hội nghị tổng kết hợp tác.",
        published=dt.date(2023, 4, 25),
    )
    assert out["event_date"] == "2023-04-24"
    out = facts(
        "Cần Thơ làm việc với Sóc Trăng\n\nSáng ngày 2 tháng Mười Một năm 2022, lãnh đạo thành "
        "phố Cần Thơ làm việc với tỉnh Sóc Trăng."
    )
    assert out["event_date"] == "2022-11-02"


def test_ha_noi_called_only_thu_do_is_a_party_and_gives():
    out = facts(
        "Thủ đô hỗ trợ Điện Biên xây nhà cho hộ nghèo\n\nSáng 5/6/2024, tại Điện Biên, đoàn công "
        "tác của Thủ đô đã làm việc với lãnh đạo tỉnh Điện Biên. Dịp này, Thủ đô trao tặng "
        "tỉnh Điện Biên 50 tỷ đồng hỗ trợ xây nhà cho hộ nghèo."
    )
    assert names(out) == {"Hà Nội", "Điện Biên"}
    assert _grants(out) == [("Hà Nội", "Điện Biên", 50_000_000_000)]


def test_thanh_pho_alone_is_the_city_among_the_parties():
    out = facts(
        "Đà Nẵng và Quảng Ngãi sơ kết hợp tác\n\nNgày 20/12/2025, thành phố Đà Nẵng và tỉnh "
        "Quảng Ngãi tổ chức hội nghị sơ kết. Doanh nghiệp của Thành phố có 27 dự án đầu tư tại "
        "tỉnh Quảng Ngãi với tổng vốn đăng ký 3.150 tỷ đồng."
    )
    (inv,) = out["investments"]
    assert (inv["investor"], inv["host"], inv["projects"]) == ("Đà Nẵng", "Quảng Ngãi", 27)


def test_one_city_with_four_provinces_each_grant_to_its_own():
    out = facts(
        "TP.HCM hỗ trợ bốn tỉnh Tây Nguyên\n\nNgày 10/8/2023, TP.HCM tổ chức hội nghị hợp tác "
        "với các tỉnh Gia Lai, Kon Tum, Đắk Lắk và Đắk Nông. Dịp này, TP.HCM trao hỗ trợ tỉnh "
        "Gia Lai 10 tỷ đồng, tỉnh Kon Tum 8 tỷ đồng, tỉnh Đắk Lắk 12 tỷ đồng và tỉnh Đắk Nông 6 "
        "tỷ đồng."
    )
    assert names(out) == {"Hồ Chí Minh", "Gia Lai", "Kon Tum", "Đắk Lắk", "Đắk Nông"}
    assert _grants(out) == [
        ("Hồ Chí Minh", "Gia Lai", 10_000_000_000),
        ("Hồ Chí Minh", "Kon Tum", 8_000_000_000),
        ("Hồ Chí Minh", "Đắk Lắk", 12_000_000_000),
        ("Hồ Chí Minh", "Đắk Nông", 6_000_000_000),
    ]


def test_a_chain_of_names_joined_by_dashes_is_still_not_parties():
    out = facts(
        "Hà Nội và Sơn La hợp tác\n\nNgày 3/4/2024, Hà Nội và Sơn La ký kết hợp tác; hai bên "
        "nhắc tới tam giác kinh tế Hà Nội – Hải Phòng – Quảng Ninh."
    )
    assert names(out) == {"Hà Nội", "Sơn La"}


def test_parts_of_a_total_are_not_grants_of_their_own():
    out = facts(
        "Hải Phòng hỗ trợ Cao Bằng\n\nNgày 2/7/2022, thành phố Hải Phòng trao hỗ trợ tỉnh Cao "
        "Bằng 139 tỷ đồng, trong đó 12 tỷ đồng xây dựng nhà văn hóa và 127 tỷ đồng xây dựng "
        "trường học."
    )
    assert _grants(out) == [("Hải Phòng", "Cao Bằng", 139_000_000_000)]


def test_an_anniversary_date_is_not_the_event_date():
    out = facts(
        "Kỷ niệm 10 năm hợp tác Hà Nội - Lào Cai\n\nNhân dịp kỷ niệm 10 năm ký kết Chương trình "
        "hợp tác (ngày 15/5/2014), sáng 20/5/2024 tại Lào Cai, thành phố Hà Nội và tỉnh Lào Cai "
        "tổ chức hội nghị sơ kết."
    )
    assert out["event_date"] == "2024-05-20"


def test_a_party_named_once_outside_the_title():
    out = facts(
        "Hội nghị xúc tiến đầu tư vào Bạc Liêu\n\nSáng 9/9/2024, tại TP Bạc Liêu, UBND tỉnh Bạc "
        "Liêu phối hợp với UBND TP Cần Thơ tổ chức hội nghị xúc tiến đầu tư vào Bạc Liêu."
    )
    assert names(out) == {"Bạc Liêu", "Cần Thơ"}


def test_the_publication_date_comes_from_html_metadata():
    page = (
        b'<html><head><meta property="article:published_time" content="2025-03-15T08:30:00+07:00">'
        b"</head><body><article><p>x</p></article></body></html>"
    )
    assert published_on(page) == dt.date(2025, 3, 15)
    ld = b'<html><head><script type="application/ld+json">{"datePublished": "14/03/2024"}'
    assert published_on(ld + b"</script></head><body></body></html>") == dt.date(2024, 3, 14)
    assert published_on(b"<html><body><p>no date</p></body></html>") is None
    out = facts(
        "Nghệ An và Hà Tĩnh hợp tác\n\nChiều 14/3, tại TP Vinh, lãnh đạo tỉnh Nghệ An làm việc "
        "với đoàn công tác tỉnh Hà Tĩnh.",
        published=published_on(page),
    )
    assert out["event_date"] == "2025-03-14"
