"""The registers: lists with constant query counts, forms with named errors, permissions,
and concurrent edits refused."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from hoptac.activities.services import activity_create
from hoptac.grants.services import grant_create
from hoptac.investments.services import project_create, snapshot_create
from hoptac.partnerships.models import Meeting
from hoptac.partnerships.services import (
    agency_get_or_create,
    agreement_create,
    meeting_create,
    person_get_or_create,
    request_create,
)

pytestmark = pytest.mark.django_db

LISTS = ["partnerships", "meetings", "agreements", "projects", "snapshots", "grants",
         "activities", "requests", "documents", "people", "agencies"]  # fmt: skip


def _add_rows(n: int, by, p, hanoi, thanhhoa) -> None:
    for i in range(n):
        d = dt.date(2019, 1, 1) + dt.timedelta(days=i)
        meeting_create(partnership=p, by=by, title=f"Họp {i}", held_on=d, host=hanoi)
        agreement_create(partnership=p, by=by, kind="minutes", title=f"Biên bản {i}", signed_on=d)
        project_create(by=by, partnership=p, name=f"Dự án {i}", origin=hanoi, host=thanhhoa,
                       capital_vnd=10**9)  # fmt: skip
        snapshot_create(partnership=p, by=by, origin=hanoi, host=thanhhoa, projects=i,
                        reported_on=d)  # fmt: skip
        grant_create(partnership=p, by=by, donor=hanoi, recipient=thanhhoa, amount_vnd=10**9)
        activity_create(partnership=p, by=by, kind="trade_fair", title=f"Hội chợ {i}")
        request_create(partnership=p, by=by, from_locality=thanhhoa, to_locality=hanoi,
                       text=f"Đề nghị {i}")  # fmt: skip
        person_get_or_create(full_name=f"Nguyễn Văn {chr(65 + i)}", by=by)
        agency_get_or_create(locality=hanoi, name=f"Sở số {i}", by=by)


def _count(client, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("register", LISTS)
def test_its_list_query_count_does_not_grow_with_rows(
    client, admin_user, hanoi, thanhhoa, hanoi_thanhhoa, register
):
    client.force_login(admin_user)
    _add_rows(2, admin_user, hanoi_thanhhoa, hanoi, thanhhoa)
    few = _count(client, f"/{register}/")
    _add_rows(6, admin_user, hanoi_thanhhoa, hanoi, thanhhoa)
    assert _count(client, f"/{register}/") == few


def test_the_tracker_query_count_does_not_grow_with_rows(
    client, admin_user, programme, django_assert_num_queries
):
    from hoptac.partnerships.models import Agreement
    from hoptac.partnerships.services import commitment_create

    client.force_login(admin_user)
    few = _count(client, "/commitments/")
    agreement = Agreement.objects.get()
    for i in range(5):
        commitment_create(agreement=agreement, by=admin_user, text=f"Nội dung {i}")
    with django_assert_num_queries(few):
        client.get("/commitments/")


def test_it_filters_and_sorts_a_list(client, admin_user, hanoi, thanhhoa, hanoi_thanhhoa):
    _add_rows(3, admin_user, hanoi_thanhhoa, hanoi, thanhhoa)
    body = client.get("/meetings/?sort=held_on").content.decode()
    assert body.index("Họp 0") < body.index("Họp 2")
    body = client.get("/meetings/?q=Họp 1").content.decode()
    assert "Họp 1" in body and "Họp 2" not in body


def test_it_links_to_the_export_with_the_filters(client, programme):
    body = client.get("/grants/?year=2019").content.decode()
    assert "/reports/export/grants.xlsx?year=2019" in body


def test_it_creates_a_meeting(client, alice, hanoi_thanhhoa):
    client.force_login(alice)
    r = client.post("/meetings/new/", {
        "partnership": hanoi_thanhhoa.pk, "kind": "conference", "title": "Hội nghị sơ kết",
        "held_on": "2020-05-04",
    })  # fmt: skip
    assert r.status_code == 302
    assert Meeting.objects.get().title == "Hội nghị sơ kết"


def test_it_names_the_field_in_its_messages(client, alice, hanoi_thanhhoa):
    client.force_login(alice)
    r = client.post("/meetings/new/", {"partnership": hanoi_thanhhoa.pk, "kind": "conference"})
    assert r.status_code == 400
    assert "Tiêu đề:" in r.content.decode()
    assert not Meeting.objects.exists()


def test_it_refuses_a_viewers_post(client, victor, hanoi_thanhhoa):
    client.force_login(victor)
    r = client.post("/meetings/new/", {"partnership": hanoi_thanhhoa.pk, "kind": "conference",
                                       "title": "x"})  # fmt: skip
    assert r.status_code == 403
    assert not Meeting.objects.exists()


def test_it_shows_a_viewer_no_edit_controls(client, victor, programme):
    client.force_login(victor)
    meeting = Meeting.objects.get()
    assert "/meetings/new/" not in client.get("/meetings/").content.decode()
    assert (
        f"/meetings/{meeting.pk}/edit/"
        not in client.get(f"/meetings/{meeting.pk}/").content.decode()
    )
    assert client.post(f"/meetings/{meeting.pk}/edit/", {"title": "x"}).status_code == 403


def test_it_refuses_an_editor_outside_the_sides(client, django_user_model, hatinh, programme):
    from hoptac.accounts.models import Membership

    carol = django_user_model.objects.create_user("carol", password="carol-pass-123")
    Membership.objects.create(user=carol, locality=hatinh, role="editor")
    client.force_login(carol)
    meeting = Meeting.objects.get()
    r = client.post(f"/meetings/{meeting.pk}/edit/", {"kind": "conference", "title": "x",
                                                      "version": meeting.version})  # fmt: skip
    assert r.status_code == 403


def test_it_refuses_the_later_of_two_edits(client, alice, django_user_model, programme):
    meeting = Meeting.objects.get()
    form = {"kind": "conference", "held_on": "2019-11-16", "version": meeting.version}
    client.force_login(alice)
    first = client.post(f"/meetings/{meeting.pk}/edit/", {**form, "title": "Bản của An"})
    assert first.status_code == 302
    second = client.post(f"/meetings/{meeting.pk}/edit/", {**form, "title": "Bản của Bình"})
    assert second.status_code == 409
    assert "người khác sửa" in second.content.decode()
    meeting.refresh_from_db()
    assert meeting.title == "Bản của An"


def test_anonymous_users_see_only_published_partnerships(client, admin_user, programme):
    from hoptac.partnerships.services import partnership_update

    partnership_update(programme, by=admin_user, is_published=False)
    assert "Hội nghị hợp tác Hà Nội" not in client.get("/meetings/").content.decode()
    assert client.get(f"/partnerships/{programme.pk}/").status_code == 404
    assert client.get(f"/meetings/{Meeting.objects.get().pk}/").status_code == 404


def test_documents_need_a_signed_in_user(client):
    assert client.get("/documents/").status_code in (302, 403)


def test_it_shows_the_record_and_its_history(client, alice, programme):
    client.force_login(alice)
    meeting = Meeting.objects.get()
    body = client.get(f"/meetings/{meeting.pk}/").content.decode()
    assert "Lịch sử thay đổi" in body and f"/meetings/{meeting.pk}/edit/" in body
