"""The dashboard: a locality's partners, key figures, charts' data, commitments falling due."""

from __future__ import annotations

import json
import re

import pytest

pytestmark = pytest.mark.django_db


def _chart(response) -> dict:
    m = re.search(
        r'<script id="dashboard-data" type="application/json">(.*?)</script>',
        response.content.decode(),
        re.S,
    )
    return json.loads(m.group(1))


def test_it_shows_hanoi_and_its_partners_by_default(client, programme):
    r = client.get("/")
    assert r.status_code == 200
    body = r.content.decode()
    assert "Hợp tác của Hà Nội" in body
    assert "Thanh Hóa" in body
    chart = _chart(r)
    assert chart["map"] == "vn34"
    codes = {p["name"]: p for p in chart["partners"]}
    assert codes["38"]["capital"] == 45_500  # tỷ đồng, Thanh Hóa's new code is 38
    assert codes["38"]["grants"] == 3


def test_it_counts_an_old_unit_under_todays_unit(client, hanoi_hanam):
    body = client.get("/").content.decode()
    assert "Ninh Bình" in body
    assert "Hà Nam (nay thuộc Ninh Bình)" not in body


def test_it_shows_units_of_the_time_on_request(client, hanoi_hanam):
    r = client.get("/?units=historic")
    body = r.content.decode()
    assert "Hà Nam (nay thuộc Ninh Bình)" in body
    assert _chart(r)["map"] == "vn63"


def test_it_lists_overdue_commitments(client, programme):
    body = client.get("/").content.decode()
    assert "Xây dựng tuyến đường kết nối" in body


def test_it_hides_unpublished_partnerships_from_anonymous_users(client, admin_user, programme):
    from hoptac.partnerships.services import partnership_update

    partnership_update(programme, by=admin_user, is_published=False)
    assert "Xây dựng tuyến đường" not in client.get("/").content.decode()


def test_it_shows_unpublished_partnerships_to_their_sides(client, admin_user, alice, programme):
    from hoptac.partnerships.services import partnership_update

    partnership_update(programme, by=admin_user, is_published=False)
    client.force_login(alice)
    assert "Xây dựng tuyến đường" in client.get("/").content.decode()


def test_it_picks_another_locality(client, programme):
    r = client.get("/?locality=2025-38")
    assert "Hợp tác của Thanh Hóa" in r.content.decode()
