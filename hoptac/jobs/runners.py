"""Which function runs each kind of job. Each app owns the runner of its own work."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from django.utils.module_loading import import_string

from hoptac.jobs.models import JobKind

if TYPE_CHECKING:
    from hoptac.jobs.services import JobContext

_PATHS = {
    JobKind.INGEST: "hoptac.documents.jobs.ingest_uploads",
    JobKind.IMPORT: "hoptac.reports.jobs.import_spreadsheet",
    JobKind.REPORT: "hoptac.reports.jobs.annual_report_file",
    JobKind.EXPORT: "hoptac.reports.jobs.register_export",
    JobKind.REINDEX: "hoptac.web.jobs.search_reindex",
}


class _Runners(dict):
    """A dict of kind → runner that imports each runner on first use (apps load first)."""

    def __missing__(self, kind: str) -> Callable[[JobContext], Any]:
        runner = import_string(_PATHS[JobKind(kind)])
        self[kind] = runner
        return runner


RUNNERS: dict[str, Callable[[JobContext], Any]] = _Runners()
