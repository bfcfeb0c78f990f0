"""A reviewer accepts, edits and rejects facts of a document in a real browser (htmx, no reload)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from hoptac.documents.models import FactKind, ReviewState
from hoptac.documents.services import document_ingest
from hoptac.grants.models import Grant
from tests.documents.conftest import fake_extractor, make_report

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _units(transactional_db):
    """A transactional test empties the tables after itself, the migrated units included."""
    from hoptac.localities.services import localities_load

    localities_load()


@pytest.fixture
def document(admin_user):
    text, facts = make_report()
    return document_ingest(
        data=text.encode(), filename="a.txt", by=admin_user, extractor=fake_extractor(facts)
    ).document


def test_a_reviewer_accepts_edits_and_rejects_facts(
    page, live_server, login, axe_check, rita, document
):
    grant = document.facts.get(kind=FactKind.GRANT)
    person = document.facts.get(kind=FactKind.PERSON)
    investment = document.facts.get(kind=FactKind.INVESTMENT)
    login(page, live_server, "rita", "rita-pass-123", next_url=f"/documents/{document.pk}/")
    page.evaluate("window.__noReload = true")

    expect(page.locator(f"#fact-{grant.pk}")).to_be_visible()
    assert axe_check(page) == []

    # from the fact to its evidence, and back
    page.locator(f"#fact-{grant.pk} a.to-evidence").first.click()
    expect(page.locator(f"#span-{grant.pk}-0")).to_be_focused()
    assert "current" in (page.locator(f"#span-{grant.pk}-0").get_attribute("class") or "")
    page.keyboard.press("Enter")
    expect(page.locator(f"#fact-{grant.pk}")).to_be_focused()

    # edit with a bad amount: the field is named, nothing saved
    page.locator(f"#fact-{grant.pk} .act-edit").click()
    amount = page.locator(f"#f{grant.pk}-amount_vnd")
    amount.fill("ba tỷ")
    page.locator(f"#f{grant.pk}-form button[name=save]").click()
    expect(page.locator(f"#f{grant.pk}-errors")).to_contain_text("Số tiền (đồng)")
    assert axe_check(page) == []

    # a good amount, saved and accepted in one go
    page.locator(f"#f{grant.pk}-amount_vnd").fill("5.000.000.000")
    page.locator(f"#f{grant.pk}-form button[name=accept]").click()
    expect(page.locator("#facts-status")).to_contain_text("Đã sửa và chấp nhận")
    expect(page.locator(f"#fact-{grant.pk}")).to_contain_text("Đã chấp nhận")

    # reject with the keyboard: focus the card, press r
    page.locator(f"#fact-{person.pk}").focus()
    page.keyboard.press("r")
    expect(page.locator(f"#fact-{person.pk}")).to_contain_text("Đã loại")

    # accept with a click
    page.locator(f"#fact-{investment.pk} .act-accept").click()
    expect(page.locator(f"#fact-{investment.pk}")).to_contain_text("Đã chấp nhận")

    assert page.evaluate("window.__noReload") is True  # htmx swapped; the page never reloaded
    assert page.console_errors == []
    assert Grant.objects.get().amount_vnd == 5_000_000_000
    person.refresh_from_db()
    assert person.state == ReviewState.REJECTED


def test_accept_all_accepts_every_remaining_fact(page, live_server, login, rita, document):
    login(page, live_server, "rita", "rita-pass-123", next_url=f"/documents/{document.pk}/")

    page.locator("#accept-all").click()

    expect(page.locator("#facts-status")).to_contain_text("Đã chấp nhận")
    assert not document.facts.filter(state=ReviewState.PROPOSED).exists()
    assert page.console_errors == []
