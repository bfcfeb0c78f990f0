"""Streamed export of a register as CSV, XLSX or JSON, with memory that stays flat.

Rows are the register's (`Register.rows(user, params)`: the same visibility, filters and
order as the web list and the API), read with `.iterator(chunk_size=...)`; CSV and JSON are
yielded line by line; XLSX goes through openpyxl's write-only mode into a temporary file
that is then streamed. The XLSX is for people: names beside ids, widths per column, a frozen
header row with an autofilter, dates as dd/mm/yyyy and money in tỷ đồng with separators.
"""

from __future__ import annotations

import csv
import json
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from typing import IO, Any

from openpyxl.utils import get_column_letter

from hoptac.lib.registers import Register, registers
from hoptac.lib.sheets import NUMBER_FORMATS, WIDTHS, SheetColumn
from hoptac.lib.spreadsheet import neutralise, xlsx_cell
from hoptac.reports.exchange.columns import columns_for, row_of

CHUNK = 2000
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json",
}


class BadFilter(ValueError):
    """A filter of the query has a bad value: `errors` maps the filter to its messages."""

    def __init__(self, errors: dict[str, list[str]]):
        super().__init__("; ".join(f"{k}: {' '.join(v)}" for k, v in errors.items()))
        self.errors = errors


def records(reg: Register, user, filters: Mapping[str, Any] | None):
    """Return the register's rows for `user` and `filters`; BadFilter on a bad filter."""
    found = reg.filter(user, filters or {})
    if found.errors:
        raise BadFilter(found.errors)
    return found.qs


def rows(reg: Register, user, filters: Mapping[str, Any] | None, for_csv: bool) -> Iterator[list]:
    """Yield the header, then one list of cells per record."""
    qs = records(reg, user, filters)
    cols = columns_for(reg)
    yield [c.header for c in cols]
    for obj in qs.iterator(chunk_size=CHUNK):
        yield row_of(obj, cols, for_csv)


class _Line:
    """A file-like sink for csv.writer that hands back what was written."""

    def write(self, s: str) -> str:
        return s


def csv_chunks(reg: Register, user, filters=None) -> Iterator[bytes]:
    """Yield the CSV as UTF-8 bytes (with a BOM so that Excel reads the diacritics right)."""
    writer = csv.writer(_Line())
    it = rows(reg, user, filters, for_csv=True)
    header = next(it)  # raises BadFilter before anything is sent
    yield "\ufeff".encode()
    batch: list[str] = [writer.writerow(header)]
    for row in it:
        batch.append(writer.writerow([neutralise(v) for v in row]))
        if len(batch) >= 500:
            yield "".join(batch).encode("utf-8")
            batch = []
    if batch:
        yield "".join(batch).encode("utf-8")


def json_chunks(reg: Register, user, filters=None) -> Iterator[bytes]:
    """Yield a JSON array of objects keyed by column header."""
    it = rows(reg, user, filters, for_csv=True)
    header = next(it)
    yield b"["
    first = True
    for row in it:
        item = json.dumps(dict(zip(header, row, strict=True)), ensure_ascii=False, default=str)
        yield (item if first else "," + item).encode("utf-8")
        first = False
    yield b"]\n"


def _width(col: SheetColumn) -> int:
    return col.width or max(WIDTHS.get(col.kind, 14), min(len(col.header) + 2, 40))


def write_xlsx(reg: Register, user, filters, out: IO[bytes]) -> None:
    """Write the register as XLSX to the binary file `out`."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font

    it = rows(reg, user, filters, for_csv=False)
    header = next(it)
    cols = columns_for(reg)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(title=str(reg.label)[:31])
    for i, col in enumerate(cols, start=1):
        ws.column_dimensions[get_column_letter(i)].width = _width(col)
    ws.freeze_panes = "A2"
    bold, wrap = Font(bold=True), Alignment(wrap_text=True, vertical="top")
    head = []
    for text in header:
        cell = WriteOnlyCell(ws, value=text)
        cell.font, cell.alignment = bold, wrap
        head.append(cell)
    ws.append(head)
    formats = [NUMBER_FORMATS.get(c.kind) for c in cols]
    n = 1
    for row in it:
        out_row = []
        for value, fmt in zip(row, formats, strict=True):
            cell = xlsx_cell(ws, value)  # text typed as text, never a live formula
            if fmt and value not in (None, ""):
                cell.number_format = fmt
            out_row.append(cell)
        ws.append(out_row)
        n += 1
    ws.auto_filter.ref = f"A1:{get_column_letter(len(cols))}{n}"
    wb.save(out)


def xlsx_file(reg: Register, user, filters=None) -> IO[bytes]:
    """Return a temporary file holding the XLSX, positioned at its start."""
    tmp = tempfile.TemporaryFile()  # noqa: SIM115 - handed to the response, which closes it
    write_xlsx(reg, user, filters, tmp)
    tmp.seek(0)
    return tmp


def export_to(register: str, fmt: str, user, out: IO[bytes], filters=None) -> None:
    """Write `register` in `fmt` to `out` (used by the command)."""
    reg = registers()[register]
    if fmt == "xlsx":
        write_xlsx(reg, user, filters, out)
        return
    chunks: Iterable[bytes] = (
        csv_chunks(reg, user, filters) if fmt == "csv" else json_chunks(reg, user, filters)
    )
    for chunk in chunks:
        out.write(chunk)
