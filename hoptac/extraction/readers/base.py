"""What every reader returns and raises, and the limits that keep a hostile file harmless."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import Any


class UnreadableDocument(ValueError):
    """The file cannot be turned into text; the message says why (in English, for the CLI).

    `code` names the reason and `params` its figures, so that the application can say the
    same thing in its own language without parsing the message.
    """

    def __init__(self, message: str, *, code: str = "unreadable", **params: Any) -> None:
        super().__init__(message)
        self.code = code
        self.params = params


@dataclass(frozen=True)
class Limits:
    """How much a reader may spend on one file before it refuses it.

    The defaults are those of the application's settings (docs/configuration.md).
    """

    max_text_chars: int = 1_000_000
    max_unzipped_bytes: int = 100 * 1024 * 1024
    max_zip_ratio: int = 100
    ocr: bool = True
    ocr_languages: str = "vie"
    ocr_dpi: int = 200
    ocr_page_seconds: float = 60.0
    ocr_document_seconds: float = 600.0


DEFAULT_LIMITS = Limits()


@dataclass(frozen=True)
class Cell:
    """A table cell: its text and where it is in the document's text."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Row:
    """A table row as one line of the text: its cells, and the line's span."""

    cells: tuple[Cell, ...]
    start: int
    end: int


@dataclass(frozen=True)
class Document:
    """A document as text: what the offsets index, how it was decoded, what it was.

    `tables` holds each table as rows of cells with offsets into `text`; `headers` and
    `footers` are the page headers and footers, kept out of `text`. A scanned PDF read by
    OCR has `ocr` set and `confidence` (0–1, Tesseract's mean word confidence).
    """

    text: str
    name: str
    format: str  # "txt", "html", "docx", "pdf"
    encoding: str | None = None
    title: str | None = None
    carry_text: bool = False
    tables: tuple[tuple[Row, ...], ...] = ()
    headers: str = ""
    footers: str = ""
    ocr: bool = False
    confidence: float | None = None
    pages: int = 0
    warnings: tuple[str, ...] = field(default_factory=tuple)


class TextBuilder:
    """Accumulates lines of text, their table rows with offsets, and enforces the text cap."""

    def __init__(self, name: str, limits: Limits) -> None:
        self.name = name
        self.limit = limits.max_text_chars
        self.parts: list[str] = []
        self.size = 0
        self.tables: list[tuple[Row, ...]] = []
        self._rows: list[Row] | None = None

    def line(self, text: str) -> None:
        """Append one line (a newline is added before it unless it is the first)."""
        if self.parts:
            self._add("\n")
        self._add(unicodedata.normalize("NFC", text))

    def row(self, cells: list[str], sep: str = " | ") -> None:
        """Append a table row as one line, its non-empty cells joined by `sep`."""
        if self.parts:
            self._add("\n")
        start = self.size
        out: list[Cell] = []
        cells = [unicodedata.normalize("NFC", c) for c in cells]
        for n, cell in enumerate(c for c in cells if c.strip()):
            if n:
                self._add(sep)
            out.append(Cell(cell, self.size, self.size + len(cell)))
            self._add(cell)
        if self._rows is None:
            self._rows = []
        self._rows.append(Row(tuple(out), start, self.size))

    def end_table(self) -> None:
        if self._rows:
            self.tables.append(tuple(self._rows))
        self._rows = None

    def _add(self, s: str) -> None:
        self.size += len(s)
        if self.size > self.limit:
            raise UnreadableDocument(
                f"{self.name}: too much text (over {self.limit} characters)",
                code="too_much_text", limit=self.limit,
            )  # fmt: skip
        self.parts.append(s)

    def text(self) -> str:
        return "".join(self.parts)
