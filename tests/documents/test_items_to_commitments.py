"""Accepted items of an official document become the agreement's numbered commitments, with
their leads on each side and their deadlines; placeholders from a count are filled."""

from __future__ import annotations

import datetime as dt

import pytest

from hoptac.documents.services import document_accept_all, document_ingest
from hoptac.partnerships.models import Agreement, Commitment
from hoptac.partnerships.services import agreement_items_apply, commitment_create
from tests.conftest import locality
from tests.documents.conftest import REPO

pytestmark = pytest.mark.django_db
OFFICIAL = REPO / "corpus" / "dev-official"


def _accept(name: str, admin_user):
    path = OFFICIAL / name
    result = document_ingest(data=path.read_bytes(), filename=path.name, by=admin_user)
    _tally, errors = document_accept_all(document=result.document, by=admin_user)
    assert errors == []
    return result.document


def test_a_conclusion_notices_items_become_numbered_commitments_with_leads(admin_user):
    doc = _accept("01_thong_bao_ket_luan.txt", admin_user)
    agreement = Agreement.objects.get(number="512-TB/TU")
    fact = doc.facts.get(kind="agreement")
    items = [i for i in fact.value["items"] if i.get("text")]
    rows = list(Commitment.objects.filter(agreement=agreement).select_related("parent"))
    assert len(rows) == len(items)
    numbers = [c.display_number for c in sorted(rows, key=lambda c: (
        (c.parent.number if c.parent else c.number), c.parent_id is not None, c.number))]  # fmt: skip
    assert "2.1" in numbers and "2.2" in numbers
    sub = next(c for c in rows if c.display_number == "2.1")
    assert {(lead.locality.name, lead.agency.name) for lead in sub.leads.all()} == {
        ("Hà Nội", "Sở Công Thương"), ("Lai Châu", "Sở Công Thương")}  # fmt: skip
    # accepting again adds nothing
    before = Commitment.objects.count()
    agreement_items_apply(agreement=agreement, items=items, by=admin_user,
                          locality_of=lambda n: None)  # fmt: skip
    assert Commitment.objects.count() == before


def test_items_fill_the_placeholders_of_a_count(admin_user, hanoi_thanhhoa, hanoi, thanhhoa):
    from hoptac.partnerships.services import agreement_create

    a = agreement_create(partnership=hanoi_thanhhoa, by=admin_user, kind="conclusion",
                         title="Kết luận", placeholders=3)  # fmt: skip
    commitment_create(agreement=a, by=admin_user, text="")  # a fourth placeholder
    sides = {"Hà Nội": hanoi, "Thanh Hóa": thanhhoa}
    created, filled = agreement_items_apply(agreement=a, by=admin_user, items=[
        {"number": "1", "text": "Du lịch", "due": "2026-06",
         "leads": [{"locality": "Hà Nội", "agency": "Sở Du lịch"},
                   {"locality": "Thanh Hóa", "agency": "Sở Văn hóa, Thể thao và Du lịch"}],
         "partners": [{"locality": "Hà Nội", "agency": "Sở Tài chính"}]},
        {"number": "2", "text": "Giao thông", "due": "2026"},
    ], locality_of=lambda n: sides.get(n))  # fmt: skip
    assert (created, filled) == (0, 2)
    first = a.commitments.get(number=1)
    assert (first.text, first.due_on, first.due_precision) == (
        "Du lịch", dt.date(2026, 6, 30), "month")  # fmt: skip
    assert first.leads.count() == 2
    assert [p.agency.name for p in first.partners.all()] == ["Sở Tài chính"]
    assert list(a.commitments.order_by("number").values_list("text", flat=True)) == [
        "Du lịch", "Giao thông", "", ""]  # fmt: skip


def test_a_central_body_as_lead_is_left_to_the_reviewer(admin_user, hanoi_thanhhoa):
    from hoptac.partnerships.services import agreement_create

    a = agreement_create(partnership=hanoi_thanhhoa, by=admin_user, kind="plan", title="KH")
    agreement_items_apply(agreement=a, by=admin_user, locality_of=lambda n: None, items=[
        {"number": "1", "text": "Việc", "leads": [{"locality": None, "agency": "Bộ Tài chính"}]}
    ])  # fmt: skip
    assert not a.commitments.get().leads.exists()
    assert locality("Hà Nội")  # the units are loaded
