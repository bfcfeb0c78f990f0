"""`hoptac demo --no-serve` loads the samples once and prints the account."""

from io import StringIO

from django.core.management import call_command

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


def test_the_demo_loads_the_samples_and_a_second_run_changes_nothing(db):
    out = StringIO()
    call_command("demo", "--no-serve", stdout=out)
    assert "demo" in out.getvalue() and "hoptac-demo" in out.getvalue()
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
