"""The DOCX report as LibreOffice lays it out: the header block's lines are not broken."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import unicodedata

import pytest

from hoptac.partnerships.services import partnership_get_or_create
from hoptac.reports.annual import report_for_partnership
from hoptac.reports.docx_render import render_docx
from tests.conftest import locality

pytestmark = pytest.mark.skipif(
    not (shutil.which("soffice") and shutil.which("pdftotext")),
    reason="needs LibreOffice (libreoffice-writer-nogui) and pdftotext (poppler-utils)",
)


def _libreoffice_lines(data: bytes, tmp_path) -> list[str]:
    """Return the text segments of page 1 as LibreOffice prints the DOCX, column by column."""
    docx = tmp_path / "r.docx"
    docx.write_bytes(data)
    # A profile of its own: other soffice processes on the machine do not block this one.
    profile = f"-env:UserInstallation=file://{tmp_path}/profile"
    subprocess.run(
        ["soffice", profile, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path),
         str(docx)],
        capture_output=True, check=True, timeout=180,
    )  # fmt: skip
    out = subprocess.run(
        ["pdftotext", "-layout", "-f", "1", "-l", "1", str(tmp_path / "r.pdf"), "-"],
        capture_output=True, check=True,
    )  # fmt: skip
    text = unicodedata.normalize("NFC", out.stdout.decode("utf-8"))
    return [seg.strip() for line in text.splitlines() for seg in re.split(r"\s{2,}", line)]


@pytest.mark.parametrize(
    ("issuer", "partner", "year", "on", "issuer_line", "date_line"),
    [
        ("Hà Nội", "Thanh Hóa", 2019, "2020-01-05", "THÀNH PHỐ HÀ NỘI",
         "Hà Nội, ngày 05 tháng 01 năm 2020"),
        ("Hồ Chí Minh", "Hà Nội", 2025, "2026-01-05", "THÀNH PHỐ HỒ CHÍ MINH",
         "Hồ Chí Minh, ngày 05 tháng 01 năm 2026"),
    ],
)  # fmt: skip
def test_the_header_lines_stay_whole(
    tmp_path, admin_user, issuer, partner, year, on, issuer_line, date_line
):
    mid_year = f"{year}-06-30" if year < 2025 else "2025-12-01"
    sides = [locality(issuer, mid_year), locality(partner, mid_year)]
    p, _ = partnership_get_or_create(localities=sides, by=admin_user)
    report = report_for_partnership(p, year, issuer=sides[0], date_on=dt.date.fromisoformat(on))
    lines = _libreoffice_lines(render_docx(report), tmp_path)
    for expected in ("ỦY BAN NHÂN DÂN", issuer_line, "Số: .../BC-UBND",
                     "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                     date_line):  # fmt: skip
        assert expected in lines, f"{expected!r} is not one line in {lines[:12]}"
