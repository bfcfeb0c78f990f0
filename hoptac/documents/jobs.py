"""The upload job: read and extract each uploaded file (the upload request only stored them)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hoptac.documents.services import document_ingest
from hoptac.jobs.services import JobContext


def ingest_uploads(ctx: JobContext) -> dict[str, Any]:
    """Ingest every stored input; return {"files": [what each became]}."""
    params = ctx.params
    published = dt.date.fromisoformat(params["published"]) if params.get("published") else None
    total = len(params.get("inputs", []))
    ctx.progress(0, total)
    files = []
    for n, (name, data) in enumerate(ctx.inputs(), start=1):
        result = document_ingest(
            data=data, filename=name, by=ctx.user, source_url=params.get("source_url") or None,
            published=published,
        )  # fmt: skip
        files.append(
            {
                "filename": result.filename,
                "status": result.status,
                "document_id": result.document.pk if result.document else None,
                "facts_proposed": result.facts_proposed,
                "message": result.message,
            }
        )
        ctx.progress(n)
    return {"files": files}
