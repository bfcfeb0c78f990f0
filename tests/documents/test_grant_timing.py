"""A grant is dated by what its fact says about its time, not always by the meeting."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from hoptac.documents.appliers import grant_when
from hoptac.documents.models import Conflict, FactKind
from hoptac.documents.records import sources_of
from hoptac.documents.services import (
    document_accept_all,
    document_ingest,
    fact_accept,
    fact_edit,
)
from hoptac.documents.values import clean_value, form_initial
from hoptac.grants.models import Grant
from tests.documents.conftest import SAMPLES, fake_extractor

pytestmark = pytest.mark.django_db

HELD = dt.date(2019, 11, 16)


@pytest.mark.parametrize(
    ("timing", "expected"),
    [
        ({"at_event": True}, (HELD, 2019)),
        ({}, (HELD, 2019)),  # no clue (facts from before the timing keys): the meeting's date
        ({"period": "2011-2012"}, (None, 2012)),
        ({"year": 2018}, (None, 2018)),
        ({"year": "2018"}, (None, 2018)),
        ({"past": True}, (None, None)),
    ],
)
def test_when_a_grant_was_given(timing, expected):
    assert grant_when(timing, HELD) == expected


def _ingest(user, report, timing: dict, title: str = "Báo A"):
    text, facts = report(title=title)
    facts["grants"][0].update(timing)
    return document_ingest(
        data=text.encode(), filename=f"{title}.txt", by=user, extractor=fake_extractor(facts)
    ).document


@pytest.mark.parametrize(
    ("timing", "given_on", "year"),
    [
        ({"at_event": True}, HELD, 2019),
        ({"period": "2011-2012"}, None, 2012),
        ({"past": True}, None, None),
    ],
)
def test_accepting_a_grant_dates_it_by_its_timing(rita, thanhhoa_report, timing, given_on, year):
    document = _ingest(rita, thanhhoa_report, timing)
    fact_accept(fact=document.facts.get(kind=FactKind.GRANT), by=rita)

    grant = Grant.objects.get()
    assert (grant.given_on, grant.year) == (given_on, year)
    assert grant.meeting.held_on == HELD


def test_a_second_report_dates_a_past_grant_and_still_merges(rita, thanhhoa_report):
    first = _ingest(rita, thanhhoa_report, {"past": True}, title="Báo A")
    document_accept_all(document=first, by=rita)
    second = _ingest(rita, thanhhoa_report, {"at_event": True}, title="Báo B")
    document_accept_all(document=second, by=rita)

    grant = Grant.objects.get()
    assert (grant.given_on, grant.year) == (HELD, 2019)
    assert {s.document for s in sources_of(grant)} == {first, second}
    assert not Conflict.objects.exists()


def test_reports_disagreeing_on_the_year_are_held_for_the_reviewer(rita, thanhhoa_report):
    document_accept_all(document=_ingest(rita, thanhhoa_report, {"at_event": True}), by=rita)
    later = _ingest(rita, thanhhoa_report, {"year": 2012}, title="Báo B")
    document_accept_all(document=later, by=rita)

    grant = Grant.objects.get()
    assert (grant.given_on, grant.year) == (HELD, 2019)
    (conflict,) = Conflict.objects.all()
    assert (conflict.field, conflict.current_value, conflict.proposed_value) == ("year", 2019, 2012)


def test_the_sample_grants_of_2019_and_earlier(rita):
    path = next(p for p in SAMPLES if p.name.startswith("004_"))
    document = document_ingest(data=path.read_bytes(), filename=path.name, by=rita).document
    document_accept_all(document=document, by=rita)

    got = {g.amount_vnd // 10**9: (g.given_on, g.year) for g in Grant.objects.all()}
    assert got == {3: (HELD, 2019), 30: (None, None), 7: (None, 2012)}


def test_the_edit_form_reads_and_validates_the_timing(rita, thanhhoa_report):
    base = {"donor": "Hà Nội", "recipient": "Thanh Hóa", "amount_vnd": 3, "at_event": True}
    initial = form_initial(FactKind.GRANT, base)
    assert (initial["at_event"], initial["period"], initial["year"], initial["past"]) == (
        "1", "", "", "",
    )  # fmt: skip

    value = clean_value(FactKind.GRANT, {"at_event": "", "year": "2018"}, base=base)
    assert value["year"] == 2018 and "at_event" not in value and "past" not in value
    value = clean_value(FactKind.GRANT, {"period": "2016 - 2020"}, base={**base, "at_event": False})
    assert value["period"] == "2016-2020"

    for data, key in (
        ({"period": "2020-2016"}, "period"),
        ({"period": "hai năm"}, "period"),
        ({"year": "18"}, "year"),
        ({"year": "2018"}, "at_event"),  # at the event and in 2018: pick one
        ({"past": "1"}, "past"),
        ({"past": "maybe", "at_event": ""}, "past"),
    ):
        with pytest.raises(ValidationError) as err:
            clean_value(FactKind.GRANT, data, base=base)
        assert key in err.value.message_dict, data

    document = _ingest(rita, thanhhoa_report, {"at_event": True})
    fact = document.facts.get(kind=FactKind.GRANT)
    fact_edit(fact=fact, by=rita, data={"at_event": "", "past": "1"})
    fact_accept(fact=fact, by=rita)
    assert (Grant.objects.get().given_on, Grant.objects.get().year) == (None, None)
