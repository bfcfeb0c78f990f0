"""Ingesting many files: walk the paths, ingest each one on its own, sum up what happened."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _

from hoptac.documents.services import IngestResult, document_ingest, too_large_message


@dataclass
class IngestSummary:
    """The totals of a run, in the shape `hoptac ingest --json` prints."""

    new: int = 0
    unchanged: int = 0
    failed: int = 0
    proposed: int = 0
    accepted: int = 0
    created: int = 0
    updated: int = 0
    errors: list[dict[str, str]] = field(default_factory=list)
    results: list[IngestResult] = field(default_factory=list)

    def add(self, path: str, result: IngestResult) -> None:
        self.results.append(result)
        if result.status == "new":
            self.new += 1
        elif result.status == "unchanged":
            self.unchanged += 1
        else:
            self.failed += 1
            self.errors.append({"path": path, "message": result.message})
        self.proposed += result.facts_proposed
        self.accepted += result.tally.accepted
        self.created += result.tally.created
        self.updated += result.tally.updated

    def to_json(self) -> dict[str, Any]:
        return {
            "documents": {"new": self.new, "unchanged": self.unchanged, "failed": self.failed},
            "facts": {"proposed": self.proposed, "accepted": self.accepted},
            "records": {"created": self.created, "updated": self.updated},
            "errors": list(self.errors),
        }


# Inside a folder only these are taken (a corpus folder also holds gold .json files); a file
# named on the command line is always tried, and refused with its reason if unreadable.
DOCUMENT_SUFFIXES = {".txt", ".text", ".md", ".html", ".htm", ".xhtml", ".docx", ".pdf"}


def collect(paths: Iterable[Path]) -> list[Path]:
    """Return the files named, and the documents inside the folders named (recursively, sorted).

    Inside a folder, hidden files and folders and files that are not documents (by suffix)
    are skipped; a path that does not exist is kept, so that it is reported as failed.
    """
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            for sub in sorted(path.rglob("*")):
                rel = sub.relative_to(path)
                hidden = any(part.startswith(".") for part in rel.parts)
                if sub.is_file() and not hidden and sub.suffix.lower() in DOCUMENT_SUFFIXES:
                    out.append(sub)
        else:
            out.append(path)
    return out


def ingest_paths(
    paths: Iterable[Path], *, by, source_url: str | None = None,
    published: dt.date | None = None, auto_accept: bool = False,
    progress: Callable[[int, int, str], None] | None = None,
) -> IngestSummary:  # fmt: skip
    """Ingest every file under `paths`; one failing file never stops the others."""
    files = collect(paths)
    summary = IngestSummary()
    limit = settings.HOPTAC_MAX_DOCUMENT_BYTES
    for n, path in enumerate(files, start=1):
        result = _ingest_file(path, limit, by, source_url, published, auto_accept)
        summary.add(str(path), result)
        if progress:
            progress(n, len(files), path.name)
    return summary


def _ingest_file(path: Path, limit: int, by, source_url, published, auto_accept) -> IngestResult:
    try:
        size = path.stat().st_size
        if size > limit:
            # A huge file is refused before it is read into memory.
            return IngestResult(path.name, "failed", message=too_large_message(size))
        data = path.read_bytes()
    except OSError as exc:
        return IngestResult(
            path.name, "failed", message=_("Không đọc được tệp: %(e)s") % {"e": exc.strerror or exc}
        )
    return document_ingest(
        data=data, filename=path.name, by=by, source_url=source_url, published=published,
        auto_accept=auto_accept,
    )  # fmt: skip
