"""Settings from the environment fail loudly on bad values."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from hoptac.lib import env


def test_booleans(monkeypatch):
    monkeypatch.setenv("X_FLAG", "yes")
    assert env.env_bool("X_FLAG", False) is True
    monkeypatch.setenv("X_FLAG", "0")
    assert env.env_bool("X_FLAG", True) is False
    monkeypatch.setenv("X_FLAG", "maybe")
    with pytest.raises(ImproperlyConfigured, match="X_FLAG"):
        env.env_bool("X_FLAG", True)


def test_integers_with_a_minimum(monkeypatch):
    monkeypatch.setenv("X_N", "12")
    assert env.env_int("X_N", 1, minimum=1) == 12
    monkeypatch.setenv("X_N", "twelve")
    with pytest.raises(ImproperlyConfigured, match="X_N"):
        env.env_int("X_N", 1)
    monkeypatch.setenv("X_N", "0")
    with pytest.raises(ImproperlyConfigured, match="at least"):
        env.env_int("X_N", 1, minimum=1)


def test_time_zones(monkeypatch):
    monkeypatch.setenv("X_TZ", "Asia/Ho_Chi_Minh")
    assert env.env_timezone("X_TZ", "UTC") == "Asia/Ho_Chi_Minh"
    monkeypatch.setenv("X_TZ", "Asia/Hanoi_City")
    with pytest.raises(ImproperlyConfigured, match="X_TZ"):
        env.env_timezone("X_TZ", "UTC")


def test_the_secret_key_is_generated_once_in_development(tmp_path, monkeypatch):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    first = env.secret_key(tmp_path, debug=True)
    assert len(first) >= 50
    assert env.secret_key(tmp_path, debug=True) == first


def test_production_requires_a_secret_key(tmp_path, monkeypatch):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    with pytest.raises(ImproperlyConfigured, match="SECRET_KEY"):
        env.secret_key(tmp_path, debug=False)
    monkeypatch.setenv("SECRET_KEY", "short")
    with pytest.raises(ImproperlyConfigured, match="32"):
        env.secret_key(tmp_path, debug=False)


def test_a_bad_database_url_stops_start_up(tmp_path):
    import subprocess
    import sys

    out = subprocess.run(
        [sys.executable, "-m", "hoptac", "check"],
        env={"DATABASE_URL": "nonsense://", "HOPTAC_VAR_DIR": str(tmp_path), "PATH": "/usr/bin",
             "DEBUG": "1"},
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert out.returncode != 0
    assert "DATABASE_URL" in out.stderr


def test_email_urls():
    smtp = env.email_settings("smtp://h%40x:p%3Ass@mail.example.gov.vn:587?tls=1")
    assert (smtp.host, smtp.port, smtp.user, smtp.password, smtp.tls, smtp.ssl) == (
        "mail.example.gov.vn", 587, "h@x", "p:ss", True, False,
    )  # fmt: skip
    assert smtp.backend.endswith("smtp.EmailBackend") and smtp.configured
    smtps = env.email_settings("smtps://u:p@mail.example.gov.vn")
    assert (smtps.port, smtps.ssl, smtps.tls) == (465, True, False)
    assert env.email_settings("console://").backend.endswith("console.EmailBackend")
    assert env.email_settings("").configured is False


@pytest.mark.parametrize(
    "url, message",
    [
        ("http://mail.example", "scheme"),
        ("smtp://mail.example:port", "port"),
        ("smtp://:587", "host"),
        ("smtp://mail.example?tls=maybe", "tls"),
        ("smtp://mail.example?tls=1&ssl=1", "not both"),
        ("smtp://mail.example?starttls=1", "unknown option"),
    ],
)
def test_bad_email_urls_stop_start_up(url, message):
    with pytest.raises(ImproperlyConfigured, match=message):
        env.email_settings(url)
