"""When a grant was given: at the reported event, in a dated year or period, or earlier."""

from .helpers import facts

HEAD = (
    "Hà Nội – Ninh Thuận hợp tác\n\n"
    "Sáng 12/6/2021, Thành ủy Hà Nội và Tỉnh ủy Ninh Thuận tổ chức hội nghị hợp tác.\n\n"
)
TIMING = ("at_event", "period", "year", "past")


def _when(out: dict) -> dict[int, dict]:
    """Return the timing keys of each grant, by amount in triệu đồng."""
    return {g["amount_vnd"] // 10**6: {k: g[k] for k in TIMING if k in g} for g in out["grants"]}


def test_a_grant_given_on_this_occasion_is_at_the_event():
    out = facts(HEAD + "Nhân dịp này, Hà Nội trao tặng tỉnh Ninh Thuận 2 tỷ đồng xây nhà.\n")
    assert _when(out) == {2000: {"at_event": True}}


def test_a_repeated_grant_in_caption_and_body_is_one_grant_at_the_event():
    line = "lãnh đạo thành phố Hà Nội trao tặng tỉnh Ninh Thuận 3 tỷ đồng phục vụ an sinh xã hội"
    out = facts(
        HEAD + "Thay mặt nhân dân Thủ đô, " + line + "\n"
        "Những năm qua hai bên hợp tác hiệu quả.\n\n"
        "Nhân dịp này, " + line + ".\n"
    )
    (g,) = out["grants"]
    assert g["amount_vnd"] == 3 * 10**9 and g["at_event"] is True
    assert not {"past", "year", "period"} & set(g)
    assert len(g["evidence"]) == 3  # both mentions and the verb


def test_a_grant_in_the_event_sentence_is_at_the_event():
    out = facts(
        "Hợp tác Hà Nội – Ninh Thuận\n\n"
        "Ngày 20/10/2022, tại Ninh Thuận, Hà Nội hỗ trợ tỉnh Ninh Thuận 4 tỷ đồng làm đường.\n"
    )
    assert _when(out) == {4000: {"at_event": True}}


def test_grants_dated_by_a_period_or_a_year():
    out = facts(
        HEAD + "Hà Nội có nhiều hoạt động hỗ trợ tỉnh Ninh Thuận như: hỗ trợ xây trường học "
        "trong ba năm 2016-2018 với tổng kinh phí 9 tỷ đồng; năm 2019 hỗ trợ khắc phục hạn hán "
        "với số tiền 800 triệu đồng. Giai đoạn 2011 - 2015, Hà Nội hỗ trợ tỉnh Ninh Thuận "
        "6 tỷ đồng. Hà Nội cũng hỗ trợ tỉnh Ninh Thuận 700 triệu đồng trong năm 2020.\n"
    )
    assert _when(out) == {
        9000: {"period": "2016-2018"},
        800: {"year": 2019},
        6000: {"period": "2011-2015"},
        700: {"year": 2020},
    }


def test_past_support_without_a_date():
    out = facts(
        HEAD + "Báo cáo tại hội nghị cho thấy, thời gian qua, Hà Nội đã hỗ trợ tỉnh Ninh Thuận "
        "15 tỷ đồng xây dựng nông thôn mới. Từ năm 2015 đến nay, Hà Nội tài trợ tỉnh Ninh Thuận "
        "5 tỷ đồng cho các trường học.\n"
    )
    assert _when(out) == {15000: {"past": True}, 5000: {"past": True}}


def test_a_date_after_the_amount_naming_the_purpose_does_not_date_the_grant():
    out = facts(
        HEAD + "Nhân dịp này, Hà Nội trao tặng tỉnh Ninh Thuận 1 tỷ đồng hỗ trợ chương trình "
        "nông thôn mới giai đoạn 2021-2025.\n"
    )
    assert _when(out) == {1000: {"at_event": True}}


def test_a_sentence_continues_the_occasion_of_its_paragraph():
    out = facts(
        HEAD + "Nhân dịp này, Hà Nội trao tặng tỉnh Ninh Thuận 2 tỷ đồng xây nhà đại đoàn kết. "
        "Thành phố Hà Nội cũng hỗ trợ tỉnh Ninh Thuận năm trăm triệu đồng mua sách vở.\n"
    )
    assert _when(out) == {2000: {"at_event": True}, 500: {"at_event": True}}


def test_exchanging_information_is_not_handing_over():
    out = facts(
        HEAD + "Hai bên trao đổi kinh nghiệm. Hà Nội hỗ trợ tỉnh Ninh Thuận 2 tỷ đồng làm đường.\n"
    )
    assert _when(out) == {2000: {}}


def test_timing_keys_leave_the_scored_keys_alone():
    out = facts(
        HEAD + "Hà Nội đã hỗ trợ tỉnh Ninh Thuận trong hai năm 2011-2012 với tổng kinh phí "
        "7 tỷ đồng.\n"
    )
    (g,) = out["grants"]
    assert (g["donor"], g["recipient"], g["amount_vnd"]) == ("Hà Nội", "Ninh Thuận", 7 * 10**9)
    assert g["period"] == "2011-2012" and "past" not in g and "at_event" not in g
