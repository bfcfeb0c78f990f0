"""`hoptac extract FILE... [--out DIR] [--published YYYY-MM-DD]`: the extractor's command line.

A thin wrapper: the logic lives in the Django-free `hoptac.extraction.cli`, which also runs as
`python -m hoptac.extraction`. Nothing is stored; see `hoptac ingest` for that.
"""

from __future__ import annotations

import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from hoptac.extraction.cli import main


class Command(BaseCommand):
    help = (
        "Extract cooperation facts with evidence offsets from documents (.txt in any common "
        "encoding, .html, .docx, .pdf): DIR/<stem>.json per file with --out, else JSON on "
        "stdout. Unreadable files are reported on stderr and make the exit status 1."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("files", nargs="+", metavar="FILE", help="documents to read")
        parser.add_argument("--out", metavar="DIR", help="write DIR/<stem>.json per file")
        parser.add_argument(
            "--published", metavar="YYYY-MM-DD",
            help="publication date: supplies the year when the text gives none",
        )  # fmt: skip
        parser.add_argument(
            "--extractor", help="extractor name (default: HOPTAC_EXTRACTOR or 'rules')"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        argv = [str(f) for f in options["files"]]
        for opt in ("out", "published", "extractor"):
            if options.get(opt):
                argv += [f"--{opt}", str(options[opt])]
        status = main(argv)
        if status:
            sys.exit(status)
