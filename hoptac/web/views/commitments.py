"""The commitment tracker: every commitment a user may read, overdue first; status changes
with a note (htmx swaps the row); each commitment's page with its status history."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Case, F, IntegerField, Q, QuerySet, Value, When
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.decorators.vary import vary_on_headers

from hoptac.accounts.models import Role
from hoptac.accounts.permissions import sides
from hoptac.lib.dates import parse_date
from hoptac.lib.fields import field_choices
from hoptac.lib.http import HttpRequest
from hoptac.lib.services import ConcurrentEdit
from hoptac.partnerships.models import Agency, Commitment, CommitmentStatus, Partnership
from hoptac.partnerships.services import TRANSITIONS, commitment_set_status
from hoptac.reminders.digests import attach_latest_notes
from hoptac.reminders.followup import bulk_form_context, commitment_changes, note_form_context
from hoptac.web.queries import Units, units_mode, visible_partnership_ids
from hoptac.web.views.registers import attach_sources

PAGE_SIZE = 50
OPEN = [CommitmentStatus.PLANNED, CommitmentStatus.IN_PROGRESS]
SORTS = {
    "due": ["due_on", "id"], "-due": ["-due_on", "id"], "status": ["status", "due_on", "id"],
    "number": ["agreement_id", "number"], "partnership": ["agreement__partnership__name", "number"],
}  # fmt: skip


def _commitments_for_user(user) -> QuerySet:
    """Return the commitments of the partnerships `user` may read, with what rows show."""
    return (
        Commitment.objects.filter(agreement__partnership_id__in=visible_partnership_ids(user))
        .select_related("agreement__partnership", "responsible")
        .prefetch_related("leads__agency", "agreement__partnership__members__locality")
    )


def _get_commitment_for_user(user, pk: int) -> Commitment:
    c = _commitments_for_user(user).filter(pk=pk).first()
    if c is None:
        raise Http404(_("Không tìm thấy nội dung cam kết, hoặc bạn không có quyền xem."))
    return c


def _editable(user, c: Commitment, allowed: set[int] | None) -> bool:
    """Mirror of the service's rule, to decide whether to show the status form."""
    if not user.is_authenticated:
        return False
    if allowed is None:
        return True
    if c.responsible_id:
        return c.responsible_id in allowed
    return any(m.locality_id in allowed for m in c.agreement.partnership.members.all())


def _decorate(user, rows, today: dt.date) -> None:
    allowed = sides(user, Role.EDITOR) if user.is_authenticated else set()
    attach_latest_notes(rows)
    for c in rows:
        c.can_edit = _editable(user, c, allowed)
        c.overdue = c.is_overdue(today)
        c.stale = c.stale_days(today)
        c.next_statuses = [(s, CommitmentStatus(s).label) for s in CommitmentStatus.values
                           if s in TRANSITIONS[c.status]]  # fmt: skip
        # The form starts on the current status, so a careless click changes nothing.
        c.status_choices = [(c.status, CommitmentStatus(c.status).label), *c.next_statuses]


def _filter(request: HttpRequest, qs: QuerySet, units: Units, mode: str, today: dt.date):
    g = request.GET
    active: dict[str, str] = {}

    def val(name: str) -> str:
        v = g.get(name, "").strip()
        if v:
            active[name] = v
        return v

    if v := val("locality"):
        loc = units.by_key(v)
        ids = units.family(loc, mode) if loc else set()
        qs = qs.filter(agreement__partnership_id__in=Partnership.objects.filter(
            members__locality_id__in=ids).values("id"))  # fmt: skip
    if v := val("side"):
        loc = units.by_key(v)
        qs = qs.filter(responsible_id__in=units.family(loc, mode) if loc else [])
    if v := val("partnership"):
        qs = qs.filter(agreement__partnership_id=int(v)) if v.isdigit() else qs.none()
    if v := val("field"):
        qs = qs.filter(field=v)
    if v := val("agency"):
        qs = qs.filter(leads__agency_id=int(v)).distinct() if v.isdigit() else qs.none()
    if v := val("status"):
        if v == "overdue":
            qs = qs.filter(status__in=OPEN, due_on__lt=today)
        elif v == "open":
            qs = qs.filter(status__in=OPEN)
        else:
            qs = qs.filter(status=v)
    for name, lookup in (("due_from", "due_on__gte"), ("due_to", "due_on__lte")):
        if v := val(name):
            try:
                qs = qs.filter(**{lookup: parse_date(v)})
            except ValueError:
                qs = qs.none()
    if v := val("q"):
        qs = qs.filter(Q(text__icontains=v) | Q(agreement__title__icontains=v))
    return qs, active


@vary_on_headers("HX-Request")
def tracker(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    mode = units_mode(request)
    units = Units.load()
    qs, active = _filter(request, _commitments_for_user(request.user), units, mode, today)
    sort = request.GET.get("sort", "")
    overdue_first = Case(
        When(status__in=OPEN, due_on__lt=today, then=Value(0)), default=Value(1),
        output_field=IntegerField(),
    )  # fmt: skip
    if sort in SORTS:
        qs = qs.order_by(*[F(k[1:]).desc(nulls_last=True) if k.startswith("-")
                           else F(k).asc(nulls_last=True) for k in SORTS[sort]])  # fmt: skip
    else:
        qs = qs.order_by(overdue_first, F("due_on").asc(nulls_last=True), "agreement_id", "number")
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = list(page.object_list)
    _decorate(request.user, rows, today)
    visible = Partnership.objects.filter(id__in=visible_partnership_ids(request.user))
    context = {
        "nav": "commitments", "rows": rows, "page": page, "active": active, "sort": sort,
        "units": mode, "locality_options": units.choices(mode),
        "partnership_options": visible.prefetch_related("members__locality").order_by("name"),
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
