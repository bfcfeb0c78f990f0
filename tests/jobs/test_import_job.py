"""A spreadsheet import in a job: checked in chunks, then applied chunk by chunk."""

from __future__ import annotations

import io

import pytest
from openpyxl import Workbook

from hoptac.investments.models import InvestmentProject
from hoptac.jobs.models import Job, JobKind, JobStatus
from hoptac.jobs.services import job_submit
from hoptac.reports import jobs as report_jobs
from tests.jobs.conftest import run_worker

HEADER = ["Mã dự án", "Tên dự án", "Địa phương của nhà đầu tư", "Địa phương tiếp nhận",
          "Vốn đăng ký (tỷ đồng)", "Giai đoạn", "Ngày đăng ký"]  # fmt: skip


def _xlsx(rows) -> bytes:
    wb = Workbook()
    for row in rows:
        wb.active.append(row)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _project(n: int, capital: str = "10") -> list:
    return [f"P{n}", f"Dự án số {n}", "Hà Nội", "Thanh Hóa", capital, "", "01/05/2019"]


@pytest.fixture
def chunks_of_three(monkeypatch):
    monkeypatch.setattr(report_jobs, "CHUNK_ROWS", 3)


def _import(rows, by, dry_run=False) -> Job:
    data = _xlsx([HEADER, *rows])
    return job_submit(kind=JobKind.IMPORT, by=by, files=[("p.xlsx", data)],
                      params={"register": "projects", "dry_run": dry_run})  # fmt: skip


def test_eight_rows_in_chunks_of_three_are_all_imported(hanoi_thanhhoa, alice, chunks_of_three):
    job = _import([_project(n) for n in range(1, 9)], alice)

    assert job.status == JobStatus.DONE, job.error
    assert job.result["created"] == 8 and not job.result["errors"]
    assert (job.progress_done, job.progress_total) == (16, 16)  # checked, then applied
    assert InvestmentProject.objects.count() == 8


def test_a_bad_row_in_the_last_chunk_writes_nothing_and_is_named_by_its_row(
    hanoi_thanhhoa, alice, chunks_of_three
):
    rows = [_project(n) for n in range(1, 8)] + [_project(8, capital="nhiều")]
    job = _import(rows, alice)

    assert job.status == JobStatus.DONE
    assert [e["row"] for e in job.result["errors"]] == [9]  # the header is row 1
    assert job.result["created"] == 0 and "applied_through" not in job.result
    assert not InvestmentProject.objects.exists()


def test_a_dry_run_in_chunks_counts_and_writes_nothing(hanoi_thanhhoa, alice, chunks_of_three):
    job = _import([_project(n) for n in range(1, 8)], alice, dry_run=True)
    assert job.result["created"] == 7 and job.result["dry_run"]
    assert not InvestmentProject.objects.exists()


def test_a_missing_column_is_reported_once(hanoi_thanhhoa, alice, chunks_of_three):
    data = _xlsx([HEADER[:1] + HEADER[2:], *[_project(n)[:1] + _project(n)[2:] for n in range(7)]])
    job = job_submit(kind=JobKind.IMPORT, by=alice, files=[("p.xlsx", data)],
                     params={"register": "projects"})  # fmt: skip
    assert [(e["row"], e["column"]) for e in job.result["errors"]] == [(1, "Tên dự án")]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_import_page_hands_the_file_to_the_worker(client, hanoi_thanhhoa, alice, queued):
    client.force_login(alice)
    upload = io.BytesIO(_xlsx([HEADER, _project(1)]))
    upload.name = "p.xlsx"
    response = client.post("/reports/import/", {"register": "projects", "file": upload})

    job = Job.objects.get(kind=JobKind.IMPORT)
    assert response.status_code == 302 and response.url == f"/jobs/{job.pk}/"
    assert not InvestmentProject.objects.exists()
    run_worker()
    page = client.get(f"/jobs/{job.pk}/").content.decode()
    assert "tạo mới 1" in page
    assert InvestmentProject.objects.count() == 1
