"""The cast every test can use.

Localities come from the data migration (all 97 units). The people:
- alice: editor for Hà Nội
- bob: editor for Thanh Hóa
- rita: reviewer for Hà Nội and Thanh Hóa
- victor: viewer for Hà Nội
- admin: superuser
`hanoi_thanhhoa` is their partnership (2008-generation units, as in the 2019 documents).
"""

from __future__ import annotations

import datetime as dt

import pytest

from hoptac.accounts.models import Membership, Role
from hoptac.localities.models import Locality


def locality(name: str, on: str = "2019-06-01") -> Locality:
    """Return the unit `name` meant on `on`."""
    from hoptac.localities.services import locality_for

    return locality_for(name, dt.date.fromisoformat(on))


def _member(user, loc: Locality, role: str) -> None:
    Membership.objects.create(user=user, locality=loc, role=role)


@pytest.fixture
def hanoi(db) -> Locality:
    return locality("Hà Nội")


@pytest.fixture
def thanhhoa(db) -> Locality:
    return locality("Thanh Hóa")


@pytest.fixture
def hatinh(db) -> Locality:
    return locality("Hà Tĩnh")


@pytest.fixture
def alice(django_user_model, hanoi):
    user = django_user_model.objects.create_user("alice", password="alice-pass-123")
    _member(user, hanoi, Role.EDITOR)
    return user


@pytest.fixture
def bob(django_user_model, thanhhoa):
    user = django_user_model.objects.create_user("bob", password="bob-pass-123")
    _member(user, thanhhoa, Role.EDITOR)
    return user


@pytest.fixture
def rita(django_user_model, hanoi, thanhhoa):
    user = django_user_model.objects.create_user("rita", password="rita-pass-123")
    _member(user, hanoi, Role.REVIEWER)
    _member(user, thanhhoa, Role.REVIEWER)
    return user


@pytest.fixture
def victor(django_user_model, hanoi):
    user = django_user_model.objects.create_user("victor", password="victor-pass-123")
    _member(user, hanoi, Role.VIEWER)
    return user


@pytest.fixture
def admin_user(django_user_model):
    return django_user_model.objects.create_superuser("admin", password="admin-pass-123")


@pytest.fixture
def hanoi_thanhhoa(admin_user, hanoi, thanhhoa):
    from hoptac.partnerships.services import partnership_get_or_create

    partnership, _ = partnership_get_or_create(
        localities=[hanoi, thanhhoa], by=admin_user, is_published=True
    )
    return partnership


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Files written by a test (job inputs and results, uploads) go to its own folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
