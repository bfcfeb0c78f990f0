"""Production settings: `check --deploy` is clean, DEBUG is off unless on, '*' is refused."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys


def _run(tmp_path, *args: str, **env: str) -> subprocess.CompletedProcess:
    # DJANGO_ALLOW_ASYNC_UNSAFE is the browser tests' (tests/browser/conftest.py), not production's.
    dropped = ("DEBUG", "DATABASE_URL", "EMAIL_URL", "DJANGO_ALLOW_ASYNC_UNSAFE")
    base = {k: v for k, v in os.environ.items() if k not in dropped}
    base |= {"HOPTAC_VAR_DIR": str(tmp_path), "SECRET_KEY": secrets.token_urlsafe(50)}
    base |= {"ALLOWED_HOSTS": "hoptac.example.gov.vn", **env}
    return subprocess.run(
        [sys.executable, "-m", "hoptac", *args], env=base, capture_output=True, text=True,
        timeout=120,
    )  # fmt: skip


def test_check_deploy_warns_about_nothing_in_production(tmp_path):
    out = _run(tmp_path, "check", "--deploy", "--fail-level", "WARNING")
    assert out.returncode == 0, out.stdout + out.stderr
    assert "no issues" in out.stdout


def test_debug_is_off_unless_explicitly_on(tmp_path):
    code = "from django.conf import settings; print(settings.DEBUG, settings.SECURE_SSL_REDIRECT)"
    out = _run(tmp_path, "shell", "-c", code)
    assert out.stdout.split()[-2:] == ["False", "True"], out.stdout + out.stderr


def test_allowed_hosts_star_is_refused_in_production(tmp_path):
    out = _run(tmp_path, "check", ALLOWED_HOSTS="*")
    assert out.returncode != 0 and "ALLOWED_HOSTS" in out.stderr
