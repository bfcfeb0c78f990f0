"""Participants with titles and side; not bylines, photo credits, poets, kings or teasers."""

from .helpers import facts, names
from .samples import HCM_DONG_THAP, MERGED_2026

HEAD = "Hà Nội – Thanh Hóa hợp tác\n\n"


def person(out, name):
    (p,) = [p for p in out["people"] if p["name"] == name]
    return p


def test_name_then_title_chain():
    out = facts(HEAD + "Đồng chí Nguyễn Đức Thanh, Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy Thanh Hóa, "
                "Chủ tịch HĐND tỉnh phát biểu. Thành ủy Hà Nội dự.\n")  # fmt: skip
    p = person(out, "Nguyễn Đức Thanh")
    assert p["locality"] == "Thanh Hóa"
    assert p["titles"][:2] == ["Ủy viên Trung ương Đảng", "Bí thư Tỉnh ủy Thanh Hóa"]


def test_title_chain_then_name_with_the_locality_in_between():
    out = facts(HEAD + "Bí thư Thành ủy Hà Nội Hoàng Trung Hải và Bí thư Tỉnh ủy Thanh Hóa "
                "Trịnh Văn Chiến chủ trì hội nghị.\n")  # fmt: skip
    assert names(out, "people") == {"Hoàng Trung Hải", "Trịnh Văn Chiến"}
    assert person(out, "Hoàng Trung Hải")["locality"] == "Hà Nội"


def test_list_after_co_cac_dong_chi():
    out = facts(HEAD + "Tham dự có các đồng chí: Ngô Thị Thanh Hằng, Phó Bí thư Thường trực Thành ủy; "
                "Nguyễn Đình Xứng, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh.\n")  # fmt: skip
    assert person(out, "Ngô Thị Thanh Hằng")["locality"] == "Hà Nội"  # Thành ủy: the city
    assert person(out, "Nguyễn Đình Xứng")["locality"] == "Thanh Hóa"  # Tỉnh ủy: the province


def test_side_from_ve_phia_when_both_are_provinces():
    out = facts(MERGED_2026)
    assert person(out, "Đặng Xuân Phong")["locality"] == "Ninh Bình"
    assert person(out, "Phạm Văn Hòa")["locality"] == "Hưng Yên"


def test_byline_photo_credit_poet_and_king_are_not_participants():
    out = facts(
        HEAD + "Bí thư Thành ủy Hà Nội Hoàng Trung Hải phát biểu. Ảnh: Gia Huy\n"
        "Hai bên tổ chức lễ kỷ niệm Đại thi hào Nguyễn Du, dâng hương Vua Lê Thái Tổ và "
        "Anh hùng dân tộc Lê Lợi tại Thanh Hóa.\n\nTrần Minh Anh\n"
    )
    assert names(out, "people") == {"Hoàng Trung Hải"}


def test_names_in_other_stories_are_not_participants():
    out = facts(
        HEAD + "Bí thư Thành ủy Hà Nội Hoàng Trung Hải dự hội nghị với Thanh Hóa.\n\nĐọc thêm\n\n"
        "“Cuộc cách mạng” của Tổng Bí thư Tô Lâm\n\nBà Phạm Thị Bích Thủy, Chánh án Tòa án "
        "Nhân dân tỉnh Bình Phước được điều động.\n"
    )
    assert names(out, "people") == {"Hoàng Trung Hải"}


def test_a_ho_chi_minh_city_leader_with_tp_hcm_in_the_title():
    out = facts(HCM_DONG_THAP)
    assert names(out, "people") == {"Nguyễn Văn Nên", "Phan Văn Mãi", "Lê Quốc Phong"}
    assert person(out, "Phan Văn Mãi")["locality"] == "Hồ Chí Minh"


def test_a_person_of_a_third_province_is_left_out():
    out = facts(HEAD + "Thành ủy Hà Nội và Tỉnh ủy Thanh Hóa họp. Sau đó, Bí thư Tỉnh ủy Điện Biên "
                "Trần Văn Sơn làm việc với tỉnh Lai Châu.\n")  # fmt: skip
    assert "Trần Văn Sơn" not in names(out, "people")


def test_given_names_that_also_begin_organs():
    out = facts(HEAD + "Chủ tịch UBND TP Hà Nội Vũ Đại Thắng dự. Dự có ông Nguyễn Chí Công, Giám đốc "
                "Sở Tài chính Thanh Hóa. Bí thư Tỉnh ủy Thanh Hóa Trần Văn An Đại biểu Quốc hội.\n")  # fmt: skip
    assert names(out, "people") == {"Vũ Đại Thắng", "Nguyễn Chí Công", "Trần Văn An"}


def test_family_names_of_the_northern_highlands_and_central_highlands():
    out = facts(HEAD + "Dự có bà Tráng Thị Xuân, Phó Chủ tịch HĐND tỉnh Thanh Hóa; ông Quàng Văn "
                "Hương, Phó Chủ tịch UBND tỉnh Thanh Hóa; ông Điểu Kré, Bí thư Thành ủy Hà Nội.\n")  # fmt: skip
    assert names(out, "people") == {"Tráng Thị Xuân", "Quàng Văn Hương", "Điểu Kré"}


def test_leaders_cited_or_remembered_do_not_take_part():
    out = facts(HEAD + "Bí thư Thành ủy Hà Nội Hoàng Trung Hải chủ trì. Tổng Bí thư Nguyễn Phú Trọng "
                "từng nhấn mạnh vai trò liên kết vùng. Thực hiện chỉ đạo của Thủ tướng Phạm Minh "
                "Chính, hai bên phát biểu thống nhất.\n")  # fmt: skip
    assert names(out, "people") == {"Hoàng Trung Hải"}
