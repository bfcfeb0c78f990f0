"""Deadlines as officials write them, stored as the last day of their span."""

import datetime as dt

import pytest

from hoptac.lib.dates import parse_due, period_end, schema_due


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("30/6/2026", (dt.date(2026, 6, 30), "day")),
        ("2026-06-30", (dt.date(2026, 6, 30), "day")),
        ("6/2026", (dt.date(2026, 6, 30), "month")),
        ("tháng 2/2028", (dt.date(2028, 2, 29), "month")),
        ("Quý II/2026", (dt.date(2026, 6, 30), "quarter")),
        ("quý IV/2026", (dt.date(2026, 12, 31), "quarter")),
        ("Q1/2027", (dt.date(2027, 3, 31), "quarter")),
        ("2026", (dt.date(2026, 12, 31), "year")),
        ("năm 2026", (dt.date(2026, 12, 31), "year")),
        ("", None),
    ],
)
def test_it_reads_a_written_deadline(text, expected):
    assert parse_due(text) == expected


@pytest.mark.parametrize("text", ["31/2/2026", "Quý V/2026", "sắp tới", "13/2026"])
def test_it_rejects_a_deadline_it_cannot_read(text):
    with pytest.raises(ValueError):
        parse_due(text)


def test_the_end_of_a_quarter_is_its_last_day():
    assert period_end(dt.date(2026, 8, 5), "quarter") == dt.date(2026, 9, 30)


def test_it_reads_the_extractors_due():
    assert schema_due("2026-06") == (dt.date(2026, 6, 30), "month")
    assert schema_due("2030") == (dt.date(2030, 12, 31), "year")
    assert schema_due(None) is None
