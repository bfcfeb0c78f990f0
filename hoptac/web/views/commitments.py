"""The commitment tracker: every commitment a user may read, overdue first; status changes
with a note (htmx swaps the row); each commitment's page with its status history."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.decorators.vary import vary_on_headers

from hoptac.accounts.predicates import may_change_commitment
from hoptac.lib.fields import field_choices
from hoptac.lib.http import HttpRequest
from hoptac.lib.registers import Register, registers
from hoptac.lib.services import ConcurrentEdit
from hoptac.partnerships.models import Agency, Commitment, CommitmentStatus
from hoptac.partnerships.services import TRANSITIONS, commitment_set_status
from hoptac.reminders.digests import attach_latest_notes
from hoptac.reminders.followup import bulk_form_context, commitment_changes, note_form_context
from hoptac.web.queries import Units, units_mode
from hoptac.web.views.registers import attach_sources

PAGE_SIZE = 50


def _register() -> Register:
    return registers()["commitments"]


def _get_commitment_for_user(user, pk: int) -> Commitment:
    c = _register().get_for_user(user, pk)
    if c is None:
        raise Http404(_("Không tìm thấy nội dung cam kết, hoặc bạn không có quyền xem."))
    return c


def _decorate(user, rows, today: dt.date) -> None:
    attach_latest_notes(rows)
    for c in rows:
        c.can_edit = may_change_commitment(user, c)
        c.overdue = c.is_overdue(today)
        c.stale = c.stale_days(today)
        c.next_statuses = [(s, CommitmentStatus(s).label) for s in CommitmentStatus.values
                           if s in TRANSITIONS[c.status]]  # fmt: skip
        # The form starts on the current status, so a careless click changes nothing.
        c.status_choices = [(c.status, CommitmentStatus(c.status).label), *c.next_statuses]


@vary_on_headers("HX-Request")
def tracker(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    mode = units_mode(request)
    units = Units.load()
    found = _register().filter(request.user, request.GET)
    page = Paginator(found.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = list(page.object_list)
    _decorate(request.user, rows, today)
    visible = registers()["partnerships"].visible_to(request.user)
    context = {
        "nav": "commitments", "rows": rows, "page": page, "active": found.active,
        "errors": found.errors, "sort": found.sort,
        "units": mode, "locality_options": units.choices(mode),
        "partnership_options": visible.order_by("name"),
        "agency_options": Agency.objects.filter(
            led_commitments__commitment__agreement__partnership__in=visible.values("id"))
        .select_related("locality").distinct().order_by("name"),
        "field_options": field_choices(), "status_options": CommitmentStatus.choices,
        "query": request.GET.urlencode(), "today": today, **bulk_form_context(request.user),
    }  # fmt: skip
    template = "web/commitments.html#results" if request.htmx else "web/commitments.html"
    return render(request, template, context)


def commitment_page(request: HttpRequest, pk: int) -> HttpResponse:
    c = _get_commitment_for_user(request.user, pk)
    today = timezone.localdate()
    _decorate(request.user, [c], today)
    attach_sources([c, c.agreement])
    context = {
        "nav": "commitments", "c": c,
        "history": c.status_changes.select_related("changed_by").order_by("-changed_at", "-id"),
        "notes": c.notes.select_related("locality").order_by("-noted_on", "-id"),
        "changes": commitment_changes(c), **note_form_context(request.user, c),
    }  # fmt: skip
    return render(request, "web/commitment.html", context)


@vary_on_headers("HX-Request")
@require_POST
def set_status(request: HttpRequest, pk: int) -> HttpResponse:
    """Change a commitment's status with a note; the service checks the side (403)."""
    if not request.user.is_authenticated:
        raise PermissionDenied(_("Hãy đăng nhập để cập nhật trạng thái."))
    c = _get_commitment_for_user(request.user, pk)
    version = request.POST.get("version", "")
    error = None
    try:
        commitment_set_status(
            commitment=c, new=request.POST.get("status", ""), by=request.user,
            note=request.POST.get("note", "")[:2000],
            expected_version=int(version) if version.isdigit() else None,
        )  # fmt: skip
    except ConcurrentEdit as exc:
        error = " ".join(exc.messages)
    except ValidationError as exc:
        error = " ".join(exc.messages)
    if not request.htmx:
        if error:
            c = _get_commitment_for_user(request.user, pk)
            _decorate(request.user, [c], timezone.localdate())
            attach_sources([c, c.agreement])
            context = {"nav": "commitments", "c": c, "error": error,
                       "history": c.status_changes.select_related("changed_by"),
                       "notes": c.notes.select_related("locality"),
                       "changes": commitment_changes(c), "chosen_status": request.POST.get("status"),
                       "typed_note": request.POST.get("note", ""),
                       **note_form_context(request.user, c)}  # fmt: skip
            return render(request, "web/commitment.html", context, status=400)
        return redirect("web:commitment", pk=pk)
    c = _get_commitment_for_user(request.user, pk)
    _decorate(request.user, [c], timezone.localdate())
    context = {"c": c, "error": error, "saved": not error, **bulk_form_context(request.user)}
    return render(request, "web/commitments.html#row", context)
