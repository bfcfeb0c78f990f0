"""PDF: the text layer in reading order; pages without one are read by OCR.

The words and their boxes come from poppler's `pdftotext -bbox` and are laid out by
layout.py (columns of a two-column header kept apart, table rows as lines, paragraphs
unwrapped). pypdf's own `extract_text()` interleaves side-by-side blocks line by line and
reads a table across its columns, so it is only the fallback when poppler-utils is not
installed. pypdf still opens the file first: it says whether it is a PDF, encrypted, and how
many pages it has. Pages with no text (a scanner's images) go to ocr.py.
"""

from __future__ import annotations

import html
import io
import re
import shutil
import subprocess  # noqa: S404 - poppler's pdftotext, with a fixed argument list
import unicodedata

from hoptac.extraction.readers.base import Document, Limits, TextBuilder, UnreadableDocument
from hoptac.extraction.readers.layout import Page, Word, render

_PAGE_RE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', re.S)
_WORD_RE = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
)
# A page with fewer characters than this in its text layer is taken for a scanned image.
MIN_PAGE_CHARS = 20


def read_pdf(data: bytes, name: str, limits: Limits) -> Document:
    """Return the document in the PDF `data`. Raises UnreadableDocument."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError, PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise UnreadableDocument(f"{name}: the PDF is encrypted", code="encrypted")
        n_pages = len(reader.pages)
        pages = _pdftotext_pages(data, n_pages)
        if pages is None:
            pages = _pypdf_pages(reader)
    except UnreadableDocument:
        raise
    except (PdfReadError, PyPdfError, ValueError, KeyError, TypeError, AssertionError) as e:
        raise UnreadableDocument(f"{name}: not a readable PDF ({e})", code="bad_pdf") from e
    if n_pages == 0:
        raise UnreadableDocument(f"{name}: not a readable PDF (no pages)", code="bad_pdf")
    scanned = [i for i, p in enumerate(pages) if _chars(p) < MIN_PAGE_CHARS]
    if len(scanned) == len(pages):
        from hoptac.extraction.readers.ocr import ocr_pdf

        return ocr_pdf(data, name, limits, n_pages)
    out = TextBuilder(name, limits)
    warnings: list[str] = []
    if scanned:
        warnings.append(
            f"pages without a text layer, not read: {', '.join(str(i + 1) for i in scanned)}"
        )
    footers: list[str] = []
    if all(isinstance(p, Page) for p in pages):
        footers = render([p for p in pages if isinstance(p, Page)], out)
    else:
        for p in pages:
            for line in str(p).splitlines():
                out.line(line.strip())
    text = out.text()
    if not text.strip():
        raise UnreadableDocument(
            f"{name}: the PDF has no text layer (scanned PDF?)", code="no_text_layer"
        )
    title = _title(reader)
    return Document(
        text, name, "pdf", None, title, carry_text=True, tables=tuple(out.tables),
        footers="\n".join(footers), pages=n_pages, warnings=tuple(warnings),
    )  # fmt: skip


def _chars(page: Page | str) -> int:
    if isinstance(page, Page):
        return sum(len(w.text.strip()) for w in page.words)
    return len(page.strip())


def _pdftotext_pages(data: bytes, n_pages: int) -> list[Page | str] | None:
    exe = shutil.which("pdftotext")
    if exe is None:
        return None
    try:
        proc = subprocess.run(  # noqa: S603 - fixed arguments, the PDF on stdin
            [exe, "-bbox", "-enc", "UTF-8", "-", "-"],
            input=data, capture_output=True, timeout=max(30, 2 * n_pages), check=False,
        )  # fmt: skip
    except (OSError, subprocess.TimeoutExpired):
        return None
    if proc.returncode != 0:
        return None
    pages: list[Page | str] = []
    for m in _PAGE_RE.finditer(proc.stdout.decode("utf-8", "replace")):
        page = Page(float(m.group(1)), float(m.group(2)))
        for w in _WORD_RE.finditer(m.group(3)):
            text = unicodedata.normalize("NFC", html.unescape(w.group(5)))
            page.words.append(
                Word(
                    float(w.group(1)), float(w.group(2)), float(w.group(3)), float(w.group(4)), text
                )
            )
        pages.append(page)
    return pages if len(pages) == n_pages else None


def _pypdf_pages(reader) -> list[Page | str]:  # type: ignore[no-untyped-def]
    return [unicodedata.normalize("NFC", page.extract_text() or "") for page in reader.pages]


def _title(reader) -> str | None:  # type: ignore[no-untyped-def]
    try:
        meta = reader.metadata
        return (str(meta.title).strip() or None) if meta and meta.title else None
    except (ValueError, KeyError, TypeError, AttributeError):  # broken metadata: no title
        return None
