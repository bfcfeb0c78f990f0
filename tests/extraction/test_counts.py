"""Agreed counts and cooperation fields."""

from .helpers import facts
from .samples import HCM_DONG_THAP

HEAD = "Hà Nội – Hà Tĩnh hợp tác\n\nThành ủy Hà Nội và Tỉnh ủy Hà Tĩnh tổ chức hội nghị.\n"


def counts(out):
    return sorted(c["count"] for c in out["commitment_counts"])


def test_agreed_counts():
    out = facts(
        HEAD + "Hai bên tập trung vào 6 ngành kinh tế trụ cột gồm: năng lượng; du lịch. Thống nhất "
        "hợp tác theo 9 lĩnh vực, trước mắt tập trung vào 4 lĩnh vực thế mạnh. Bên cạnh 4 nội dung "
        "về xây dựng đảng, 8 nội dung hợp tác kinh tế, hai bên xác định thêm một số nội dung.\n"
    )
    assert counts(out) == [4, 4, 6, 8, 9]


def test_repeated_count_is_one_and_words_count():
    out = facts(
        "Hà Nội – Hà Tĩnh: Xác định 12 nội dung hợp tác\n\nHội nghị thống nhất 12 nội dung hợp "
        "tác. Hai bên ký kết ba chương trình hợp tác.\n"
    )
    assert counts(out) == [3, 12]


def test_comrades_localities_and_fairs_are_not_agreed_counts():
    out = facts(
        HEAD + "Dưới sự điều hành 2 đồng chí Bí thư, đại biểu 2 địa phương thống nhất hợp tác; "
        "tổ chức được 15 đợt hội chợ, 5 lượt đoàn; hợp tác một số nội dung.\n"
    )
    assert counts(out) == []


def test_counts_in_another_pair():
    assert counts(facts(HCM_DONG_THAP)) == [8]


def test_fields_as_codes():
    out = facts(
        HEAD + "Hai bên hợp tác về xúc tiến đầu tư, thương mại, du lịch, y tế, giáo dục và đào "
        "tạo, cải cách hành chính, chính quyền điện tử, quốc phòng, an ninh, an sinh xã hội.\n"
    )
    codes = {f["code"] for f in out["fields"]}
    assert codes >= {
        "investment", "trade", "tourism", "health", "education", "administrative_reform",
        "digital_government", "security_defense", "social_welfare",
    }  # fmt: skip


def test_investment_climate_is_not_the_environment():
    out = facts(HEAD + "Hai bên trao đổi về cải thiện môi trường đầu tư.\n")
    codes = {f["code"] for f in out["fields"]}
    assert "investment" in codes and "environment" not in codes
