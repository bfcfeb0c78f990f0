"""OCR of scanned PDFs: each page rendered by poppler (pdftoppm), read by Tesseract (`vie`).

Tesseract is called directly (decision 0005): its TSV output gives every word with its box,
block and confidence, which layout.py needs to rebuild table cells (plain OCR text reads a
table across its columns), and nothing else is needed from a wrapper. `OMP_THREAD_LIMIT=1`
keeps one page on one core. Each page has a time budget and so has the whole document
(`Limits.ocr_page_seconds`, `.ocr_document_seconds`); a scan that needs more is refused with
the reason, not cut short silently. Without Tesseract or its Vietnamese data the error says
how to install them.
"""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import statistics
import subprocess  # noqa: S404 - pdftoppm and tesseract with fixed argument lists
import tempfile
import time
import unicodedata
from pathlib import Path

from hoptac.extraction.readers.base import Document, Limits, TextBuilder, UnreadableDocument
from hoptac.extraction.readers.layout import Page, Word, render

INSTALL_HINT = "apt-get install tesseract-ocr tesseract-ocr-vie"
# Tesseract's word boxes are tight around the ink: a space is wider relative to their height
# than in a PDF text layer's font boxes.
OCR_GAP_FACTOR = 0.7


def tesseract_status(languages: str = "vie") -> str | None:
    """Return None when Tesseract and `languages` are installed, else what is missing."""
    exe = shutil.which("tesseract")
    if exe is None:
        return "tesseract"
    try:
        proc = subprocess.run(  # noqa: S603
            [exe, "--list-langs"], capture_output=True, timeout=30, check=False, text=True
        )
    except (OSError, subprocess.TimeoutExpired):
        return "tesseract"
    have = {ln.strip() for ln in proc.stdout.splitlines()[1:]}
    missing = [lang for lang in languages.split("+") if lang not in have]
    return f"tesseract-ocr-{missing[0]}" if missing else None


def ocr_pdf(data: bytes, name: str, limits: Limits, n_pages: int) -> Document:
    """Return the text of the scanned PDF `data`, marked as OCR. Raises UnreadableDocument."""
    if not limits.ocr:
        raise UnreadableDocument(
            f"{name}: the PDF has no text layer (scanned PDF?)", code="no_text_layer"
        )
    missing = tesseract_status(limits.ocr_languages)
    if missing is not None or shutil.which("pdftoppm") is None:
        what = missing or "poppler-utils"
        raise UnreadableDocument(
            f"{name}: the PDF is a scan and OCR is not installed ({what}); "
            f"install it with: {INSTALL_HINT}",
            code="ocr_missing", install=INSTALL_HINT, package=what,
        )  # fmt: skip
    started = time.monotonic()
    pages: list[Page] = []
    confidences: list[float] = []
    with tempfile.TemporaryDirectory(prefix="hoptac-ocr-") as tmp:
        pdf = Path(tmp) / "in.pdf"
        pdf.write_bytes(data)
        for number in range(1, n_pages + 1):
            left = limits.ocr_document_seconds - (time.monotonic() - started)
            if left <= 0:
                raise _over_budget(name, limits, "document", number)
            budget = min(limits.ocr_page_seconds, left)
            page_started = time.monotonic()
            image = _render(pdf, number, limits.ocr_dpi, budget, Path(tmp), name, limits)
            budget -= time.monotonic() - page_started
            if budget <= 0:
                raise _over_budget(name, limits, "page", number)
            page = _tesseract(image, limits.ocr_languages, budget, name, limits, number)
            image.unlink(missing_ok=True)
            pages.append(page)
            confidences.extend(w.conf for w in page.words if w.conf >= 0 and w.text.strip())
    out = TextBuilder(name, limits)
    footers = render(pages, out, gap_factor=OCR_GAP_FACTOR)
    text = out.text()
    if not text.strip():
        raise UnreadableDocument(f"{name}: OCR found no text in the scan", code="ocr_no_text")
    confidence = round(sum(confidences) / len(confidences) / 100, 3) if confidences else 0.0
    return Document(
        text, name, "pdf", None, None, carry_text=True, tables=tuple(out.tables),
        footers="\n".join(footers), ocr=True, confidence=confidence, pages=n_pages,
    )  # fmt: skip


def _over_budget(name: str, limits: Limits, what: str, page: int) -> UnreadableDocument:
    seconds = limits.ocr_page_seconds if what == "page" else limits.ocr_document_seconds
    return UnreadableDocument(
        f"{name}: OCR took longer than its budget of {seconds:g} s per {what} (page {page})",
        code="ocr_timeout", what=what, seconds=seconds, page=page,
    )  # fmt: skip


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["OMP_THREAD_LIMIT"] = "1"
    return env


def _render(
    pdf: Path, number: int, dpi: int, budget: float, tmp: Path, name: str, limits: Limits
) -> Path:
    prefix = tmp / f"p{number}"
    try:
        subprocess.run(  # noqa: S603
            [
                shutil.which("pdftoppm") or "pdftoppm", "-r", str(dpi), "-gray", "-png",
                "-f", str(number), "-l", str(number), "-singlefile", str(pdf), str(prefix),
            ],
            capture_output=True, timeout=budget, check=True,
        )  # fmt: skip
    except subprocess.TimeoutExpired as e:
        raise _over_budget(name, limits, "page", number) from e
    except (OSError, subprocess.CalledProcessError) as e:
        raise UnreadableDocument(
            f"{name}: not a readable PDF (page {number} cannot be rendered)", code="bad_pdf"
        ) from e
    return prefix.with_suffix(".png")


def _tesseract(
    image: Path, languages: str, budget: float, name: str, limits: Limits, number: int
) -> Page:
    try:
        proc = subprocess.run(  # noqa: S603
            [shutil.which("tesseract") or "tesseract", str(image), "-", "-l", languages, "tsv"],
            capture_output=True, timeout=budget, check=True, env=_env(),
        )  # fmt: skip
    except subprocess.TimeoutExpired as e:
        raise _over_budget(name, limits, "page", number) from e
    except (OSError, subprocess.CalledProcessError) as e:
        raise UnreadableDocument(
            f"{name}: OCR failed on page {number}", code="ocr_failed", page=number
        ) from e
    return parse_tsv(proc.stdout.decode("utf-8", "replace"))


# Tesseract's usual misreadings in the numbers official documents are built on.
_GLUED_NUMBER_RE = re.compile(r"^((?:[IVX]{1,5}|\d{1,2}(?:\.\d{1,2})*)\.)([^\d\s./])")
_QUARTER_RE = re.compile(r"^([A-Za-z1|!]{1,4})(/\d{4}\W*)$")
_ROMAN_LOOKALIKES = str.maketrans({"T": "I", "l": "I", "1": "I", "|": "I", "!": "I", "H": "II"})


def fix_word(text: str, previous: str) -> str:
    """Return an OCR word with the misreadings that break item numbers and quarters fixed.

    "I.MỤC" → "I. MỤC" (the space after an item number is often lost), and the Roman numeral
    of a quarter (after "Quý", or already half Roman): "TV/2026" → "IV/2026",
    "IH/2024" → "III/2024".
    """
    text = _GLUED_NUMBER_RE.sub(r"\1 \2", text)
    m = _QUARTER_RE.match(text)
    if m and (previous.lower() == "quý" or set(m.group(1)) & {"I", "V"}):
        roman = m.group(1).translate(_ROMAN_LOOKALIKES)
        if roman in ("I", "II", "III", "IV"):
            text = roman + m.group(2)
    return text


_RULE_RE = re.compile(r"^[|_\[\]¦—=~]+$|^[|_]+|[|_]+$")


def parse_tsv(tsv: str) -> Page:
    """Return the words of Tesseract's TSV output as a Page (coordinates in pixels).

    Table borders read as "|" or "_" are dropped, and the page is deskewed: a scan turned
    by half a degree puts the two ends of a line 15 px apart, enough to tear a table row.
    """
    page = Page(0.0, 0.0)
    lines: dict[tuple[int, int, int], list[Word]] = {}
    reader = csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE)
    for row in reader:
        try:
            level = int(row["level"])
            x, y = float(row["left"]), float(row["top"])
            w, h = float(row["width"]), float(row["height"])
        except (KeyError, TypeError, ValueError):
            continue
        if level == 1:
            page.width, page.height = w, h
        elif level == 5 and (row.get("text") or "").strip():
            text = _RULE_RE.sub("", unicodedata.normalize("NFC", row["text"].strip()))
            if not text:
                continue
            text = fix_word(text, page.words[-1].text if page.words else "")
            block = int(row.get("block_num") or 0)
            conf = float(row.get("conf") or -1)
            word = Word(x, y, x + w, y + h, text, block, conf)
            key = (block, int(row.get("par_num") or 0), int(row.get("line_num") or 0))
            lines.setdefault(key, []).append(word)
            page.words.append(word)
    slope = _skew(list(lines.values()))
    if slope:
        page.words = [
            Word(w.x0, w.y0 - slope * w.x0, w.x1, w.y1 - slope * w.x0, w.text, w.block, w.conf)
            for w in page.words
        ]
    return page


def _skew(lines: list[list[Word]]) -> float:
    """Return the median slope (dy/dx) of the word baselines along Tesseract's lines."""
    slopes = []
    for words in lines:
        if len(words) < 3:
            continue
        first, last = words[0], words[-1]
        dx = last.x1 - first.x0
        if dx > 200:
            slopes.append((last.y1 - first.y1) / dx)
    return statistics.median(slopes) if slopes else 0.0
