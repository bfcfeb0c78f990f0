"""Log lines as JSON with the request id and the user: every write, job and refusal."""

from __future__ import annotations

import io
import json
import logging

import pytest
from django.urls import reverse

from hoptac.lib.logging import ContextFilter, JsonFormatter


@pytest.fixture
def log_lines():
    """Capture hoptac's log lines as the production handler writes them (JSON, with context)."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(ContextFilter())
    handler.setFormatter(JsonFormatter())
    logger = logging.getLogger("hoptac")
    logger.addHandler(handler)
    try:
        yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    finally:
        logger.removeHandler(handler)


def test_an_upload_logs_its_job_and_its_writes_under_the_request_id_and_user(
    client, alice, log_lines, django_capture_on_commit_callbacks
):
    client.force_login(alice)
    with django_capture_on_commit_callbacks(execute=True):  # writes are logged once committed
        response = client.post(
            reverse("documents:upload"),
            {"text": "Hà Nội và Thanh Hóa tổ chức hội nghị hợp tác ngày 16/11/2019."},
            HTTP_X_REQUEST_ID="req-123",
        )

    assert response["X-Request-ID"] == "req-123"
    lines = log_lines()
    create = next(
        x for x in lines if x.get("event") == "create" and x["model"] == "documents.document"
    )
    assert create["logger"] == "hoptac.documents" and create["level"] == "INFO"
    assert create["request_id"] == "req-123" and create["user"] == "alice"
    assert isinstance(create["pk"], int) and create["version"] == 1
    jobs = [x["message"] for x in lines if x["logger"] == "hoptac.jobs"]
    assert any("queued: ingest" in m for m in jobs) and any(m.endswith("done") for m in jobs)
    assert all(x["request_id"] == "req-123" for x in lines if x["logger"] == "hoptac.jobs")


def test_a_refusal_is_logged_with_its_status(client, victor, log_lines):
    client.force_login(victor)
    response = client.post(reverse("documents:upload"), {"text": "x"})

    assert response.status_code == 403
    refused = [x for x in log_lines() if x["logger"] == "hoptac.request"]
    assert refused and refused[-1]["status"] == 403 and refused[-1]["user"] == "victor"
    assert refused[-1]["path"] == reverse("documents:upload")
    assert refused[-1]["request_id"] == response["X-Request-ID"]


def test_a_made_up_request_id_replaces_one_that_is_not_sane(client, db):
    response = client.get("/healthz", HTTP_X_REQUEST_ID="bad id\n" + "x" * 100)
    assert len(response["X-Request-ID"]) == 32 and " " not in response["X-Request-ID"]


def test_an_exception_is_written_in_the_line(log_lines):
    logger = logging.getLogger("hoptac.test")
    try:
        raise ValueError("bad")
    except ValueError:
        logger.exception("it broke", extra={"job": 7})
    line = log_lines()[-1]
    assert line["message"] == "it broke" and line["job"] == 7
    assert "ValueError: bad" in line["exception"]
