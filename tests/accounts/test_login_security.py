"""Logins are throttled, passwords are long and uncommon, idle sessions end, mail is honest."""

from __future__ import annotations

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.password_validation import validate_password
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import translation

LOGIN = "/accounts/login/"


def _login(client: Client, username: str, password: str):
    return client.post(LOGIN, {"username": username, "password": password})


def test_five_failures_lock_the_username_at_that_address_for_15_minutes(alice):
    client = Client(REMOTE_ADDR="203.0.113.7")
    for _ in range(4):
        assert _login(client, "alice", "wrong-password").status_code == 200
    locked = _login(client, "alice", "wrong-password")
    assert locked.status_code == 429
    assert "Tạm khóa đăng nhập" in locked.content.decode()
    # Even the right password is refused while locked; the attempt is on record.
    again = _login(client, "alice", "alice-pass-123")
    assert again.status_code == 429 and "_auth_user_id" not in client.session
    assert AccessAttempt.objects.get(username="alice").failures_since_start >= 5
    # Another address is not locked out by someone else's guesses.
    other = Client(REMOTE_ADDR="198.51.100.2")
    assert _login(other, "alice", "alice-pass-123").status_code == 302


def test_a_success_before_the_limit_resets_the_count(alice):
    client = Client(REMOTE_ADDR="203.0.113.8")
    for _ in range(4):
        _login(client, "alice", "wrong-password")
    assert _login(client, "alice", "alice-pass-123").status_code == 302
    client.post("/accounts/logout/")
    for _ in range(4):
        assert _login(client, "alice", "wrong-password").status_code == 200


@pytest.mark.parametrize("password", ["hoptac-demo", "Hanoi123", "password1234"])
def test_short_or_common_passwords_are_refused_in_vietnamese(password):
    with translation.override("vi"), pytest.raises(ValidationError) as exc:
        validate_password(password)
    text = " ".join(exc.value.messages)
    assert "Mật khẩu" in text or "mật khẩu" in text, text


def test_a_long_uncommon_password_passes():
    validate_password("Sông Hồng mùa lũ 2024")


def test_the_password_change_form_names_the_rule(client, alice):
    client.force_login(alice)
    r = client.post("/accounts/password_change/", {
        "old_password": "alice-pass-123", "new_password1": "Hanoi123",
        "new_password2": "Hanoi123",
    })  # fmt: skip
    assert r.status_code == 200
    assert "12" in r.content.decode()  # at least 12 characters
    alice.refresh_from_db()
    assert alice.check_password("alice-pass-123")


def test_an_idle_session_ends_and_each_request_extends_it(alice, settings):
    client = Client()
    assert _login(client, "alice", "alice-pass-123").status_code == 302
    first = client.cookies["sessionid"]
    assert int(first["max-age"]) == settings.SESSION_COOKIE_AGE == 120 * 60
    page = client.get("/grants/")
    assert "sessionid" in page.cookies  # saved again: the idle clock restarts
    from django.contrib.sessions.models import Session
    from django.utils import timezone

    Session.objects.update(expire_date=timezone.now())  # 120 idle minutes later
    assert "_auth_user_id" not in client.session


def test_password_reset_says_when_mail_is_not_configured(client, alice, settings, mailoutbox):
    settings.HOPTAC_EMAIL_CONFIGURED = False
    alice.email = "alice@example.gov.vn"
    alice.save()
    page = client.get("/accounts/password_reset/")
    assert page.status_code == 503
    assert "chưa được cấu hình gửi thư" in page.content.decode()
    posted = client.post("/accounts/password_reset/", {"email": "alice@example.gov.vn"})
    assert posted.status_code == 503 and not mailoutbox


def test_password_reset_sends_the_mail_when_configured(client, alice, settings, mailoutbox):
    settings.HOPTAC_EMAIL_CONFIGURED = True
    alice.email = "alice@example.gov.vn"
    alice.save()
    r = client.post("/accounts/password_reset/", {"email": "alice@example.gov.vn"})
    assert r.status_code == 302
    assert len(mailoutbox) == 1 and mailoutbox[0].to == ["alice@example.gov.vn"]


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()  # throttles and lockouts counted in the cache start from zero
    yield
    cache.clear()
