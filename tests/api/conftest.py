from __future__ import annotations

import datetime as dt

import pytest

from hoptac.accounts.models import ApiToken
from hoptac.partnerships.services import agreement_create


@pytest.fixture
def token_for():
    def make(user) -> dict[str, str]:
        _, raw = ApiToken.issue(user=user, name="test")
        return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}

    return make


@pytest.fixture
def agreement(hanoi_thanhhoa, admin_user):
    return agreement_create(
        partnership=hanoi_thanhhoa, by=admin_user, kind="minutes", title="Biên bản 2019",
        signed_on=dt.date(2019, 11, 16), placeholders=3,
    )  # fmt: skip
