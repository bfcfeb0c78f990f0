"""Accepting the facts of the five samples creates records that match their gold files."""

from __future__ import annotations

import pytest

from hoptac.documents.records import sources_of
from hoptac.documents.services import document_accept_all, document_ingest
from hoptac.grants.models import Grant
from hoptac.investments.models import InvestmentSnapshot
from hoptac.partnerships.models import Agreement, Meeting
from tests.documents.conftest import SAMPLES, gold

pytestmark = pytest.mark.django_db


def _names(localities) -> set[str]:
    return {loc.name for loc in localities}


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_accepting_a_sample_creates_its_gold_records(admin_user, path):
    expected = gold(path)
    result = document_ingest(data=path.read_bytes(), filename=path.name, by=admin_user)

    tally, errors = document_accept_all(document=result.document, by=admin_user)

    assert errors == []
    meeting = Meeting.objects.get()
    assert _names(meeting.partnership.localities.all()) == {p["name"] for p in expected["parties"]}
    when = expected["event_date"]
    if when and not when.startswith("--"):
        assert meeting.held_on.isoformat() == when
    elif when:
        assert (meeting.held_month, meeting.held_day) == (int(when[2:4]), int(when[5:7]))
    people = {p.person.full_name: p for p in meeting.participants.select_related("person")}
    assert set(people) == {p["name"] for p in expected["people"]}
    for p in expected["people"]:
        assert people[p["name"]].locality.name == p["locality"]

    snapshots = {
        (s.origin.name, s.host.name, s.projects, s.capital_vnd, s.qualifier)
        for s in InvestmentSnapshot.objects.filter(meeting=meeting)
    }
    assert snapshots == {
        (i["investor"], i["host"], i["projects"], i["capital_vnd"], i["qualifier"])
        for i in expected["investments"]
    }
    grants = {(g.donor.name, g.recipient.name, g.amount_vnd) for g in Grant.objects.all()}
    assert grants == {(g["donor"], g["recipient"], g["amount_vnd"]) for g in expected["grants"]}
    # One agreement per meeting holds the counts agreed there as its parts, with empty items
    # up to the largest count.
    counted = list(Agreement.objects.filter(agreed_count__isnull=False))
    agreed = sorted(c["count"] for c in expected["commitment_counts"])
    assert len(counted) == (1 if agreed else 0)
    for agreement in counted:
        assert {p["count"] for p in agreement.agreed_parts} == set(agreed)
        assert agreement.agreed_count == max(agreed)
        assert agreement.commitments.count() == agreement.agreed_count
    assert tally.created > 0


def test_every_record_links_to_the_facts_and_document_it_came_from(admin_user):
    path = SAMPLES[4]
    result = document_ingest(data=path.read_bytes(), filename=path.name, by=admin_user)
    document_accept_all(document=result.document, by=admin_user)

    meeting = Meeting.objects.get()
    grant = Grant.objects.get(amount_vnd=3_000_000_000)
    snapshot = InvestmentSnapshot.objects.get()
    for record in (meeting, meeting.partnership, grant, snapshot):
        links = list(sources_of(record))
        assert links, record
        assert {link.document for link in links} == {result.document}
    assert any("3 tỷ đồng" in q for link in sources_of(grant) for q in link.fact.quotes())
    assert snapshot.reported_on == meeting.held_on
