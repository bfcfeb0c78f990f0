"""Nonsense is refused in one place (the models' clean()), whatever surface saves it."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from hoptac.grants.services import grant_create
from hoptac.investments.services import snapshot_create
from hoptac.partnerships.services import agreement_create, meeting_create, meeting_update
from tests.conftest import locality

pytestmark = pytest.mark.django_db


def _errors(exc: pytest.ExceptionInfo) -> dict:
    return exc.value.message_dict


def test_it_rejects_a_period_ending_before_it_starts(hanoi_thanhhoa, admin_user):
    with pytest.raises(ValidationError) as exc:
        agreement_create(partnership=hanoi_thanhhoa, by=admin_user, kind="programme",
                         title="Chương trình", period_start=2030, period_end=2026)  # fmt: skip
    assert "period_end" in _errors(exc)
    assert "2030" in _errors(exc)["period_end"][0]


def test_it_rejects_an_agreement_signed_in_the_future(hanoi_thanhhoa, admin_user):
    with pytest.raises(ValidationError) as exc:
        agreement_create(partnership=hanoi_thanhhoa, by=admin_user, kind="programme",
                         title="Chương trình", signed_on=dt.date(2031, 1, 1))  # fmt: skip
    assert "signed_on" in _errors(exc)


def test_a_meeting_far_ahead_needs_confirmation(hanoi_thanhhoa, admin_user):
    with pytest.raises(ValidationError) as exc:
        meeting_create(partnership=hanoi_thanhhoa, by=admin_user, title="Hội nghị",
                       held_on=dt.date(2099, 1, 1))  # fmt: skip
    assert "held_on" in _errors(exc)
    m = meeting_create(partnership=hanoi_thanhhoa, by=admin_user, title="Hội nghị",
                       held_on=dt.date(2099, 1, 1), confirm_far_dates=True)  # fmt: skip
    assert m.held_on.year == 2099


def test_a_meeting_next_month_needs_no_confirmation(hanoi_thanhhoa, admin_user):
    soon = timezone.localdate() + dt.timedelta(days=30)
    m = meeting_create(partnership=hanoi_thanhhoa, by=admin_user, title="Hội nghị", held_on=soon)
    assert m.pk


def test_it_rejects_a_host_that_no_longer_existed_on_the_day(hanoi_thanhhoa, admin_user):
    hanam = locality("Hà Nam")
    m = meeting_create(partnership=hanoi_thanhhoa, by=admin_user, title="Hội nghị",
                       held_on=dt.date(2019, 5, 1), host=hanam)  # fmt: skip
    with pytest.raises(ValidationError) as exc:
        meeting_update(m, by=admin_user, held_on=dt.date(2025, 9, 1))
    assert "host" in _errors(exc)
    assert "Ninh Bình" in _errors(exc)["host"][0]


def test_it_rejects_a_grant_to_oneself(hanoi_thanhhoa, admin_user, hanoi):
    with pytest.raises(ValidationError) as exc:
        grant_create(partnership=hanoi_thanhhoa, by=admin_user, donor=hanoi, recipient=hanoi,
                     amount_vnd=10**9, given_on=dt.date(2019, 3, 20))  # fmt: skip
    assert "recipient" in _errors(exc)


def test_it_rejects_a_grant_dated_outside_its_year(hanoi_thanhhoa, admin_user, hanoi, thanhhoa):
    with pytest.raises(ValidationError) as exc:
        grant_create(partnership=hanoi_thanhhoa, by=admin_user, donor=hanoi, recipient=thanhhoa,
                     amount_vnd=10**9, given_on=dt.date(2019, 3, 20), year=2018)  # fmt: skip
    assert "given_on" in _errors(exc)


def test_it_rejects_negative_capital_and_more_operating_than_all(
    hanoi_thanhhoa, admin_user, hanoi, thanhhoa
):
    with pytest.raises(ValidationError) as exc:
        snapshot_create(partnership=hanoi_thanhhoa, by=admin_user, origin=hanoi, host=thanhhoa,
                        reported_on=dt.date(2019, 5, 1), projects=10, operating=50,
                        capital_vnd=-100)  # fmt: skip
    assert {"capital_vnd", "operating"} <= set(_errors(exc))
