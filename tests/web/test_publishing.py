"""Publishing is a decision: a new partnership starts unpublished, and publishing or withdrawing
it is its own action, by an editor of a side, kept in the history."""

from __future__ import annotations

import pytest

from hoptac.partnerships.models import Partnership
from tests.conftest import locality

pytestmark = pytest.mark.django_db


def test_a_partnership_made_on_the_web_starts_unpublished(client, alice, hanoi):
    client.force_login(alice)
    r = client.post("/partnerships/new/", {
        "first": hanoi.pk, "second": locality("Hà Tĩnh").pk, "name": "",
    })  # fmt: skip
    assert r.status_code == 302, r.content.decode()[:1500]
    p = Partnership.objects.get()
    assert p.is_published is False
    client.logout()
    assert client.get(f"/partnerships/{p.pk}/").status_code == 404


def test_the_edit_form_offers_no_publish_checkbox(client, alice, hanoi_thanhhoa):
    client.force_login(alice)
    body = client.get(f"/partnerships/{hanoi_thanhhoa.pk}/edit/").content.decode()
    assert 'name="is_published"' not in body


def _publish(client, p, value: str):
    return client.post(f"/partnerships/{p.pk}/publish/", {"published": value, "version": p.version})


def test_an_editor_publishes_and_the_history_says_who(client, alice, admin_user, hanoi_thanhhoa):
    from hoptac.partnerships.services import partnership_update

    p = partnership_update(hanoi_thanhhoa, by=admin_user, is_published=False)
    client.force_login(alice)
    assert _publish(client, p, "1").status_code == 302
    p.refresh_from_db()
    assert p.is_published is True
    last = p.history.order_by("-history_date").first()
    assert last.history_user == alice and last.is_published is True
    client.logout()
    assert client.get(f"/partnerships/{p.pk}/").status_code == 200


def test_a_viewer_cannot_withdraw_a_partnership(client, victor, hanoi_thanhhoa):
    client.force_login(victor)
    assert _publish(client, hanoi_thanhhoa, "0").status_code == 403
    hanoi_thanhhoa.refresh_from_db()
    assert hanoi_thanhhoa.is_published is True


def test_a_stale_page_does_not_flip_it_back(client, alice, hanoi_thanhhoa):
    client.force_login(alice)
    stale = hanoi_thanhhoa.version
    _publish(client, hanoi_thanhhoa, "0")
    client.post(f"/partnerships/{hanoi_thanhhoa.pk}/publish/", {"published": "1", "version": stale})
    hanoi_thanhhoa.refresh_from_db()
    assert hanoi_thanhhoa.is_published is False
