"""Errors reach Sentry (a compatible server on loopback here) when SENTRY_DSN is set."""

from __future__ import annotations

import gzip
import http.server
import os
import subprocess
import sys
import threading
import zlib
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


class _Collector(http.server.BaseHTTPRequestHandler):
    received: list[tuple[str, bytes]] = []

    def do_POST(self) -> None:  # noqa: N802 - the http.server interface
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        encoding = self.headers.get("Content-Encoding", "")
        if encoding == "gzip":
            body = gzip.decompress(body)
        elif encoding == "deflate":
            body = zlib.decompress(body)
        elif encoding == "br":
            import brotli

            body = brotli.decompress(body)
        self.received.append((self.path, body))
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, *args) -> None:
        pass


def _run_with(env_extra: dict[str, str], tmp_path) -> subprocess.CompletedProcess:
    code = (
        "import django, sentry_sdk; django.setup(); from django.test import Client; "
        "print(Client().get('/healthz', HTTP_X_REQUEST_ID='sentry-test-1').status_code, "
        "sentry_sdk.get_client().is_active()); "
        "sentry_sdk.flush(10)"
    )
    env = {
        **os.environ, "DJANGO_SETTINGS_MODULE": "hoptac.settings", "HOPTAC_VAR_DIR": str(tmp_path),
        # No database can be opened there: /healthz logs an ERROR line, which is reported.
        "DATABASE_URL": f"sqlite:///{tmp_path}/missing/dir/db.sqlite3", **env_extra,
    }  # fmt: skip
    return subprocess.run([sys.executable, "-c", code], env=env, cwd=REPO, capture_output=True,
                          text=True, timeout=120, check=True)  # fmt: skip


def test_an_error_is_reported_with_its_request_id_when_a_dsn_is_set(tmp_path):
    _Collector.received = []
    server = http.server.HTTPServer(("127.0.0.1", 0), _Collector)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        dsn = f"http://publickey@127.0.0.1:{server.server_port}/42"
        done = _run_with({"SENTRY_DSN": dsn, "SENTRY_ENVIRONMENT": "test"}, tmp_path)
    finally:
        server.shutdown()
    assert done.stdout.split() == ["503", "True"]
    bodies = b"".join(body for path, body in _Collector.received if path.startswith("/api/42/"))
    assert b"database unreachable" in bodies
    assert b'"request_id":"sentry-test-1"' in bodies.replace(b" ", b"")
    assert b'"environment":"test"' in bodies.replace(b" ", b"")


def test_nothing_is_sent_without_a_dsn(tmp_path):
    env = {"SENTRY_DSN": ""}
    done = _run_with(env, tmp_path)
    assert done.stdout.split() == ["503", "False"]
