"""Follow-up from the web: the status form, bulk updates, stale items, progress notes with
evidence, focal points."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from hoptac.partnerships.models import Agency, Commitment, FocalPoint, StatusChange
from hoptac.partnerships.services import agency_get_or_create
from hoptac.reminders.models import FieldChange, PersonContact

pytestmark = pytest.mark.django_db


def _road():
    return Commitment.objects.get(text__startswith="Xây dựng tuyến đường")


def _tour():
    return Commitment.objects.get(text__startswith="Đón đoàn du lịch")


def test_the_status_form_starts_on_the_current_status(client, alice, programme):
    client.force_login(alice)
    body = client.get(f"/commitments/{_road().pk}/").content.decode()
    assert '<option value="planned" selected>' in body


def test_done_without_a_note_is_refused_naming_the_note(client, alice, programme):
    c = _road()
    client.force_login(alice)
    r = client.post(f"/commitments/{c.pk}/status/", {"status": "done", "version": c.version})
    assert r.status_code == 400
    assert "Hãy ghi chú lý do" in r.content.decode()
    assert _road().status == "planned" and not StatusChange.objects.exists()


def test_the_same_status_again_changes_nothing(client, alice, programme):
    c = _road()
    client.force_login(alice)
    r = client.post(f"/commitments/{c.pk}/status/", {"status": "planned"})
    assert r.status_code == 400 and not StatusChange.objects.exists()


def test_bulk_update_changes_two_items_each_with_its_own_history_row(client, admin_user, programme):
    client.force_login(admin_user)
    ids = [_road().pk, _tour().pk]
    r = client.post(
        "/commitments/bulk/",
        {"ids": ids, "status": "in_progress", "due_on": "2027-06-30", "note": "Rà soát quý IV"},
    )
    assert r.status_code == 302
    for c in Commitment.objects.filter(pk__in=ids):
        assert c.status == "in_progress" and c.due_on == dt.date(2027, 6, 30)
        assert c.status_changes.get().note == "Rà soát quý IV"
        assert FieldChange.objects.get(commitment=c, field="due_on").note == "Rà soát quý IV"
    body = client.get(f"/commitments/{ids[0]}/").content.decode()
    assert "30/06/2027" in body and "Rà soát quý IV" in body


def test_bulk_update_is_all_or_nothing(client, alice, programme):
    client.force_login(alice)  # Hà Nội's editor: the tour is Thanh Hóa's
    r = client.post(
        "/commitments/bulk/", {"ids": [_road().pk, _tour().pk], "status": "in_progress"},
        follow=True,
    )  # fmt: skip
    body = r.content.decode()
    assert "Chưa cập nhật nội dung nào" in body and "Đón đoàn du lịch" in body
    assert _road().status == "planned" and not StatusChange.objects.exists()


def test_bulk_done_needs_the_note(client, admin_user, programme):
    client.force_login(admin_user)
    r = client.post("/commitments/bulk/", {"ids": [_road().pk], "status": "done"}, follow=True)
    assert "Hãy ghi chú lý do" in r.content.decode()
    assert _road().status == "planned"


def test_bulk_sets_the_lead_agency_of_its_side(client, alice, hanoi, programme):
    agency = agency_get_or_create(locality=hanoi, name="Sở Giao thông vận tải", by=alice)
    client.force_login(alice)
    client.post(
        "/commitments/bulk/", {"ids": [_road().pk], "agency": agency.pk, "note": "Phân công"}
    )
    assert [lead.agency for lead in _road().leads.all()] == [agency]
    change = FieldChange.objects.get(commitment=_road())
    assert change.new == "Sở Giao thông vận tải" and change.note == "Phân công"


def test_bulk_refuses_a_bad_date_naming_it(client, admin_user, programme):
    client.force_login(admin_user)
    r = client.post(
        "/commitments/bulk/", {"ids": [_road().pk], "due_on": "31/02/2027"}, follow=True
    )
    assert "Ngày không hợp lệ" in r.content.decode()


def test_a_viewer_sees_no_bulk_form_and_cannot_post_it(client, victor, programme):
    client.force_login(victor)
    assert 'id="bulk-form"' not in client.get("/commitments/").content.decode()
    r = client.post(
        "/commitments/bulk/", {"ids": [_road().pk], "status": "in_progress"}, follow=True
    )
    assert _road().status == "planned"
    assert "Chưa cập nhật nội dung nào" in r.content.decode()


def test_an_item_not_updated_for_90_days_is_marked_in_the_tracker(client, programme, settings):
    long_ago = timezone.now() - dt.timedelta(days=120)
    Commitment.objects.filter(pk=_road().pk).update(updated_at=long_ago)
    body = client.get("/commitments/").content.decode()
    assert "chưa cập nhật 120 ngày" in body
    assert _road().stale_days() == 120
    settings.HOPTAC_STALE_DAYS = 200
    assert _road().stale_days() is None


def test_a_progress_note_keeps_its_evidence_file(client, alice, hanoi, programme):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(alice)
    upload = SimpleUploadedFile("bien-ban.pdf", b"%PDF-1.4 minh chung", "application/pdf")
    r = client.post(
        f"/commitments/{_road().pk}/notes/",
        {"locality": hanoi.pk, "text": "Đã khởi công đoạn 1", "evidence_file": upload},
    )
    assert r.status_code == 302
    note = _road().notes.get()
    assert note.evidence_document.filename == "bien-ban.pdf"
    body = client.get(f"/commitments/{_road().pk}/").content.decode()
    assert "Đã khởi công đoạn 1" in body
    got = client.get(f"/commitments/notes/{note.pk}/evidence/")
    assert b"".join(got.streaming_content) == b"%PDF-1.4 minh chung"
    assert "attachment" in got["Content-Disposition"]


def test_a_progress_note_of_the_other_side_is_refused(client, alice, thanhhoa, programme):
    client.force_login(alice)
    r = client.post(f"/commitments/{_road().pk}/notes/", {"locality": thanhhoa.pk, "text": "x"})
    assert r.status_code == 403 and not _road().notes.exists()


def test_an_empty_progress_note_is_refused_naming_the_text(client, alice, hanoi, programme):
    client.force_login(alice)
    r = client.post(
        f"/commitments/{_road().pk}/notes/", {"locality": hanoi.pk, "text": " "}, follow=True
    )
    assert "Hãy nhập nội dung tiến độ" in r.content.decode()


def test_an_editor_sets_the_focal_point_of_their_side(client, bob, thanhhoa, programme):
    client.force_login(bob)
    url = f"/partnerships/{programme.pk}/focal/{thanhhoa.pk}/"
    r = client.post(
        url,
        {"agency": "Sở Tài chính", "person": "Lê Văn Tùng", "person_title": "Phó Giám đốc",
         "role": "theo dõi chung", "email": "tung@thanhhoa.gov.vn", "language": "vi"},
        headers={"HX-Request": "true"},
    )  # fmt: skip
    assert r.status_code == 200 and "Đã lưu đầu mối" in r.content.decode()
    fp = FocalPoint.objects.get(partnership=programme, locality=thanhhoa)
    assert fp.agency == Agency.objects.get(name="Sở Tài chính", locality=thanhhoa)
    assert fp.person.full_name == "Lê Văn Tùng"
    assert PersonContact.objects.get(person=fp.person).email == "tung@thanhhoa.gov.vn"
    client.post(
        url, {"agency": "Sở Tài chính", "person": "Lê Văn Tùng", "person_title": "Giám đốc"}
    )
    assert fp.history.count() == 2
    body = client.get(f"/partnerships/{programme.pk}/").content.decode()
    assert "Lê Văn Tùng" in body and "Giám đốc" in body


def test_an_editor_cannot_set_the_other_sides_focal_point(client, alice, thanhhoa, programme):
    client.force_login(alice)
    r = client.post(f"/partnerships/{programme.pk}/focal/{thanhhoa.pk}/", {"agency": "Sở X"})
    assert r.status_code == 403 and not FocalPoint.objects.exists()


def test_a_bad_focal_point_email_is_refused_naming_it(client, bob, thanhhoa, programme):
    client.force_login(bob)
    r = client.post(
        f"/partnerships/{programme.pk}/focal/{thanhhoa.pk}/",
        {"person": "Lê Văn Tùng", "email": "not-an-address"},
    )
    assert r.status_code == 400 and "thư điện tử không hợp lệ" in r.content.decode()
    assert not FocalPoint.objects.exists()


def test_the_partnership_page_offers_focal_point_editing_only_for_own_side(
    client, alice, hanoi, thanhhoa, programme
):
    client.force_login(alice)
    body = client.get(f"/partnerships/{programme.pk}/").content.decode()
    assert f"/focal/{hanoi.pk}/" in body and f"/focal/{thanhhoa.pk}/" not in body


def test_my_tasks_lists_the_users_overdue_items(client, alice, programme):
    client.force_login(alice)
    body = client.get("/tasks/").content.decode()
    assert "Xây dựng tuyến đường" in body and "Đón đoàn du lịch" not in body
