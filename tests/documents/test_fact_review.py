"""Accepting, editing (validated per kind) and rejecting single facts."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from hoptac.documents.models import FactKind, ReviewState
from hoptac.documents.records import sources_of
from hoptac.documents.services import document_ingest, fact_accept, fact_edit, fact_reject
from hoptac.grants.models import Grant
from hoptac.partnerships.models import Meeting
from tests.documents.conftest import fake_extractor

pytestmark = pytest.mark.django_db


@pytest.fixture
def document(admin_user, thanhhoa_report):
    text, facts = thanhhoa_report()
    return document_ingest(
        data=text.encode(), filename="a.txt", by=admin_user, extractor=fake_extractor(facts)
    ).document


def test_accepting_one_fact_makes_the_meeting_and_accepts_the_parties(rita, document):
    fact_accept(fact=document.facts.get(kind=FactKind.GRANT), by=rita)

    meeting = Meeting.objects.get()
    assert str(meeting.held_on) == "2019-11-16"
    states = dict(document.facts.values_list("kind", "state").order_by("kind"))
    assert states[FactKind.PARTY] == ReviewState.ACCEPTED
    assert states[FactKind.EVENT_DATE] == ReviewState.ACCEPTED
    assert states[FactKind.PERSON] == ReviewState.PROPOSED
    assert Grant.objects.get().meeting == meeting


def test_an_edited_fact_keeps_its_proposal_and_writes_the_edited_value(rita, document):
    fact = document.facts.get(kind=FactKind.GRANT)
    fact_edit(fact=fact, by=rita, data={"amount_vnd": "5.000.000.000", "purpose": "An sinh"})
    fact.refresh_from_db()

    assert fact.value["amount_vnd"] == 5_000_000_000 and fact.value["purpose"] == "An sinh"
    assert fact.proposed_value["amount_vnd"] == 3_000_000_000
    assert fact.is_edited
    fact_accept(fact=fact, by=rita)
    assert Grant.objects.get().amount_vnd == 5_000_000_000


@pytest.mark.parametrize(
    ("kind", "data", "field", "words"),
    [
        (FactKind.GRANT, {"amount_vnd": "ba tỷ"}, "amount_vnd", "Số tiền (đồng)"),
        (FactKind.GRANT, {"amount_vnd": "0"}, "amount_vnd", "lớn hơn 0"),
        (FactKind.GRANT, {"donor": "Gotham"}, "donor", "không phải tên một tỉnh"),
        (FactKind.EVENT_DATE, {"event_date": "16/11/2019"}, "event_date", "Ngày sự kiện"),
        (FactKind.PERSON, {"name": "  "}, "name", "Họ và tên: không được để trống"),
        (FactKind.INVESTMENT, {"projects": "-3"}, "projects", "Số dự án"),
    ],
)
def test_a_bad_edit_is_refused_with_a_message_naming_the_field(
    rita, document, kind, data, field, words
):
    fact = document.facts.get(kind=kind)
    before = dict(fact.value)

    with pytest.raises(ValidationError) as exc:
        fact_edit(fact=fact, by=rita, data=data)

    assert words in " ".join(exc.value.message_dict[field])
    fact.refresh_from_db()
    assert fact.value == before


def test_a_rejected_fact_writes_nothing_and_cannot_be_accepted(rita, document):
    fact = document.facts.get(kind=FactKind.GRANT)
    fact_reject(fact=fact, by=rita, note="Khoản hỗ trợ năm trước")
    fact.refresh_from_db()

    assert fact.state == ReviewState.REJECTED and fact.note == "Khoản hỗ trợ năm trước"
    assert not Grant.objects.exists()
    with pytest.raises(ValidationError):
        fact_accept(fact=fact, by=rita)


def test_accepted_facts_are_the_sources_of_the_participant(rita, document):
    fact = document.facts.get(kind=FactKind.PERSON)
    fact_accept(fact=fact, by=rita)

    participant = Meeting.objects.get().participants.get()
    assert participant.titles == ["Bí thư Thành ủy Hà Nội"]
    assert [s.fact for s in sources_of(participant)] == [fact]
