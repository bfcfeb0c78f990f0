"""The "Công việc" page in a browser: an upload waits for the worker, and the page updates itself."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.documents.conftest import SAMPLES
from tests.jobs.conftest import run_worker

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_an_upload_shows_its_job_until_the_worker_has_read_it(
    page, live_server, login, alice, settings, axe_check, tmp_path
):
    settings.HOPTAC_TASKS = "database"
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    sample = tmp_path / SAMPLES[1].name
    sample.write_bytes(SAMPLES[1].read_bytes())
    login(page, live_server, "alice", "alice-pass-123", next_url="/documents/upload/")

    page.set_input_files("#u-files", str(sample))
    page.get_by_role("button", name="Tải lên và trích xuất").click()
    status = page.locator("#job-status")
    expect(status).to_contain_text("Đang chờ")

    run_worker()

    # htmx polls the job every 2 seconds and swaps in the outcome when it is done.
    expect(status.get_by_role("link", name="duyệt")).to_be_visible(timeout=15_000)
    page.goto(f"{live_server.url}/jobs/")
    expect(page.locator("#jobs-table")).to_contain_text("Xong")
    assert page.console_errors == []
    assert axe_check(page) == []
