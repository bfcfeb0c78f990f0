"""`hoptac serve [--bind HOST:PORT]`: the application under gunicorn, static files by WhiteNoise."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from gunicorn.app.base import BaseApplication

from hoptac.lib.env import env_int


class Command(BaseCommand):
    help = (
        "Phục vụ ứng dụng bằng gunicorn (Serve the application with gunicorn; "
        "WEB_CONCURRENCY worker processes)."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--bind", default="127.0.0.1:8000", help="HOST:PORT (default 127.0.0.1:8000)"
        )
        parser.add_argument(
            "--threads", type=int, default=4, help="threads per worker process (default 4)"
        )
        parser.add_argument(
            "--timeout", type=int, default=120, help="seconds a request may take (default 120)"
        )
        parser.add_argument(
            "--access-log",
            action="store_true",
            help="write an access log line per request to stdout",
        )

    def handle(
        self, *args, bind: str, threads: int, timeout: int, access_log: bool, **options
    ) -> None:
        host, sep, port = bind.rpartition(":")
        if not sep or not host or not port.isdigit() or not 0 < int(port) < 65536:
            raise CommandError(f"--bind must be HOST:PORT, not {bind!r}")
        if threads < 1 or timeout < 1:
            raise CommandError("--threads and --timeout must be at least 1")
        if not settings.DEBUG and not (settings.STATIC_ROOT / "staticfiles.json").exists():
            raise CommandError(
                f"No collected static files in {settings.STATIC_ROOT}: run "
                "`hoptac collectstatic --noinput` first (docs/deploy.md, upgrades)."
            )
        workers = env_int("WEB_CONCURRENCY", 2, minimum=1)
        options_ = {
            "bind": bind,
            "workers": workers,
            # Threads keep a worker's heartbeat going during a long request (a big CSV export
            # streams for a minute) and let htmx polls through while another request works.
            "worker_class": "gthread",
            "threads": threads,
            "timeout": timeout,
            "graceful_timeout": 30,
            # A worker is replaced after this many requests, so that memory cannot creep.
            "max_requests": 2000,
            "max_requests_jitter": 200,
            "accesslog": "-" if access_log else None,
            "errorlog": "-",
            "proc_name": "hoptac",
            # Several servers on one machine would share gunicorn 27's default control socket.
            "control_socket_disable": True,
        }
        self.stdout.write(
            f"hoptac serving on http://{bind} ({workers} workers × {threads} threads)"
        )
        _Gunicorn(options_).run()


class _Gunicorn(BaseApplication):
    def __init__(self, options: dict[str, Any]) -> None:
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            if value is not None:
                self.cfg.set(key, value)

    def load(self):
        from hoptac.wsgi import application

        return application
