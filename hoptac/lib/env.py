"""Typed readers of environment variables that fail loudly on bad values.

Each helper returns the parsed value or the default; a value that is set but cannot be
parsed raises ImproperlyConfigured naming the variable, so a typo never runs silently.
"""

from __future__ import annotations

import os
import secrets
import zoneinfo
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

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
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off")
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


_MAIL_BACKENDS = {
    "smtp": "django.core.mail.backends.smtp.EmailBackend",
    "console": "django.core.mail.backends.console.EmailBackend",
    "dummy": "django.core.mail.backends.dummy.EmailBackend",
}


def env_email_url(name: str, default: str) -> dict[str, Any]:
    """Return Django's mail settings from a URL: `smtp://user:pass@host:587?tls=1` (or
    `ssl=1`), `console://` (mail printed on the console) or `dummy://` (mail dropped).

    Keys: backend, host, port, user, password, tls, ssl.
    """
    raw = os.environ.get(name, default).strip()
    parts = urlsplit(raw)
    if parts.scheme not in _MAIL_BACKENDS:
        raise ImproperlyConfigured(
            f"{name}={raw!r}: use smtp://user:pass@host:port, console:// or dummy://"
        )
    query = {k: v.strip().lower() for k, v in parse_qsl(parts.query)}
    unknown = set(query) - {"tls", "ssl"}
    if unknown:
        raise ImproperlyConfigured(f"{name}: unknown option(s) {sorted(unknown)} (tls, ssl)")
    flags = {}
    for key in ("tls", "ssl"):
        value = query.get(key, "0")
        if value not in _TRUE | _FALSE:
            raise ImproperlyConfigured(f"{name}: {key}={value!r} is not 1/0")
        flags[key] = value in _TRUE
    if flags["tls"] and flags["ssl"]:
        raise ImproperlyConfigured(f"{name}: tls=1 and ssl=1 exclude each other")
    try:
        port = parts.port
    except ValueError:
        raise ImproperlyConfigured(f"{name}: the port is not a number") from None
    if parts.scheme == "smtp" and not parts.hostname:
        raise ImproperlyConfigured(f"{name}={raw!r} names no host")
    return {
        "backend": _MAIL_BACKENDS[parts.scheme],
        "host": parts.hostname or "localhost",
        "port": port or (465 if flags["ssl"] else 587 if flags["tls"] else 25),
        "user": unquote(parts.username or ""),
        "password": unquote(parts.password or ""),
        "tls": flags["tls"],
        "ssl": flags["ssl"],
    }
