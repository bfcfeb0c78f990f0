"""Investments between the sides (not a province's own totals) and grants (once each)."""

from .helpers import facts
from .samples import HCM_DONG_THAP, MERGED_2026

HEAD = "Hà Nội – Ninh Thuận hợp tác\n\nThành ủy Hà Nội và Tỉnh ủy Ninh Thuận tổ chức hội nghị.\n"


def test_investment_with_counts_by_stage():
    out = facts(
        HEAD + "Hiện có 69 dự án, với tổng vốn đăng ký gần 50.000 tỷ đồng của tổ chức, cá nhân "
        "Thành phố Hà Nội tham gia đầu tư trên địa bàn tỉnh; trong đó có 49 dự án đã được cấp quyết "
        "định chủ trương đầu tư/Giấy chứng nhận đăng ký đầu tư và có 20 dự án đã được chấp thuận địa "
        "điểm; có 13 dự án đi vào hoạt động và 15 dự án đang triển khai thi công.\n"
    )
    (inv,) = out["investments"]
    assert (inv["investor"], inv["host"], inv["projects"]) == ("Hà Nội", "Ninh Thuận", 69)
    assert inv["capital_vnd"] == 50_000 * 10**9 and inv["qualifier"] == "nearly"
    assert inv["by_status"] == {
        "licensed": 49, "location_approved": 20, "operating": 13, "under_construction": 15,
    }  # fmt: skip


def test_a_provinces_own_totals_are_statistics_not_investments():
    out = facts(
        HEAD + "Đến nay, Ninh Thuận đã thu hút được trên 1.300 dự án đầu tư trong và ngoài nước "
        "với tổng vốn đăng ký trên 370.000 tỷ đồng.\n"
    )
    assert out["investments"] == [] and out["grants"] == []
    assert out["statistics"][0]["value"] == 370_000 * 10**9


def test_since_year_and_investors_from():
    out = facts(
        HEAD + "Từ năm 2015 đến nay, trên địa bàn tỉnh Ninh Thuận đã có 87 dự án đầu tư của các "
        "doanh nghiệp từ Hà Nội với tổng vốn đăng ký 10.900 tỷ đồng.\n"
    )
    (inv,) = out["investments"]
    assert inv["since"] == "2015" and inv["capital_vnd"] == 10_900 * 10**9


def test_investments_in_other_pairs():
    (a,) = facts(MERGED_2026)["investments"]
    assert (a["investor"], a["host"], a["projects"], a["qualifier"]) == (
        "Hưng Yên", "Ninh Bình", 35, "over",
    )  # fmt: skip
    (b,) = facts(HCM_DONG_THAP)["investments"]
    assert (b["investor"], b["host"], b["capital_vnd"]) == ("Hồ Chí Minh", "Đồng Tháp", 1.5e12)


def test_a_grant_repeated_in_caption_and_body_is_one_grant():
    line = "lãnh đạo thành phố Hà Nội trao tặng tỉnh Ninh Thuận 3 tỷ đồng phục vụ an sinh xã hội."
    out = facts(HEAD + "Thay mặt nhân dân Thủ đô, " + line + "\n\nNhân dịp này, " + line + "\n")
    (g,) = out["grants"]
    assert (g["donor"], g["recipient"], g["amount_vnd"]) == ("Hà Nội", "Ninh Thuận", 3 * 10**9)


def test_grants_in_words_and_past_support():
    out = facts(
        HEAD + "Hà Nội có nhiều hoạt động hỗ trợ tỉnh Ninh Thuận như: hỗ trợ xây dựng đền thờ với "
        "tổng kinh phí 30 tỷ đồng; hỗ trợ khắc phục thiên tai với tổng kinh phí 7 tỷ đồng. "
        "Tỉnh Ninh Thuận trao tặng Hà Nội năm trăm triệu đồng.\n"
    )
    got = {(g["donor"], g["recipient"], g["amount_vnd"]) for g in out["grants"]}
    assert got == {
        ("Hà Nội", "Ninh Thuận", 30 * 10**9), ("Hà Nội", "Ninh Thuận", 7 * 10**9),
        ("Ninh Thuận", "Hà Nội", 500 * 10**6),
    }  # fmt: skip


def test_money_for_a_third_province_is_not_a_grant_of_the_pair():
    out = facts(HEAD + "Hà Nội cũng hỗ trợ tỉnh Điện Biên 3 tỷ đồng.\n")
    assert out["grants"] == []


def test_a_grant_between_merged_provinces():
    (g,) = facts(MERGED_2026)["grants"]
    assert (g["donor"], g["recipient"], g["amount_vnd"]) == ("Hưng Yên", "Ninh Bình", 2 * 10**9)


def test_a_party_as_the_subject_of_the_count_invests_in_the_other():
    out = facts(
        HEAD + "Doanh nghiệp Hà Nội có 18 dự án tại Ninh Thuận với tổng vốn 1.250 tỷ đồng. "
        "Ở chiều ngược lại, Ninh Thuận có 9 dự án tại Hà Nội, tổng vốn khoảng 640 tỷ đồng.\n"
    )
    got = {(i["investor"], i["host"], i["projects"], i["capital_vnd"]) for i in out["investments"]}
    assert got == {
        ("Hà Nội", "Ninh Thuận", 18, 1_250 * 10**9),
        ("Ninh Thuận", "Hà Nội", 9, 640 * 10**9),
    }


def test_a_province_counting_projects_it_calls_for_is_not_an_investor():
    out = facts(HEAD + "Ninh Thuận có 150 dự án kêu gọi đầu tư với tổng vốn 300.000 tỷ đồng.\n")
    assert out["investments"] == []


def test_amount_in_two_scales_and_capital_after_dau_tu():
    out = facts(
        HEAD
        + "Đến nay doanh nghiệp Hà Nội đã đầu tư hơn 1.000 tỷ đồng vào 20 dự án tại Ninh Thuận. "
        "Dịp này, Thành phố Hà Nội trao tặng tỉnh Ninh Thuận 2 tỷ 500 triệu đồng.\n"
    )
    (inv,) = out["investments"]
    assert (inv["projects"], inv["capital_vnd"], inv["qualifier"]) == (20, 10**12, "over")
    assert [g["amount_vnd"] for g in out["grants"]] == [2_500_000_000]


def test_passive_grant_the_subject_receives():
    out = facts(
        HEAD + "Tỉnh Ninh Thuận đã được thành phố Hà Nội trao tặng 10 tỷ đồng xây trường.\n"
    )
    assert [(g["donor"], g["recipient"], g["amount_vnd"]) for g in out["grants"]] == [
        ("Hà Nội", "Ninh Thuận", 10**10)
    ]


def test_the_clause_subject_invests_in_the_place_named():
    out = facts(
        HEAD + "Hà Nội là địa phương có nhiều dự án đầu tư nhất vào Ninh Thuận với 31 dự án, "
        "tổng vốn 4.200 tỷ đồng. Ninh Thuận thu hút đầu tư 46 dự án vào tỉnh, tổng vốn 9.000 tỷ đồng.\n"
    )
    (inv,) = out["investments"]
    assert (inv["investor"], inv["host"], inv["projects"]) == ("Hà Nội", "Ninh Thuận", 31)


def test_the_donor_is_read_in_the_grants_own_clause():
    out = facts(
        HEAD + "Dịp này, Ninh Thuận tặng Hà Nội 1 tấn nho; Hà Nội tặng Ninh Thuận 1 tỷ đồng.\n"
    )
    assert [(g["donor"], g["recipient"]) for g in out["grants"]] == [("Hà Nội", "Ninh Thuận")]
