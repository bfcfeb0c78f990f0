"""Event dates: the dateline's year with the lead's day, "--MM-DD" without a year, null without a date."""

import datetime as dt

import pytest

from .helpers import facts


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tiêu đề\n\nNgày 12-6, Tỉnh ủy Ninh Thuận tổ chức hội nghị.", "--06-12"),
        # A run of days starts on its first day; the dateline gives the year.
        ("Tiêu đề\n\nThứ Hai, 14/4/2025\n\nNgày 12 và 13/4, Tỉnh ủy Sơn La họp.", "2025-04-12"),
        ("Tiêu đề\n\n20/4/2025 14:02\n\nTừ ngày 18 đến 19/4, đoàn làm việc.", "2025-04-18"),
        ("Tiêu đề\n\n(Dân trí) - Trong hai ngày 18-19/4/2025, đoàn làm việc.", "2025-04-18"),
        ("Tiêu đề\n\n25/04/2025 10:00\n\nSáng thứ Năm (24/4), đoàn làm việc.", "2025-04-24"),
        ("Tiêu đề\n\nThứ hai, 02/12/2019 13:32\nSáng 30/11, Thành ủy Hà Nội họp.", "2019-11-30"),
        ("Tiêu đề\n\nThời sự 16/11/2019 13:53\nTTTĐ - Sáng 16/11, hội nghị.", "2019-11-16"),
        ("Tiêu đề\n\nNgày 20 tháng 10 năm 2024, hai tỉnh ký kết.", "2024-10-20"),
        ("Tiêu đề\n\nChiều 14/1/2026, hai tỉnh ký kết.", "2026-01-14"),
        ("Tiêu đề\n\nThứ năm, 02/01/2020\nTối 30/12, hai bên gặp gỡ.", "2019-12-30"),
        ("Tiêu đề\n\nHai địa phương hợp tác trong giai đoạn 2015-2018 có kết quả.", None),
        ("Tiêu đề\n\nTăng 20% so với 2018; 30/45 chỉ tiêu đạt.", None),
    ],
)
def test_it_dates_the_event(text, expected):
    assert facts(text)["event_date"] == expected


def test_published_supplies_the_year():
    out = facts("Tiêu đề\n\nSáng 10/8, hai bên họp.", published=dt.date(2019, 8, 11))
    assert out["event_date"] == "2019-08-10"


def test_dates_in_end_matter_are_not_the_event():
    text = "Tiêu đề\n\nHai bên hợp tác.\n\nĐọc thêm\n\nSáng 8/11, Quốc hội họp.\n"
    assert facts(text)["event_date"] is None
