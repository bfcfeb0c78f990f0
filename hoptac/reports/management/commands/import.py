"""`hoptac import REGISTER FILE [--dry-run]`: import a spreadsheet, all or nothing."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from hoptac.reports.exchange.cli import command_user
from hoptac.reports.exchange.columns import importable
from hoptac.reports.exchange.importer import import_rows, read_table


class Command(BaseCommand):
    help = "Import projects, commitments, grants or activities from XLSX or CSV (all or nothing)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("register", choices=list(importable()))
        parser.add_argument("file")
        parser.add_argument("--dry-run", action="store_true", help="check and count, write nothing")
        parser.add_argument("--user", help="write as this user (default: the only superuser)")

    def handle(self, *args, **opts) -> None:
        user = command_user(opts["user"], for_writes=True)
        path = Path(opts["file"])
        try:
            table = read_table(path.read_bytes(), path.name)
        except (OSError, ValueError) as exc:
            raise CommandError(str(exc)) from None
        result = import_rows(opts["register"], table, by=user, dry_run=opts["dry_run"])
        for e in result.errors:
            self.stderr.write(f"dòng {e.row}, cột “{e.column}”: {e.message}")
        if result.errors:
            raise CommandError(f"{len(result.errors)} lỗi; không ghi gì / nothing written")
        prefix = "(thử) " if result.dry_run else ""
        self.stdout.write(
            f"{prefix}tạo mới {result.created}, cập nhật {result.updated}, không đổi {result.unchanged}"
        )
