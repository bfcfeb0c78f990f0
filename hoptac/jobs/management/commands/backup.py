"""`hoptac backup [-o FILE]`: a consistent copy of the database, taken while the site runs."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from hoptac.lib.backup import BackupError, database_backup


class Command(BaseCommand):
    help = "Sao lưu cơ sở dữ liệu (Back up the database: SQLite backup API or pg_dump)."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "-o", "--output", type=Path,
            help="the backup file (default var/backups/hoptac-YYYYMMDD-HHMMSS.sqlite3 or .pgdump)",
        )  # fmt: skip

    def handle(self, *args, output: Path | None, **options) -> None:
        if output is None:
            from django.db import connection

            suffix = "sqlite3" if connection.vendor == "sqlite" else "pgdump"
            stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
            output = Path(settings.VAR_DIR) / "backups" / f"hoptac-{stamp}.{suffix}"
        try:
            engine = database_backup(output)
        except BackupError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(f"{engine} backup written to {output} ({output.stat().st_size} bytes)")
