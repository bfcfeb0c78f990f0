"""Spreadsheets in and out: export, round trip, bad rows, updates with history."""

from __future__ import annotations

import csv
import io

import pytest
from django.core.management import call_command
from openpyxl import Workbook, load_workbook

from hoptac.activities.models import Activity
from hoptac.grants.models import Grant
from hoptac.investments.models import InvestmentProject
from hoptac.partnerships.models import Commitment
from hoptac.reports.exchange.cli import Everyone
from hoptac.reports.exchange.export import export_to
from hoptac.reports.exchange.importer import import_rows, read_table
from hoptac.reports.numbers import fmt_number, parse_number

IMPORTABLE = ["projects", "commitments", "grants", "activities"]


def _export(register: str, fmt: str) -> bytes:
    out = io.BytesIO()
    export_to(register, fmt, Everyone(), out)
    return out.getvalue()


def _state():
    return (
        [
            (p.pk, p.version, p.capital_vnd, p.stage)
            for p in InvestmentProject.objects.order_by("pk")
        ],
        [(c.pk, c.version, c.status) for c in Commitment.objects.order_by("pk")],
        [(g.pk, g.version) for g in Grant.objects.order_by("pk")],
        [(a.pk, a.version) for a in Activity.objects.order_by("pk")],
    )


def test_vietnamese_numbers_read_and_write():
    assert parse_number("1.250,5") == parse_number("1250,5") == parse_number("1250.5")
    assert parse_number("45.500") == 45500
    assert fmt_number(parse_number("5432,1"), 1) == "5.432,1"


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
@pytest.mark.parametrize("register", IMPORTABLE)
def test_export_then_import_changes_nothing(year_2019, admin_user, register, fmt):
    before = _state()
    data = _export(register, fmt)
    result = import_rows(register, read_table(data, f"x.{fmt}"), by=admin_user)
    assert result.ok, result.errors
    assert result.created == result.updated == 0 and result.unchanged > 0
    assert _state() == before


def test_the_csv_has_vietnamese_headers_and_numbers(year_2019):
    text = _export("projects", "csv").decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert "Vốn đăng ký (tỷ đồng)" in rows[0]
    assert any("1.250,5" in row for row in rows[1:])


@pytest.mark.parametrize(
    "register", ["meetings", "snapshots", "localities", "partnerships", "requests"]
)
def test_every_register_exports(year_2019, register):
    wb = load_workbook(io.BytesIO(_export(register, "xlsx")), read_only=True)
    assert len(list(wb.worksheets[0].iter_rows())) >= 2
    assert _export(register, "json").startswith(b"[")


def _xlsx(rows) -> bytes:
    wb = Workbook()
    for row in rows:
        wb.active.append(row)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


HEADER = ["Mã dự án", "Tên dự án", "Địa phương của nhà đầu tư", "Địa phương tiếp nhận",
          "Vốn đăng ký (tỷ đồng)", "Giai đoạn", "Ngày đăng ký"]  # fmt: skip


def test_a_spreadsheet_with_bad_rows_reports_each_and_writes_nothing(hanoi_thanhhoa, admin_user):
    data = _xlsx([
        HEADER,
        ["A1", "Dự án tốt", "Hà Nội", "Thanh Hóa", "1.250,5", "Đang triển khai thi công", "01/05/2019"],
        ["A2", "Dự án hai", "Hà Nội", "Sao Hỏa", "12", "", "01/05/2019"],
        ["A3", "", "Hà Nội", "Thanh Hóa", "nhiều", "", "31/02/2019"],
        ["A4", "Dự án bốn", "Hà Nội", "Thanh Hóa", "3", "đã xong", ""],
    ])  # fmt: skip
    result = import_rows("projects", read_table(data, "p.xlsx"), by=admin_user)
    got = {(e.row, e.column) for e in result.errors}
    assert got == {(3, "Địa phương tiếp nhận"), (4, "Tên dự án"), (4, "Vốn đăng ký (tỷ đồng)"),
                   (4, "Ngày đăng ký"), (5, "Giai đoạn")}  # fmt: skip
    assert "Sao Hỏa" in next(e.message for e in result.errors if e.row == 3)
    assert InvestmentProject.objects.count() == 0


def test_a_row_refused_by_permissions_rolls_back_the_file(hanoi_thanhhoa, bob, hatinh):
    data = _xlsx([
        HEADER,
        ["B1", "Dự án Thanh Hóa", "Hà Nội", "Thanh Hóa", "2", "", "01/05/2019"],
        ["B2", "Dự án Hà Tĩnh", "Hà Nội", "Hà Tĩnh", "2", "", "01/05/2019"],
    ])  # fmt: skip
    result = import_rows("projects", read_table(data, "p.xlsx"), by=bob)
    assert [e.row for e in result.errors] == [3]
    assert InvestmentProject.objects.count() == 0


def test_a_changed_row_updates_its_record_with_history(hanoi_thanhhoa, admin_user):
    first = _xlsx([HEADER, ["C1", "Nhà máy", "Hà Nội", "Thanh Hóa", "100", "", "01/05/2019"]])
    assert import_rows("projects", read_table(first, "p.xlsx"), by=admin_user).created == 1
    again = import_rows("projects", read_table(first, "p.xlsx"), by=admin_user)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 1)
    changed = _xlsx(
        [
            HEADER,
            ["C1", "Nhà máy", "Hà Nội", "Thanh Hóa", "120,5", "Đã đi vào hoạt động", "01/05/2019"],
        ]
    )
    assert import_rows("projects", read_table(changed, "p.xlsx"), by=admin_user).updated == 1
    p = InvestmentProject.objects.get(external_id="C1")
    assert p.capital_vnd == 120_500_000_000 and p.stage == "operating"
    assert p.history.count() >= 3 and p.stage_changes.count() == 2
    assert p.partnership == hanoi_thanhhoa


def test_a_dry_run_writes_nothing(hanoi_thanhhoa, admin_user):
    data = _xlsx([HEADER, ["D1", "Nhà máy", "Hà Nội", "Thanh Hóa", "100", "", "01/05/2019"]])
    result = import_rows("projects", read_table(data, "p.xlsx"), by=admin_user, dry_run=True)
    assert result.ok and result.created == 1
    assert InvestmentProject.objects.count() == 0


def test_the_commands_export_and_import(year_2019, admin_user, tmp_path, capsys):
    path = tmp_path / "grants.csv"
    call_command("export", "grants", "--format", "csv", "-o", str(path))
    call_command("import", "grants", str(path), "--user", "admin")
    assert "không đổi 3" in capsys.readouterr().out


def test_the_web_export_streams_a_filtered_list(client, year_2019):
    response = client.get(f"/reports/export/projects.csv?partnership={year_2019.pk}&year=2019")
    assert response.status_code == 200 and response.streaming
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    assert "Khu du lịch sinh thái Bến En" in text and "Nhà máy xi măng" not in text
    response = client.get("/reports/export/commitments.xlsx?status=done")
    assert response.status_code == 200
    wb = load_workbook(io.BytesIO(b"".join(response.streaming_content)), read_only=True)
    assert len(list(wb.worksheets[0].iter_rows())) == 2


def test_the_import_page_shows_each_bad_row(client, hanoi_thanhhoa, alice):
    client.force_login(alice)
    assert client.get("/reports/import/").status_code == 200
    assert client.get("/reports/import/grants/template.xlsx").status_code == 200
    upload = io.BytesIO(_xlsx([HEADER, ["E1", "", "Hà Nội", "Thanh Hóa", "x", "", ""]]))
    upload.name = "bad.xlsx"
    response = client.post("/reports/import/", {"register": "projects", "file": upload})
    assert response.status_code == 400
    assert "Tên dự án" in response.content.decode() and "bắt buộc" in response.content.decode()
