"""Reading registers: lists with filters and pages, details, published data only for anonymous."""

from __future__ import annotations

import pytest

from hoptac.lib.registers import registers
from hoptac.partnerships.services import partnership_update


@pytest.mark.parametrize("name", [s for s, r in registers().items() if r.schemas])
def test_every_register_lists(client, agreement, name):
    response = client.get(f"/api/v1/{name}?limit=5")
    assert response.status_code == 200, response.content
    body = response.json()
    assert set(body) == {"items", "count"}


def test_it_lists_commitments_filtered_by_status_and_paged(client, agreement):
    body = client.get("/api/v1/commitments?status=planned&limit=2&offset=0").json()
    assert body["count"] == 3 and len(body["items"]) == 2
    assert client.get("/api/v1/commitments?status=done").json()["count"] == 0
    one = client.get(f"/api/v1/commitments/{body['items'][0]['id']}").json()
    assert one["number"] == 1 and one["status"] == "planned"


def test_it_filters_localities_by_text_without_accents(client, db):
    body = client.get("/api/v1/localities?q=thanh hoa").json()
    assert any(item["name"] == "Thanh Hóa" for item in body["items"])


def test_anonymous_readers_do_not_see_unpublished_partnerships(
    client, agreement, admin_user, victor
):
    partnership_update(agreement.partnership, by=admin_user, is_published=False)
    assert client.get("/api/v1/commitments").json()["count"] == 0
    assert client.get(f"/api/v1/partnerships/{agreement.partnership_id}").status_code == 404
    client.force_login(victor)  # a viewer of Hà Nội, a side of it
    assert client.get("/api/v1/commitments").json()["count"] == 3


def test_documents_are_for_signed_in_users(client, db):
    assert client.get("/api/v1/documents").json()["count"] == 0


def test_an_unknown_token_is_refused(client, db):
    response = client.get("/api/v1/partnerships", HTTP_AUTHORIZATION="Bearer nope")
    assert response.status_code == 401
