"""The "Công việc" page (a person's jobs, polled by htmx while any runs), a job's page and its file.

A job is seen by whoever asked for it (a signed-in user, or the browser session that asked for
a public report) and by superusers.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.http import HttpRequest as DjangoRequest
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from hoptac.jobs.models import Job, JobKind, JobStatus
from hoptac.jobs.services import job_submit
from hoptac.lib.http import HttpRequest

SESSION_KEY = "hoptac_jobs"
LIST_SIZE = 50


def remember(request: DjangoRequest, job: Job) -> None:
    """Let this browser session see the job (needed when nobody is signed in)."""
    ids = [job.pk] + [i for i in request.session.get(SESSION_KEY, []) if i != job.pk]
    request.session[SESSION_KEY] = ids[:LIST_SIZE]


def job_response(request: DjangoRequest, job: Job, *, stream: bool = True) -> HttpResponseBase:
    """Answer a request that started `job`: its file if it already finished with one, else its page.

    With the database backend (production) the job runs in `hoptac worker`, so this is the job
    page, which polls until the file is ready; with the immediate backend it is the file
    (streamed, or read whole when `stream` is off: a report of a few hundred kilobytes).
    """
    remember(request, job)
    if job.status == JobStatus.DONE and job.output:
        if stream:
            return _file(job)
        with job.output.open("rb") as fh:
            response = HttpResponse(fh.read(), content_type=job.output_type)
        response["Content-Disposition"] = f'attachment; filename="{job.output_name}"'
        return response
    return redirect("jobs:detail", pk=job.pk)


def _mine(request: HttpRequest) -> QuerySet[Job]:
    ids = request.session.get(SESSION_KEY, [])
    if request.user.is_authenticated:
        return Job.objects.filter(Q(created_by=request.user) | Q(pk__in=ids))
    return Job.objects.filter(pk__in=ids, created_by=None)


def _get_job(request: HttpRequest, pk: int) -> Job:
    job = get_object_or_404(Job.objects.select_related("created_by"), pk=pk)
    if request.user.is_superuser or _mine(request).filter(pk=pk).exists():
        return job
    raise Http404


def job_list(request: HttpRequest) -> HttpResponse:
    """The jobs this person asked for, newest first."""
    jobs = list(_mine(request).select_related("created_by")[:LIST_SIZE])
    ctx = {
        "jobs": jobs,
        "running": any(not j.is_finished for j in jobs),
        "may_reindex": request.user.is_superuser,
        "nav": "jobs",
    }
    template = "jobs/list.html#jobs-table" if request.htmx else "jobs/list.html"
    response = render(request, template, ctx)
    response["Vary"] = "HX-Request"
    return response


def job_detail(request: HttpRequest, pk: int) -> HttpResponse:
    job = _get_job(request, pk)
    template = "jobs/detail.html#job-status" if request.htmx else "jobs/detail.html"
    response = render(request, template, {"job": job, "nav": "jobs"})
    response["Vary"] = "HX-Request"
    return response


def job_status(request: HttpRequest, pk: int) -> JsonResponse:
    """The job as JSON (for scripts and monitoring)."""
    job = _get_job(request, pk)
    return JsonResponse(
        {
            "id": job.pk,
            "kind": job.kind,
            "status": job.status,
            "progress_done": job.progress_done,
            "progress_total": job.progress_total,
            "error": job.error,
            "result": job.result,
            "download": reverse("jobs:download", args=[job.pk]) if job.output else None,
        }
    )


def job_download(request: HttpRequest, pk: int) -> FileResponse:
    job = _get_job(request, pk)
    if not job.output:
        raise Http404
    return _file(job)


def _file(job: Job) -> FileResponse:
    return FileResponse(
        job.output.open("rb"), as_attachment=True, filename=job.output_name or "ket-qua",
        content_type=job.output_type or "application/octet-stream",
    )  # fmt: skip


@login_required
@require_POST
def reindex_start(request: HttpRequest) -> HttpResponse:
    """Rebuild the search index in a job (superusers only)."""
    if not request.user.is_superuser:
        raise PermissionDenied(_("Chỉ người quản trị mới được lập lại chỉ mục tìm kiếm."))
    job = job_submit(kind=JobKind.REINDEX, by=request.user, title=_("Lập lại chỉ mục tìm kiếm"))
    remember(request, job)
    return redirect("jobs:detail", pk=job.pk)
