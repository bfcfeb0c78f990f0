"""Smoke test of a production-like deployment, driven over loopback.

Starts two application servers (`hoptac serve`, one gunicorn worker each, DEBUG off) and the
job worker (`hoptac worker`) on a fresh database, then, as a browser would, across both
servers: signs in, uploads a document, waits for its job, accepts its facts, asks for the
annual report as PDF, waits for that job and downloads the file. Checks /healthz on each server
and that the worker's log lines carry the upload request's id.

    python -m tests.smoke.run            # a fresh SQLite file in a temporary folder
    DATABASE_URL=postgres://... python -m tests.smoke.run   # that (empty) PostgreSQL database

Exits non-zero with the servers' and the worker's last log lines when a step fails; every wait is
bounded (SMOKE_STEP_TIMEOUT seconds, default 120).
"""

from __future__ import annotations

import http.cookiejar
import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
HOPTAC = str(Path(sys.executable).with_name("hoptac"))
SAMPLE = REPO / "corpus" / "dev" / "001_f55f63b05124dd74.txt"  # Hà Nội – Hà Tĩnh, 30/11/2019
YEAR = 2019
USER, PASSWORD = "smoke-admin", "smoke-" + secrets.token_urlsafe(12)
STEP_TIMEOUT = float(os.environ.get("SMOKE_STEP_TIMEOUT", "120"))


class SmokeFailure(Exception):
    pass


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    """Cookies shared by every server (they are per host, not per port), no automatic redirects."""

    def __init__(self) -> None:
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), _NoRedirect()
        )

    def request(self, url: str, data: bytes | None = None, headers: dict | None = None):
        req = urllib.request.Request(url, data=data, headers=headers or {})  # noqa: S310 - loopback
        try:
            with self.opener.open(req, timeout=60) as resp:
                return resp.status, dict(resp.headers), resp.read()
        except urllib.error.HTTPError as exc:
            return exc.code, dict(exc.headers), exc.read()

    def get(self, url: str):
        return self.request(url)

    def post_form(self, url: str, fields: dict[str, str]):
        body = urllib.parse.urlencode(fields).encode()
        return self.request(url, body, {"Content-Type": "application/x-www-form-urlencoded"})

    def post_multipart(self, url: str, fields: dict[str, str], files: dict[str, tuple[str, bytes]],
                       headers: dict | None = None):  # fmt: skip
        boundary = uuid.uuid4().hex
        parts = []
        for name, value in fields.items():
            parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
                         f"{value}\r\n".encode())  # fmt: skip
        for name, (filename, content) in files.items():
            parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
                         f'filename="{filename}"\r\nContent-Type: text/plain\r\n\r\n'.encode())  # fmt: skip
            parts.append(content + b"\r\n")
        parts.append(f"--{boundary}--\r\n".encode())
        return self.request(
            url, b"".join(parts),
            {"Content-Type": f"multipart/form-data; boundary={boundary}", **(headers or {})},
        )  # fmt: skip

    def csrf(self, url: str) -> str:
        status, _h, body = self.get(url)
        found = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body)
        if status != 200 or not found:
            raise SmokeFailure(f"GET {url}: {status}, no CSRF token in the form")
        return found.group(1).decode()


def _wait(what: str, check, timeout: float = STEP_TIMEOUT):
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        try:
            last = check()
            if last:
                return last
        except (OSError, urllib.error.URLError) as exc:
            last = exc
        time.sleep(0.5)
    raise SmokeFailure(f"timed out after {timeout:.0f}s waiting for {what} (last: {last!r})")


def _job_done(browser: Browser, base: str, job_id: int) -> dict:
    def check():
        status, _h, body = browser.get(f"{base}/jobs/{job_id}/status.json")
        if status != 200:
            raise SmokeFailure(f"job {job_id} status: HTTP {status}")
        job = json.loads(body)
        if job["status"] == "failed":
            raise SmokeFailure(f"job {job_id} failed: {job['error']}")
        return job if job["status"] == "done" else None

    return _wait(f"job {job_id}", check)


def scenario(a: str, b: str, worker_log: Path) -> list[str]:
    """Drive the site through servers `a` and `b`; return what was checked."""
    done: list[str] = []
    browser = Browser()
    for base in (a, b):
        status, _h, body = browser.get(f"{base}/healthz")
        health = json.loads(body)
        if status != 200 or health["database"] != "ok":
            raise SmokeFailure(f"{base}/healthz: {status} {health}")
    done.append("healthz ok on both servers")

    token = browser.csrf(f"{a}/accounts/login/")
    status, headers, _b = browser.post_form(
        f"{a}/accounts/login/",
        {"csrfmiddlewaretoken": token, "username": USER, "password": PASSWORD},
    )
    if status != 302:
        raise SmokeFailure(f"login on {a}: expected a redirect, got {status}")
    done.append("signed in on server A")

    token = browser.csrf(f"{b}/documents/upload/")  # the session made on A works on B
    request_id = f"smoke-{uuid.uuid4().hex[:12]}"
    status, headers, body = browser.post_multipart(
        f"{b}/documents/upload/", {"csrfmiddlewaretoken": token},
        {"files": (SAMPLE.name, SAMPLE.read_bytes())}, headers={"X-Request-ID": request_id},
    )  # fmt: skip
    found = re.search(rb'href="/jobs/(\d+)/"', body)
    if status != 200 or not found:
        raise SmokeFailure(f"upload on {b}: {status}, no job link in the page")
    job = _job_done(browser, a, int(found.group(1)))
    document_id = job["result"]["files"][0]["document_id"]
    if job["result"]["files"][0]["status"] != "new" or not document_id:
        raise SmokeFailure(f"upload job result: {job['result']}")
    done.append(f"upload on B queued job {job['id']}; the worker read it: document {document_id}")
    _wait("the worker's log line with the upload's request id",
          lambda: request_id in worker_log.read_text(encoding="utf-8", errors="replace"), 10)  # fmt: skip
    done.append("the worker's log lines carry the upload's request id")

    token = browser.csrf(f"{a}/documents/{document_id}/")
    status, _h, _b = browser.post_form(
        f"{a}/documents/{document_id}/accept-all/", {"csrfmiddlewaretoken": token}
    )
    if status != 302:
        raise SmokeFailure(f"accept all: {status}")
    status, _h, body = browser.get(f"{b}/reports/annual/")
    options = re.findall(
        rb'<option value="(\d+)"[^>]*>([^<]*H\xc3\xa0 T\xc4\xa9nh[^<]*)</option>', body
    )
    if not options:
        raise SmokeFailure("the report form offers no Hà Nội – Hà Tĩnh partnership")
    done.append("facts accepted: the partnership is in the report form")

    query = urllib.parse.urlencode(
        {"partnership": options[0][0].decode(), "year": YEAR, "format": "pdf"}
    )
    status, headers, _b = browser.get(f"{b}/reports/annual/?{query}")
    location = headers.get("Location", "")
    found = re.search(r"/jobs/(\d+)/", location)
    if status != 302 or not found:
        raise SmokeFailure(f"report request: {status} {location!r}")
    job = _job_done(browser, a, int(found.group(1)))
    status, headers, body = browser.get(f"{a}{job['download']}")
    if (
        status != 200
        or not body.startswith(b"%PDF")
        or headers.get("Content-Type") != "application/pdf"
    ):
        raise SmokeFailure(f"report download: {status} {headers.get('Content-Type')} {body[:20]!r}")
    done.append(f"report job {job['id']} rendered; the PDF downloads ({len(body)} bytes)")
    return done


def main() -> int:
    started = time.monotonic()
    var = Path(tempfile.mkdtemp(prefix="hoptac-smoke-"))
    env = {
        **os.environ,
        "DEBUG": "false",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_COOKIES": "false",  # plain HTTP on loopback; nginx does TLS in production
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_HSTS_SECONDS": "0",
        "HOPTAC_VAR_DIR": str(var),
        "HOPTAC_TASKS": "database",
        "WEB_CONCURRENCY": "1",
        "LOG_FORMAT": "json",
        "DJANGO_SUPERUSER_USERNAME": USER,
        "DJANGO_SUPERUSER_PASSWORD": PASSWORD,
        "DJANGO_SUPERUSER_EMAIL": "smoke@example.org",
    }
    env.setdefault("DATABASE_URL", f"sqlite:///{var / 'smoke.sqlite3'}")
    procs: list[subprocess.Popen] = []
    logs = {name: var / f"{name}.log" for name in ("server-a", "server-b", "worker")}
    try:
        for args in (["migrate", "--noinput", "-v0"], ["collectstatic", "--noinput", "-v0"],
                     ["createsuperuser", "--noinput"]):  # fmt: skip
            t0 = time.monotonic()
            subprocess.run([HOPTAC, *args], env=env, check=True, cwd=REPO, timeout=600)
            print(f"smoke: hoptac {args[0]} ({time.monotonic() - t0:.0f}s)", flush=True)
        ports = [_free_port(), _free_port()]
        for name, cmd in (
            ("server-a", ["serve", "--bind", f"127.0.0.1:{ports[0]}"]),
            ("server-b", ["serve", "--bind", f"127.0.0.1:{ports[1]}"]),
            ("worker", ["worker", "--interval", "0.5"]),
        ):
            out = logs[name].open("wb")
            procs.append(subprocess.Popen([HOPTAC, *cmd], env=env, cwd=REPO, stdout=out,
                                          stderr=subprocess.STDOUT))  # fmt: skip
        a, b = (f"http://127.0.0.1:{p}" for p in ports)
        for base in (a, b):
            _wait(f"{base} to answer", lambda base=base: Browser().get(f"{base}/healthz")[0] == 200)
        for line in scenario(a, b, logs["worker"]):
            print(f"smoke: ok – {line}", flush=True)
        print(f"smoke: passed in {time.monotonic() - started:.0f}s "
              f"({env['DATABASE_URL'].split(':', 1)[0]})")  # fmt: skip
        return 0
    except (SmokeFailure, subprocess.SubprocessError) as exc:
        print(f"smoke: FAILED: {exc}", file=sys.stderr)
        for name, path in logs.items():
            if path.exists():
                tail = path.read_text(encoding="utf-8", errors="replace").splitlines()[-25:]
                print(f"--- last lines of {name}:", *tail, sep="\n", file=sys.stderr)
        return 1
    finally:
        for proc in procs:
            proc.terminate()
        for proc in procs:
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
        shutil.rmtree(var, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
