"""Web export of any register (streamed) and the import page with templates and a dry run."""

from __future__ import annotations

import csv
import io

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import (
    FileResponse,
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseBadRequest,
    StreamingHttpResponse,
)
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from hoptac.lib.registers import registers
from hoptac.reports.exchange.columns import importable
from hoptac.reports.exchange.export import (
    CONTENT_TYPES,
    BadFilter,
    csv_chunks,
    records,
    xlsx_file,
)
from hoptac.reports.exchange.importer import import_rows, read_table, template_rows

MAX_UPLOAD = 10 * 1024 * 1024


def export(request: HttpRequest, register: str, fmt: str) -> HttpResponseBase:
    """Stream `register` as CSV or XLSX: the rows the list page with this query string shows
    (every filter, the sort and the units mode of the page are the register's)."""
    reg = registers().get(register)
    if reg is None or fmt not in ("csv", "xlsx"):
        raise Http404
    params = request.GET
    try:
        records(reg, request.user, params)
    except BadFilter as exc:
        return HttpResponseBadRequest(str(exc), content_type="text/plain; charset=utf-8")
    name = f"{register}.{fmt}"
    if fmt == "csv":
        response = StreamingHttpResponse(
            csv_chunks(reg, request.user, params), content_type=CONTENT_TYPES["csv"]
        )
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response
    return FileResponse(
        xlsx_file(reg, request.user, params), as_attachment=True, filename=name,
        content_type=CONTENT_TYPES["xlsx"],
    )  # fmt: skip


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
        from openpyxl.styles import Font
        from openpyxl.utils import get_column_letter

        wb = Workbook()
        ws = wb.active
        ws.title = register
        for row in rows:
            ws.append(row)
        for i, header in enumerate(rows[0], start=1):
            ws.column_dimensions[get_column_letter(i)].width = max(14, len(header) + 4)
            ws.cell(row=1, column=i).font = Font(bold=True)
        ws.freeze_panes = "A2"
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
        if f.size > MAX_UPLOAD:
            raise forms.ValidationError(_("Tệp quá lớn (tối đa 10 MB)."))
        if not f.name.lower().endswith((".xlsx", ".csv")):
            raise forms.ValidationError(_("Chỉ nhận tệp .xlsx hoặc .csv."))
        return f


@login_required
def import_page(request: HttpRequest) -> HttpResponse:
    """Upload a spreadsheet; show the per-row errors, or what a dry run or the import did."""
    result = None
    if request.method == "POST":
        form = ImportForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                table = read_table(upload.read(), upload.name)
            except Exception as exc:  # noqa: BLE001 - any unreadable file is the user's to fix
                form.add_error("file", _("Không đọc được tệp: %(e)s") % {"e": exc})
            else:
                result = import_rows(
                    form.cleaned_data["register"], table, by=request.user,
                    dry_run=form.cleaned_data["dry_run"],
                )  # fmt: skip
    else:
        form = ImportForm()
    status = 400 if result is not None and result.errors else 200
    return render(
        request, "reports/import.html",
        {"form": form, "result": result,
         "registers": [(k, r.label) for k, r in importable().items()]},
        status=status,
    )  # fmt: skip
