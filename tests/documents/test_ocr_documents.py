"""A scanned PDF is stored with its recognised text, marked as OCR, and shown to the reviewer as such."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from pypdf import PdfWriter

from bench.scans import make_scan
from hoptac.documents.models import Document, TextSource
from hoptac.documents.services import document_ingest
from hoptac.extraction.readers.ocr import INSTALL_HINT, tesseract_status

pytestmark = pytest.mark.django_db
CORPUS = Path(__file__).resolve().parents[2] / "corpus" / "dev-official"
MISSING = tesseract_status("vie") or (None if shutil.which("pdftoppm") else "poppler-utils")


@pytest.mark.skipif(MISSING is not None, reason=f"OCR skipped: {MISSING} missing ({INSTALL_HINT})")
def test_a_scan_is_stored_as_ocr_and_the_reviewer_is_told(admin_user, client, tmp_path):
    scan = make_scan(CORPUS / "01_thong_bao_ket_luan.pdf", tmp_path / "scan.pdf", pages=1)

    result = document_ingest(data=scan.read_bytes(), filename="scan.pdf", by=admin_user)

    assert result.status == "new", result.message
    doc = Document.objects.get()
    assert doc.text_source == TextSource.OCR and 0.8 <= doc.ocr_confidence <= 1.0
    assert "Ban Thường vụ Thành ủy Hà Nội" in doc.text
    client.force_login(admin_user)
    page = client.get(f"/documents/{doc.pk}/").content.decode()
    assert "nhận dạng từ bản quét (OCR)" in page and f"{doc.ocr_percent}%" in page


def test_a_text_document_is_not_marked_as_ocr(admin_user, client):
    result = document_ingest(
        data="Hà Nội và Lai Châu ký kết.".encode(), filename="a.txt", by=admin_user
    )
    doc = result.document
    assert doc.text_source == TextSource.TEXT and doc.ocr_confidence is None
    client.force_login(admin_user)
    assert "bản quét (OCR)" not in client.get(f"/documents/{doc.pk}/").content.decode()


def test_without_tesseract_the_upload_says_in_vietnamese_how_to_install_it(
    admin_user, tmp_path, monkeypatch
):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for tool in ("pdftoppm", "pdftotext"):
        if shutil.which(tool):
            os.symlink(shutil.which(tool), bin_dir / tool)
    monkeypatch.setenv("PATH", str(bin_dir))
    w = PdfWriter()
    w.add_blank_page(width=200, height=200)
    pdf = tmp_path / "scan.pdf"
    with pdf.open("wb") as fh:
        w.write(fh)

    result = document_ingest(data=pdf.read_bytes(), filename="scan.pdf", by=admin_user)

    assert result.status == "failed"
    assert "chưa cài Tesseract" in result.message
    assert "apt-get install tesseract-ocr tesseract-ocr-vie" in result.message
    assert not Document.all_objects.exists()
