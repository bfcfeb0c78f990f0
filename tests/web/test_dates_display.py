"""Dates read dd/mm/yyyy on every page, in both languages; the long form is the report's."""

from __future__ import annotations

import pytest
from django.forms import DateField
from django.utils import translation

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url", ["/meetings/", "/agreements/", "/grants/", "/commitments/"])
def test_lists_write_dates_as_day_month_year(client, programme, url):
    body = client.get(url).content.decode()
    assert "16/11/2019" in body or "30/06/2020" in body
    assert "tháng 11 năm 2019" not in body
    assert "2019-11-16" not in body


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("typed", ["30/06/2020", "2020-06-30", "30-06-2020"])
def test_a_date_input_takes_what_people_type(lang, typed):
    import datetime as dt

    with translation.override(lang):
        assert DateField().clean(typed) == dt.date(2020, 6, 30)
