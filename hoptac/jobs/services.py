"""Writes about jobs: submit one (inputs stored, task queued), run it, record how it ended.

Views and commands call `job_submit`; the task (`tasks.run_job`), run by `hoptac worker` or at
once by the immediate backend, calls `job_run`, which hands the job to the runner of its kind
(`runners.RUNNERS`) and records the outcome. A runner's ValidationError is the user's to fix
and becomes the job's error message; any other exception is logged (and reported to Sentry when
configured) and the job says that something went wrong, with the request id to look it up.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import IO, Any

from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone
from django.utils.translation import gettext as _

from hoptac.jobs.models import FINISHED, Job, JobStatus
from hoptac.lib import logging as hoptac_logging

logger = logging.getLogger("hoptac.jobs")

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def job_submit(
    *, kind: str, by, title: str = "", params: dict[str, Any] | None = None,
    files: Sequence[tuple[str, bytes]] = (),
) -> Job:  # fmt: skip
    """Store the inputs, queue the job and return it (already finished with the immediate backend)."""
    user = by if by is not None and by.is_authenticated else None
    job = Job.objects.create(
        kind=kind, created_by=user, title=title[:300], params=dict(params or {}),
        request_id=hoptac_logging.current_request_id(),
    )  # fmt: skip
    if files:
        stored = []
        for n, (name, data) in enumerate(files):
            safe = _UNSAFE.sub("-", name)[-80:] or "input"
            path = default_storage.save(f"jobs/{job.pk}/in/{n}-{safe}", ContentFile(data))
            stored.append({"name": name, "path": path, "size": len(data)})
        job.params["inputs"] = stored
        job.save(update_fields=["params"])
    logger.info("job %s queued: %s", job.pk, kind, extra={"job": job.pk, "kind": kind})
    from hoptac.jobs.tasks import run_job

    result = run_job.enqueue(job.pk)
    Job.objects.filter(pk=job.pk).update(task_id=str(result.id)[:64])
    job.refresh_from_db()
    return job


@dataclass
class JobContext:
    """What a runner gets: its job, who asked, and ways to report progress and store output."""

    job: Job

    @property
    def user(self):
        """Return who asked (an anonymous user for a report asked for without signing in)."""
        if self.job.created_by is None:
            from django.contrib.auth.models import AnonymousUser

            return AnonymousUser()
        return self.job.created_by

    @property
    def params(self) -> dict[str, Any]:
        return self.job.params

    def inputs(self) -> Iterator[tuple[str, bytes]]:
        """Yield the stored input files one at a time as (name as uploaded, bytes)."""
        for item in self.job.params.get("inputs", []):
            with default_storage.open(item["path"], "rb") as fh:
                yield item["name"], fh.read()

    def progress(self, done: int, total: int | None = None) -> None:
        self.job.progress_done = done
        changes: dict[str, Any] = {"progress_done": done}
        if total is not None:
            self.job.progress_total = changes["progress_total"] = total
        Job.objects.filter(pk=self.job.pk).update(**changes)

    def save_output(self, name: str, content_type: str, content: bytes | IO[bytes]) -> None:
        """Store the job's result file, downloaded from the job page."""
        body = ContentFile(content) if isinstance(content, bytes) else File(content)
        self.job.output.save(f"{self.job.pk}/{_UNSAFE.sub('-', name)}", body, save=False)
        self.job.output_name = name
        self.job.output_type = content_type
        Job.objects.filter(pk=self.job.pk).update(
            output=self.job.output.name, output_name=name, output_type=content_type
        )


def job_run(job_id: int) -> None:
    """Run the job now (called by the task); record its result or its error."""
    from hoptac.jobs.runners import RUNNERS

    job = Job.objects.select_related("created_by").get(pk=job_id)
    if job.status in FINISHED:
        return
    job.status, job.started_at = JobStatus.RUNNING, timezone.now()
    job.save(update_fields=["status", "started_at"])
    user = job.created_by.get_username() if job.created_by else ""
    with hoptac_logging.context(request_id=job.request_id or f"job-{job.pk}", user=user):
        logger.info("job %s started: %s", job.pk, job.kind, extra={"job": job.pk, "kind": job.kind})
        try:
            result = RUNNERS[job.kind](JobContext(job))
        except ValidationError as exc:
            _finish(job, JobStatus.FAILED, error=" ".join(exc.messages))
            logger.warning("job %s refused: %s", job.pk, job.error, extra={"job": job.pk})
        except Exception:
            _finish(job, JobStatus.FAILED, error=unexpected_error_message(job))
            logger.exception("job %s failed", job.pk, extra={"job": job.pk, "kind": job.kind})
            raise
        else:
            _finish(job, JobStatus.DONE, result=result)
            logger.info("job %s done", job.pk, extra={"job": job.pk, "kind": job.kind})
        finally:
            _drop_inputs(job)


def unexpected_error_message(job: Job) -> str:
    return _("Có lỗi ngoài dự kiến; người quản trị đã được báo. Mã tra cứu: %(id)s.") % {
        "id": job.request_id or f"job-{job.pk}"
    }


def job_fail(job_id: int, *, error: str) -> None:
    """Mark a job failed unless it already ended (a task that died before its runner could)."""
    job = Job.objects.filter(pk=job_id).first()
    if job is None or job.status in FINISHED:
        return
    _finish(job, JobStatus.FAILED, error=error or unexpected_error_message(job))
    logger.error("job %s failed outside its runner", job.pk, extra={"job": job.pk})


def _finish(job: Job, status: str, *, result: Any = None, error: str = "") -> None:
    job.status, job.finished_at, job.error = status, timezone.now(), error
    fields = ["status", "finished_at", "error"]
    if result is not None:
        job.result = result
        fields.append("result")
    if status == JobStatus.DONE and job.progress_total:
        job.progress_done = job.progress_total
        fields.append("progress_done")
    job.save(update_fields=fields)


def _drop_inputs(job: Job) -> None:
    for item in job.params.get("inputs", []):
        default_storage.delete(item["path"])
