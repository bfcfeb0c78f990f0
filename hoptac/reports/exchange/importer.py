"""Import of projects, commitments, grants and activities from XLSX or CSV: all or nothing.

Every cell is read and checked first; then, inside one transaction, each row creates or
updates its record through the services (permissions, history); rows that match an existing
record and change nothing are left alone, so importing the same file twice changes nothing.
Any bad row — a bad cell, an unknown locality, a refused permission — is reported with its
row, column and reason, and the transaction is rolled back.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from hoptac.activities.models import Activity
from hoptac.activities.services import activity_create, activity_update
from hoptac.extraction import UnreadableDocument
from hoptac.extraction.readers import decode as extraction_decode
from hoptac.grants.models import Grant
from hoptac.grants.services import grant_create, grant_update
from hoptac.investments.models import InvestmentProject
from hoptac.investments.services import project_create, project_update
from hoptac.lib import units
from hoptac.lib.text import fold
from hoptac.localities.models import Locality
from hoptac.localities.services import locality_for
from hoptac.partnerships.models import Agreement, Commitment, Partnership
from hoptac.partnerships.services import (
    commitment_create,
    commitment_set_status,
    commitment_update,
    partnership_find,
)
from hoptac.reports.exchange.columns import Column, import_columns

MAX_ROWS = 100_000


@dataclass
class RowError:
    row: int  # as the spreadsheet numbers it (header = 1)
    column: str
    message: str


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[RowError] = field(default_factory=list)
    dry_run: bool = False
    names: dict[Any, dict[str, list]] = field(default_factory=dict, repr=False)

    @property
    def ok(self) -> bool:
        return not self.errors


class _Abort(Exception):
    """Raised inside the transaction to roll it back."""


class UnreadableTable(ValueError):
    """The file is not a table we can read; the message says why, in Vietnamese."""


def read_table(data: bytes, filename: str, *, max_rows: int = MAX_ROWS) -> list[list[Any]]:
    """Return the rows of the first sheet (XLSX) or of the CSV, header included.

    An XLSX is checked like any ZIP-based file before it is parsed (what its members expand
    to), its rows are read as they are stored (a stale `<dimension>` neither truncates nor
    pads the sheet), and reading stops as soon as there are more than `max_rows` data rows.
    CSV text is decoded by the extractor's layered decoder. Raises UnreadableTable.
    """
    if filename.lower().endswith(".xlsx") or data[:2] == b"PK":
        return _xlsx_rows(data, filename, max_rows)
    try:
        text, _encoding = extraction_decode(data, filename)
    except UnreadableDocument as exc:
        raise UnreadableTable(_("Không đọc được bảng mã của tệp.")) from exc
    # Windows-1258 writes tones as combining marks: compose them, as headers and names are.
    text = unicodedata.normalize("NFC", text)
    sample = text[:2048]
    delimiter = ";" if sample.count(";") > sample.count(",") else ","
    rows: list[list[Any]] = []
    for row in csv.reader(io.StringIO(text), delimiter=delimiter):
        rows.append(list(row))
        if len(rows) > max_rows + 1:
            raise UnreadableTable(_too_many_rows(max_rows))
    return rows


_ROW_TAG_RE = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?row[\s>/]")


def _count_rows(data: bytes, path: str) -> int:
    """Return how many <row> elements the sheet part `path` holds, reading it in chunks."""
    count, tail = 0, b""
    with zipfile.ZipFile(io.BytesIO(data)) as zf, zf.open(path.lstrip("/")) as fh:
        while chunk := fh.read(1 << 20):
            buf = tail + chunk
            count += len(_ROW_TAG_RE.findall(buf))
            # Keep the end of the chunk so that a tag cut in two is counted once, next time.
            cut = buf.rfind(b"<")
            tail = buf[cut:] if cut >= len(buf) - 64 else b""
            if tail:
                count -= len(_ROW_TAG_RE.findall(tail))
    return count


def _too_many_rows(max_rows: int) -> str:
    return _("Tệp quá lớn: tối đa %(n)s dòng.") % {"n": f"{max_rows:,}".replace(",", ".")}


def _xlsx_rows(data: bytes, filename: str, max_rows: int) -> list[list[Any]]:
    from openpyxl import load_workbook

    from hoptac.documents.reading import limits, vietnamese_reason
    from hoptac.extraction.readers.zipguard import open_zip

    try:
        open_zip(data, filename, limits(), kind="xlsx").close()
    except UnreadableDocument as exc:
        raise UnreadableTable(vietnamese_reason(exc)) from exc
    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError) as exc:
        raise UnreadableTable(_("Tệp XLSX bị hỏng hoặc không phải XLSX.")) from exc
    try:
        if not wb.worksheets:
            return []
        ws = wb.worksheets[0]
        path = getattr(ws, "_worksheet_path", None)
        if path and _count_rows(data, path) > max_rows + 1:
            # Counted in the raw XML first: refusing 500,000 rows takes a second, not minutes.
            raise UnreadableTable(_too_many_rows(max_rows))
        # The stored <dimension> may be stale (written by another program): read real rows.
        ws.reset_dimensions()  # type: ignore[union-attr]
        out: list[list[Any]] = []
        for row in ws.iter_rows(values_only=True):
            out.append(list(row))
            if len(out) > max_rows + 1:
                raise UnreadableTable(_too_many_rows(max_rows))
        # Trailing empty rows (formatting only) are not rows of the table.
        while out and all(v is None or str(v).strip() == "" for v in out[-1]):
            out.pop()
        return out
    finally:
        wb.close()


def template_rows(register: str) -> list[list[str]]:
    """Return the template's header: the names the application shows (ids are optional)."""
    return [[c.header for c in import_columns(register)]]


def import_rows(
    register: str, table: list[list[Any]], *, by, dry_run: bool = False
) -> ImportResult:
    """Check then import `table` (header first); return what happened or what was wrong."""
    result = ImportResult(dry_run=dry_run)
    cols = import_columns(register)
    if not table:
        result.errors.append(RowError(1, "", _("Tệp trống.")))
        return result
    header = [str(h or "").strip() for h in table[0]]
    folded = [fold(h) for h in header]
    index: dict[str, int] = {}  # column header → position in the file
    for c in cols:
        if fold(c.header) in folded:
            index[c.header] = folded.index(fold(c.header))
        elif c.required:
            result.errors.append(RowError(1, c.header, _("Thiếu cột bắt buộc.")))
    for attr, label in _REQUIRED_ONE_OF.get(register, ()):
        named = [c.header for c in cols if c.attr == attr]
        if not any(h in index for h in named):
            result.errors.append(
                RowError(1, " / ".join(named), _("Thiếu cột %(what)s.") % {"what": label})
            )
    if "ID" in header:
        index["ID"] = header.index("ID")
    if len(table) > MAX_ROWS + 1:
        result.errors.append(
            RowError(1, "", _("Tệp quá lớn: tối đa %(n)s dòng.") % {"n": MAX_ROWS})
        )
    if result.errors:
        return result

    parsed: list[tuple[int, dict[str, Any]]] = []
    for n, raw in enumerate(table[1:], start=2):
        if all(v is None or str(v).strip() == "" for v in raw):
            continue
        values, bad = _parse_row(cols, index, raw, n, result)
        if not bad:
            parsed.append((n, values))
    if result.errors:
        return result
    try:
        with transaction.atomic():
            for n, values in parsed:
                try:
                    with transaction.atomic():
                        outcome = _APPLY[register](values, by)
                except PermissionDenied as exc:
                    result.errors.append(RowError(n, "", str(exc)))
                    continue
                except ValidationError as exc:
                    result.errors.extend(_validation_errors(n, cols, exc))
                    continue
                setattr(result, outcome, getattr(result, outcome) + 1)
            if result.errors or dry_run:
                raise _Abort
    except _Abort:
        if result.errors:
            result.created = result.updated = result.unchanged = 0
    return result


def _sides_of(values: dict[str, Any]) -> list[Locality]:
    """Return the localities of the row's partnership (or its agreement's), if it names one."""
    partnership = values.get("partnership")
    if partnership is None and values.get("agreement") is not None:
        partnership = values["agreement"].partnership
    if not isinstance(partnership, Partnership):
        return []
    return [m.locality for m in partnership.members.select_related("locality")]


def _side_named(members: list[Locality], name: str) -> Locality | None:
    """Return the side whose unit the written name can mean, if exactly one."""
    keys = {(u.generation, u.code) for u in units.candidates(name)}
    found = [m for m in members if (m.generation, m.code) in keys]
    return found[0] if len(found) == 1 else None


# registers whose rows must name a related record by its id or by its name
_REQUIRED_ONE_OF = {
    "commitments": (("agreement", gettext_lazy("văn bản (mã hoặc tên)")),),
    "activities": (("partnership", gettext_lazy("quan hệ hợp tác (mã hoặc hai bên)")),),
}


def _named(model, text: str, n: int, header: str, result: ImportResult):
    """Return the one partnership or agreement the application shows as `text`, or None."""
    key = fold(text)
    if model not in result.names:  # every name once per file, not per row
        qs = model.objects.all()
        if model is Partnership:
            qs = qs.prefetch_related("members__locality")
        table: dict[str, list] = {}
        for o in qs:
            for k in {fold(str(o)), fold(getattr(o, "name", "") or "")} - {""}:
                table.setdefault(k, []).append(o)
        result.names[model] = table
    found = result.names[model].get(key, [])
    if len(found) == 1:
        return found[0]
    message = (
        _("Không tìm thấy “%(v)s”.")
        if not found
        else _("Có nhiều bản ghi tên “%(v)s”; hãy ghi mã.")
    )
    result.errors.append(RowError(n, header, message % {"v": text}))
    return None


def _parse_row(
    cols: list[Column], index: dict[str, int], raw: list[Any], n: int, result: ImportResult
):
    values: dict[str, Any] = {}
    bad = False
    cells: dict[str, Any] = {}  # header → parsed cell
    for c in cols:
        i = index.get(c.header)
        cell = raw[i] if i is not None and i < len(raw) else None
        try:
            cells[c.header] = c.parse(cell)
        except ValueError as exc:
            result.errors.append(RowError(n, c.header, str(exc)))
            bad = True
    for c in cols:
        value = cells.get(c.header)
        if c.kind in ("id", "partnership", "agreement"):
            continue
        values[c.attr] = value
    # a related record by its id, else by the name shown ("Hai bên", the agreement's title)
    for attr, model in (("agreement", Agreement), ("partnership", Partnership)):
        related = [c for c in cols if c.attr == attr and c.kind in ("id", attr)]
        if not related:
            continue
        obj = None
        for c in related:
            value = cells.get(c.header)
            if value is None or value == "":
                continue
            value = str(value)
            if c.kind == "id":
                found = model.objects.filter(pk=value).first()
                if found is None:
                    result.errors.append(
                        RowError(n, c.header, _("Không có bản ghi mã %(v)s.") % {"v": value})
                    )
                    bad = True
                obj = obj or found
            elif obj is None:
                obj = _named(model, value, n, c.header, result)
                bad = bad or obj is None
            elif fold(str(obj)) != fold(value):
                result.errors.append(RowError(n, c.header, _(
                    "“%(v)s” không khớp với mã đã ghi (%(o)s).") % {"v": value, "o": obj}))  # fmt: skip
                bad = True
        values[attr] = obj
    # A locality is first looked for among the sides of the row's partnership (an undated row
    # of a 2019 partnership means its 2008 units); else it is resolved on the row's own date
    # (a 2019 row's "Hà Nam" is the old unit).
    members = _sides_of(values)
    on = next(
        (values[k] for k in ("registered_on", "given_on", "starts_on", "due_on") if values.get(k)),
        None,
    )
    if on is None and values.get("year"):
        on = dt.date(values["year"], 6, 30)
    on = on or timezone.localdate()
    for c in cols:
        if c.kind == "locality" and values.get(c.attr):
            try:
                values[c.attr] = _side_named(members, values[c.attr]) or locality_for(
                    values[c.attr], on
                )
            except (units.UnknownName, units.AmbiguousName, Locality.DoesNotExist):
                result.errors.append(
                    RowError(
                        n, c.header, _("Không nhận ra địa phương “%(v)s”.") % {"v": values[c.attr]}
                    )
                )
                bad = True
        elif c.kind == "locality":
            values[c.attr] = None
    if "ID" in index:
        i = index["ID"]
        cell = raw[i] if i < len(raw) else None
        values["id"] = Column("id", "ID", "int").parse(cell) if cell not in (None, "") else None
    return values, bad


def _validation_errors(n: int, cols: list[Column], exc: ValidationError) -> list[RowError]:
    headers = {f"{c.attr}_vnd": c.header for c in cols} | {c.attr: c.header for c in cols}
    if hasattr(exc, "error_dict"):
        return [RowError(n, headers.get(f, f), "; ".join(m)) for f, m in exc.message_dict.items()]
    return [RowError(n, "", "; ".join(exc.messages))]


def _changes(obj, values: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in values.items() if getattr(obj, k) != v}


def _apply_project(values: dict[str, Any], by) -> str:
    values.pop("id", None)
    if values.get("partnership") is None:
        values["partnership"] = partnership_find([values["origin"], values["host"]])
    values = {k: ("" if v is None and k in ("sector", "external_id", "notes", "investor") else v)
              for k, v in values.items()}  # fmt: skip
    if not values.get("stage"):
        values.pop("stage", None)
    qs = InvestmentProject.objects.all()
    if values.get("external_id"):
        found = qs.filter(external_id=values["external_id"]).first()
    else:
        found = qs.filter(name=values["name"], origin=values["origin"], host=values["host"]).first()
    if found is None:
        project_create(by=by, **values)
        return "created"
    changes = _changes(found, values)
    if not changes:
        return "unchanged"
    project_update(found, by=by, **changes)
    return "updated"


def _apply_commitment(values: dict[str, Any], by) -> str:
    values.pop("id", None)
    status = values.pop("status", "") or None
    agreement, number = values.pop("agreement"), values.pop("number")
    if agreement is None:
        raise ValidationError({"agreement": _("Hãy ghi mã hoặc tên văn bản.")})
    found = Commitment.objects.filter(agreement=agreement, number=number).first()
    if found is None:
        found = commitment_create(agreement=agreement, by=by, number=number, **values)
        outcome = "created"
    else:
        changes = _changes(found, values)
        outcome = "updated" if changes else "unchanged"
        if changes:
            found = commitment_update(found, by=by, **changes)
    if status and status != found.status:
        commitment_set_status(commitment=found, new=status, by=by, note=_("Nhập từ bảng tính"))
        outcome = "created" if outcome == "created" else "updated"
    return outcome


def _apply_grant(values: dict[str, Any], by) -> str:
    values.pop("id", None)
    partnership = values.pop("partnership") or partnership_find(
        [values["donor"], values["recipient"]]
    )
    if partnership is None:
        raise ValidationError(
            {"partnership": _("Không có quan hệ hợp tác giữa bên hỗ trợ và bên nhận.")}
        )
    if values.get("given_on") and not values.get("year"):
        values["year"] = values["given_on"].year
    values = {k: ("" if v is None and k in ("purpose", "field") else v) for k, v in values.items()}
    found = Grant.objects.filter(partnership=partnership, donor=values["donor"], recipient=values["recipient"],
                                 amount_vnd=values["amount_vnd"], given_on=values["given_on"],
                                 year=values["year"], purpose=values["purpose"]).first()  # fmt: skip
    if found is None:
        grant_create(partnership=partnership, by=by, **values)
        return "created"
    changes = _changes(found, values)
    if not changes:
        return "unchanged"
    grant_update(found, by=by, **changes)
    return "updated"


def _apply_activity(values: dict[str, Any], by) -> str:
    values.pop("id", None)
    partnership = values.pop("partnership")
    if partnership is None:
        raise ValidationError({"partnership": _("Hãy ghi mã quan hệ hợp tác hoặc hai bên.")})
    if values.get("starts_on") and not values.get("year"):
        values["year"] = values["starts_on"].year
    values = {
        k: ("" if v is None and k in ("place", "field", "description") else v)
        for k, v in values.items()
    }
    found = Activity.objects.filter(partnership=partnership, title=values["title"],
                                    starts_on=values["starts_on"]).first()  # fmt: skip
    if found is None:
        activity_create(partnership=partnership, by=by, **values)
        return "created"
    changes = _changes(found, values)
    if not changes:
        return "unchanged"
    activity_update(found, by=by, **changes)
    return "updated"


_APPLY = {
    "projects": _apply_project,
    "commitments": _apply_commitment,
    "grants": _apply_grant,
    "activities": _apply_activity,
}
