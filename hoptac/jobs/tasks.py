"""The one django-tasks task: run a Job by id (the queue row holds only the id)."""

from __future__ import annotations

from typing import Any

from django_tasks import task
from django_tasks.signals import task_finished


@task()
def run_job(job_id: int) -> None:
    from hoptac.jobs.services import job_run

    job_run(job_id)


def _on_task_finished(sender, task_result, **kwargs: Any) -> None:
    # A task can fail before job_run records anything (the worker killed, an import error):
    # the Job must not stay "running" for ever.
    if task_result.task.func is not run_job.func or task_result.status != "FAILED":
        return
    from hoptac.jobs.services import job_fail

    job_fail(task_result.args[0], error="")


task_finished.connect(_on_task_finished, dispatch_uid="hoptac-jobs-task-finished")
