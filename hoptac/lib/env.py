"""Typed readers of environment variables that fail loudly on bad values.

Each helper returns the parsed value or the default; a value that is set but cannot be
parsed raises ImproperlyConfigured naming the variable, so a typo never runs silently.
"""

from __future__ import annotations

import os
import secrets
import zoneinfo
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str) -> str:
    """Return the variable as a string, or the default when unset."""
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    """Return True/False from 1/0, true/false, yes/no, on/off."""
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name}={raw!r} is not a boolean (use 1/0, true/false, yes/no)")


def env_int(name: str, default: int, *, minimum: int | None = None) -> int:
    """Return the variable as an integer no smaller than `minimum`."""
    raw = os.environ.get(name)
    if raw is None:
        return default
    try:
        value = int(raw.strip())
    except ValueError:
        raise ImproperlyConfigured(f"{name}={raw!r} is not an integer") from None
    if minimum is not None and value < minimum:
        raise ImproperlyConfigured(f"{name}={value} must be at least {minimum}")
    return value


def env_float(name: str, default: float, *, low: float, high: float) -> float:
    """Return the variable as a number between `low` and `high` inclusive."""
    raw = os.environ.get(name)
    if raw is None:
        return default
    try:
        value = float(raw.strip())
    except ValueError:
        raise ImproperlyConfigured(f"{name}={raw!r} is not a number") from None
    if not low <= value <= high:
        raise ImproperlyConfigured(f"{name}={value} must be between {low} and {high}")
    return value


def env_choice(name: str, default: str, choices: list[str]) -> str:
    """Return the variable when it is one of `choices` (case-insensitive)."""
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value not in choices:
        raise ImproperlyConfigured(f"{name}={raw!r} must be one of {', '.join(choices)}")
    return value


def env_list(name: str, default: list[str]) -> list[str]:
    """Return a comma-separated list with blanks removed."""
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_timezone(name: str, default: str) -> str:
    """Return an IANA time zone name that zoneinfo knows."""
    value = os.environ.get(name, default)
    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise ImproperlyConfigured(f"{name}={value!r} is not a known time zone") from None
    return value


def secret_key(var_dir: Path, *, debug: bool) -> str:
    """Return SECRET_KEY from the environment, or in development one kept in var/.

    Production (DEBUG off) must set SECRET_KEY explicitly: a generated key on each of several
    application servers would break sessions between them.
    """
    value = os.environ.get("SECRET_KEY")
    if value:
        if len(value) < 32:
            raise ImproperlyConfigured("SECRET_KEY must be at least 32 characters")
        return value
    if not debug:
        raise ImproperlyConfigured(
            "SECRET_KEY must be set when DEBUG is off (for development, set DEBUG=1)"
        )
    path = var_dir / "secret_key"
    if not path.exists():
        var_dir.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(50), encoding="utf-8")
        path.chmod(0o600)
    return path.read_text(encoding="utf-8").strip()


def env_url(name: str, default: str) -> str:
    """Return an http(s) URL without its trailing slash."""
    value = os.environ.get(name, default).strip()
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ImproperlyConfigured(f"{name}={value!r} is not an http(s) URL")
    return value.rstrip("/")


@dataclass(frozen=True)
class EmailSettings:
    backend: str
    host: str = "localhost"
    port: int = 25
    user: str = ""
    password: str = ""
    tls: bool = False
    ssl: bool = False
    configured: bool = True


_SMTP = "django.core.mail.backends.smtp.EmailBackend"


def email_settings(url: str) -> EmailSettings:
    """Return the mail settings of EMAIL_URL.

    `smtp://user:pass@host:587?tls=1` (STARTTLS), `smtps://user:pass@host:465` (TLS from the
    start), `console://` (printed, for development); empty: not configured, nothing is sent.
    User and password are percent-decoded.
    """
    if not url.strip():
        return EmailSettings("django.core.mail.backends.dummy.EmailBackend", configured=False)
    parts = urlsplit(url.strip())
    if parts.scheme == "console":
        return EmailSettings("django.core.mail.backends.console.EmailBackend")
    if parts.scheme not in ("smtp", "smtps"):
        raise ImproperlyConfigured(
            f"EMAIL_URL scheme {parts.scheme!r} is not smtp://, smtps:// or console://"
        )
    try:
        port = parts.port
    except ValueError:
        raise ImproperlyConfigured("EMAIL_URL has a port that is not a number") from None
    if not parts.hostname:
        raise ImproperlyConfigured("EMAIL_URL names no host")
    query = {k: v[-1].strip().lower() for k, v in parse_qs(parts.query).items()}
    for key in query:
        if key not in ("tls", "ssl"):
            raise ImproperlyConfigured(f"EMAIL_URL: unknown option {key!r} (use tls=1 or ssl=1)")
    flags = {}
    for key in ("tls", "ssl"):
        raw = query.get(key, "")
        if raw not in _TRUE | _FALSE:
            raise ImproperlyConfigured(f"EMAIL_URL: {key}={raw!r} is not a boolean")
        flags[key] = raw in _TRUE
    ssl = flags["ssl"] or parts.scheme == "smtps"
    if ssl and flags["tls"]:
        raise ImproperlyConfigured("EMAIL_URL: choose tls=1 (STARTTLS) or ssl=1, not both")
    return EmailSettings(
        _SMTP,
        host=parts.hostname,
        port=port or (465 if ssl else 587 if flags["tls"] else 25),
        user=unquote(parts.username or ""),
        password=unquote(parts.password or ""),
        tls=flags["tls"],
        ssl=ssl,
    )
