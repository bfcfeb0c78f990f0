"""`hoptac remind` writes one digest per person concerned, through a real SMTP server."""

from __future__ import annotations

import datetime as dt
import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from hoptac.partnerships.models import Commitment
from hoptac.partnerships.services import (
    agreement_create,
    commitment_create,
    focal_point_set,
    person_get_or_create,
)
from hoptac.reminders.models import ReminderSent
from hoptac.reminders.services import contact_set, preference_set

pytestmark = pytest.mark.django_db
TODAY = "2027-01-01"


@pytest.fixture
def items(admin_user, hanoi, thanhhoa, hanoi_thanhhoa, alice, bob):
    """Hà Nội's overdue road, Thanh Hóa's tour due in a fortnight, a joint item due later."""
    alice.email, bob.email = "alice@hanoi.gov.vn", "bob@thanhhoa.gov.vn"
    alice.save()
    bob.save()
    a = agreement_create(
        partnership=hanoi_thanhhoa, by=admin_user, kind="conclusion", title="Kết luận 2026",
        signed_on=dt.date(2026, 3, 1),
    )  # fmt: skip
    road = commitment_create(agreement=a, by=admin_user, text="Xây dựng tuyến đường",
                             responsible=hanoi, due_on=dt.date(2026, 12, 1))  # fmt: skip
    tour = commitment_create(agreement=a, by=admin_user, text="Kết nối tour Sầm Sơn",
                             responsible=thanhhoa, due_on=dt.date(2027, 1, 15))  # fmt: skip
    later = commitment_create(agreement=a, by=admin_user, text="Trao đổi cán bộ",
                              due_on=dt.date(2027, 12, 31))  # fmt: skip
    return {"road": road, "tour": tour, "later": later}


def _run(*args: str) -> str:
    out = StringIO()
    call_command("remind", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_it_sends_each_side_its_digest_through_smtp(smtp_server, items, admin_user):
    rows = json.loads(_run("--today", TODAY, "--json"))
    by_to = {r["to"]: r for r in rows}
    assert by_to["alice@hanoi.gov.vn"] == {
        "to": "alice@hanoi.gov.vn", "overdue": [items["road"].pk], "due_soon": [], "stale": [],
    }  # fmt: skip
    assert by_to["bob@thanhhoa.gov.vn"]["due_soon"] == [items["tour"].pk]
    assert by_to["bob@thanhhoa.gov.vn"]["overdue"] == []
    messages = {m["To"]: m for m in smtp_server.messages()}
    assert set(messages) == {"alice@hanoi.gov.vn", "bob@thanhhoa.gov.vn"}
    alice_mail = messages["alice@hanoi.gov.vn"]
    assert "quá hạn" in alice_mail["Subject"]
    text = alice_mail.get_body(("plain",)).get_content()
    assert "Xây dựng tuyến đường" in text and "Kết nối tour" not in text
    assert f"https://hoptac.example.vn/commitments/{items['road'].pk}/" in text
    assert "https://hoptac.example.vn/tasks/" in text
    html = alice_mail.get_body(("html",)).get_content()
    assert f'href="https://hoptac.example.vn/commitments/{items["road"].pk}/"' in html


def test_a_second_run_the_same_day_sends_nothing_new(smtp_server, items):
    _run("--today", TODAY)
    assert len(smtp_server.envelopes) == 2
    assert json.loads(_run("--today", TODAY, "--json")) == []
    assert len(smtp_server.envelopes) == 2
    # A new overdue item the same day is sent, alone.
    items["later"].due_on = dt.date(2026, 12, 30)
    items["later"].save()
    rows = json.loads(_run("--today", TODAY, "--json"))
    assert sorted(r["to"] for r in rows) == ["alice@hanoi.gov.vn", "bob@thanhhoa.gov.vn"]
    assert all(r["overdue"] == [items["later"].pk] and not r["due_soon"] for r in rows)
    # The next day everything still open is listed again.
    assert len(json.loads(_run("--today", "2027-01-02", "--json"))) == 2


def test_a_dry_run_sends_and_records_nothing(smtp_server, items):
    rows = json.loads(_run("--today", TODAY, "--dry-run", "--json"))
    assert len(rows) == 2
    assert smtp_server.envelopes == [] and not ReminderSent.objects.exists()


def test_the_digest_is_in_the_recipients_language(smtp_server, items, alice):
    preference_set(user=alice, language="en")
    _run("--today", TODAY)
    mail = next(m for m in smtp_server.messages() if m["To"] == "alice@hanoi.gov.vn")
    text = mail.get_body(("plain",)).get_content()
    assert "Overdue" in mail["Subject"] or "overdue" in mail["Subject"]
    assert "Dear" in text and "Kính gửi" not in text


def test_a_focal_point_leader_with_an_address_is_reminded(
    smtp_server, items, admin_user, bob, thanhhoa, hanoi_thanhhoa
):
    leader = person_get_or_create(full_name="Lê Văn Tùng", by=admin_user)
    focal_point_set(partnership=hanoi_thanhhoa, locality=thanhhoa, by=admin_user, person=leader)
    contact_set(person=leader, by=admin_user, email="tung@thanhhoa.gov.vn")
    rows = {r["to"]: r for r in json.loads(_run("--today", TODAY, "--json"))}
    assert rows["tung@thanhhoa.gov.vn"]["due_soon"] == [items["tour"].pk]
    assert rows["tung@thanhhoa.gov.vn"]["overdue"] == []


def test_an_item_not_updated_for_90_days_is_stale(smtp_server, items, settings):
    later = Commitment.objects.get(pk=items["later"].pk)
    rows = {r["to"]: r for r in json.loads(_run("--today", "2027-09-01", "--dry-run", "--json"))}
    assert later.pk in rows["alice@hanoi.gov.vn"]["stale"]
    settings.HOPTAC_STALE_DAYS = 400
    rows = {r["to"]: r for r in json.loads(_run("--today", "2027-09-01", "--dry-run", "--json"))}
    assert later.pk not in rows["alice@hanoi.gov.vn"]["stale"]


def test_a_viewer_and_a_user_without_address_get_nothing(smtp_server, items, victor):
    victor.email = "victor@hanoi.gov.vn"
    victor.save()
    rows = json.loads(_run("--today", TODAY, "--json"))
    assert "victor@hanoi.gov.vn" not in {r["to"] for r in rows}


def test_it_refuses_a_bad_day():
    with pytest.raises(CommandError, match="--today"):
        _run("--today", "01/01/2027")


def test_a_refused_delivery_is_reported_and_retried(items, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", 9  # nothing listens there
    settings.EMAIL_TIMEOUT = 2
    with pytest.raises(CommandError, match="not sent"):
        _run("--today", TODAY)
    assert not ReminderSent.objects.exists()
