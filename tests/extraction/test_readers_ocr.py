"""OCR of scanned PDFs with Tesseract: scans made here from the dev PDFs (rotated, noisy)."""

from __future__ import annotations

import difflib
import os
import shutil
from pathlib import Path

import pytest
from pypdf import PdfWriter

from bench.scans import make_scan
from hoptac.extraction import Limits, UnreadableDocument, read_file
from hoptac.extraction.readers.ocr import INSTALL_HINT, fix_word, tesseract_status

CORPUS = Path(__file__).resolve().parents[2] / "corpus" / "dev-official"
MISSING = tesseract_status("vie") or (None if shutil.which("pdftoppm") else "poppler-utils")
needs_tesseract = pytest.mark.skipif(
    MISSING is not None, reason=f"OCR tests skipped: {MISSING} is missing ({INSTALL_HINT})"
)


@pytest.fixture(scope="module")
def plan_scan(tmp_path_factory):
    """The task-table plan as a 2-page scan, and what OCR reads from it (read once)."""
    path = make_scan(CORPUS / "03_ke_hoach_trien_khai.pdf", tmp_path_factory.mktemp("s") / "s.pdf")
    return path, read_file(path)


@needs_tesseract
def test_a_scan_is_read_by_ocr_and_marked_with_its_confidence(plan_scan):
    _path, doc = plan_scan
    assert doc.ocr and doc.format == "pdf" and doc.pages == 2
    assert 0.8 <= doc.confidence <= 1.0


@needs_tesseract
def test_ocr_reads_the_scan_close_to_the_text_layer(plan_scan):
    _path, doc = plan_scan
    layer = read_file(CORPUS / "03_ke_hoach_trien_khai.pdf").text
    ratio = difflib.SequenceMatcher(None, layer, doc.text, autojunk=False).ratio()
    assert ratio >= 0.93, ratio


@needs_tesseract
def test_ocr_rebuilds_the_task_table_rows_from_word_positions(plan_scan):
    _path, doc = plan_scan
    rows = [ln.split(" | ") for ln in doc.text.split("\n")]
    tasks = [r for r in rows if len(r) == 5 and r[0].strip(" ._") in {*"1234567"}]
    assert len(tasks) >= 6, [r for r in rows if len(r) > 1]
    assert any(r[2] == "Sở Y tế" and r[4] == "Hằng năm" for r in tasks)
    assert doc.text.count("STT | Nội dung nhiệm vụ") == 1  # the repeated header read once


@needs_tesseract
def test_a_scan_over_its_time_budget_is_refused_with_the_reason(plan_scan):
    path, _doc = plan_scan
    with pytest.raises(UnreadableDocument, match="budget") as info:
        read_file(path, limits=Limits(ocr_page_seconds=0.01))
    assert info.value.code == "ocr_timeout"


def blank_pdf(path: Path) -> Path:
    w = PdfWriter()
    w.add_blank_page(width=200, height=200)
    with path.open("wb") as fh:
        w.write(fh)
    return path


def test_without_tesseract_the_error_says_how_to_install_it(tmp_path, monkeypatch):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for tool in ("pdftoppm", "pdftotext"):
        if shutil.which(tool):
            os.symlink(shutil.which(tool), bin_dir / tool)
    monkeypatch.setenv("PATH", str(bin_dir))

    with pytest.raises(UnreadableDocument) as info:
        read_file(blank_pdf(tmp_path / "scan.pdf"))

    assert info.value.code == "ocr_missing"
    assert "apt-get install tesseract-ocr tesseract-ocr-vie" in str(info.value)


@pytest.mark.parametrize(
    ("word", "previous", "fixed"),
    [
        ("I.MỤC", "", "I. MỤC"),
        ("2.1.Giao", "", "2.1. Giao"),
        ("1.250", "", "1.250"),
        ("TV/2026.", "Quý", "IV/2026."),
        ("IH/2024", "", "III/2024"),
        ("KH/2024", "", "KH/2024"),
        ("Hà", "Quý", "Hà"),
    ],
)
def test_ocr_misreadings_of_item_numbers_and_quarters_are_fixed(word, previous, fixed):
    assert fix_word(word, previous) == fixed


@needs_tesseract
def test_the_scan_proposes_the_same_items_as_the_docx(plan_scan):
    from hoptac.extraction import extract

    def items(text):
        ex = extract(text).to_json()
        return [
            (it.get("number"), len(it.get("leads") or []), it.get("due"))
            for a in ex.get("agreements", []) if isinstance(a, dict)
            for it in a.get("items") or []
        ]  # fmt: skip

    _path, doc = plan_scan
    assert items(doc.text) == items(read_file(CORPUS / "03_ke_hoach_trien_khai.docx").text)
