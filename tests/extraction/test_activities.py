"""Activities named in a report: kind, name, count, evidence (shown to reviewers, unscored)."""

from hoptac.extraction import extract


def _activities(text: str) -> list[dict]:
    return extract(text).to_json()["activities"]


def test_counted_fairs_and_delegations():
    text = (
        "Ngành nông nghiệp hai địa phương đã tổ chức được 12 đợt hội chợ giới thiệu sản phẩm "
        "và 4 lượt đoàn tham quan, xúc tiến thương mại."
    )
    found = {(a["kind"], a.get("count")) for a in _activities(text)}
    assert ("trade_fair", 12) in found
    assert ("delegation", 4) in found


def test_a_culture_day_keeps_its_name_and_evidence():
    text = "Hai bên thống nhất tổ chức “Ngày văn hóa Lạng Sơn tại TP Hồ Chí Minh” vào năm 2026."
    (day,) = [a for a in _activities(text) if a["kind"] == "culture_day"]
    assert day["title"] == "Ngày văn hóa Lạng Sơn tại TP Hồ Chí Minh"
    s, e = day["evidence"][0]
    assert text[s:e] == "Ngày văn hóa Lạng Sơn tại TP Hồ Chí Minh"


def test_the_name_stops_at_a_purpose():
    text = "Tổ chức hội chợ hàng Việt tại Cần Thơ nhằm quảng bá sản phẩm OCOP."
    (fair,) = _activities(text)
    assert fair["title"] == "Hội chợ hàng Việt tại Cần Thơ"


def test_a_repeated_activity_is_one_fact():
    text = "Tuần văn hóa Huế tại Hà Nội thu hút đông đảo người dân. Tuần văn hóa Huế tại Hà Nội kết thúc."
    assert len([a for a in _activities(text) if a["kind"] == "culture_day"]) == 1


def test_a_text_without_activities_has_none():
    assert _activities("Hai địa phương trao đổi kinh nghiệm cải cách hành chính.") == []
