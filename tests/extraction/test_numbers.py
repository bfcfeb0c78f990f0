"""Numbers and money: digits with Vietnamese separators, number words, scale words, qualifiers."""

import pytest

from hoptac.extraction.numbers import find_money, parse_number


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("50.000", 50_000), ("1,5", 1.5), ("37.700 tỷ", 37_700e9), ("1,5 nghìn tỷ", 1.5e12),
        ("1,5 ngàn tỷ", 1.5e12), ("gần 6 vạn", 60_000), ("năm tỷ", 5e9), ("500 triệu", 5e8),
        ("hai mươi", 20), ("hai mươi lăm", 25), ("mười hai", 12), ("một trăm linh năm", 105),
        ("hai tỷ ba trăm triệu", 2.3e9), ("một tỷ rưỡi", 1.5e9), ("3 tỉ", 3e9), ("2.5 tỷ", 2.5e9),
    ],
)  # fmt: skip
def test_it_reads_numbers(text, value):
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "value", "qualifier"),
    [
        ("tổng vốn gần 50.000 tỷ đồng", 50_000e9, "nearly"),
        ("khoảng 45.500 tỷ đồng", 45_500e9, "about"),
        ("trên 370.000 tỷ đồng", 370_000e9, "over"),
        ("hơn 12.500 tỷ đồng", 12_500e9, "over"),
        ("xấp xỉ 3 tỷ đồng", 3e9, "about"),
        ("ít nhất 1,5 tỷ đồng", 1.5e9, "at_least"),
        ("trao tặng năm tỷ đồng", 5e9, "exact"),
        ("ủng hộ 500 triệu đồng", 5e8, "exact"),
        ("10.900 tỷ VNĐ", 10_900e9, "exact"),
    ],
)
def test_it_finds_money_with_its_qualifier(text, value, qualifier):
    (a,) = find_money(text.lower())
    assert a.value == pytest.approx(value) and a.qualifier == qualifier


@pytest.mark.parametrize(
    "text", ["có 2 đồng chí dự", "2 đồng bào", "năm 2019 đồng thời", "Đồng Nai"]
)
def test_it_does_not_take_comrades_or_years_for_money(text):
    assert find_money(text.lower()) == []
