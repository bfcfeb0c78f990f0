"""Ingesting documents: what is stored, and that the same bytes again change nothing."""

from __future__ import annotations

import hashlib

import pytest

from hoptac.documents.models import Document, Fact, FactKind, ReviewState
from hoptac.documents.services import document_ingest
from tests.documents.conftest import SAMPLES, gold

pytestmark = pytest.mark.django_db


def test_it_stores_the_bytes_hash_text_title_and_proposed_facts(admin_user):
    data = SAMPLES[1].read_bytes()
    result = document_ingest(data=data, filename=SAMPLES[1].name, by=admin_user)

    assert result.status == "new"
    doc = Document.objects.get()
    assert bytes(doc.original) == data
    assert doc.sha256 == hashlib.sha256(data).hexdigest()
    assert doc.encoding == "utf-8"
    assert doc.title == "Hà Nội-Hà Tĩnh: Tăng cường trao đổi để hỗ trợ phát triển"
    assert doc.text == data.decode("utf-8")
    assert result.facts_proposed == doc.facts.count() > 0
    assert set(doc.facts.values_list("state", flat=True)) == {ReviewState.PROPOSED}
    date = doc.facts.get(kind=FactKind.EVENT_DATE)
    assert date.value == {"event_date": "2019-11-30"}
    assert date.quotes() == ["Sáng 30/11"]


def test_each_fact_keeps_its_value_proposal_evidence_and_confidence(admin_user):
    document_ingest(data=SAMPLES[1].read_bytes(), filename=SAMPLES[1].name, by=admin_user)

    inv = Fact.objects.get(kind=FactKind.INVESTMENT)
    assert inv.value["projects"] == 21
    assert inv.value["capital_vnd"] == 37_700_000_000_000
    assert "evidence" not in inv.value and "confidence" not in inv.value
    assert inv.proposed_value == inv.value
    assert inv.evidence and 0 < inv.confidence <= 1
    assert "21 dự án" in inv.quotes()[0]


def test_the_same_bytes_again_change_nothing(admin_user):
    data = SAMPLES[0].read_bytes()
    first = document_ingest(data=data, filename="a.txt", by=admin_user, auto_accept=True)
    facts = list(Fact.objects.values_list("id", "state", "version"))

    again = document_ingest(data=data, filename="b.txt", by=admin_user, auto_accept=True)

    assert first.status == "new" and again.status == "unchanged"
    assert again.document == first.document
    assert Document.objects.count() == 1
    assert list(Fact.objects.values_list("id", "state", "version")) == facts


def test_it_records_the_source_url_and_publication_date(admin_user):
    import datetime as dt

    result = document_ingest(
        data=SAMPLES[2].read_bytes(), filename=SAMPLES[2].name, by=admin_user,
        source_url="https://example.org/bai-viet", published=dt.date(2019, 8, 11),
    )  # fmt: skip

    assert result.document.source_url == "https://example.org/bai-viet"
    assert result.document.published_on == dt.date(2019, 8, 11)


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_every_sample_proposes_the_gold_parties_and_date(admin_user, path):
    expected = gold(path)
    result = document_ingest(data=path.read_bytes(), filename=path.name, by=admin_user)

    parties = {f.value["name"] for f in result.document.facts.filter(kind=FactKind.PARTY)}
    assert parties == {p["name"] for p in expected["parties"]}
    dates = [f.value["event_date"] for f in result.document.facts.filter(kind=FactKind.EVENT_DATE)]
    assert dates == ([expected["event_date"]] if expected["event_date"] else [])


def test_a_partnership_created_by_ingest_starts_unpublished(admin_user, client):
    from hoptac.partnerships.models import Partnership

    document_ingest(
        data=SAMPLES[1].read_bytes(), filename=SAMPLES[1].name, by=admin_user, auto_accept=True
    )

    created = Partnership.objects.get()
    assert created.is_published is False
    # Anonymous readers do not see it until its officials publish it.
    assert client.get(f"/partnerships/{created.pk}/").status_code == 404
