"""`hoptac remind`: e-mail each person concerned one digest of the commitments to chase."""

from __future__ import annotations

import datetime as dt
import json

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from hoptac.reminders.services import reminders_send


def _day(raw: str) -> dt.date:
    try:
        return dt.date.fromisoformat(raw)
    except ValueError:
        raise CommandError(f"--today {raw!r}: use YYYY-MM-DD") from None


class Command(BaseCommand):
    help = (
        "Send each person concerned one digest: commitments overdue, due within 30 days and "
        "not updated for HOPTAC_STALE_DAYS. Run it daily; a second run the same day sends "
        "only what is new."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--today", help="the day to remind for (YYYY-MM-DD); default today")
        parser.add_argument("--dry-run", action="store_true", help="send and record nothing")
        parser.add_argument("--json", action="store_true", help="print the digests as JSON")

    def handle(self, *args, **opts) -> None:
        today = _day(opts["today"]) if opts["today"] else timezone.localdate()
        result = reminders_send(today=today, dry_run=opts["dry_run"])
        if opts["json"]:
            self.stdout.write(json.dumps([d.as_json() for d in result.sent], ensure_ascii=False))
        else:
            verb = "would send" if opts["dry_run"] else "sent"
            for d in result.sent:
                t = d.tasks
                self.stdout.write(
                    f"{verb} {d.to}: {len(t.overdue)} overdue, {len(t.due_soon)} due soon, "
                    f"{len(t.stale)} stale"
                )
            if not result.sent and not result.failed:
                self.stdout.write(f"{today}: nothing new to remind")
        for d, reason in result.failed:
            self.stderr.write(f"failed {d.to}: {reason}")
        if result.failed:
            raise CommandError(f"{len(result.failed)} digest(s) not sent; run again to retry")
