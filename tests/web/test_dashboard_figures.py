"""The dashboard's key figures are the sums of its charts and agree with the annual report."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from hoptac.grants.services import grant_create
from hoptac.investments.services import snapshot_create
from hoptac.reports.annual import report_for_locality

pytestmark = pytest.mark.django_db
BILLION = 10**9


def _chart(response) -> dict:
    m = re.search(r'<script id="dashboard-data" type="application/json">(.*?)</script>',
                  response.content.decode(), re.S)  # fmt: skip
    return json.loads(m.group(1))["years"]


@pytest.fixture
def money(admin_user, hanoi, thanhhoa, programme, hanoi_hanam):
    """Hà Nội gave Thanh Hóa 3 tỷ in 2019 (the programme) and 30 tỷ in a year nobody wrote
    down; Thanh Hóa gave Hà Nội 2 tỷ in 2020; Hà Nam's investors' total is undated."""
    grant_create(partnership=programme, by=admin_user, donor=hanoi, recipient=thanhhoa,
                 amount_vnd=30 * BILLION, purpose="những năm qua")  # fmt: skip
    grant_create(partnership=programme, by=admin_user, donor=thanhhoa, recipient=hanoi,
                 amount_vnd=2 * BILLION, purpose="khắc phục bão", year=2020)  # fmt: skip
    hanam = next(m.locality for m in hanoi_hanam.members.all() if m.locality != hanoi)
    snapshot_create(partnership=hanoi_hanam, by=admin_user, origin=hanoi, host=hanam,
                    projects=87, capital_vnd=10_900 * BILLION)  # fmt: skip
    return programme


def test_support_given_and_received_are_apart_and_sum_to_the_chart(client, money):
    r = client.get("/")
    totals, chart = r.context["totals"], _chart(r)
    assert totals["grants_given"] == 33 * BILLION
    assert totals["grants_received"] == 2 * BILLION
    assert sum(chart["given_vnd"]) == totals["grants_given"]
    assert sum(chart["received_vnd"]) == totals["grants_received"]
    assert chart["grant_years"] == ["2019", "2020", "chưa rõ năm"]
    assert chart["given_vnd"][-1] == 30 * BILLION


def test_seen_from_thanh_hoa_the_same_grants_turn_round(client, money):
    totals = client.get("/?locality=2025-38").context["totals"]
    assert (totals["grants_given"], totals["grants_received"]) == (2 * BILLION, 33 * BILLION)


def test_the_capital_figure_is_the_charts_last_value(client, money):
    r = client.get("/")
    totals, chart = r.context["totals"], _chart(r)
    assert totals["capital"] == (45_500 + 10_900) * BILLION
    assert chart["reported_vnd"][-1] == totals["capital"]
    assert chart["years"][-1] == "Đến nay"  # the undated report counts to date only
    assert chart["reported_vnd"][chart["years"].index("2019")] == 45_500 * BILLION


def test_the_years_support_agrees_with_the_annual_report(client, money, hanoi):
    chart = _chart(client.get("/"))
    i = chart["grant_years"].index("2019")
    report = report_for_locality(hanoi, 2019, today=dt.date(2026, 1, 1))
    texts = [b.text for b in report.section("grants").blocks if hasattr(b, "text")]
    assert "Tổng cộng: 3 tỷ đồng." in texts
    assert chart["given_vnd"][i] + chart["received_vnd"][i] == 3 * BILLION


def test_the_dashboard_opens_on_the_users_own_locality(client, bob, money):
    client.force_login(bob)
    body = client.get("/").content.decode()
    assert "Hợp tác của Thanh Hóa" in body


def test_visitors_still_start_on_hanoi(client, money):
    assert "Hợp tác của Hà Nội" in client.get("/").content.decode()


def test_the_dashboard_lists_stale_commitments_to_chase(client, money):
    from django.utils import timezone

    from hoptac.partnerships.models import Commitment

    Commitment.objects.filter(text__startswith="Đón đoàn").update(
        updated_at=timezone.now() - dt.timedelta(days=100)
    )
    body = client.get("/").content.decode()
    assert 'id="stale-list"' in body and "chưa cập nhật 100 ngày" in body


def test_the_annual_report_marks_a_stale_commitment(admin_user, hanoi, programme):
    from hoptac.partnerships.models import Commitment
    from hoptac.partnerships.services import commitment_create

    a = programme.agreements.get()
    c = commitment_create(agreement=a, by=admin_user, text="Trao đổi cán bộ", responsible=hanoi)
    Commitment.objects.filter(pk=c.pk).update(updated_at=dt.datetime(2019, 1, 1, tzinfo=dt.UTC))
    report = report_for_locality(hanoi, 2019, today=dt.date(2026, 1, 1))
    row = next(r for r in report.commitments if r.text == "Trao đổi cán bộ")
    assert "chưa cập nhật 364 ngày" in row.status
