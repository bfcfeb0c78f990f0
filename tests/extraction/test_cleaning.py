"""Cleaning keeps offsets: furniture is blanked in place, broken lines are joined."""

from hoptac.extraction.cleaning import clean

from .helpers import facts, names


def test_the_work_view_keeps_every_offset():
    text = (
        "Tag\n\nTiêu đề bài\n\nNội dung.\n\nBài liên quan\n\nTin khác một\n\nĐọc thêm\n\nXem nữa."
    )
    c = clean(text)
    assert len(c.work) == len(text)
    assert "Tin khác một" not in c.work and "Xem nữa" not in c.work and "Nội dung." in c.work
    assert text[c.title[0] : c.title[1]] == "Tiêu đề bài"


def test_related_headlines_end_at_the_first_sentence():
    text = (
        "Tiêu đề\n\nBài liên quan\n\nHỗ trợ tỉnh Điện Biên 3 tỷ đồng\n\n"
        "Bí thư Thành ủy Hà Nội và Bí thư Tỉnh ủy Thanh Hóa chủ trì hội nghị.\n"
    )
    work = clean(text).work
    assert "Điện Biên" not in work and "chủ trì hội nghị." in work


def test_a_line_broken_mid_title_chain_is_joined():
    text = "Tiêu đề\n\nĐồng chí Nguyễn Văn A, Bí thư Tỉnh ủy,\nChủ tịch HĐND tỉnh phát biểu."
    work = clean(text).work
    assert "Tỉnh ủy, Chủ tịch" in work


def test_photo_credits_ratings_and_share_bars_are_furniture():
    text = (
        "Tiêu đề\n\nHà Nội và Hà Tĩnh hợp tác. Ảnh: Gia Huy\n\nChia sẻ\n\nĐánh giá\n\n"
        "(Di chuột vào ngôi sao để chọn điểm)\n\nTìm theo ngày :\n"
    )
    work = clean(text).work
    for gone in ("Gia Huy", "Chia sẻ", "Đánh giá", "Di chuột", "Tìm theo ngày"):
        assert gone not in work


def test_a_repeated_caption_counts_once():
    cap = "Lãnh đạo thành phố Hà Nội trao tặng tỉnh Thanh Hóa 3 tỷ đồng phục vụ an sinh xã hội"
    text = f"Hà Nội – Thanh Hóa hợp tác\n\n{cap}\n{cap}\n\nHai địa phương thống nhất 12 nội dung.\n"
    out = facts(text)
    assert len(out["grants"]) == 1
    assert names(out) == {"Hà Nội", "Thanh Hóa"}


def test_arrow_headlines_and_trending_lists_are_furniture():
    body = (
        "Hà Nội - Sơn La hợp tác\n\nNgày 3/3/2024, Thành ủy Hà Nội làm việc với Tỉnh ủy Sơn La. "
        "Dự có đồng chí Đinh Tiến Dũng, Bí thư Thành ủy Hà Nội.\n\n"
    )
    other = "Bí thư Tỉnh ủy Sơn La Nguyễn Hữu Đông tiếp đoàn\n"
    for tail in (">> " + other + ">> Hà Nội hỗ trợ Sơn La 3 tỷ đồng\n", "Tin nổi bật\n" + other):
        out = facts(body + tail)
        assert names(out, "people") == {"Đinh Tiến Dũng"}
        assert out["grants"] == []
