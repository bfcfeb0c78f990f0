"""API tokens expire, name their issuer, leave history, and are throttled."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.utils import timezone

from hoptac.accounts.models import ApiToken


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


def _bearer(raw: str) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def test_the_command_records_the_issuer_and_an_expiry(alice, admin_user, capsys, settings):
    call_command("api_token", "alice", "script", "--issuer", "admin", "--days", "30")
    raw = capsys.readouterr().out.strip()
    token = ApiToken.objects.get(digest=ApiToken.digest_of(raw))
    assert token.issued_by == admin_user
    assert abs(token.expires_at - (timezone.now() + dt.timedelta(days=30))) < dt.timedelta(
        minutes=1
    )
    call_command("api_token", "alice", "default")
    default = ApiToken.objects.get(name="default")
    assert (default.expires_at - default.created_at).days == settings.HOPTAC_API_TOKEN_DAYS


def test_an_expired_token_is_refused(client, alice):
    token, raw = ApiToken.issue(user=alice, name="old", days=1)
    assert client.get("/api/v1/documents", **_bearer(raw)).status_code == 200
    ApiToken.objects.filter(pk=token.pk).update(expires_at=timezone.now() - dt.timedelta(seconds=1))
    assert client.get("/api/v1/documents", **_bearer(raw)).status_code == 401


def test_creation_revocation_and_deletion_are_in_history(alice, admin_user, client):
    token, _ = ApiToken.issue(user=alice, name="script", issued_by=admin_user)
    client.force_login(admin_user)
    r = client.post(f"/admin/accounts/apitoken/{token.pk}/delete/", {"post": "yes"})
    assert r.status_code == 302 and not ApiToken.objects.exists()
    rows = list(
        ApiToken.history.order_by("history_date").values_list("history_type", "history_user")
    )
    assert rows == [("+", admin_user.pk), ("-", admin_user.pk)]


def test_requests_beyond_the_rate_answer_429(client, alice, settings):
    settings.HOPTAC_API_RATE = "3/min"
    _, raw = ApiToken.issue(user=alice, name="busy")
    codes = [client.get("/api/v1/localities", **_bearer(raw)).status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    _, other = ApiToken.issue(user=alice, name="other")  # counted per token
    assert client.get("/api/v1/localities", **_bearer(other)).status_code == 200


def test_guessed_tokens_are_throttled_by_address(db, client, settings):
    settings.HOPTAC_API_RATE = "3/min"
    codes = [
        client.get("/api/v1/localities", **_bearer(f"hoptac_guess{i}")).status_code
        for i in range(4)
    ]
    assert codes == [401, 401, 401, 429]
