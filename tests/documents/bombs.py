"""Hostile files built at test time: compression bombs, huge paragraph counts, huge sheets."""

from __future__ import annotations

import functools
import io
import struct
import zipfile

import docx

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def small_docx() -> bytes:
    d = docx.Document()
    d.add_paragraph("Hà Nội và Lai Châu hợp tác.")
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def _rebuild(base: bytes, replace: dict[str, bytes | None], writer=None) -> bytes:
    """Return `base` (a ZIP) with members replaced; `writer(zf)` may add streamed members."""
    src = zipfile.ZipFile(io.BytesIO(base))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for info in src.infolist():
            if info.filename in replace:
                data = replace[info.filename]
                if data is not None:
                    zf.writestr(info.filename, data)
            else:
                zf.writestr(info, src.read(info.filename))
        if writer is not None:
            writer(zf)
    return out.getvalue()


@functools.cache  # built once per test run: the bytes are never changed
def declared_size_bomb(declared: int = 2 * 1024**3) -> bytes:
    """A DOCX whose document.xml says it expands to `declared` bytes (2 GB)."""
    data = bytearray(small_docx())
    name = b"word/document.xml"
    pos = 0
    while (pos := data.find(b"PK\x01\x02", pos)) != -1:  # central directory entries
        n = struct.unpack("<H", data[pos + 28 : pos + 30])[0]
        if data[pos + 46 : pos + 46 + n] == name:
            struct.pack_into("<I", data, pos + 24, declared)
        pos += 4
    return bytes(data)


@functools.cache  # built once per test run: the bytes are never changed
def ratio_bomb(megabytes: int = 80) -> bytes:
    """A DOCX whose document.xml really inflates to `megabytes` MB at a ratio near 1000."""

    def write(zf: zipfile.ZipFile) -> None:
        para = f'<w:p xmlns:w="{W}"><w:r><w:t>aaaaaaaaaaaaaaaaaaaaaaaa</w:t></w:r></w:p>'.encode()
        chunk = para * (1024 * 1024 // len(para))
        with zf.open("word/document.xml", "w", force_zip64=True) as fh:
            fh.write(f'<w:document xmlns:w="{W}"><w:body>'.encode())
            for _ in range(megabytes):
                fh.write(chunk)
            fh.write(b"</w:body></w:document>")

    return _rebuild(small_docx(), {"word/document.xml": None}, write)


@functools.cache  # built once per test run: the bytes are never changed
def million_paragraphs(n: int = 1_000_000) -> bytes:
    """A DOCX of `n` distinct short paragraphs: compresses like a real document, huge text."""

    def write(zf: zipfile.ZipFile) -> None:
        with zf.open("word/document.xml", "w", force_zip64=True) as fh:
            fh.write(f'<w:document xmlns:w="{W}"><w:body>'.encode())
            batch = []
            for i in range(n):
                batch.append(
                    f"<w:p><w:r><w:t>Đoạn {i} nội dung {i * 7919 % 100003}</w:t></w:r></w:p>"
                )
                if len(batch) == 10000:
                    fh.write("".join(batch).encode())
                    batch = []
            fh.write("".join(batch).encode())
            fh.write(b"</w:body></w:document>")

    return _rebuild(small_docx(), {"word/document.xml": None}, write)


def xlsx_rows(rows: list[list[str]], *, dimension: str | None = None) -> bytes:
    """An XLSX written directly as XML (inline strings), with the `<dimension>` given."""
    return _xlsx(_sheet_rows(rows), dimension or f"A1:B{len(rows)}")


def big_xlsx(n: int) -> bytes:
    """An XLSX of a header and `n` data rows, written directly with zipfile (fast)."""

    def rows():
        yield _row(1, ["Tên", "Năm"])
        for i in range(2, n + 2):
            yield f'<row r="{i}"><c r="A{i}"><v>{i * 37 % 99991}</v></c><c r="B{i}"><v>{2000 + i % 30}</v></c></row>'

    return _xlsx(rows(), f"A1:B{n + 1}")


def _row(r: int, values: list[str]) -> str:
    cells = "".join(
        f'<c r="{chr(65 + k)}{r}" t="inlineStr"><is><t>{v}</t></is></c>'
        for k, v in enumerate(values)
    )
    return f'<row r="{r}">{cells}</row>'


def _sheet_rows(rows: list[list[str]]):
    for r, values in enumerate(rows, start=1):
        yield _row(r, values)


def _xlsx(rows, dimension: str) -> bytes:
    ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            "</Types>",
        )
        zf.writestr(
            "_rels/.rels",
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        )
        zf.writestr(
            "xl/workbook.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{ns}" xmlns:r="{rel}">'
            '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
        )
        zf.writestr(
            "xl/_rels/workbook.xml.rels",
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
        )
        with zf.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as fh:
            fh.write(
                f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{ns}">'
                f'<dimension ref="{dimension}"/><sheetData>'.encode()
            )
            batch = []
            for row in rows:
                batch.append(row)
                if len(batch) == 10000:
                    fh.write("".join(batch).encode())
                    batch = []
            fh.write("".join(batch).encode())
            fh.write(b"</sheetData></worksheet>")
    return out.getvalue()
