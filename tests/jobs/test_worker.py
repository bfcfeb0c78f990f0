"""Slow work queued in the database and done by `hoptac worker --burst`: upload, report, export."""

from __future__ import annotations

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from hoptac.documents.models import Document
from hoptac.jobs.models import Job, JobKind, JobStatus
from hoptac.jobs.services import job_submit
from tests.documents.conftest import SAMPLES
from tests.jobs.conftest import run_worker

# The worker closes and reopens connections as in production: real transactions, not a
# rolled-back test transaction (the units, loaded by a migration, are put back after each test).
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_an_upload_is_stored_in_the_request_and_read_by_the_worker(client, alice, queued):
    client.force_login(alice)
    response = client.post(
        reverse("documents:upload"),
        {"files": [SimpleUploadedFile(SAMPLES[1].name, SAMPLES[1].read_bytes())]},
    )

    job = Job.objects.get()
    html = response.content.decode()
    assert response.status_code == 200
    assert (job.kind, job.status, job.created_by) == (JobKind.INGEST, JobStatus.QUEUED, alice)
    assert not Document.objects.exists()
    assert reverse("jobs:detail", args=[job.pk]) in html and 'hx-trigger="every 2s"' in html
    stored = job.params["inputs"][0]["path"]
    assert default_storage.exists(stored)
    assert DBTaskResult.objects.filter(status="READY").count() == 1

    assert "1 công việc đã chạy" in run_worker()

    job.refresh_from_db()
    document = Document.objects.get()
    assert job.status == JobStatus.DONE and job.started_at and job.finished_at
    assert (job.progress_done, job.progress_total) == (1, 1)
    assert job.result["files"][0]["document_id"] == document.pk
    assert not default_storage.exists(stored)
    page = client.get(reverse("jobs:detail", args=[job.pk]), HTTP_HX_REQUEST="true")
    fragment = page.content.decode()
    assert reverse("documents:detail", args=[document.pk]) in fragment
    assert "every 2s" not in fragment  # finished: the page stops polling
    assert client.get(reverse("jobs:status", args=[job.pk])).json()["status"] == "done"


def test_the_pdf_report_is_rendered_by_the_worker_and_downloaded_when_ready(
    client, year_2019, queued
):
    url = f"/reports/annual/?partnership={year_2019.pk}&year=2019&format=pdf"
    response = client.get(url)

    job = Job.objects.get(kind=JobKind.REPORT)
    assert response.status_code == 302 and response.url == reverse("jobs:detail", args=[job.pk])
    assert client.get(reverse("jobs:download", args=[job.pk])).status_code == 404  # not yet
    run_worker()

    download = client.get(reverse("jobs:download", args=[job.pk]))
    assert download.status_code == 200 and download["Content-Type"] == "application/pdf"
    assert b"".join(download.streaming_content).startswith(b"%PDF")
    assert "bao-cao-2019" in download["Content-Disposition"]
    # The anonymous visitor who asked sees it on their "Công việc" page; another does not.
    assert (
        reverse("jobs:download", args=[job.pk]) in client.get(reverse("jobs:list")).content.decode()
    )
    client.cookies.clear()
    assert client.get(reverse("jobs:detail", args=[job.pk])).status_code == 404


def test_an_xlsx_export_is_built_by_the_worker(client, year_2019, queued):
    response = client.get("/reports/export/projects.xlsx")
    job = Job.objects.get(kind=JobKind.EXPORT)
    assert response.status_code == 302
    run_worker()
    download = client.get(reverse("jobs:download", args=[job.pk]))
    assert b"".join(download.streaming_content)[:2] == b"PK"
    assert download["Content-Disposition"].endswith('filename="projects.xlsx"')


def test_the_search_index_is_rebuilt_in_a_job_by_a_superuser_only(
    client, year_2019, admin_user, alice, queued
):
    client.force_login(alice)
    assert client.post(reverse("jobs:reindex")).status_code == 403
    client.force_login(admin_user)
    response = client.post(reverse("jobs:reindex"))
    job = Job.objects.get(kind=JobKind.REINDEX)
    assert response.status_code == 302
    run_worker()
    job.refresh_from_db()
    assert job.status == JobStatus.DONE and job.result["entries"] > 90  # the 97 units and more


def test_a_job_that_breaks_says_so_with_the_id_to_look_it_up(admin_user, queued):
    job = job_submit(
        kind=JobKind.EXPORT, by=admin_user, params={"register": "no-such", "fmt": "csv"}
    )
    run_worker()
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED
    assert "ngoài dự kiến" in job.error and (job.request_id or f"job-{job.pk}") in job.error
    assert DBTaskResult.objects.get().status == "FAILED"


def test_the_worker_refuses_to_run_when_jobs_run_inside_requests(settings):
    settings.HOPTAC_TASKS = "immediate"
    with pytest.raises(CommandError, match="HOPTAC_TASKS"):
        call_command("worker", "--burst")
