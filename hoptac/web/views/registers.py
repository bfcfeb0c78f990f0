"""List, detail, create and edit pages of every register (each app's register.py)."""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

import django_filters as df
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.http import Http404, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from django.views.decorators.vary import vary_on_headers

from hoptac.accounts.predicates import may_change, may_create
from hoptac.documents.models import RecordSource
from hoptac.lib.http import HttpRequest
from hoptac.lib.registers import Register, for_model, registers
from hoptac.lib.services import ConcurrentEdit
from hoptac.localities.models import Locality
from hoptac.partnerships.models import Partnership
from hoptac.web.filters import LocalityFilter, TextFilter, YearFilter
from hoptac.web.forms import PartnershipCreateForm, RequestAnswerForm
from hoptac.web.queries import Units, locality_label, units_mode
from hoptac.web.templatetags.web import vnd

PAGE_SIZE = 25
MONEY_FIELDS = {"capital_vnd", "amount_vnd"}


@dataclass
class Ctx:
    """What a list needs besides its rows: the user, the units and the units mode."""

    user: Any
    units: Units
    mode: str


@dataclass
class FilterWidget:
    """How the list page shows one filter of the register's FilterSet."""

    name: str
    label: Any
    kind: str  # "text", "year", "locality", "partnership", "choice", "date"
    choices: list[tuple[str, Any]]


def filter_widgets(reg: Register) -> list[FilterWidget]:
    """Return the widgets of the register's filters, in the FilterSet's order."""
    out = []
    for name, flt in reg.filterset.base_filters.items():
        if name == "units":  # the units toggle has its own control
            continue
        choices: list[tuple[str, Any]] = []
        if isinstance(flt, TextFilter):
            kind = "text"
        elif isinstance(flt, YearFilter):
            kind = "year"
        elif isinstance(flt, LocalityFilter):
            kind = "locality"
        elif name == "partnership":
            kind = "partnership"
        elif isinstance(flt, df.ChoiceFilter):
            kind, choices = "choice", list(flt.extra["choices"])
        elif isinstance(flt, df.DateFilter):
            kind = "date"
        else:
            continue
        out.append(FilterWidget(name, flt.label, kind, choices))
    return out


def _register(slug: str) -> Register:
    reg = registers().get(slug)
    if reg is None or not reg.web_list:
        raise Http404(_("Không có danh mục này."))
    return reg


def detail_url(reg: Register, obj) -> str:
    if reg.slug == "partnerships":
        return reverse("web:partnership", args=[obj.pk])
    return reverse("web:detail", args=[reg.slug, obj.pk])


def _check_login(request: HttpRequest, reg: Register) -> None:
    if reg.login_required and not request.user.is_authenticated:
        raise PermissionDenied(_("Hãy đăng nhập để xem danh mục này."))


def _cells(reg: Register, obj, ctx: Ctx) -> list[dict]:
    cells = []
    for col in reg.columns:
        value = col.value(obj, ctx)
        url = None
        if col.link:
            url = detail_url(reg, obj)
        elif isinstance(value, Partnership):
            url = reverse("web:partnership", args=[value.pk])
        cells.append({"value": "" if value is None else value, "url": url, "numeric": col.numeric})
    return cells


@vary_on_headers("HX-Request")
def register_list(request: HttpRequest, register: str) -> HttpResponse:
    reg = _register(register)
    if reg.login_required and not request.user.is_authenticated:
        return redirect(f"{reverse('login')}?next={request.get_full_path()}")
    mode = units_mode(request)
    ctx = Ctx(request.user, Units.load(), mode)
    found = reg.filter(request.user, request.GET)
    sort = found.sort
    page = Paginator(found.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [{"obj": obj, "cells": _cells(reg, obj, ctx)} for obj in page.object_list]
    columns = [
        {"label": c.label, "sort": c.sort, "numeric": c.numeric,
         "state": "ascending" if sort == c.sort else "descending" if sort == f"-{c.sort}" else "",
         "next": f"-{c.sort}" if sort == c.sort else c.sort}
        for c in reg.columns
    ]  # fmt: skip
    widgets = filter_widgets(reg)
    partnership_options = []
    if any(w.kind == "partnership" for w in widgets):
        partnership_options = list(
            registers()["partnerships"].visible_to(request.user).order_by("name")
        )
    context = {
        "nav": "partnerships" if reg.slug == "partnerships" else "registers",
        "reg": reg, "rows": rows, "page": page, "columns": columns, "sort": sort,
        "active": found.active, "errors": found.errors, "units": mode, "filters": widgets,
        "locality_options": ctx.units.choices(mode), "partnership_options": partnership_options,
        "can_create": reg.create is not None and may_create(request.user),
        "export_base": f"/reports/export/{reg.slug}",
        "query": request.GET.urlencode(),
    }  # fmt: skip
    template = "web/register_list.html#results" if request.htmx else "web/register_list.html"
    return render(request, template, context)


def _get_object_for_user(request: HttpRequest, reg: Register, pk: int):
    _check_login(request, reg)
    obj = reg.get_for_user(request.user, pk)
    if obj is None:
        raise Http404(_("Không tìm thấy bản ghi, hoặc bạn không có quyền xem."))
    return obj


def sources_of(objs) -> dict[tuple[int, int], list[RecordSource]]:
    """Return the evidence of each record, keyed by (content type id, object id); 1 query."""
    objs = [o for o in objs if o is not None]
    if not objs:
        return {}
    q = models.Q()
    for model in {type(o) for o in objs}:
        ct = ContentType.objects.get_for_model(model)
        q |= models.Q(content_type=ct, object_id__in=[o.pk for o in objs if type(o) is model])
    out: dict[tuple[int, int], list[RecordSource]] = {}
    for link in RecordSource.objects.filter(q).select_related("document", "fact"):
        out.setdefault((link.content_type_id, link.object_id), []).append(link)
    return out


def attach_sources(objs) -> None:
    """Set `obj.sources` (its RecordSource links with document and fact) on each record."""
    found = sources_of(objs)
    for o in objs:
        if o is not None:
            ct = ContentType.objects.get_for_model(type(o))
            o.sources = found.get((ct.pk, o.pk), [])


def _display(obj, name: str) -> dict:
    fld = obj._meta.get_field(name)
    value = getattr(obj, name)
    url = None
    if value in (None, ""):
        shown = "—"
    elif fld.choices:
        shown = getattr(obj, f"get_{name}_display")()
    elif isinstance(value, Locality):
        shown = locality_label(value)
    elif isinstance(value, Partnership):
        shown, url = str(value), reverse("web:partnership", args=[value.pk])
    elif name in MONEY_FIELDS:
        shown = vnd(value)
    elif isinstance(value, bool):
        shown = _("có") if value else _("không")
    elif isinstance(value, models.Model):
        shown = str(value)
        reg = for_model(type(value))
        url = (
            detail_url(reg, value) if reg and (reg.web_list or reg.slug == "commitments") else None
        )
    else:
        shown = value
    return {"label": fld.verbose_name, "value": shown, "url": url}


def register_detail(request: HttpRequest, register: str, pk: int) -> HttpResponse:
    reg = _register(register)
    if reg.slug == "partnerships":
        return redirect("web:partnership", pk=pk)
    if reg.slug == "documents":
        return document_link(request, pk)
    obj = _get_object_for_user(request, reg, pk)
    attach_sources([obj])
    history = list(obj.history.select_related("history_user").order_by("-history_date")[:20])
    context = {
        "nav": "registers", "reg": reg, "obj": obj,
        "fields": [_display(obj, n) for n in reg.detail_fields],
        "can_edit": reg.update is not None and may_change(request.user, obj),
        "history": history,
    }  # fmt: skip
    return render(request, "web/register_detail.html", context)


def _form_class(reg: Register, editing: bool):
    if reg.slug == "partnerships" and not editing:
        return PartnershipCreateForm
    if reg.slug == "requests" and editing:
        return RequestAnswerForm
    form = reg.form
    if editing and "partnership" in form.base_fields:
        # A record stays in its partnership; moving it would dodge the side checks.
        fields = [n for n in form._meta.fields if n != "partnership"]
        form = type(
            form.__name__, (form,), {"Meta": type("Meta", (form.Meta,), {"fields": fields})}
        )
    return form


def _apply_service_errors(form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for name, errors in exc.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)


@login_required
@require_http_methods(["GET", "POST"])
def register_create(request: HttpRequest, register: str) -> HttpResponse:
    reg = _register(register)
    if reg.create is None:
        raise Http404(_("Danh mục này không tạo mới từ đây."))
    if not may_create(request.user):
        raise PermissionDenied(_("Bạn chỉ có quyền xem."))
    form_class = _form_class(reg, editing=False)
    initial = {k: v for k, v in request.GET.items() if k in form_class.base_fields}
    form = form_class(request.POST or None, user=request.user, initial=initial)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                obj = reg.create(request.user, form)
            except ValidationError as exc:
                _apply_service_errors(form, exc)
            else:
                messages.success(request, _("Đã lưu %(what)s.") % {"what": reg.singular})
                return redirect(detail_url(reg, obj))
        status = 400
    context = {"nav": "registers", "reg": reg, "form": form, "editing": False}
    return render(request, "web/register_form.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def register_edit(request: HttpRequest, register: str, pk: int) -> HttpResponse:
    reg = _register(register)
    if reg.update is None:
        raise Http404(_("Danh mục này không sửa từ đây."))
    obj = _get_object_for_user(request, reg, pk)
    if not may_change(request.user, obj):
        raise PermissionDenied(_("Bạn không có quyền sửa bản ghi này."))
    form_class = _form_class(reg, editing=True)
    # The form validates a copy: the service checks permission against the saved record.
    form = form_class(request.POST or None, instance=copy.copy(obj), user=request.user)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            version = form.cleaned_data.get("version") or obj.version
            try:
                reg.update(obj, request.user, version, form)
            except ConcurrentEdit as exc:
                form.add_error(None, exc.messages)
                status = 409
            except ValidationError as exc:
                _apply_service_errors(form, exc)
                status = 400
            else:
                messages.success(request, _("Đã lưu thay đổi."))
                return redirect(detail_url(reg, obj))
        else:
            status = 400
    context = {"nav": "registers", "reg": reg, "form": form, "editing": True, "obj": obj}
    return render(request, "web/register_form.html", context, status=status)


def document_link(request: HttpRequest, pk: int) -> HttpResponse:
    """Send to the document's review page when the documents app has one; else a summary."""
    if not request.user.is_authenticated:
        return redirect(f"{reverse('login')}?next={request.get_full_path()}")
    if request.method != "GET":
        return HttpResponseNotAllowed(["GET"])
    try:
        return redirect(reverse("documents:detail", args=[pk]))
    except NoReverseMatch:
        pass
    reg = registers()["documents"]
    doc = reg.visible_to(request.user).defer(None).filter(pk=pk).first()
    if doc is None:
        raise Http404(_("Không tìm thấy tài liệu."))
    context = {
        "nav": "registers", "reg": reg, "obj": doc,
        "fields": [_display(doc, n) for n in reg.detail_fields], "can_edit": False,
        "history": [], "document_text": doc.text,
    }  # fmt: skip
    return render(request, "web/register_detail.html", context)
