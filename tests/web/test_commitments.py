"""The commitment tracker and the status change with a note."""

from __future__ import annotations

import pytest

from hoptac.partnerships.models import Commitment, StatusChange

pytestmark = pytest.mark.django_db


def _road():
    return Commitment.objects.get(text__startswith="Xây dựng tuyến đường")


def test_it_lists_overdue_commitments_first(client, programme):
    body = client.get("/commitments/").content.decode()
    assert body.index("Xây dựng tuyến đường") < body.index("Đón đoàn du lịch")
    assert "quá hạn" in body


def test_it_filters_by_status_and_field(client, programme):
    body = client.get("/commitments/?status=overdue").content.decode()
    assert "Xây dựng tuyến đường" in body and "Đón đoàn du lịch" not in body
    body = client.get("/commitments/?field=tourism").content.decode()
    assert "Xây dựng tuyến đường" not in body and "Đón đoàn du lịch" in body


def test_it_filters_by_responsible_side(client, programme):
    body = client.get("/commitments/?side=2025-38").content.decode()
    assert "Đón đoàn du lịch" in body and "Xây dựng tuyến đường" not in body


def test_it_answers_htmx_with_the_results_only(client, programme):
    r = client.get("/commitments/?status=open", headers={"HX-Request": "true"})
    assert "<html" not in r.content.decode()
    assert "HX-Request" in r["Vary"]


def test_it_changes_the_status_with_a_note(client, alice, programme):
    c = _road()
    client.force_login(alice)
    r = client.post(
        f"/commitments/{c.pk}/status/",
        {"status": "in_progress", "note": "Đã khởi công", "version": c.version},
    )
    assert r.status_code == 302
    c.refresh_from_db()
    assert c.status == "in_progress"
    change = StatusChange.objects.get(commitment=c)
    assert change.note == "Đã khởi công" and change.changed_by == alice
    body = client.get(f"/commitments/{c.pk}/").content.decode()
    assert "Đã khởi công" in body


def test_it_swaps_the_row_for_htmx(client, alice, programme):
    c = _road()
    client.force_login(alice)
    r = client.post(
        f"/commitments/{c.pk}/status/", {"status": "done", "note": "Đã xong", "version": c.version},
        headers={"HX-Request": "true"},
    )  # fmt: skip
    body = r.content.decode()
    assert body.strip().startswith("<tr") and "Hoàn thành" in body


def test_it_refuses_a_viewers_post(client, victor, programme):
    c = _road()
    client.force_login(victor)
    r = client.post(f"/commitments/{c.pk}/status/", {"status": "done"})
    assert r.status_code == 403
    assert _road().status == "planned"


def test_it_refuses_the_other_sides_editor(client, bob, programme):
    c = _road()  # Hà Nội's
    client.force_login(bob)
    assert client.post(f"/commitments/{c.pk}/status/", {"status": "done"}).status_code == 403


def test_it_shows_no_status_form_to_a_viewer(client, victor, programme):
    client.force_login(victor)
    assert "commitment_status" not in client.get("/commitments/").content.decode()
    assert 'name="note"' not in client.get("/commitments/").content.decode()


def test_it_refuses_a_stale_version(client, alice, programme):
    c = _road()
    client.force_login(alice)
    r = client.post(
        f"/commitments/{c.pk}/status/",
        {"status": "done", "note": "Xong", "version": c.version - 1 if c.version > 1 else 99},
    )
    assert r.status_code == 400
    assert "người khác sửa" in r.content.decode()
    assert _road().status == "planned"


def test_it_refuses_anonymous_posts(client, programme):
    assert client.post(f"/commitments/{_road().pk}/status/", {"status": "done"}).status_code == 403
