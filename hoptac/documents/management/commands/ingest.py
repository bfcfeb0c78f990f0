"""`hoptac ingest PATH...`: store documents, propose their facts, optionally accept the sure ones."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from hoptac.documents.ingest import IngestSummary, ingest_paths


class Command(BaseCommand):
    help = (
        "Ingest documents (files or folders, recursively): keep the original bytes, propose "
        "the extracted facts; with --auto-accept accept those at or above "
        "HOPTAC_AUTO_ACCEPT_THRESHOLD."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", metavar="PATH", help="files or folders")
        parser.add_argument("--url", default=None, help="source URL of the document(s)")
        parser.add_argument(
            "--published", default=None, metavar="YYYY-MM-DD", help="publication date"
        )
        parser.add_argument("--auto-accept", action="store_true", help="accept sure facts")
        parser.add_argument(
            "--user", default=None, metavar="USERNAME",
            help="who ingests and accepts (default: the first superuser)",
        )  # fmt: skip
        parser.add_argument("--json", action="store_true", help="print the summary as JSON")

    def handle(self, *args: Any, **options: Any) -> None:
        published = None
        if options["published"]:
            try:
                published = dt.date.fromisoformat(options["published"])
            except ValueError:
                raise CommandError(
                    f"--published: {options['published']!r} is not a date YYYY-MM-DD"
                ) from None
        user = self._user(options["user"])
        paths = [Path(p) for p in options["paths"]]
        show = self.stderr.isatty() or options["verbosity"] > 1
        progress = Progress(lambda s: self.stderr.write(s, ending="")) if show else None
        summary = ingest_paths(
            paths, by=user, source_url=options["url"], published=published,
            auto_accept=options["auto_accept"], progress=progress,
        )  # fmt: skip
        if options["json"]:
            self.stdout.write(json.dumps(summary.to_json(), ensure_ascii=False))
        else:
            self._print(summary)
        if summary.failed:
            raise CommandError(f"{summary.failed} file(s) failed", returncode=1)

    def _user(self, username: str | None):
        users = get_user_model().objects
        if username:
            try:
                return users.get(username=username)
            except users.model.DoesNotExist:
                raise CommandError(f"--user: no user named {username!r}") from None
        first = users.filter(is_superuser=True, is_active=True).order_by("pk").first()
        if first is None:
            raise CommandError(
                "no superuser to act as: create one (hoptac createsuperuser) or pass --user"
            )
        return first

    def _print(self, summary: IngestSummary) -> None:
        for error in summary.errors:
            self.stderr.write(f"{error['path']}: {error['message']}")
        data = summary.to_json()
        d, f, r = data["documents"], data["facts"], data["records"]
        self.stdout.write(
            f"Tài liệu: {d['new']} mới, {d['unchanged']} không đổi, {d['failed']} lỗi. "
            f"Dữ kiện: {f['proposed']} đề xuất, {f['accepted']} đã chấp nhận. "
            f"Bản ghi: {r['created']} tạo mới, {r['updated']} cập nhật."
        )


class Progress:
    """A one-line progress bar on stderr, redrawn in place (no dependency for this)."""

    WIDTH = 30

    def __init__(self, write: Callable[[str], object]) -> None:
        self.write = write

    def __call__(self, done: int, total: int, name: str) -> None:
        if total <= 1:
            return
        filled = self.WIDTH * done // total
        bar = "█" * filled + "·" * (self.WIDTH - filled)
        self.write(f"\r[{bar}] {done}/{total} {name[:40]:<40}")
        if done == total:
            self.write("\n")
