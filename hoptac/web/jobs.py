"""The search index rebuilt as a job (`hoptac search_reindex` does the same in the foreground)."""

from __future__ import annotations

from typing import Any

from hoptac.jobs.services import JobContext
from hoptac.web.search import search_index_rebuild


def search_reindex(ctx: JobContext) -> dict[str, Any]:
    return {"entries": search_index_rebuild()}
