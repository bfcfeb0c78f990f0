"""`hoptac demo --no-serve` loads the samples once and prints the account."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from hoptac.grants.models import Grant
from hoptac.investments.models import InvestmentSnapshot
from hoptac.partnerships.models import Meeting, MeetingParticipant, Partnership


def _counts() -> dict[str, int]:
    return {
        "partnerships": Partnership.objects.count(),
        "meetings": Meeting.objects.count(),
        "participants": MeetingParticipant.objects.count(),
        "snapshots": InvestmentSnapshot.objects.count(),
        "grants": Grant.objects.count(),
    }


def test_the_demo_loads_the_samples_and_a_second_run_changes_nothing(db, settings):
    settings.DEBUG = True  # as `make run` sets it
    out = StringIO()
    call_command("demo", "--no-serve", stdout=out)
    assert "demo" in out.getvalue() and "hoptac-thu-nghiem" in out.getvalue()
    first = _counts()
    assert first["partnerships"] == 5
    thanh_hoa = InvestmentSnapshot.objects.get(host__name="Thanh Hóa")
    assert (thanh_hoa.projects, thanh_hoa.capital_vnd, thanh_hoa.qualifier) == (
        65,
        45_500_000_000_000,
        "about",
    )
    call_command("demo", "--no-serve", stdout=StringIO())
    assert _counts() == first


def test_it_refuses_to_create_the_demo_superuser_when_debug_is_off(db, settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("demo", "--no-serve", stdout=StringIO())
    assert not get_user_model().objects.filter(username="demo").exists()
