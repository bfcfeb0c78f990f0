"""Every write keeps who and when, a history row, and refuses to overwrite a newer edit."""

import pytest

from hoptac.lib.services import ConcurrentEdit
from hoptac.partnerships.models import Meeting
from hoptac.partnerships.services import meeting_create, meeting_update, record_remove


@pytest.fixture
def meeting(hanoi_thanhhoa, alice):
    return meeting_create(partnership=hanoi_thanhhoa, by=alice, title="Hội nghị hợp tác")


def test_it_records_who_created_and_changed_a_record(meeting, alice, bob):
    assert meeting.created_by == alice and meeting.version == 1
    meeting_update(meeting, by=bob, place="TP Thanh Hóa")
    meeting.refresh_from_db()
    assert meeting.updated_by == bob and meeting.version == 2
    assert [h.history_user for h in meeting.history.order_by("history_id")] == [alice, bob]


def test_the_later_of_two_concurrent_saves_is_refused(meeting, alice, bob):
    mine = Meeting.objects.get(pk=meeting.pk)
    theirs = Meeting.objects.get(pk=meeting.pk)
    meeting_update(mine, by=alice, expected_version=1, place="Hà Nội")
    with pytest.raises(ConcurrentEdit):
        meeting_update(theirs, by=bob, expected_version=1, place="Thanh Hóa")
    meeting.refresh_from_db()
    assert meeting.place == "Hà Nội" and meeting.version == 2


def test_deletion_is_soft_and_kept_in_history(meeting, hanoi_thanhhoa, alice):
    record_remove(meeting, by=alice, partnership=hanoi_thanhhoa)
    assert not Meeting.objects.filter(pk=meeting.pk).exists()
    kept = Meeting.all_objects.get(pk=meeting.pk)
    assert kept.deleted_by == alice and kept.is_deleted
    assert meeting.history.count() == 2


def test_a_bad_value_is_refused_naming_the_field(meeting, alice):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as exc:
        meeting_update(meeting, by=alice, kind="party")
    assert "kind" in exc.value.message_dict
    meeting.refresh_from_db()
    assert meeting.kind == "conference" and meeting.version == 1
