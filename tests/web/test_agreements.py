"""Agreements with their commitments, edited on the agreement's page."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from hoptac.partnerships.models import Agreement, Commitment
from hoptac.partnerships.services import agency_get_or_create, agreement_create, commitment_create

pytestmark = pytest.mark.django_db
HX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def agreement(hanoi_thanhhoa, admin_user):
    return agreement_create(partnership=hanoi_thanhhoa, by=admin_user, kind="programme",
                            title="Chương trình hợp tác 2026–2030", period_start=2026,
                            period_end=2030, signed_on=dt.date(2025, 3, 1))  # fmt: skip


def _item(hanoi, thanhhoa, **extra):
    return {"new-text": "Phát triển du lịch", "new-field": "", "new-due": "Quý II/2026",
            "new-responsible": "", f"new-lead_{hanoi.pk}": "", f"new-lead_new_{hanoi.pk}": "",
            f"new-lead_{thanhhoa.pk}": "", f"new-lead_new_{thanhhoa.pk}": "", **extra}  # fmt: skip


def test_an_editor_creates_an_agreement_from_a_meeting_with_placeholders_and_a_file(
    client, alice, programme, media
):
    meeting = programme.meetings.get()
    client.force_login(alice)
    page = client.get(f"/agreements/new/?meeting={meeting.pk}").content.decode()
    assert f'value="{meeting.pk}" selected' in page
    r = client.post("/agreements/new/", {
        "partnership": programme.pk, "meeting": meeting.pk, "kind": "conclusion",
        "title": "Thông báo kết luận", "number": " 125-TB/TU ", "signed_on": "2019-11-16",
        "agreed_count": 3, "signed_file": SimpleUploadedFile("ket-luan.pdf", b"%PDF-1.4 x"),
    })  # fmt: skip
    assert r.status_code == 302, r.content.decode()[:2000]
    a = Agreement.objects.get(number="125-TB/TU")
    assert a.meeting == meeting
    assert list(a.commitments.values_list("number", "text")) == [(1, ""), (2, ""), (3, "")]
    download = client.get(f"/agreements/{a.pk}/file/")
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == b"%PDF-1.4 x"
    assert "ket-luan.pdf" in download["Content-Disposition"]


def test_the_signed_file_needs_a_signed_in_reader(client, agreement, media, admin_user):
    from hoptac.partnerships.services import agreement_attach_file

    agreement_attach_file(agreement, by=admin_user, upload=SimpleUploadedFile("a.pdf", b"x"))
    r = client.get(f"/agreements/{agreement.pk}/file/")
    assert r.status_code == 302 and "/accounts/login/" in r["Location"]


def test_it_rejects_a_period_backwards_naming_the_field(client, alice, hanoi_thanhhoa):
    client.force_login(alice)
    r = client.post("/agreements/new/", {"partnership": hanoi_thanhhoa.pk, "kind": "programme",
                                         "title": "X", "period_start": 2030, "period_end": 2026})  # fmt: skip
    assert r.status_code == 400
    assert "Đến năm" in r.content.decode()
    assert not Agreement.objects.exists()


def test_an_editor_adds_items_with_leads_due_and_sub_items(
    client, alice, agreement, hanoi, thanhhoa
):
    client.force_login(alice)
    so = agency_get_or_create(locality=hanoi, name="Sở Du lịch", by=alice)
    r = client.post(f"/agreements/{agreement.pk}/items/", _item(hanoi, thanhhoa, **{
        f"new-lead_{hanoi.pk}": so.pk, "new-responsible_name": "Nguyễn Văn A",
        "new-field": "tourism"}), **HX)  # fmt: skip
    assert r.status_code == 200, r.content.decode()[:3000]
    first = agreement.commitments.get()
    assert (first.due_on, first.due_precision) == (dt.date(2026, 6, 30), "quarter")
    assert first.due_display == "Quý II/2026"
    assert first.leads.get().agency == so
    assert first.responsible_person.full_name == "Nguyễn Văn A"
    # alice edits Hà Nội only: Thanh Hóa's lead is not hers to set
    assert f"new-lead_{thanhhoa.pk}" not in r.content.decode()
    r = client.post(f"/agreements/{agreement.pk}/items/", _item(hanoi, thanhhoa, **{
        "new-text": "Liên kết tour", "new-parent": first.pk, "new-due": "2026",
        f"new-lead_new_{hanoi.pk}": "Trung tâm Xúc tiến Du lịch"}), **HX)  # fmt: skip
    assert r.status_code == 200
    sub = first.children.get()
    assert sub.display_number == "1.1"
    assert sub.leads.get().agency.name == "Trung tâm Xúc tiến Du lịch"
    assert sub.leads.get().agency.locality == hanoi
    assert 'data-number="1.1"' in r.content.decode()


def test_it_rejects_a_due_date_it_cannot_read(client, alice, agreement, hanoi, thanhhoa):
    client.force_login(alice)
    r = client.post(f"/agreements/{agreement.pk}/items/",
                    _item(hanoi, thanhhoa, **{"new-due": "sắp tới"}), **HX)  # fmt: skip
    assert r.status_code == 400
    assert "Hạn" in r.content.decode() and "sắp tới" in r.content.decode()
    assert not agreement.commitments.exists()


def test_the_other_side_sets_its_own_lead(client, bob, agreement, admin_user, hanoi, thanhhoa):
    item = commitment_create(agreement=agreement, by=admin_user, text="Du lịch")
    vhtt = agency_get_or_create(locality=thanhhoa, name="Sở Văn hóa, Thể thao và Du lịch",
                                by=admin_user)  # fmt: skip
    client.force_login(bob)
    r = client.post(f"/items/{item.pk}/edit/", {
        f"c{item.pk}-version": item.version, f"c{item.pk}-text": "Du lịch",
        f"c{item.pk}-due": "30/6/2026", f"c{item.pk}-lead_{thanhhoa.pk}": vhtt.pk}, **HX)  # fmt: skip
    assert r.status_code == 200, r.content.decode()[:3000]
    item.refresh_from_db()
    assert item.leads.get().agency == vhtt and item.due_precision == "day"


def test_a_stale_edit_is_refused(client, alice, agreement, admin_user):
    item = commitment_create(agreement=agreement, by=admin_user, text="Cũ")
    client.force_login(alice)
    r = client.post(f"/items/{item.pk}/edit/", {f"c{item.pk}-version": item.version - 1 or 99,
                                               f"c{item.pk}-text": "Mới"}, **HX)  # fmt: skip
    assert r.status_code == 409
    item.refresh_from_db()
    assert item.text == "Cũ"


def test_an_editor_reorders_and_removes_items(client, alice, agreement, admin_user):
    a, b, c = (commitment_create(agreement=agreement, by=admin_user, text=t) for t in "ABC")
    client.force_login(alice)
    client.post(f"/items/{c.pk}/move/", {"dir": "up"}, **HX)
    assert list(agreement.commitments.order_by("number").values_list("text", flat=True)) == [
        "A", "C", "B"]  # fmt: skip
    client.post(f"/items/{a.pk}/remove/", **HX)
    assert list(agreement.commitments.order_by("number").values_list("text", "number")) == [
        ("C", 1), ("B", 2)]  # fmt: skip
    assert Commitment.all_objects.get(pk=a.pk).is_deleted


def test_placeholders_fill_up_to_the_agreed_count(client, alice, agreement, admin_user):
    from hoptac.partnerships.services import agreement_update

    agreement_update(agreement, by=admin_user, agreed_count=4)
    commitment_create(agreement=agreement, by=admin_user, text="A")
    client.force_login(alice)
    page = client.get(f"/agreements/{agreement.pk}/").content.decode()
    assert "thống nhất 4" in page
    client.post(f"/agreements/{agreement.pk}/placeholders/", **HX)
    assert agreement.commitments.count() == 4


def test_a_viewer_sees_no_edit_controls_and_cannot_post(client, victor, agreement, hanoi):
    client.force_login(victor)
    html = client.get(f"/agreements/{agreement.pk}/").content.decode()
    assert "item-add" not in html and "Sửa văn bản" not in html
    r = client.post(f"/agreements/{agreement.pk}/items/", {"new-text": "X"}, **HX)
    assert r.status_code == 403
    assert not agreement.commitments.exists()
