"""Writes go through services that check the user's role for the side concerned."""

import datetime as dt

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError

from hoptac.accounts.models import Membership, Role
from hoptac.accounts.permissions import visible_partnerships
from hoptac.grants.services import grant_create
from hoptac.localities.services import locality_for
from hoptac.partnerships.models import CommitmentStatus
from hoptac.partnerships.services import (
    agency_get_or_create,
    agreement_create,
    commitment_add_note,
    commitment_set_lead,
    commitment_set_status,
    meeting_create,
    partnership_get_or_create,
    request_answer,
    request_create,
)


@pytest.fixture
def agreement(hanoi_thanhhoa, admin_user):
    return agreement_create(
        partnership=hanoi_thanhhoa, by=admin_user, kind="minutes", title="Biên bản hợp tác",
        placeholders=3,
    )  # fmt: skip


@pytest.fixture
def thanhhoa_item(agreement, thanhhoa, admin_user):
    from hoptac.partnerships.services import commitment_update

    item = agreement.commitments.get(number=1)
    return commitment_update(item, by=admin_user, responsible=thanhhoa)


def test_an_editor_changes_its_own_sides_commitment(bob, thanhhoa_item):
    change = commitment_set_status(
        commitment=thanhhoa_item, new=CommitmentStatus.IN_PROGRESS, by=bob
    )
    assert (change.old, change.new, change.changed_by) == ("planned", "in_progress", bob)
    thanhhoa_item.refresh_from_db()
    assert thanhhoa_item.status == "in_progress"


def test_an_editor_of_the_other_side_cannot_change_it(alice, thanhhoa_item):
    with pytest.raises(PermissionDenied):
        commitment_set_status(commitment=thanhhoa_item, new=CommitmentStatus.DONE, by=alice)
    thanhhoa_item.refresh_from_db()
    assert thanhhoa_item.status == "planned"
    assert not thanhhoa_item.status_changes.exists()


def test_a_joint_commitment_can_be_changed_by_either_side(alice, bob, agreement):
    joint = agreement.commitments.get(number=2)
    commitment_set_status(commitment=joint, new=CommitmentStatus.IN_PROGRESS, by=alice)
    commitment_set_status(commitment=joint, new=CommitmentStatus.DONE, by=bob, note="Xong")
    assert [c.new for c in joint.status_changes.order_by("id")] == ["in_progress", "done"]


def test_a_viewer_changes_nothing(victor, agreement):
    joint = agreement.commitments.get(number=2)
    with pytest.raises(PermissionDenied):
        commitment_set_status(commitment=joint, new=CommitmentStatus.DONE, by=victor)


def test_anonymous_users_change_nothing(agreement):
    with pytest.raises(PermissionDenied):
        commitment_set_status(
            commitment=agreement.commitments.first(), new="done", by=AnonymousUser()
        )


def test_an_editor_cannot_set_the_other_sides_lead_agency(alice, bob, hanoi, agreement):
    item = agreement.commitments.get(number=1)
    so_khdt = agency_get_or_create(locality=hanoi, name="Sở Kế hoạch và Đầu tư", by=alice)
    with pytest.raises(PermissionDenied):
        commitment_set_lead(commitment=item, locality=hanoi, agency=so_khdt, by=bob)
    lead = commitment_set_lead(commitment=item, locality=hanoi, agency=so_khdt, by=alice)
    assert lead.agency == so_khdt


def test_an_editor_writes_progress_notes_only_for_its_side(alice, hanoi, thanhhoa, agreement):
    item = agreement.commitments.get(number=1)
    with pytest.raises(PermissionDenied):
        commitment_add_note(commitment=item, locality=thanhhoa, text="Đã tổ chức", by=alice)
    note = commitment_add_note(commitment=item, locality=hanoi, text="Đã tổ chức", by=alice)
    assert note.created_by == alice


def test_a_forbidden_status_transition_is_refused(alice, agreement):
    item = agreement.commitments.get(number=2)
    commitment_set_status(commitment=item, new="cancelled", by=alice, note="Bỏ")
    with pytest.raises(ValidationError) as exc:
        commitment_set_status(commitment=item, new="done", by=alice)
    assert "status" in exc.value.message_dict


def test_only_the_asked_side_answers_a_request(alice, bob, hanoi, thanhhoa, hanoi_thanhhoa):
    req = request_create(
        partnership=hanoi_thanhhoa, from_locality=thanhhoa, to_locality=hanoi, by=bob,
        text="Định hướng doanh nghiệp đầu tư cảng biển",
    )  # fmt: skip
    with pytest.raises(PermissionDenied):
        request_answer(request=req, answer="Đồng ý", by=bob)
    answered = request_answer(request=req, answer="Đồng ý giới thiệu doanh nghiệp", by=alice)
    assert answered.status == "answered"


def test_an_editor_cannot_record_for_a_partnership_it_is_not_part_of(
    bob, hanoi, hatinh, admin_user
):
    other, _ = partnership_get_or_create(localities=[hanoi, hatinh], by=admin_user)
    with pytest.raises(PermissionDenied):
        meeting_create(partnership=other, by=bob, title="Hội nghị", held_on=dt.date(2019, 11, 30))
    with pytest.raises(PermissionDenied):
        grant_create(partnership=other, by=bob, donor=hanoi, recipient=hatinh, amount_vnd=10**9)


def test_a_role_for_the_new_unit_covers_its_predecessors(django_user_model, hanoi, admin_user):
    ninh_binh = locality_for("Ninh Bình", dt.date(2026, 1, 1))
    ha_nam = locality_for("Hà Nam", dt.date(2019, 1, 1))
    user = django_user_model.objects.create_user("nb")
    Membership.objects.create(user=user, locality=ninh_binh, role=Role.EDITOR)
    partnership, _ = partnership_get_or_create(localities=[hanoi, ha_nam], by=admin_user)
    meeting = meeting_create(partnership=partnership, by=user, title="Hội nghị 2019")
    assert meeting.created_by == user


def test_a_reviewer_can_also_edit(rita, thanhhoa_item):
    commitment_set_status(commitment=thanhhoa_item, new="in_progress", by=rita)


def test_anonymous_users_see_only_published_partnerships(
    hanoi_thanhhoa, hanoi, hatinh, admin_user, victor
):
    hidden, _ = partnership_get_or_create(
        localities=[hanoi, hatinh], by=admin_user, is_published=False
    )
    assert set(visible_partnerships(AnonymousUser())) == {hanoi_thanhhoa}
    assert set(visible_partnerships(victor)) == {hanoi_thanhhoa, hidden}


def test_an_editor_cannot_move_a_grant_away_from_its_sides(
    alice, hanoi, thanhhoa, hatinh, hanoi_thanhhoa
):
    from hoptac.grants.services import grant_update

    grant = grant_create(
        partnership=hanoi_thanhhoa, by=alice, donor=hanoi, recipient=thanhhoa, amount_vnd=3 * 10**9
    )
    bob_only = locality_for("Bạc Liêu", dt.date(2019, 1, 1))
    with pytest.raises(PermissionDenied):
        grant_update(grant, by=alice, donor=hatinh, recipient=bob_only)
    grant.refresh_from_db()
    assert grant.donor == hanoi


def test_a_viewer_cannot_add_or_rename_people(victor, alice):
    from hoptac.partnerships.services import person_get_or_create, person_update

    with pytest.raises(PermissionDenied):
        person_get_or_create(full_name="Nguyễn Văn A", by=victor)
    person = person_get_or_create(full_name="Nguyễn Văn A", by=alice)
    with pytest.raises(PermissionDenied):
        person_update(person, by=victor, full_name="Nguyễn Văn B")
    assert person_update(person, by=alice, full_name="Nguyễn  Văn B").search_name == "nguyen van b"


def test_an_agency_is_renamed_only_by_its_side(alice, bob, hanoi):
    from hoptac.partnerships.services import agency_update

    agency = agency_get_or_create(locality=hanoi, name="Sở Kế hoạch và Đầu tư", by=alice)
    with pytest.raises(PermissionDenied):
        agency_update(agency, by=bob, name="Sở Tài chính")
    assert agency_update(agency, by=alice, name="Sở Tài chính").name == "Sở Tài chính"
