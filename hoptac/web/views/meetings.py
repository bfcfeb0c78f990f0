"""Meetings with their participants, and a person's meetings.

The meeting page lists who took part by side, with the role and the titles held that day,
the agreements concluded there, its documents and activities. Editors add, correct, reorder
and remove participants in place (htmx swaps the participants section).
"""

from __future__ import annotations

import copy

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers

from hoptac.accounts.predicates import may_create, may_write_partnership
from hoptac.activities.models import Activity
from hoptac.lib.http import HttpRequest
from hoptac.lib.services import ConcurrentEdit
from hoptac.lib.text import unaccent
from hoptac.partnerships import services as ps
from hoptac.partnerships.models import (
    AgreementSignatory,
    Meeting,
    MeetingParticipant,
    ParticipantRole,
    Partnership,
    Person,
)
from hoptac.web.forms_programme import MeetingForm, ParticipantForm
from hoptac.web.queries import visible_partnership_ids
from hoptac.web.views.partnerships import _documents
from hoptac.web.views.registers import attach_sources


def _get_meeting_for_user(user, pk: int) -> Meeting:
    m = (
        Meeting.objects.filter(partnership_id__in=visible_partnership_ids(user), pk=pk)
        .select_related("partnership", "host")
        .prefetch_related("partnership__members__locality__successor")
        .first()
    )
    if m is None:
        raise Http404(_("Không tìm thấy cuộc họp, hoặc bạn không có quyền xem."))
    return m


def meeting_sides(meeting: Meeting) -> list:
    """Return the sides as the units of the meeting's day (Hà Nam 2019, Ninh Bình 2026)."""
    out = []
    for m in meeting.partnership.members.all():
        loc = m.locality.successor_on(meeting.held_on) if meeting.held_on else m.locality
        if loc not in out:
            out.append(loc)
    return out


def _participants_context(request: HttpRequest, meeting: Meeting, pform=None, **extra) -> dict:
    rows = list(
        MeetingParticipant.objects.filter(meeting=meeting)
        .select_related("person", "locality")
        .order_by("position", "id")
    )
    sides = meeting_sides(meeting)
    groups = []
    for side in [*sides, None]:
        members = [r for r in rows if (r.locality_id == side.pk if side else
                                       r.locality_id not in {s.pk for s in sides})]  # fmt: skip
        if members:
            groups.append({"side": side, "rows": members})
    can_edit = may_write_partnership(request.user, meeting.partnership)
    if pform is None and can_edit:
        pform = ParticipantForm(sides=sides, initial={"role": "attendee"})
    return {"meeting": meeting, "groups": groups, "count": len(rows), "can_edit": can_edit,
            "pform": pform, "sides": sides, "roles": ParticipantRole.choices, **extra}  # fmt: skip


def meeting_page(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _get_meeting_for_user(request.user, pk)
    agreements = list(meeting.agreements.prefetch_related("commitments").order_by("signed_on"))
    activities = list(
        Activity.objects.filter(partnership=meeting.partnership, starts_on=meeting.held_on)
        if meeting.held_on
        else []
    )
    attach_sources([meeting])
    context = {
        "nav": "registers", "m": meeting, "agreements": agreements, "activities": activities,
        "documents": _documents(request.user, meeting.partnership, [meeting], agreements),
        "history": list(meeting.history.select_related("history_user")
                        .order_by("-history_date")[:10]),
        **_participants_context(request, meeting),
    }  # fmt: skip
    return render(request, "web/meetings/meeting.html", context)


def _check_editor(request: HttpRequest, partnership: Partnership) -> None:
    if not may_write_partnership(request.user, partnership):
        raise PermissionDenied(
            _("Bạn chỉ có quyền xem; chỉ người biên tập của một bên mới sửa được cuộc họp.")
        )


def _apply_errors(form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for name, errors in exc.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)


@login_required
@require_http_methods(["GET", "POST"])
def meeting_create(request: HttpRequest) -> HttpResponse:
    if not may_create(request.user):
        raise PermissionDenied(_("Bạn chỉ có quyền xem."))
    initial = {k: v for k, v in request.GET.items() if k in MeetingForm.base_fields}
    form = MeetingForm(request.POST or None, user=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        values = form.values()
        try:
            meeting = ps.meeting_create(by=request.user, **values)
        except ValidationError as exc:
            _apply_errors(form, exc)
        else:
            messages.success(request, _("Đã lưu cuộc họp. Hãy thêm người tham dự."))
            return redirect("web:meeting", pk=meeting.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "web/meetings/form.html", {"form": form, "nav": "registers"},
                  status=status)  # fmt: skip


@login_required
@require_http_methods(["GET", "POST"])
def meeting_edit(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _get_meeting_for_user(request.user, pk)
    _check_editor(request, meeting.partnership)
    form_class = type("MeetingEditForm", (MeetingForm,), {"Meta": type("Meta", (MeetingForm.Meta,), {
        "fields": [n for n in MeetingForm.Meta.fields if n != "partnership"]})})  # fmt: skip
    form = form_class(request.POST or None, instance=copy.copy(meeting), user=request.user)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            version = form.cleaned_data.get("version") or meeting.version
            try:
                ps.meeting_update(meeting, by=request.user, expected_version=version,
                                  **form.values())  # fmt: skip
            except ConcurrentEdit as exc:
                form.add_error(None, exc.messages)
                status = 409
            except ValidationError as exc:
                _apply_errors(form, exc)
            else:
                messages.success(request, _("Đã lưu thay đổi."))
                return redirect("web:meeting", pk=meeting.pk)
    context = {"form": form, "m": meeting, "nav": "registers",
               **_participants_context(request, meeting)}  # fmt: skip
    return render(request, "web/meetings/form.html", context, status=status)


def _section(request: HttpRequest, meeting: Meeting, status: int = 200, **extra) -> HttpResponse:
    context = _participants_context(request, meeting, **extra)
    if request.htmx:
        return render(request, "web/meetings/_participants.html", context, status=status)
    if status >= 400:
        return render(request, "web/meetings/_participants.html", context, status=status)
    return redirect(reverse("web:meeting", args=[meeting.pk]) + "#participants")


@vary_on_headers("HX-Request")
@login_required
@require_POST
def participant_add(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _get_meeting_for_user(request.user, pk)
    _check_editor(request, meeting.partnership)
    form = ParticipantForm(request.POST, sides=meeting_sides(meeting))
    if not form.is_valid():
        return _section(request, meeting, status=400, pform=form)
    d = form.cleaned_data
    try:
        if d.get("person"):
            person = Person.objects.filter(pk=d["person"]).first()
            if person is None:
                raise ValidationError({"person_name": _("Không tìm thấy người đã chọn.")})
        else:
            person = ps.person_get_or_create(full_name=d["person_name"], by=request.user)
        if meeting.participants.filter(person=person).exists():
            raise ValidationError(
                {"person_name": _("%(n)s đã có trong danh sách.") % {"n": person.full_name}}
            )
        ps.participant_add(meeting=meeting, person=person, by=request.user,
                           locality=d.get("locality"), titles=form.title_list(),
                           role=d["role"])  # fmt: skip
    except ValidationError as exc:
        _apply_errors(form, exc)
        return _section(request, meeting, status=400, pform=form)
    return _section(request, meeting, saved=_("Đã thêm %(n)s.") % {"n": person.full_name})


def _get_participant(request: HttpRequest, pk: int) -> MeetingParticipant:
    row = MeetingParticipant.objects.select_related("meeting", "person").filter(pk=pk).first()
    if row is None:
        raise Http404(_("Không tìm thấy người tham dự."))
    _get_meeting_for_user(request.user, row.meeting_id)  # 404 when the meeting is not visible
    _check_editor(request, row.meeting.partnership)
    return row


@vary_on_headers("HX-Request")
@login_required
@require_POST
def participant_edit(request: HttpRequest, pk: int) -> HttpResponse:
    row = _get_participant(request, pk)
    meeting = _get_meeting_for_user(request.user, row.meeting_id)
    data = request.POST.copy()
    data["person"] = str(row.person_id)
    form = ParticipantForm(data, sides=meeting_sides(meeting))
    if not form.is_valid():
        return _section(request, meeting, status=400, row_errors={row.pk: form.errors})
    d = form.cleaned_data
    try:
        ps.participant_update(row, by=request.user, locality=d.get("locality"),
                              titles=form.title_list(), role=d["role"])  # fmt: skip
    except ValidationError as exc:
        return _section(request, meeting, status=400, row_errors={row.pk: exc.messages})
    return _section(request, meeting, saved=_("Đã lưu %(n)s.") % {"n": row.person.full_name})


@vary_on_headers("HX-Request")
@login_required
@require_POST
def participant_remove(request: HttpRequest, pk: int) -> HttpResponse:
    row = _get_participant(request, pk)
    ps.participant_remove(row, by=request.user)
    meeting = _get_meeting_for_user(request.user, row.meeting_id)
    return _section(request, meeting, saved=_("Đã bỏ %(n)s khỏi danh sách.") % {
        "n": row.person.full_name})  # fmt: skip


@vary_on_headers("HX-Request")
@login_required
@require_POST
def participant_move(request: HttpRequest, pk: int) -> HttpResponse:
    row = _get_participant(request, pk)
    ps.participant_move(row, by=request.user, step=-1 if request.POST.get("dir") == "up" else 1)
    return _section(request, _get_meeting_for_user(request.user, row.meeting_id))


@login_required
def person_search(request: HttpRequest) -> HttpResponse:
    """Return the people whose name matches, accents ignored ("nguyen van a" finds Nguyễn Văn A)."""
    q = " ".join(request.GET.get("person_name", request.GET.get("q", "")).split())
    people: list[Person] = []
    if len(q) >= 2:
        key = unaccent(q)
        people = list(
            Person.objects.filter(
                Q(search_name__contains=key) | Q(full_name__icontains=q)
            ).order_by("full_name")[:10]
        )
    exact = any(p.full_name.lower() == q.lower() for p in people)
    return render(request, "web/meetings/_person_results.html",
                  {"people": people, "q": q, "offer_new": len(q) >= 2 and not exact})  # fmt: skip


def person_page(request: HttpRequest, pk: int) -> HttpResponse:
    """A person's page: their meetings, each with the titles held and the role that day."""
    from hoptac.partnerships.register import people_visible_to  # the people register's rule

    person = people_visible_to(request.user).filter(pk=pk).first()
    if person is None:
        raise Http404(_("Không tìm thấy cá nhân."))
    rows = list(
        MeetingParticipant.objects.filter(
            person=person, meeting__partnership_id__in=visible_partnership_ids(request.user)
        )
        .select_related("meeting__partnership", "locality")
        .order_by("-meeting__held_on", "-meeting_id")
    )
    signed = list(
        AgreementSignatory.objects.filter(
            person=person, agreement__partnership_id__in=visible_partnership_ids(request.user)
        ).select_related("agreement", "locality")
    )
    attach_sources([person])
    context = {"nav": "registers", "person": person, "rows": rows, "signed": signed,
               "can_edit": may_create(request.user)}  # fmt: skip
    return render(request, "web/meetings/person.html", context)
