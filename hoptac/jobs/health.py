"""`/healthz`: is the database reachable, how many jobs wait, which version runs.

For the load balancer and monitoring: no login, no session, no template; 503 when the
database cannot be reached, so that a proxy takes the server out of rotation.
"""

from __future__ import annotations

import logging

from django.db import DatabaseError, connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache

from hoptac.jobs.models import Job, JobStatus
from hoptac.lib.sentry import version

logger = logging.getLogger("hoptac.health")


@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    body: dict[str, object] = {"database": "ok", "jobs_pending": None, "version": version()}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        body["jobs_pending"] = Job.objects.filter(status=JobStatus.QUEUED).count()
    except DatabaseError as exc:
        logger.error("health check: database unreachable: %s", exc)
        body["database"] = "unreachable"
        return JsonResponse(body, status=503)
    return JsonResponse(body)
