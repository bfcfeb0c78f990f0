"""Follow-up from the web: several commitments updated at once, progress notes with their
evidence, and each side's focal point on the partnership page."""

from __future__ import annotations

import datetime as dt
import io

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from hoptac.accounts.models import Role
from hoptac.accounts.permissions import require
from hoptac.lib.dates import parse_date
from hoptac.lib.http import HttpRequest
from hoptac.partnerships.models import (
    Commitment,
    FocalPoint,
    Partnership,
    ProgressNote,
)
from hoptac.partnerships.services import agency_get_or_create, focal_point_set, person_get_or_create
from hoptac.reminders.followup import lead_agencies
from hoptac.reminders.models import PersonContact
from hoptac.reminders.services import commitments_bulk_update, contact_set, progress_note_add
from hoptac.web.queries import visible_partnership_ids


def _visible_commitments(user):
    return Commitment.objects.filter(
        agreement__partnership_id__in=visible_partnership_ids(user)
    ).select_related("agreement__partnership", "responsible")


def _date(raw: str, field: str) -> dt.date | None:
    raw = raw.strip()
    if not raw:
        return None
    try:
        return parse_date(raw)
    except ValueError:
        raise ValidationError({field: _("Ngày không hợp lệ: %(v)s") % {"v": raw[:20]}}) from None


def _back(request: HttpRequest, default: str) -> str:
    nxt = request.POST.get("next", "")
    return nxt if nxt.startswith("/") and not nxt.startswith("//") else default


@require_POST
def bulk_update(request: HttpRequest) -> HttpResponse:
    """Change the status, due date or lead of the ticked commitments, with one note."""
    if not request.user.is_authenticated:
        raise PermissionDenied(_("Hãy đăng nhập để cập nhật nội dung cam kết."))
    back = _back(request, reverse("web:commitments"))
    ids = [int(v) for v in request.POST.getlist("ids") if v.isdigit()]
    rows = list(
        _visible_commitments(request.user)
        .filter(pk__in=ids)
        .prefetch_related("agreement__partnership__members", "leads")
        .order_by("agreement_id", "number")
    )
    agency = None
    try:
        due_on = _date(request.POST.get("due_on", ""), "due_on")
        raw_agency = request.POST.get("agency", "")
        if raw_agency:
            agency = (
                lead_agencies(request.user)
                .filter(pk=int(raw_agency) if raw_agency.isdigit() else 0)
                .first()
            )
            if agency is None:
                raise ValidationError({"agency": _("Cơ quan chủ trì không hợp lệ.")})
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect(back)
    status = request.POST.get("status", "")
    result = commitments_bulk_update(
        commitments=rows, by=request.user, note=request.POST.get("note", ""), status=status,
        due_on=due_on, agency=agency,
    )  # fmt: skip
    if result.errors:
        messages.error(
            request,
            _("Chưa cập nhật nội dung nào: %(why)s") % {"why": " · ".join(result.errors)},
        )
    else:
        messages.success(
            request,
            ngettext("Đã cập nhật %(n)d nội dung.", "Đã cập nhật %(n)d nội dung.", result.changed)
            % {"n": result.changed},
        )
    return redirect(back)


@require_POST
def note_add(request: HttpRequest, pk: int) -> HttpResponse:
    """Record a side's progress on a commitment, with an evidence link or file."""
    if not request.user.is_authenticated:
        raise PermissionDenied(_("Hãy đăng nhập để ghi nhận tiến độ."))
    c = _visible_commitments(request.user).filter(pk=pk).first()
    if c is None:
        raise Http404(_("Không tìm thấy nội dung cam kết, hoặc bạn không có quyền xem."))
    members = {
        m.locality_id: m.locality
        for m in c.agreement.partnership.members.select_related("locality")
    }
    raw_side = request.POST.get("locality", "")
    upload = request.FILES.get("evidence_file")
    try:
        side = members.get(int(raw_side)) if raw_side.isdigit() else None
        if side is None:
            raise ValidationError({"locality": _("Hãy chọn bên báo cáo tiến độ.")})
        evidence = (upload.read(), upload.name or "", upload.content_type or "") if upload else None
        progress_note_add(
            commitment=c, locality=side, by=request.user, text=request.POST.get("text", "")[:5000],
            noted_on=_date(request.POST.get("noted_on", ""), "noted_on"),
            evidence_url=request.POST.get("evidence_url", "")[:200], evidence=evidence,
        )  # fmt: skip
    except ValidationError as exc:
        messages.error(
            request, _("Chưa ghi nhận tiến độ: %(why)s") % {"why": " ".join(exc.messages)}
        )
    else:
        messages.success(request, _("Đã ghi nhận tiến độ."))
    return redirect("web:commitment", pk=c.pk)


def evidence_download(request: HttpRequest, pk: int) -> FileResponse:
    """Send a progress note's evidence file to a signed-in user who may read the commitment."""
    if not request.user.is_authenticated:
        raise PermissionDenied(_("Hãy đăng nhập để tải minh chứng."))
    note = (
        ProgressNote.objects.filter(
            pk=pk, commitment__agreement__partnership_id__in=visible_partnership_ids(request.user)
        )
        .select_related("evidence_document")
        .first()
    )
    if note is None or note.evidence_document is None:
        raise Http404(_("Không tìm thấy tệp minh chứng."))
    doc = note.evidence_document
    response = FileResponse(
        io.BytesIO(bytes(doc.original)), as_attachment=True, filename=doc.filename or "minh-chung",
        content_type=doc.media_type or "application/octet-stream",
    )  # fmt: skip
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _get_partnership_for_user(user, pk: int) -> Partnership:
    p = (
        Partnership.objects.filter(id__in=visible_partnership_ids(user), pk=pk)
        .prefetch_related("members__locality")
        .first()
    )
    if p is None:
        raise Http404(_("Không tìm thấy quan hệ hợp tác, hoặc bạn không có quyền xem."))
    return p


def focal_point_edit(request: HttpRequest, pk: int, locality_id: int) -> HttpResponse:
    """Show (GET) or save (POST) one side's focal point; htmx swaps the side's block."""
    p = _get_partnership_for_user(request.user, pk)
    side = next((m.locality for m in p.members.all() if m.locality_id == locality_id), None)
    if side is None:
        raise Http404(_("Địa phương này không phải một bên của quan hệ hợp tác."))
    require(request.user, Role.EDITOR, side)
    fp = (
        FocalPoint.objects.filter(partnership=p, locality=side)
        .select_related("agency", "person")
        .first()
    )
    contact = PersonContact.objects.filter(person=fp.person).first() if fp and fp.person else None
    values = {
        "agency": fp.agency.name if fp and fp.agency else "",
        "person": fp.person.full_name if fp and fp.person else "",
        "person_title": fp.person_title if fp else "", "role": fp.role if fp else "",
        "email": contact.email if contact else "", "language": contact.language if contact else "vi",
    }  # fmt: skip
    errors: list[str] = []
    if request.method == "POST":
        values = {k: request.POST.get(k, "").strip()[:255] for k in values}
        try:
            fp = _save_focal_point(request.user, p, side, values)
        except ValidationError as exc:
            errors = exc.messages
        else:
            if not request.htmx:
                messages.success(request, _("Đã lưu đầu mối của %(side)s.") % {"side": side.name})
                return redirect("web:partnership", pk=p.pk)
    context = {
        "p": p, "side": side, "fp": fp, "values": values, "errors": errors,
        "saved": request.method == "POST" and not errors,
        "agencies": side.agencies.order_by("name"),
        "history": list(fp.history.select_related("history_user").order_by("-history_date")[:10]) if fp else [],
        "languages": (("vi", "Tiếng Việt"), ("en", "English")),
    }  # fmt: skip
    status = 400 if errors else 200
    return render(
        request,
        "web/followup/focal_point.html#form" if request.htmx else "web/followup/focal_point.html",
        context,
        status=status,
    )


def _save_focal_point(user, p: Partnership, side, values: dict) -> FocalPoint:
    if values["email"]:
        try:
            validate_email(values["email"])
        except ValidationError:
            raise ValidationError({"email": _("Địa chỉ thư điện tử không hợp lệ.")}) from None
        if not values["person"]:
            raise ValidationError(
                {"email": _("Hãy nhập họ tên lãnh đạo theo dõi trước khi ghi thư điện tử.")}
            )
    if values["language"] not in ("vi", "en"):
        values["language"] = "vi"
    with transaction.atomic():
        agency = (
            agency_get_or_create(locality=side, name=values["agency"], by=user)
            if values["agency"]
            else None
        )
        person = (
            person_get_or_create(full_name=values["person"], by=user) if values["person"] else None
        )
        fp = focal_point_set(
            partnership=p, locality=side, by=user, agency=agency, person=person,
            person_title=values["person_title"], role=values["role"],
        )  # fmt: skip
        if person is not None:
            contact_set(person=person, by=user, email=values["email"], language=values["language"])
    return fp
