"""`hoptac worker [--burst]`: run the queued jobs (uploads, imports, reports, exports, reindex)."""

from __future__ import annotations

import logging
import os
import socket

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django_tasks_db.management.commands.db_worker import Worker


class Command(BaseCommand):
    help = (
        "Chạy các công việc nền đang chờ; --burst: chạy hết hàng đợi rồi dừng "
        "(Run queued background jobs; --burst: empty the queue, then exit)."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--burst", action="store_true", help="run what is queued, then exit (cron, tests, CI)"
        )
        parser.add_argument(
            "--interval", type=float, default=1.0,
            help="seconds between looks at an empty queue (default 1)",
        )  # fmt: skip

    def handle(self, *args, burst: bool, interval: float, **options) -> None:
        if settings.HOPTAC_TASKS != "database":
            raise CommandError(
                "HOPTAC_TASKS is 'immediate': jobs run inside the request and nothing is queued. "
                "Set HOPTAC_TASKS=database (the default when DEBUG is off) to use the worker."
            )
        if interval < 0:
            raise CommandError("--interval must be zero or more seconds")
        logging.getLogger("django_tasks_db").setLevel(logging.INFO)
        worker = Worker(
            queue_names=["default"], interval=interval, batch=burst, backend_name="default",
            startup_delay=not burst, max_tasks=None, excluded_queue_names=[],
            worker_id=f"{socket.gethostname()}-{os.getpid()}"[:64],
        )  # fmt: skip
        worker.configure_signals()
        try:
            worker.run()
        finally:
            worker.reset_signals()
        if burst:
            self.stdout.write(f"{worker._run_tasks} công việc đã chạy.")
