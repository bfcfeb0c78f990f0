"""`make bench-load`: 20 concurrent writers for 30 s against a server this script starts.

Loopback only and bounded (writers, seconds and writes per writer are capped). It prepares a
throwaway database (SQLite in a temporary directory, or the PostgreSQL of DATABASE_URL when
that is a postgres:// URL: use a database you can throw away), starts `hoptac runserver`
(threaded) on 127.0.0.1, and has each writer create a grant through the API and then change
it with its version, again and again. It prints the writes, the failures by status, and the
latency; the exit status is 1 when any write failed.

    python -m bench.load_writes [--writers 20] [--seconds 30]
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from pathlib import Path

MAX_WRITERS = 50
MAX_SECONDS = 120
MAX_WRITES_PER_WRITER = 5000
HOST = "127.0.0.1"  # never anything else: this is a load generator

SETUP = """
import json
from django.contrib.auth import get_user_model
from hoptac.accounts.models import ApiToken
from hoptac.localities.models import Locality
from hoptac.localities.services import localities_load
from hoptac.partnerships.services import partnership_get_or_create
localities_load()
user = get_user_model().objects.filter(username="bench").first() or \\
    get_user_model().objects.create_superuser("bench", password="bench-load-only-1")
a, b = Locality.objects.filter(generation=2008).order_by("code")[:2]
p, _ = partnership_get_or_create(localities=[a, b], by=user)
tokens = [ApiToken.issue(user=user, name=f"bench {i}")[1] for i in range(WRITERS)]
print(json.dumps({"partnership": p.pk, "donor": a.pk, "recipient": b.pk, "tokens": tokens}))
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def _hoptac(env: dict[str, str], *args: str, **kw) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "hoptac", *args], env=env, check=True, text=True,
        capture_output=True, timeout=600, **kw,
    )  # fmt: skip


def _call(method: str, url: str, token: str, body: dict) -> tuple[int, dict]:
    req = urllib.request.Request(  # noqa: S310 - http://127.0.0.1 only
        url, data=json.dumps(body).encode(), method=method,
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
    )  # fmt: skip
    try:
        with urllib.request.urlopen(req, timeout=60) as r:  # noqa: S310 - loopback http only
            return r.status, json.loads(r.read() or b"{}")
    except urllib.error.HTTPError as e:
        return e.code, {}


class Tally:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.codes: Counter[str] = Counter()
        self.latency: list[float] = []

    def add(self, code: str, seconds: float) -> None:
        with self.lock:
            self.codes[code] += 1
            self.latency.append(seconds)


def _writer(base: str, token: str, ids: dict, deadline: float, tally: Tally) -> None:
    grant: dict | None = None
    for n in range(MAX_WRITES_PER_WRITER):
        if time.monotonic() >= deadline:
            return
        t0 = time.monotonic()
        try:
            if grant is None or n % 4 == 0:
                status, grant = _call("POST", f"{base}/api/v1/grants", token, {
                    "partnership_id": ids["partnership"], "donor_id": ids["donor"],
                    "recipient_id": ids["recipient"], "amount_vnd": 1_000_000_000 + n,
                    "purpose": f"tải thử {n}", "year": 2024,
                })  # fmt: skip
                ok = status == 201
                if not ok:
                    grant = None
            else:
                status, changed = _call("PATCH", f"{base}/api/v1/grants/{grant['id']}", token, {
                    "expected_version": grant["version"], "amount_vnd": 2_000_000_000 + n,
                })  # fmt: skip
                ok = status == 200
                if ok:
                    grant = changed
            code = str(status) if not ok else "ok"
        except (OSError, ValueError) as exc:  # a refused or broken connection is a failure
            code = type(exc).__name__
            grant = None
        tally.add(code, time.monotonic() - t0)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--writers", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=30.0)
    opts = parser.parse_args(argv)
    writers = max(1, min(opts.writers, MAX_WRITERS))
    seconds = max(1.0, min(opts.seconds, MAX_SECONDS))
    url = os.environ.get("DATABASE_URL", "")
    postgres = url.startswith(("postgres://", "postgresql://"))
    with tempfile.TemporaryDirectory(prefix="hoptac-load-") as tmp:
        # Production settings (DEBUG off: errors answer as users see them), over plain HTTP on
        # loopback; runserver starts a thread per request, so no kept connections.
        env = {
            **os.environ, "DEBUG": "0", "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": HOST, "SECURE_SSL_REDIRECT": "0", "SECURE_COOKIES": "0",
            "SECURE_HSTS_SECONDS": "0", "HOPTAC_VAR_DIR": tmp, "HOPTAC_API_RATE": "100000/min",
            "HOPTAC_DB_CONN_MAX_AGE": "0",
        }  # fmt: skip
        if not postgres:
            env["DATABASE_URL"] = f"sqlite:///{Path(tmp) / 'load.sqlite3'}"
        database = "PostgreSQL" if postgres else "SQLite"
        print(f"database: {database}; {writers} writers for {seconds:.0f} s", flush=True)
        _hoptac(env, "migrate", "--verbosity", "0")
        ids = json.loads(
            _hoptac(env, "shell", "-v", "0", "-c", f"WRITERS = {writers}\n{SETUP}").stdout
            .strip().splitlines()[-1]
        )  # fmt: skip
        port = _free_port()
        log_path = Path(tmp) / "server.log"
        log = log_path.open("w", encoding="utf-8")  # a file: a full pipe would stall the server
        server = subprocess.Popen(
            [sys.executable, "-m", "hoptac", "runserver", f"{HOST}:{port}", "--noreload"],
            env=env, stdout=log, stderr=subprocess.STDOUT, text=True,
        )  # fmt: skip
        try:
            base = f"http://{HOST}:{port}"
            for _ in range(100):
                try:
                    urllib.request.urlopen(f"{base}/api/v1/localities?limit=1", timeout=2)  # noqa: S310
                    break
                except OSError:
                    time.sleep(0.2)
            tally = Tally()
            deadline = time.monotonic() + seconds
            threads = [
                threading.Thread(target=_writer, args=(base, tok, ids, deadline, tally))
                for tok in ids["tokens"]
            ]
            for t in threads:
                t.start()
            for t in threads:
                t.join(seconds + 120)
        finally:
            server.terminate()
            try:
                server.wait(10)
            except subprocess.TimeoutExpired:
                server.kill()
            log.close()
        errors = [line for line in log_path.read_text(encoding="utf-8").splitlines()
                  if "Error" in line or "Traceback" in line]  # fmt: skip
        for line in errors[:10]:
            print("server:", line)
    total = sum(tally.codes.values())
    failed = total - tally.codes["ok"]
    lat = sorted(tally.latency) or [0.0]
    p95 = lat[min(len(lat) - 1, int(len(lat) * 0.95))]
    print(f"writes: {total}  ok: {tally.codes['ok']}  failed: {failed}")
    print(
        "failures: "
        + (", ".join(f"{k} ×{v}" for k, v in tally.codes.items() if k != "ok") or "none")
    )
    print(
        f"latency: median {statistics.median(lat) * 1000:.0f} ms, "
        f"95th percentile {p95 * 1000:.0f} ms; {total / seconds:.0f} writes/s"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
