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


@pytest.mark.parametrize("typed", ["01/01/2020", "2020-01-01"])
def test_the_tracker_filters_by_a_due_date_typed_either_way(client, programme, typed):
    body = client.get("/commitments/", {"due_to": "31/12/2020", "due_from": typed}).content
    assert "Xây dựng tuyến đường kết nối" in body.decode()
    assert "Đón đoàn du lịch Thanh Hóa" not in body.decode()


def test_an_edit_form_shows_its_date_as_day_month_year(client, admin_user, programme):
    client.force_login(admin_user)
    meeting = programme.meetings.get()
    body = client.get(f"/meetings/{meeting.pk}/edit/").content.decode()
    assert 'value="16/11/2019"' in body
