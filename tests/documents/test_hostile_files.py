"""Hostile files (issue 12 §3): bombs and oversized uploads are refused fast, small and clearly.

Each bomb is built here at test time. Refusals are measured in a child process (its own peak
memory, its CPU time: on a shared machine wall time also measures the neighbours).
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
import time
import unicodedata

import pytest

from hoptac.documents.models import Document, Fact
from hoptac.documents.services import document_ingest
from hoptac.investments.models import InvestmentProject
from hoptac.reports.exchange.importer import UnreadableTable, import_rows, read_table
from tests.documents import bombs

pytestmark = pytest.mark.django_db

CHILD = """
import json, resource, sys, time
from hoptac.extraction import UnreadableDocument, read_file
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
cpu, wall = time.process_time(), time.perf_counter()
try:
    read_file(sys.argv[1])
    code = None
except UnreadableDocument as e:
    code = e.code
print(json.dumps({
    "code": code, "cpu": time.process_time() - cpu, "wall": time.perf_counter() - wall,
    "grown_mb": (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024,
}))
"""


def refuse_in_child(path) -> dict:
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(path)], capture_output=True, text=True, check=True,
        timeout=120,
    )  # fmt: skip
    return json.loads(out.stdout)


BOMBS = {
    "declared-2GB.docx": (bombs.declared_size_bomb, "zip_too_big"),
    "ratio-bomb.docx": (bombs.ratio_bomb, "zip_ratio"),
    "million-paragraphs.docx": (bombs.million_paragraphs, "too_much_text"),
}


@pytest.mark.parametrize("name", BOMBS)
def test_a_docx_bomb_is_refused_in_under_2_s_and_200_mb(tmp_path, name):
    build, code = BOMBS[name]
    path = tmp_path / name
    path.write_bytes(build())

    got = refuse_in_child(path)

    assert got["code"] == code
    assert got["cpu"] < 2.0, got
    assert got["grown_mb"] < 200, got


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("declared-2GB.docx", "bom nén"),
        ("ratio-bomb.docx", "bom nén"),
        ("million-paragraphs.docx", "Tài liệu quá dài"),
    ],
)
def test_an_ingested_bomb_stores_nothing_and_says_why_in_vietnamese(admin_user, name, reason):
    result = document_ingest(data=BOMBS[name][0](), filename=name, by=admin_user)

    assert result.status == "failed"
    assert reason in result.message
    assert "compress" not in result.message and "expands" not in result.message
    assert not Document.all_objects.exists() and not Fact.all_objects.exists()


def test_a_broken_pdf_is_refused_in_vietnamese_only(admin_user):
    result = document_ingest(data=b"%PDF-1.4 garbage", filename="x.pdf", by=admin_user)

    assert result.status == "failed"
    assert result.message == "Tệp PDF bị hỏng, không đọc được."


def test_an_upload_over_the_document_limit_is_answered_413_unread(client, alice, settings):
    settings.HOPTAC_MAX_DOCUMENT_BYTES = 4096
    client.force_login(alice)
    upload = io.BytesIO(b"Ha Noi " * 2000)
    upload.name = "lon.txt"

    response = client.post("/documents/upload/", {"files": [upload]})

    assert response.status_code == 413
    body = response.content.decode()
    assert "Tệp lon.txt quá lớn" in body and "giới hạn là" in body
    assert not Document.all_objects.exists()


def test_a_request_body_over_the_upload_limit_is_answered_413_before_it_is_read(
    client, alice, settings
):
    settings.HOPTAC_MAX_UPLOAD_BYTES = 8192
    client.force_login(alice)
    upload = io.BytesIO(b"x" * 20000)
    upload.name = "a.txt"

    response = client.post("/documents/upload/", {"files": [upload]})

    assert response.status_code == 413
    assert "Dữ liệu gửi lên quá lớn" in response.content.decode()
    assert not Document.all_objects.exists()


def test_the_api_gets_its_413_as_json(client, settings):
    settings.HOPTAC_MAX_UPLOAD_BYTES = 1024
    response = client.post(
        "/api/v1/grants", b"{" + b" " * 4096 + b"}", content_type="application/json"
    )

    assert response.status_code == 413
    assert "quá lớn" in response.json()["detail"]


# -- spreadsheets --------------------------------------------------------------------------

HEADER = ["Tên dự án", "Địa phương của nhà đầu tư", "Địa phương tiếp nhận"]


def test_an_xlsx_with_a_stale_dimension_imports_all_its_rows(hanoi_thanhhoa, admin_user):
    rows = [HEADER] + [[f"Dự án {i}", "Hà Nội", "Thanh Hóa"] for i in range(1, 6)]
    data = bombs.xlsx_rows(rows, dimension="A1:B1")  # says: only the header, two columns

    table = read_table(data, "p.xlsx")
    result = import_rows("projects", table, by=admin_user)

    assert len(table) == 6 and [len(r) for r in table] == [3] * 6
    assert result.ok and result.created == 5
    assert InvestmentProject.objects.count() == 5


def test_a_500000_row_xlsx_is_refused_quickly():
    data = bombs.big_xlsx(500_000)
    cpu, wall = time.process_time(), time.perf_counter()

    with pytest.raises(UnreadableTable, match="tối đa 100.000 dòng"):
        read_table(data, "big.xlsx")

    assert time.process_time() - cpu < 2.0, f"wall {time.perf_counter() - wall:.1f} s"


def test_a_csv_over_the_row_limit_is_refused_while_reading():
    data = ("Tên dự án\n" + "x\n" * 20).encode()
    with pytest.raises(UnreadableTable, match="tối đa 10 dòng"):
        read_table(data, "p.csv", max_rows=10)


def test_an_xlsx_bomb_is_refused_before_openpyxl_parses_it():
    data = bombs._rebuild(
        bombs.xlsx_rows([HEADER]), {"xl/worksheets/sheet1.xml": b"<a/>" * 1},
        lambda zf: zf.writestr("xl/sharedStrings.xml", b"<sst>" + b"a" * (50 * 1024 * 1024)),
    )  # fmt: skip
    with pytest.raises(UnreadableTable, match="bom nén"):
        read_table(data, "bomb.xlsx")


def to_cp1258(s: str) -> bytes:
    tones = "\u0300\u0301\u0303\u0309\u0323"
    out = []
    for ch in s:
        d = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in d if c not in tones))
        out.append(base + "".join(c for c in d if c in tones))
    return "".join(out).encode("cp1258")


def test_a_cp1258_csv_of_even_length_imports_right(hanoi_thanhhoa, admin_user):
    text = ";".join(HEADER) + "\r\nDự án Nghi Sơn;Hà Nội;Thanh Hóa\r\n"
    data = to_cp1258(text)
    if len(data) % 2:
        data += b"\n"
    assert len(data) % 2 == 0  # the length at which UTF-16 used to "decode" it into garbage

    result = import_rows("projects", read_table(data, "p.csv"), by=admin_user)

    assert result.ok, result.errors
    names = [unicodedata.normalize("NFC", p.name) for p in InvestmentProject.objects.all()]
    assert names == ["Dự án Nghi Sơn"]


def test_only_editors_and_above_may_import(client, victor):
    client.force_login(victor)
    assert client.get("/reports/import/").status_code == 403
    upload = io.BytesIO(bombs.xlsx_rows([HEADER, ["Dự án", "Hà Nội", "Thanh Hóa"]]))
    upload.name = "p.xlsx"
    response = client.post("/reports/import/", {"register": "projects", "file": upload})
    assert response.status_code == 403
    assert not InvestmentProject.objects.exists()


def test_an_import_file_over_the_limit_is_answered_413(client, alice, monkeypatch):
    from hoptac.reports.exchange import views

    monkeypatch.setattr(views, "MAX_UPLOAD", 1024)
    client.force_login(alice)
    upload = io.BytesIO(b"a,b\n" * 1000)
    upload.name = "p.csv"
    response = client.post("/reports/import/", {"register": "projects", "file": upload})
    assert response.status_code == 413
    assert "Tệp quá lớn" in response.content.decode()
