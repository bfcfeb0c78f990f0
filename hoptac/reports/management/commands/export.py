"""`hoptac export REGISTER --format xlsx|csv|json -o FILE`; `hoptac export iati -o FILE`."""

from __future__ import annotations

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandParser

from hoptac.lib.registers import registers
from hoptac.reports.exchange.cli import command_user
from hoptac.reports.exchange.export import export_to


class Command(BaseCommand):
    help = "Export a register (or `iati`: IATI activity XML 2.03 of agreements and projects)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("register", choices=[*registers(), "iati"])
        parser.add_argument("--format", choices=["xlsx", "csv", "json"], default=None,
                            help="default: from the file extension, else csv")  # fmt: skip
        parser.add_argument("-o", "--output", default="-", help="file to write ('-' = stdout)")
        parser.add_argument("--user", help="export what this user may read (default: everything)")
        for name in ("partnership", "locality", "year", "status", "field", "q"):
            parser.add_argument(f"--{name}")
        parser.add_argument("--filter", action="append", default=[], metavar="NAME=VALUE",
                            help="any filter of the register (as on the web list's URL)")  # fmt: skip

    def handle(self, *args, **opts) -> None:
        user = command_user(opts["user"], for_writes=False)
        filters = {k: opts[k] for k in ("partnership", "locality", "year", "status", "field", "q")
                   if opts[k] is not None}  # fmt: skip
        for item in opts["filter"]:
            name, _sep, value = item.partition("=")
            filters[name.strip()] = value.strip()
        out_path = opts["output"]
        if opts["register"] == "iati":
            from hoptac.reports.iati.build import iati_bytes

            data = iati_bytes(user, filters)
            if out_path == "-":
                sys.stdout.buffer.write(data)
            else:
                Path(out_path).write_bytes(data)
            return
        fmt = opts["format"] or (Path(out_path).suffix.lstrip(".") if out_path != "-" else "csv")
        if fmt not in ("xlsx", "csv", "json"):
            fmt = "csv"
        if out_path == "-":
            export_to(opts["register"], fmt, user, sys.stdout.buffer, filters)
            return
        with open(out_path, "wb") as out:
            export_to(opts["register"], fmt, user, out, filters)
        self.stderr.write(f"{out_path} ({fmt})")
