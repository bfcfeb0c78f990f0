"""`hoptac restore FILE --yes`: replace the database's content with a backup."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from hoptac.lib.backup import BackupError, database_restore


class Command(BaseCommand):
    help = (
        "Khôi phục cơ sở dữ liệu từ bản sao lưu; mọi dữ liệu hiện có bị thay thế "
        "(Restore the database from a backup, replacing what it holds)."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", type=Path, help="a file written by `hoptac backup`")
        parser.add_argument(
            "--yes", action="store_true", help="confirm that the current data is to be replaced"
        )

    def handle(self, *args, file: Path, yes: bool, **options) -> None:
        if not yes:
            raise CommandError(
                "restore replaces every record in the configured database: stop the servers and "
                "the worker, then run again with --yes"
            )
        try:
            engine = database_restore(file)
        except BackupError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(f"{engine} database restored from {file}")
