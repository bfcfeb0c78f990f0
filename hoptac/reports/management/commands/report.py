"""`hoptac report annual`: the annual evaluation report as DOCX or PDF."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from hoptac.reports.services import (
    FORMATS,
    render,
    report_for_locality_name,
    report_for_names,
)


class Command(BaseCommand):
    help = "Build a report. `report annual --partners A B --year Y -o FILE` or `--locality A`."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("kind", choices=["annual"], help="the report to build")
        who = parser.add_mutually_exclusive_group(required=True)
        who.add_argument("--partners", nargs="+", metavar="NAME",
                         help="the localities of a partnership; the first issues the report")  # fmt: skip
        who.add_argument("--locality", metavar="NAME", help="one locality across all its partners")
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument("--format", choices=["docx", "pdf"], default=None,
                            help="default: from the output file's extension (.docx or .pdf)")  # fmt: skip
        parser.add_argument("--date", type=dt.date.fromisoformat, default=None,
                            help="the date printed on the report (YYYY-MM-DD); default today")  # fmt: skip
        parser.add_argument("-o", "--output", required=True, help="the file to write")

    def handle(self, *args, **opts) -> None:
        out = Path(opts["output"])
        suffix = out.suffix.lstrip(".").lower()
        if suffix not in FORMATS:
            raise CommandError(
                f"-o {out}: the report is written as .docx or .pdf, not as “.{suffix}”"
                if suffix
                else f"-o {out}: name the file .docx or .pdf"
            )
        fmt = opts["format"] or suffix
        if fmt != suffix:
            raise CommandError(f"-o {out} does not match --format {fmt}")
        try:
            if opts["partners"]:
                if len(opts["partners"]) < 2:
                    raise CommandError("--partners needs at least two names")
                report = report_for_names(opts["partners"], opts["year"], date_on=opts["date"])
            else:
                report = report_for_locality_name(
                    opts["locality"], opts["year"], date_on=opts["date"]
                )
            data = render(report, fmt)
        except ValidationError as exc:
            raise CommandError(
                "; ".join(m for msgs in exc.message_dict.values() for m in msgs)
            ) from None
        out.write_bytes(data)
        self.stdout.write(f"{out} ({len(data):,} bytes, {fmt})")
