"""Readers: files of any common kind → the plain text that facts' offsets refer to.

- .txt: the layered decoder (text.py): UTF-8 (with or without BOM), UTF-16/32, Windows-1258,
  then charset-normalizer; the text is kept exactly as decoded.
- .html: the article body (html.py).
- .docx: Word's numbering rendered, tables as rows, headers and footers apart (docx.py), after
  the archive's members were checked against the limits (zipguard.py).
- .pdf: the text layer in reading order (pdf.py); a PDF without one is read by OCR with
  Tesseract (ocr.py) when it is installed, and the result is marked as OCR with its confidence.

`Document.carry_text` says whether the JSON must carry "text": whenever the offsets do not
index the file read as plain UTF-8 (another encoding, a BOM, or a converted format).
Anything unreadable raises `UnreadableDocument` with a message for people and a `code` for
programs, never a traceback.
"""

from __future__ import annotations

from pathlib import Path

from hoptac.extraction.readers.base import (
    DEFAULT_LIMITS,
    Cell,
    Document,
    Limits,
    Row,
    UnreadableDocument,
)
from hoptac.extraction.readers.text import decode

__all__ = [
    "DEFAULT_LIMITS",
    "MAX_BYTES",
    "Cell",
    "Document",
    "Limits",
    "Row",
    "UnreadableDocument",
    "decode",
    "read_bytes",
    "read_file",
]

MAX_BYTES = 50 * 1024 * 1024
TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
_REFUSED = (".doc", ".xls", ".xlsx", ".ppt", ".pptx", ".odt", ".rtf", ".zip")


def read_file(path: str | Path, *, limits: Limits = DEFAULT_LIMITS) -> Document:
    """Return the document in the file at `path`. Raises UnreadableDocument."""
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise UnreadableDocument(
                f"{p.name}: too large ({size} bytes; limit {MAX_BYTES})",
                code="too_large", size=size, limit=MAX_BYTES,
            )  # fmt: skip
        data = p.read_bytes()
    except IsADirectoryError as e:
        raise UnreadableDocument(f"{p.name}: is a directory", code="directory") from e
    except OSError as e:
        raise UnreadableDocument(
            f"{p.name}: cannot read ({e.strerror or e})", code="cannot_read"
        ) from e
    return read_bytes(data, p.name, limits=limits)


def read_bytes(data: bytes, name: str, *, limits: Limits = DEFAULT_LIMITS) -> Document:
    """Return the document in `data`, its kind taken from the file name `name`."""
    if not data.strip():
        raise UnreadableDocument(f"{name}: the file is empty", code="empty")
    suffix = Path(name).suffix.lower()
    if suffix in (".html", ".htm", ".xhtml"):
        from hoptac.extraction.readers.html import read_html

        return read_html(data, name)
    if suffix == ".docx" or (suffix not in _REFUSED and data[:4] == b"PK\x03\x04"):
        from hoptac.extraction.readers.docx import read_docx

        return read_docx(data, name, limits)
    if suffix == ".pdf" or (suffix not in _REFUSED and data[:5] == b"%PDF-"):
        from hoptac.extraction.readers.pdf import read_pdf

        return read_pdf(data, name, limits)
    if suffix in _REFUSED:
        raise UnreadableDocument(
            f"{name}: unsupported format {suffix} (use .txt, .html, .docx or .pdf)",
            code="unsupported", suffix=suffix,
        )  # fmt: skip
    text, encoding = decode(data, name)
    if len(text) > limits.max_text_chars:
        raise UnreadableDocument(
            f"{name}: too much text (over {limits.max_text_chars} characters)",
            code="too_much_text", limit=limits.max_text_chars,
        )  # fmt: skip
    return Document(text, name, "txt", encoding, None, carry_text=encoding != "utf-8")
