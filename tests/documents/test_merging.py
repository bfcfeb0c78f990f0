"""Two reports of one meeting attach to one Meeting; where they disagree the reviewer decides."""

from __future__ import annotations

import datetime as dt

import pytest

from hoptac.documents.models import Conflict, ConflictState
from hoptac.documents.records import sources_of
from hoptac.documents.services import conflict_resolve, document_accept_all, document_ingest
from hoptac.grants.models import Grant
from hoptac.investments.models import InvestmentSnapshot
from hoptac.partnerships.models import Meeting
from tests.documents.conftest import fake_extractor

pytestmark = pytest.mark.django_db


def _ingest_and_accept(user, report, **kwargs):
    text, facts = report
    published = kwargs.pop("published", None)
    result = document_ingest(
        data=text.encode(), filename=f"{facts['title'][:10]}.txt", by=user, published=published,
        extractor=fake_extractor(facts),
    )  # fmt: skip
    tally, errors = document_accept_all(document=result.document, by=user)
    assert errors == []
    return result.document, tally


def test_two_reports_of_one_meeting_make_one_meeting_with_two_sources(rita, thanhhoa_report):
    first, _ = _ingest_and_accept(rita, thanhhoa_report(title="Báo A"))
    second, _ = _ingest_and_accept(rita, thanhhoa_report(title="Báo B"))

    meeting = Meeting.objects.get()
    assert {s.document for s in sources_of(meeting)} == {first, second}
    assert meeting.participants.count() == 1
    grant = Grant.objects.get()  # the same 3 tỷ đồng, reported twice
    assert {s.document for s in sources_of(grant)} == {first, second}
    assert not Conflict.objects.exists()


def test_a_report_without_a_year_joins_the_dated_meeting_of_the_same_season(rita, thanhhoa_report):
    _ingest_and_accept(rita, thanhhoa_report(title="Báo A", date="2019-11-16"))
    _ingest_and_accept(
        rita, thanhhoa_report(title="Báo B", date="--11-16"), published=dt.date(2019, 11, 18)
    )

    meeting = Meeting.objects.get()
    assert meeting.held_on == dt.date(2019, 11, 16)
    assert len({s.document_id for s in sources_of(meeting)}) == 2


def test_the_same_day_in_another_year_is_another_meeting(rita, thanhhoa_report):
    _ingest_and_accept(rita, thanhhoa_report(title="Báo A", date="2019-11-16"))
    _ingest_and_accept(
        rita, thanhhoa_report(title="Báo B", date="--11-16"), published=dt.date(2021, 11, 17)
    )

    assert Meeting.objects.count() == 2


def test_disagreeing_values_are_held_for_the_reviewer_not_overwritten(rita, thanhhoa_report):
    _ingest_and_accept(rita, thanhhoa_report(title="Báo A", capital=45_500_000_000_000))
    _, tally = _ingest_and_accept(rita, thanhhoa_report(title="Báo B", capital=43_500_000_000_000))

    snapshot = InvestmentSnapshot.objects.get()
    assert snapshot.capital_vnd == 45_500_000_000_000
    conflict = Conflict.objects.get()
    assert (conflict.field, conflict.current_value, conflict.proposed_value) == (
        "capital_vnd", 45_500_000_000_000, 43_500_000_000_000,
    )  # fmt: skip
    assert conflict.state == ConflictState.OPEN and tally.conflicts == 1
    assert len(sources_of(snapshot)) == 2  # both reports stay quoted as sources


def test_the_reviewer_replaces_the_value_and_the_choice_is_recorded(rita, thanhhoa_report):
    _ingest_and_accept(rita, thanhhoa_report(title="Báo A", capital=45_500_000_000_000))
    _ingest_and_accept(rita, thanhhoa_report(title="Báo B", capital=43_500_000_000_000))

    conflict = conflict_resolve(
        conflict=Conflict.objects.get(), by=rita, choice=ConflictState.REPLACED, note="Theo báo cáo"
    )

    assert InvestmentSnapshot.objects.get().capital_vnd == 43_500_000_000_000
    assert conflict.state == ConflictState.REPLACED
    assert conflict.resolved_by == rita and conflict.resolved_at is not None


def test_the_reviewer_keeps_the_value(rita, thanhhoa_report):
    _ingest_and_accept(rita, thanhhoa_report(title="Báo A", capital=45_500_000_000_000))
    _ingest_and_accept(rita, thanhhoa_report(title="Báo B", capital=43_500_000_000_000))

    conflict_resolve(conflict=Conflict.objects.get(), by=rita, choice=ConflictState.KEPT)

    assert InvestmentSnapshot.objects.get().capital_vnd == 45_500_000_000_000
    assert Conflict.objects.get().state == ConflictState.KEPT
