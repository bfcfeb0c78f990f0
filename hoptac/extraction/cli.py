"""Command line: `hoptac extract FILE... [--out DIR] [--published YYYY-MM-DD]`.

Writes DIR/<stem>.json per input, or prints the JSON of a single file. An unreadable or
unsupported file gets a message on stderr, the others are still processed, and the exit
status is 1.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from hoptac.extraction.api import extract
from hoptac.extraction.published import published_on
from hoptac.extraction.readers import UnreadableDocument, read_file


def _date(s: str) -> dt.date:
    try:
        return dt.date.fromisoformat(s)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {s!r}") from None


def build_parser(prog: str = "hoptac extract") -> argparse.ArgumentParser:
    """Return the argument parser (shared with the Django management command)."""
    ap = argparse.ArgumentParser(
        prog=prog,
        description="Extract cooperation facts (with evidence offsets) from documents: "
        ".txt in any common encoding, .html, .docx, .pdf with a text layer.",
    )
    ap.add_argument("files", nargs="+", metavar="FILE", type=Path, help="documents to read")
    ap.add_argument("--out", type=Path, metavar="DIR", help="write DIR/<stem>.json per file")
    ap.add_argument(
        "--published", type=_date, metavar="YYYY-MM-DD",
        help="publication date: supplies the year when the text gives none "
        "(default for .html: the page's metadata)",
    )  # fmt: skip
    ap.add_argument("--extractor", help="extractor name (default: $HOPTAC_EXTRACTOR or 'rules')")
    return ap


def main(argv: list[str] | None = None) -> int:
    """Run the command; return 0 when every file was read, 1 otherwise."""
    args = build_parser().parse_args(argv)
    status = 0
    if args.out:
        args.out.mkdir(parents=True, exist_ok=True)
    for path in args.files:
        try:
            doc = read_file(path)
        except UnreadableDocument as e:
            print(f"hoptac extract: {e}", file=sys.stderr)
            status = 1
            continue
        published = args.published
        if published is None and doc.format == "html":
            published = published_on(path.read_bytes())  # the year when the text gives none
        try:
            ex = extract(doc.text, source=path.name, published=published, extractor=args.extractor)
        except LookupError as e:
            print(f"hoptac extract: {e}", file=sys.stderr)
            return 2
        if doc.carry_text:
            ex.text = doc.text
        if ex.title is None and doc.title:
            ex.title = doc.title
        payload = json.dumps(ex.to_json(), ensure_ascii=False, indent=1)
        if args.out:
            (args.out / f"{path.stem}.json").write_text(payload + "\n", encoding="utf-8")
        else:
            sys.stdout.write(payload + "\n")
    return status
