"""EMAIL_URL and HOPTAC_SITE_URL are read strictly: a typo stops start-up naming the variable."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from hoptac.lib import env


def test_an_smtp_url_gives_host_port_credentials_and_tls(monkeypatch):
    monkeypatch.setenv("X_MAIL", "smtp://s%40so.gov.vn:p%3Ass@mail.example.vn:587?tls=1")
    mail = env.env_email_url("X_MAIL", "console://")
    assert mail["backend"].endswith("smtp.EmailBackend")
    assert (mail["host"], mail["port"]) == ("mail.example.vn", 587)
    assert (mail["user"], mail["password"]) == ("s@so.gov.vn", "p:ss")
    assert mail["tls"] is True and mail["ssl"] is False


def test_console_is_the_default(monkeypatch):
    monkeypatch.delenv("X_MAIL", raising=False)
    assert env.env_email_url("X_MAIL", "console://")["backend"].endswith("console.EmailBackend")


@pytest.mark.parametrize(
    "raw",
    ["smtps://host", "smtp://", "smtp://host:port", "smtp://host?tls=maybe",
     "smtp://host?tls=1&ssl=1", "smtp://host?starttls=1"],
)  # fmt: skip
def test_it_refuses_a_bad_mail_url(monkeypatch, raw):
    monkeypatch.setenv("X_MAIL", raw)
    with pytest.raises(ImproperlyConfigured, match="X_MAIL"):
        env.env_email_url("X_MAIL", "console://")


def test_a_site_url_loses_its_trailing_slash_and_must_be_http(monkeypatch):
    monkeypatch.setenv("X_SITE", "https://hoptac.thanhhoa.gov.vn/")
    assert env.env_url("X_SITE", "http://127.0.0.1:8000") == "https://hoptac.thanhhoa.gov.vn"
    monkeypatch.setenv("X_SITE", "hoptac.thanhhoa.gov.vn")
    with pytest.raises(ImproperlyConfigured, match="X_SITE"):
        env.env_url("X_SITE", "http://127.0.0.1:8000")
