"""The meeting page and its participants, edited in place."""

from __future__ import annotations

import datetime as dt

import pytest

from hoptac.partnerships.models import MeetingParticipant, Person
from hoptac.partnerships.services import (
    meeting_create,
    participant_add,
    person_get_or_create,
)

pytestmark = pytest.mark.django_db
HX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def meeting(programme):
    return programme.meetings.get()


def _add(client, meeting, **data):
    return client.post(f"/meetings/{meeting.pk}/participants/", data, **HX)


def test_an_editor_adds_a_new_person_with_title_side_and_role(client, alice, meeting, hanoi):
    client.force_login(alice)
    r = _add(client, meeting, person_name="Đinh Tiến Dũng", titles="Bí thư Thành ủy Hà Nội",
             locality=hanoi.pk, role="co_chair")  # fmt: skip
    assert r.status_code == 200
    row = MeetingParticipant.objects.get(meeting=meeting)
    assert (row.person.full_name, row.titles, row.locality, row.role) == (
        "Đinh Tiến Dũng", ["Bí thư Thành ủy Hà Nội"], hanoi, "co_chair")  # fmt: skip
    assert "Đồng chủ trì" in r.content.decode()


def test_it_picks_an_existing_person_found_without_accents(client, alice, admin_user, meeting):
    person = person_get_or_create(full_name="Đỗ Trọng Hưng", by=admin_user)
    client.force_login(alice)
    found = client.get("/people/search/", {"person_name": "do trong hung"})
    assert f'data-person-id="{person.pk}"' in found.content.decode()
    r = _add(client, meeting, person=person.pk, person_name="Đỗ Trọng Hưng", role="chair")
    assert r.status_code == 200
    assert Person.objects.filter(full_name="Đỗ Trọng Hưng").count() == 1
    assert meeting.participants.get().person == person


def test_it_rejects_a_participant_without_a_name(client, alice, meeting):
    client.force_login(alice)
    r = _add(client, meeting, person_name=" ", role="attendee")
    assert r.status_code == 400
    assert "Họ và tên" in r.content.decode()
    assert not meeting.participants.exists()


def test_it_rejects_a_side_that_is_not_the_partnerships(client, alice, meeting, hatinh):
    client.force_login(alice)
    r = _add(client, meeting, person_name="Nguyễn Văn A", locality=hatinh.pk, role="attendee")
    assert r.status_code == 400
    assert not meeting.participants.exists()


def test_the_page_groups_participants_by_side(client, admin_user, meeting, hanoi, thanhhoa):
    for name, side, role in (("Đinh Tiến Dũng", hanoi, "co_chair"),
                             ("Đỗ Trọng Hưng", thanhhoa, "co_chair"),
                             ("Nguyễn Văn Thi", thanhhoa, "reporter")):  # fmt: skip
        participant_add(meeting=meeting, by=admin_user, locality=side, role=role,
                        person=person_get_or_create(full_name=name, by=admin_user))  # fmt: skip
    html = client.get(f"/meetings/{meeting.pk}/").content.decode()
    assert html.index("Đinh Tiến Dũng") < html.index("Thanh Hóa</h3>") < html.index("Báo cáo")
    assert "Kết luận hội nghị 12 nội dung" in html  # the agreement concluded there


def test_an_editor_edits_moves_and_removes_a_participant(client, alice, admin_user, meeting):
    a = participant_add(meeting=meeting, by=admin_user,
                        person=person_get_or_create(full_name="Người A", by=admin_user))  # fmt: skip
    b = participant_add(meeting=meeting, by=admin_user,
                        person=person_get_or_create(full_name="Người B", by=admin_user))  # fmt: skip
    client.force_login(alice)
    client.post(f"/participants/{b.pk}/move/", {"dir": "up"}, **HX)
    assert list(meeting.participants.values_list("person__full_name", flat=True)) == [
        "Người B", "Người A"]  # fmt: skip
    r = client.post(f"/participants/{a.pk}/edit/", {"titles": "Phó Chủ tịch; Ủy viên",
                                                    "role": "speaker", "locality": ""}, **HX)  # fmt: skip
    assert r.status_code == 200
    a.refresh_from_db()
    assert (a.titles, a.role) == (["Phó Chủ tịch", "Ủy viên"], "speaker")
    client.post(f"/participants/{a.pk}/remove/", **HX)
    assert list(meeting.participants.values_list("person__full_name", flat=True)) == ["Người B"]


def test_a_viewer_sees_no_edit_controls_and_cannot_post(client, victor, meeting):
    client.force_login(victor)
    html = client.get(f"/meetings/{meeting.pk}/").content.decode()
    assert "participant-add" not in html and "Sửa cuộc họp" not in html
    assert _add(client, meeting, person_name="X", role="attendee").status_code == 403
    assert not meeting.participants.exists()


def test_a_persons_page_lists_the_titles_held_at_each_meeting(client, admin_user, programme):
    m1 = programme.meetings.get()
    m2 = meeting_create(partnership=programme, by=admin_user, title="Hội nghị 2023",
                        held_on=dt.date(2023, 4, 1))  # fmt: skip
    p = person_get_or_create(full_name="Nguyễn Văn A", by=admin_user)
    participant_add(meeting=m1, person=p, by=admin_user, titles=["Phó Chủ tịch UBND"])
    participant_add(meeting=m2, person=p, by=admin_user, titles=["Chủ tịch UBND"], role="chair")
    html = client.get(f"/people/{p.pk}/").content.decode()
    assert html.index("Hội nghị 2023") < html.index("Hội nghị hợp tác Hà Nội")
    assert "Chủ tịch UBND" in html and "Phó Chủ tịch UBND" in html


def test_an_editor_creates_a_meeting_far_ahead_only_when_confirmed(client, alice, hanoi_thanhhoa):
    client.force_login(alice)
    data = {"partnership": hanoi_thanhhoa.pk, "kind": "conference", "title": "Hội nghị",
            "held_on": "2099-01-01"}  # fmt: skip
    r = client.post("/meetings/new/", data)
    assert r.status_code == 400
    assert "Xác nhận ngày ở xa" in r.content.decode()
    r = client.post("/meetings/new/", {**data, "confirm_far_dates": "on"})
    assert r.status_code == 302
