"""/healthz: the database answers, how many jobs wait, the version; 503 when it cannot be reached."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from hoptac.jobs.models import Job, JobKind

REPO = Path(__file__).resolve().parents[2]


def test_it_answers_json_without_a_login(client, db):
    Job.objects.create(kind=JobKind.REINDEX)
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["database"] == "ok" and body["jobs_pending"] == 1
    assert body["version"] and body["version"][0].isdigit()
    assert "no-cache" in response["Cache-Control"]


def test_it_answers_503_when_the_database_cannot_be_reached(tmp_path):
    # A separate process whose DATABASE_URL points where no database can be opened.
    env = dict(os.environ, DATABASE_URL=f"sqlite:///{tmp_path}/missing/dir/db.sqlite3",
               HOPTAC_VAR_DIR=str(tmp_path), LOG_FORMAT="json")  # fmt: skip
    code = (
        "import django, json; django.setup(); from django.test import Client; "
        "r = Client().get('/healthz'); print(r.status_code, r.content.decode())"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], env={**env, "DJANGO_SETTINGS_MODULE": "hoptac.settings"},
        capture_output=True, text=True, timeout=120, cwd=REPO, check=True,
    )  # fmt: skip
    status, body = done.stdout.strip().split(" ", 1)
    assert status == "503"
    assert json.loads(body)["database"] == "unreachable"
    assert "database unreachable" in done.stderr


def test_a_probe_over_plain_http_is_not_redirected_to_https(client, db, settings):
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/healthz").status_code == 200
    assert client.get("/accounts/login/").status_code == 301
