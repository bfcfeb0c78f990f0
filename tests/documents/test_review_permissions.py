"""Who may review: reviewers of a side of the partnership; nobody else."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied

from hoptac.accounts.models import Membership, Role
from hoptac.documents.models import Fact, FactKind, ReviewState
from hoptac.documents.services import (
    document_accept_all,
    document_ingest,
    fact_accept,
    fact_edit,
    fact_reject,
)
from hoptac.partnerships.models import Meeting
from tests.conftest import locality
from tests.documents.conftest import fake_extractor

pytestmark = pytest.mark.django_db


@pytest.fixture
def document(admin_user, thanhhoa_report):
    text, facts = thanhhoa_report()
    return document_ingest(
        data=text.encode(), filename="a.txt", by=admin_user, extractor=fake_extractor(facts)
    ).document


@pytest.fixture
def hatinh_reviewer(django_user_model, hatinh):
    user = django_user_model.objects.create_user("harry", password="harry-pass-123")
    Membership.objects.create(user=user, locality=hatinh, role=Role.REVIEWER)
    return user


def test_a_reviewer_of_a_side_accepts(rita, document):
    fact = document.facts.get(kind=FactKind.GRANT)
    fact_accept(fact=fact, by=rita)

    fact.refresh_from_db()
    assert fact.state == ReviewState.ACCEPTED and fact.reviewed_by == rita


def test_a_reviewer_of_another_locality_cannot_accept(hatinh_reviewer, document):
    fact = document.facts.get(kind=FactKind.GRANT)

    with pytest.raises(PermissionDenied):
        fact_accept(fact=fact, by=hatinh_reviewer)
    with pytest.raises(PermissionDenied):
        document_accept_all(document=document, by=hatinh_reviewer)

    assert not Meeting.objects.exists()
    assert not Fact.objects.exclude(state=ReviewState.PROPOSED).exists()


def test_an_editor_of_another_locality_cannot_accept_edit_or_reject(django_user_model, document):
    eve = django_user_model.objects.create_user("eve", password="eve-pass-123")
    Membership.objects.create(user=eve, locality=locality("Hà Tĩnh"), role=Role.EDITOR)
    fact = document.facts.get(kind=FactKind.GRANT)

    for action in (
        lambda: fact_accept(fact=fact, by=eve),
        lambda: fact_edit(fact=fact, by=eve, data={"amount_vnd": "1"}),
        lambda: fact_reject(fact=fact, by=eve),
    ):
        with pytest.raises(PermissionDenied):
            action()


def test_an_editor_of_a_side_is_not_a_reviewer(alice, document):
    with pytest.raises(PermissionDenied):
        fact_accept(fact=document.facts.get(kind=FactKind.GRANT), by=alice)


def test_a_viewer_cannot_accept(victor, document):
    with pytest.raises(PermissionDenied):
        fact_accept(fact=document.facts.get(kind=FactKind.GRANT), by=victor)
