"""Ingesting an official document and accepting its facts: the agreement in the object form
(kind, number, signing date, period) lands on today's Agreement record."""

from __future__ import annotations

import datetime as dt

import pytest

from hoptac.documents.models import FactKind
from hoptac.documents.services import document_accept_all, document_ingest
from hoptac.partnerships.models import Agreement
from tests.documents.conftest import REPO

pytestmark = pytest.mark.django_db
OFFICIAL = REPO / "corpus" / "dev-official"


def test_a_programme_becomes_an_agreement_with_its_kind_period_and_signing_date(admin_user):
    path = OFFICIAL / "02_chuong_trinh_hop_tac.txt"
    result = document_ingest(data=path.read_bytes(), filename=path.name, by=admin_user)
    fact = result.document.facts.get(kind=FactKind.AGREEMENT)
    assert len(fact.value["items"]) == 11 and fact.value["kind"] == "programme"

    _tally, errors = document_accept_all(document=result.document, by=admin_user)

    assert errors == []
    # ("9 lĩnh vực" makes its own placeholder agreement until items become commitments.)
    agreement = Agreement.objects.get(title__startswith="Chương trình")
    assert agreement.kind == "programme"
    assert (agreement.period_start, agreement.period_end) == (2026, 2030)
    assert agreement.signed_on == dt.date(2026, 3, 14)


def test_a_plan_and_the_programme_it_cites_are_two_agreements(admin_user):
    path = OFFICIAL / "03_ke_hoach_trien_khai.txt"
    result = document_ingest(data=path.read_bytes(), filename=path.name, by=admin_user)

    _tally, errors = document_accept_all(document=result.document, by=admin_user)

    assert errors == []
    kinds = {(a.kind, a.signed_on) for a in Agreement.objects.all()}
    assert kinds == {("plan", dt.date(2024, 3, 12)), ("programme", dt.date(2023, 9, 20))}


@pytest.mark.parametrize("suffix", [".docx", ".pdf"])
def test_docx_and_pdf_propose_the_same_items_as_the_text(admin_user, suffix):
    def items(path):
        result = document_ingest(data=path.read_bytes(), filename=path.name, by=admin_user)
        assert result.status == "new", result.message
        facts = result.document.facts.filter(kind=FactKind.AGREEMENT)
        found = next(f for f in facts if f.value.get("items"))
        return [(i["number"], " ".join(i["text"].split()), i["due"]) for i in found.value["items"]]

    for stem in ("01_thong_bao_ket_luan", "02_chuong_trinh_hop_tac", "03_ke_hoach_trien_khai"):
        assert items(OFFICIAL / f"{stem}{suffix}") == items(OFFICIAL / f"{stem}.txt")
