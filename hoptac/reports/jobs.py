"""The reports app's jobs: spreadsheet import in chunks, the annual report file, a register export.

An import is checked first, every row, in chunks of CHUNK_ROWS rows (each chunk a dry run that
is rolled back), then applied chunk by chunk, each chunk its own transaction: SQLite's write
lock is held for one chunk at a time, never for 100,000 rows. A file of at most CHUNK_ROWS rows
is one chunk, all or nothing as before. Between the check and the apply the data can move (a
row refused at apply time): the chunks written before stay written and the job says up to which
row; the importer itself (`importer.import_rows`) is unchanged and does each chunk.
"""

from __future__ import annotations

import tempfile
import zipfile
from typing import Any

from django.core.exceptions import ValidationError
from django.http import QueryDict
from django.utils.translation import gettext as _

from hoptac.jobs.services import JobContext
from hoptac.reports.exchange.export import CONTENT_TYPES, export_to
from hoptac.reports.exchange.importer import (
    MAX_ROWS,
    ImportResult,
    RowError,
    UnreadableTable,
    import_rows,
    read_table,
)

CHUNK_ROWS = 500


def import_spreadsheet(ctx: JobContext) -> dict[str, Any]:
    """Check, then (unless a dry run) apply the stored spreadsheet; return `import_json`."""
    register, dry_run = ctx.params["register"], bool(ctx.params.get("dry_run"))
    name, data = next(ctx.inputs())
    try:
        table = read_table(data, name)
    except UnreadableTable as exc:
        return import_json(_unreadable(dry_run, str(exc)))
    except (ValueError, KeyError, TypeError, zipfile.BadZipFile, OSError):
        return import_json(
            _unreadable(dry_run, _("Không đọc được tệp: hãy dùng tệp .xlsx hoặc .csv."))
        )
    header, body = table[:1], table[1:]
    if len(body) <= CHUNK_ROWS or len(body) > MAX_ROWS:
        # One chunk (or refused whole by the importer's own size check).
        return import_json(import_rows(register, table, by=ctx.user, dry_run=dry_run))
    ctx.progress(0, len(body) if dry_run else 2 * len(body))
    checked, _last = _chunks(ctx, register, header, body, dry_run=True, done_before=0)
    if checked.errors:
        checked.created = checked.updated = checked.unchanged = 0  # nothing will be written
    if checked.errors or dry_run:
        return import_json(checked)
    applied, last_row = _chunks(ctx, register, header, body, dry_run=False, done_before=len(body))
    out = import_json(applied)
    if applied.errors:
        out["applied_through"] = last_row
    return out


def _unreadable(dry_run: bool, message: str) -> ImportResult:
    result = ImportResult(dry_run=dry_run)
    result.errors.append(RowError(1, "", message))
    return result


def _chunks(
    ctx: JobContext, register: str, header: list, body: list, *, dry_run: bool, done_before: int
) -> tuple[ImportResult, int]:
    """Run the importer on each chunk; stop applying at the first chunk refused.

    Return the summed result and the last spreadsheet row of the chunks written (1 if none).
    """
    total = ImportResult(dry_run=dry_run)
    last_written = 1
    for start in range(0, len(body), CHUNK_ROWS):
        chunk = body[start : start + CHUNK_ROWS]
        part = import_rows(register, header + chunk, by=ctx.user, dry_run=dry_run)
        for err in part.errors:
            # The importer numbers the chunk's rows from 2; row 1 (the header) stays row 1.
            total.errors.append(RowError(err.row + start if err.row > 1 else 1, err.column,
                                         err.message))  # fmt: skip
        total.created += part.created
        total.updated += part.updated
        total.unchanged += part.unchanged
        ctx.progress(done_before + start + len(chunk))
        if part.errors and (not dry_run or any(e.row == 1 for e in part.errors)):
            break
        if not dry_run:
            last_written = start + len(chunk) + 1
    return total, last_written


def import_json(result: ImportResult) -> dict[str, Any]:
    return {
        "created": result.created,
        "updated": result.updated,
        "unchanged": result.unchanged,
        "dry_run": result.dry_run,
        "errors": [{"row": e.row, "column": e.column, "message": e.message} for e in result.errors],
    }


def import_from_json(data: dict[str, Any]) -> ImportResult:
    """Return the ImportResult a job recorded (for the import page's template)."""
    return ImportResult(
        created=data.get("created", 0), updated=data.get("updated", 0),
        unchanged=data.get("unchanged", 0), dry_run=bool(data.get("dry_run")),
        errors=[RowError(e["row"], e["column"], e["message"]) for e in data.get("errors", [])],
    )  # fmt: skip


def annual_report_file(ctx: JobContext) -> dict[str, Any]:
    """Render the annual report the stored query asks for, as the user who asked."""
    from hoptac.reports.forms import AnnualForm, annual_file

    form = AnnualForm(QueryDict(ctx.params["query"]), user=ctx.user)
    if not form.is_valid():
        raise ValidationError([m for ms in form.errors.values() for m in ms])
    data, name, content_type = annual_file(form, ctx.user)
    ctx.save_output(name, content_type, data)
    return {"filename": name, "size": len(data)}


def register_export(ctx: JobContext) -> dict[str, Any]:
    """Write the register, filtered as the list was, to the job's result file."""
    register, fmt = ctx.params["register"], ctx.params["fmt"]
    with tempfile.TemporaryFile() as tmp:
        export_to(register, fmt, ctx.user, tmp, ctx.params.get("filters") or None)
        size = tmp.tell()
        tmp.seek(0)
        ctx.save_output(f"{register}.{fmt}", CONTENT_TYPES[fmt], tmp)
    return {"filename": f"{register}.{fmt}", "size": size}
