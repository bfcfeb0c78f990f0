"""Web export of any register (streamed) and the import page with templates and a dry run."""

from __future__ import annotations

import csv
import io

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseBadRequest,
    StreamingHttpResponse,
)
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _

from hoptac.accounts.models import Role
from hoptac.accounts.permissions import sides_any
from hoptac.documents.uploads import mb
from hoptac.jobs.models import JobKind, JobStatus
from hoptac.jobs.services import job_submit
from hoptac.jobs.views import job_response, remember
from hoptac.lib.registers import registers
from hoptac.reports.exchange.columns import importable
from hoptac.reports.exchange.export import CONTENT_TYPES, BadFilter, csv_chunks, records
from hoptac.reports.exchange.importer import template_rows
from hoptac.reports.jobs import import_from_json

MAX_UPLOAD = 10 * 1024 * 1024


def _filters(request: HttpRequest) -> dict[str, str]:
    """Return the whole query string of the list page (every filter, sort and units mode)."""
    return {k: str(v) for k, v in request.GET.items() if str(v).strip()}


def export(request: HttpRequest, register: str, fmt: str) -> HttpResponseBase:
    """Stream `register` as CSV (XLSX through a job): the rows the list page with this query
    string shows (every filter, the sort and the units mode are the register's)."""
    reg = registers().get(register)
    if reg is None or fmt not in ("csv", "xlsx"):
        raise Http404
    try:
        records(reg, request.user, _filters(request))
    except BadFilter as exc:
        return HttpResponseBadRequest(str(exc), content_type="text/plain; charset=utf-8")
    name = f"{register}.{fmt}"
    if fmt == "csv":
        response = StreamingHttpResponse(
            csv_chunks(reg, request.user, _filters(request)), content_type=CONTENT_TYPES["csv"]
        )
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response
    # XLSX is whole before its first byte: built in a job, downloaded from the job's page.
    job = job_submit(
        kind=JobKind.EXPORT, by=request.user, title=f"{reg.label} (XLSX)",
        params={"register": register, "fmt": fmt, "filters": _filters(request)},
    )  # fmt: skip
    return job_response(request, job)


def template(request: HttpRequest, register: str, fmt: str) -> HttpResponse:
    """Return the empty import template of `register` (header row only)."""
    if register not in importable() or fmt not in ("csv", "xlsx"):
        raise Http404
    rows = template_rows(register)
    if fmt == "csv":
        buf = io.StringIO()
        buf.write("\ufeff")
        csv.writer(buf).writerows(rows)
        response = HttpResponse(buf.getvalue().encode("utf-8"), content_type=CONTENT_TYPES["csv"])
    else:
        from openpyxl import Workbook

        wb = Workbook()
        ws = wb.active
        ws.title = register
        for row in rows:
            ws.append(row)
        out = io.BytesIO()
        wb.save(out)
        response = HttpResponse(out.getvalue(), content_type=CONTENT_TYPES["xlsx"])
    response["Content-Disposition"] = f'attachment; filename="mau-{register}.{fmt}"'
    return response


class ImportForm(forms.Form):
    register = forms.ChoiceField(
        label=_("Danh mục"),
        choices=lambda: [(k, r.label) for k, r in importable().items()],
    )
    file = forms.FileField(label=_("Tệp XLSX hoặc CSV"))
    dry_run = forms.BooleanField(label=_("Chỉ kiểm tra, chưa ghi"), required=False, initial=True)

    def clean_file(self):
        f = self.cleaned_data["file"]
        if not f.name.lower().endswith((".xlsx", ".csv")):
            raise forms.ValidationError(_("Chỉ nhận tệp .xlsx hoặc .csv."))
        return f


@login_required
def import_page(request: HttpRequest) -> HttpResponse:
    """Upload a spreadsheet; show the per-row errors, or what a dry run or the import did.

    Only editors and above import (a row's service checks its own sides again). A file over
    MAX_UPLOAD is answered 413 before it is read.
    """
    if not sides_any(request.user, Role.EDITOR):
        raise PermissionDenied(_("Chỉ biên tập viên trở lên mới được nhập dữ liệu."))
    result = None
    status = 200
    if request.method == "POST":
        form = ImportForm(request.POST, request.FILES)
        upload = request.FILES.get("file")
        if upload is not None and (upload.size or 0) > MAX_UPLOAD:
            form.is_valid()
            form.errors.pop("file", None)
            form.add_error(
                "file",
                _("Tệp quá lớn: %(size)s MB, tối đa %(limit)s MB.")
                % {"size": mb(upload.size or 0), "limit": mb(MAX_UPLOAD)},
            )
            status = 413
        elif form.is_valid():
            upload = form.cleaned_data["file"]
            # Checked and applied in a job (in chunks); with the immediate backend it is done here.
            job = job_submit(
                kind=JobKind.IMPORT, by=request.user, title=upload.name,
                params={"register": form.cleaned_data["register"],
                        "dry_run": form.cleaned_data["dry_run"]},
                files=[(upload.name, upload.read())],
            )  # fmt: skip
            if not job.is_finished:
                remember(request, job)
                return redirect("jobs:detail", pk=job.pk)
            if job.status == JobStatus.DONE:
                result = import_from_json(job.result or {})
            else:
                form.add_error("file", job.error)
    else:
        form = ImportForm()
    if status == 200 and result is not None and result.errors:
        status = 400
    return render(
        request, "reports/import.html",
        {"form": form, "result": result, "registers": [(k, r.label) for k, r in importable().items()]},
        status=status,
    )  # fmt: skip
