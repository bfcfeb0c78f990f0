"""Web pages of the reports app: the annual report form and download."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hoptac.accounts.permissions import visible_partnerships
from hoptac.jobs.models import JobKind
from hoptac.jobs.services import job_submit
from hoptac.jobs.views import job_response
from hoptac.reports.forms import AnnualForm


def annual(request: HttpRequest) -> HttpResponseBase:
    """The form page; when the query names what to report on, a job that renders the file.

    The answer is the job's page (which polls until the file is ready), or the file itself when
    the job is already done (the immediate backend).
    """
    if "year" not in request.GET:
        form = AnnualForm(user=request.user, initial={"year": timezone.localdate().year - 1})
        return render(request, "reports/annual_form.html", {"form": form})
    form = AnnualForm(request.GET, user=request.user)
    if not form.is_valid():
        return render(request, "reports/annual_form.html", {"form": form}, status=400)
    locality = form.cleaned_data["locality"]
    if not form.cleaned_data["partnership"] and not (
        visible_partnerships(request.user).filter(members__locality=locality).exists()
    ):
        raise Http404
    subject = form.cleaned_data["partnership"] or locality
    job = job_submit(
        kind=JobKind.REPORT, by=request.user, params={"query": request.GET.urlencode()},
        title=_("Năm %(y)s – %(s)s (%(f)s)") % {"y": form.cleaned_data["year"], "s": subject,
                                                 "f": form.cleaned_data["format"].upper()},
    )  # fmt: skip
    return job_response(request, job, stream=False)


def iati(request: HttpRequest) -> HttpResponse:
    """Return the IATI activity XML 2.03 of the agreements and projects the user may read."""
    from hoptac.reports.iati.build import iati_bytes

    response = HttpResponse(iati_bytes(request.user, {}), content_type="application/xml")
    response["Content-Disposition"] = 'attachment; filename="hoptac-iati.xml"'
    return response
