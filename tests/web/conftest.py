"""Data the web tests share: a Hà Nội – Thanh Hóa programme with a meeting, an agreement with
commitments, a snapshot and a grant; and a Hà Nội – Hà Nam one (Hà Nam is now in Ninh Bình)."""

from __future__ import annotations

import datetime as dt

import pytest

from hoptac.grants.services import grant_create
from hoptac.investments.services import snapshot_create
from hoptac.partnerships.models import CommitmentStatus
from hoptac.partnerships.services import (
    agreement_create,
    commitment_create,
    meeting_create,
    partnership_get_or_create,
)
from tests.conftest import locality


@pytest.fixture
def programme(admin_user, hanoi, thanhhoa, hanoi_thanhhoa):
    """Return the Hà Nội – Thanh Hóa partnership with one of everything."""
    p = hanoi_thanhhoa
    meeting = meeting_create(
        partnership=p, by=admin_user, title="Hội nghị hợp tác Hà Nội – Thanh Hóa",
        held_on=dt.date(2019, 11, 16), place="Thanh Hóa", host=thanhhoa,
    )  # fmt: skip
    agreement = agreement_create(
        partnership=p, by=admin_user, kind="conclusion", title="Kết luận hội nghị 12 nội dung",
        signed_on=dt.date(2019, 11, 16), meeting=meeting,
    )  # fmt: skip
    commitment_create(
        agreement=agreement, by=admin_user, text="Xây dựng tuyến đường kết nối",
        responsible=hanoi, due_on=dt.date(2020, 6, 30), field="transport",
    )  # fmt: skip
    commitment_create(
        agreement=agreement, by=admin_user, text="Đón đoàn du lịch Thanh Hóa",
        responsible=thanhhoa, due_on=dt.date(2099, 1, 1), field="tourism",
    )  # fmt: skip
    snapshot_create(
        partnership=p, by=admin_user, origin=hanoi, host=thanhhoa, projects=65,
        capital_vnd=45_500 * 10**9, reported_on=dt.date(2019, 11, 16), qualifier="about",
    )  # fmt: skip
    grant_create(
        partnership=p, by=admin_user, donor=hanoi, recipient=thanhhoa, amount_vnd=3 * 10**9,
        purpose="công tác an sinh xã hội", given_on=dt.date(2019, 11, 16),
    )  # fmt: skip
    return p


@pytest.fixture
def hanoi_hanam(admin_user, hanoi):
    hanam = locality("Hà Nam")
    p, _ = partnership_get_or_create(localities=[hanoi, hanam], by=admin_user, is_published=True)
    return p


@pytest.fixture
def open_status():
    return CommitmentStatus.PLANNED
