"""Streamed export of a register as CSV, XLSX or JSON, with memory that stays flat.

Rows come from `.iterator(chunk_size=...)` over a select_related queryset; CSV and JSON are
yielded line by line; XLSX goes through openpyxl's write-only mode into a temporary file that
is then streamed.
"""

from __future__ import annotations

import csv
import json
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from typing import IO

from hoptac.lib.spreadsheet import neutralise, xlsx_cell
from hoptac.reports.exchange.columns import columns_for, row_of
from hoptac.reports.exchange.registers import REGISTERS, Register, register_queryset

CHUNK = 2000
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json",
}


def rows(
    reg: Register, user, filters: Mapping[str, object] | None, for_csv: bool
) -> Iterator[list]:
    """Yield the header, then one list of cells per record."""
    cols = columns_for(reg.model, reg.name)
    yield [c.header for c in cols]
    for obj in register_queryset(reg, user, filters).iterator(chunk_size=CHUNK):
        yield row_of(obj, cols, for_csv)


class _Line:
    """A file-like sink for csv.writer that hands back what was written."""

    def write(self, s: str) -> str:
        return s


def csv_chunks(reg: Register, user, filters=None) -> Iterator[bytes]:
    """Yield the CSV as UTF-8 bytes (with a BOM so that Excel reads the diacritics right)."""
    writer = csv.writer(_Line())
    yield "\ufeff".encode()
    batch: list[str] = []
    for row in rows(reg, user, filters, for_csv=True):
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


def write_xlsx(reg: Register, user, filters, out: IO[bytes]) -> None:
    """Write the register as XLSX to the binary file `out`."""
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet(title=reg.name[:31])
    for row in rows(reg, user, filters, for_csv=False):
        ws.append([xlsx_cell(ws, v) for v in row])
    wb.save(out)


def xlsx_file(reg: Register, user, filters=None) -> IO[bytes]:
    """Return a temporary file holding the XLSX, positioned at its start."""
    tmp = tempfile.TemporaryFile()  # noqa: SIM115 - handed to the response, which closes it
    write_xlsx(reg, user, filters, tmp)
    tmp.seek(0)
    return tmp


def export_to(register: str, fmt: str, user, out: IO[bytes], filters=None) -> None:
    """Write `register` in `fmt` to `out` (used by the command)."""
    reg = REGISTERS[register]
    if fmt == "xlsx":
        write_xlsx(reg, user, filters, out)
        return
    chunks: Iterable[bytes] = (
        csv_chunks(reg, user, filters) if fmt == "csv" else json_chunks(reg, user, filters)
    )
    for chunk in chunks:
        out.write(chunk)
