"""Agreements with their numbered commitments, edited on the agreement's page.

The page shows the agreement (kind, number, dates, period, signatories, the signed file) and
its items as a numbered list (1, 1.1, 1.2, 2 ...), each with its field, leads of each side,
partner agencies, responsible person and deadline. Editors add, edit, reorder and remove
items in place (htmx swaps the list); placeholders made from an agreed count are filled here.
"""

from __future__ import annotations

import copy
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Prefetch
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers

from hoptac.accounts.models import Role
from hoptac.accounts.permissions import sides as user_sides
from hoptac.accounts.predicates import may_create, may_write_partnership
from hoptac.lib.http import HttpRequest
from hoptac.lib.services import ConcurrentEdit
from hoptac.partnerships import services as ps
from hoptac.partnerships.models import (
    Agency,
    Agreement,
    AgreementSignatory,
    Commitment,
    CommitmentLead,
    CommitmentPartner,
    Meeting,
)
from hoptac.web.forms_programme import AgreementForm, CommitmentForm, SignatoryForm
from hoptac.web.queries import visible_partnership_ids
from hoptac.web.views.registers import attach_sources


def _get_agreement_for_user(user, pk: int) -> Agreement:
    a = (
        Agreement.objects.filter(partnership_id__in=visible_partnership_ids(user), pk=pk)
        .select_related("partnership", "meeting")
        .prefetch_related("partnership__members__locality__successor")
        .first()
    )
    if a is None:
        raise Http404(_("Không tìm thấy văn bản, hoặc bạn không có quyền xem."))
    return a


def agreement_sides(agreement: Agreement) -> list:
    return [m.locality for m in agreement.partnership.members.all()]


def _check_editor(request: HttpRequest, agreement: Agreement) -> None:
    if not may_write_partnership(request.user, agreement.partnership):
        raise PermissionDenied(
            _("Bạn chỉ có quyền xem; chỉ người biên tập của một bên mới sửa được văn bản.")
        )


def _editable_side_ids(user, sides) -> set[int]:
    if not user.is_authenticated:
        return set()
    allowed = user_sides(user, Role.EDITOR)
    return {s.pk for s in sides if allowed is None or s.pk in allowed}


def _items(agreement: Agreement) -> list[Commitment]:
    """Return the top-level items in order, each with `.subitems`, leads and partners."""
    rows = list(
        Commitment.objects.filter(agreement=agreement)
        .select_related("responsible", "responsible_person", "parent")
        .prefetch_related(
            Prefetch("leads", queryset=CommitmentLead.objects.select_related("agency", "locality")),
            Prefetch("partners", queryset=CommitmentPartner.objects.select_related(
                "agency__locality")),
        )
        .order_by("number", "id")
    )  # fmt: skip
    top = [c for c in rows if c.parent_id is None]
    for c in rows:
        c.subitems = [k for k in rows if k.parent_id == c.pk]  # type: ignore[attr-defined]
    return top


def _side_of(loc, sides) -> int:
    """Return the id of the side `loc` stands for (the unit itself, its predecessor or its
    successor: a 2026 lead of Hà Nội on a partnership recorded with 2019's Hà Nội)."""
    for side in sides:
        if loc.pk in (side.pk, side.successor_id) or loc.successor_id == side.pk:
            return side.pk
    return loc.pk


def _side_agencies(sides) -> list[Agency]:
    return list(
        Agency.objects.filter(locality__in=sides).select_related("locality")
        .order_by("locality__name", "name")
    )  # fmt: skip


def _decorate(items, sides, editable: set[int], user, today, agencies) -> None:
    allowed = user_sides(user, Role.EDITOR) if user.is_authenticated else set()
    for c in [*items, *[k for top in items for k in top.subitems]]:
        by_side = {_side_of(lead.locality, sides): lead.agency for lead in c.leads.all()}
        c.side_leads = [(s, by_side.get(s.pk)) for s in sides]
        c.overdue = c.is_overdue(today)
        if not user.is_authenticated:
            c.can_edit = False
        elif allowed is None:
            c.can_edit = True
        else:
            c.can_edit = (c.responsible_id in allowed) if c.responsible_id else bool(editable)
        c.form = None
        if c.can_edit:
            c.form = CommitmentForm(
                sides=sides, editable_sides=editable, prefix=f"c{c.pk}", agencies=agencies,
                initial={
                    "version": c.version, "text": c.text, "field": c.field,
                    "due": c.due_display, "responsible_name": c.responsible_person or "",
                    "responsible": c.responsible_id or "",
                    "partners": [p.agency_id for p in c.partners.all()],
                    **{f"lead_{sid}": a.pk for sid, a in by_side.items()},
                },
            )  # fmt: skip


def _items_context(request: HttpRequest, agreement: Agreement, **extra) -> dict:
    sides = agreement_sides(agreement)
    editable = _editable_side_ids(request.user, sides)
    can_edit = may_write_partnership(request.user, agreement.partnership)
    items = _items(agreement)
    agencies = _side_agencies(sides) if can_edit else []
    _decorate(items, sides, editable, request.user, timezone.localdate(), agencies)
    every = [*items, *[k for c in items for k in c.subitems]]  # type: ignore[attr-defined]
    total = len(every)
    empty = sum(1 for c in every if not c.text)
    context = {
        "a": agreement, "items": items, "sides": sides, "can_edit": can_edit,
        "total": total, "empty": empty, "top_count": len(items),
        "count_differs": bool(agreement.agreed_count and agreement.agreed_count != len(items)),
        **extra,
    }  # fmt: skip
    if can_edit and "new_form" not in extra:
        context["new_form"] = CommitmentForm(
            sides=sides, editable_sides=editable, prefix="new", agencies=agencies, parents=items
        )
    return context


def agreement_page(request: HttpRequest, pk: int) -> HttpResponse:
    agreement = _get_agreement_for_user(request.user, pk)
    attach_sources([agreement])
    signatories = list(agreement.signatories.select_related("person", "locality"))
    context = {
        "nav": "registers", "signatories": signatories,
        "signatory_form": SignatoryForm(sides=agreement_sides(agreement)),
        "history": list(agreement.history.select_related("history_user")
                        .order_by("-history_date")[:10]),
        **_items_context(request, agreement),
    }  # fmt: skip
    return render(request, "web/agreements/agreement.html", context)


def _apply_errors(form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for name, errors in exc.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)


@login_required
@require_http_methods(["GET", "POST"])
def agreement_create(request: HttpRequest) -> HttpResponse:
    if not may_create(request.user):
        raise PermissionDenied(_("Bạn chỉ có quyền xem."))
    initial: dict[str, Any] = {
        k: v for k, v in request.GET.items() if k in AgreementForm.base_fields
    }
    meeting = None
    if request.GET.get("meeting", "").isdigit():
        meeting = Meeting.objects.filter(
            pk=int(request.GET["meeting"]), partnership_id__in=visible_partnership_ids(request.user)
        ).first()
        if meeting is not None:
            initial.update(partnership=meeting.partnership_id, meeting=meeting.pk,
                           signed_on=meeting.held_on, kind="conclusion")  # fmt: skip
    form = AgreementForm(request.POST or None, request.FILES or None, user=request.user,
                         initial=initial)  # fmt: skip
    if request.method == "POST" and form.is_valid():
        values = {k: v for k, v in form.cleaned_data.items() if k not in ("version", "signed_file")}
        try:
            agreement = ps.agreement_create(
                by=request.user, placeholders=values.get("agreed_count") or 0,
                signed_file=form.cleaned_data.get("signed_file"), **values,
            )  # fmt: skip
        except ValidationError as exc:
            _apply_errors(form, exc)
        else:
            messages.success(request, _("Đã lưu văn bản. Hãy nhập các nội dung của nó."))
            return redirect("web:agreement", pk=agreement.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "web/agreements/form.html",
                  {"form": form, "nav": "registers", "meeting": meeting}, status=status)  # fmt: skip


@login_required
@require_http_methods(["GET", "POST"])
def agreement_edit(request: HttpRequest, pk: int) -> HttpResponse:
    agreement = _get_agreement_for_user(request.user, pk)
    _check_editor(request, agreement)
    fields = [n for n in AgreementForm.Meta.fields if n not in ("partnership",)]
    form_class = type("AgreementEditForm", (AgreementForm,),
                      {"Meta": type("Meta", (AgreementForm.Meta,), {"fields": fields})})  # fmt: skip
    form = form_class(request.POST or None, request.FILES or None,
                      instance=copy.copy(agreement), user=request.user)  # fmt: skip
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            version = form.cleaned_data.get("version") or agreement.version
            values = {k: v for k, v in form.cleaned_data.items()
                      if k not in ("version", "signed_file")}  # fmt: skip
            try:
                ps.agreement_update(agreement, by=request.user, expected_version=version,
                                    signed_file=form.cleaned_data.get("signed_file"), **values)  # fmt: skip
            except ConcurrentEdit as exc:
                form.add_error(None, exc.messages)
                status = 409
            except ValidationError as exc:
                _apply_errors(form, exc)
            else:
                messages.success(request, _("Đã lưu thay đổi."))
                return redirect("web:agreement", pk=agreement.pk)
    return render(request, "web/agreements/form.html",
                  {"form": form, "a": agreement, "nav": "registers"}, status=status)  # fmt: skip


@login_required
def agreement_file(request: HttpRequest, pk: int) -> FileResponse:
    """Send the signed file to a signed-in user who may read the agreement."""
    agreement = _get_agreement_for_user(request.user, pk)
    if not agreement.signed_file:
        raise Http404(_("Văn bản này chưa có tệp đính kèm."))
    return FileResponse(agreement.signed_file.open("rb"), as_attachment=True,
                        filename=agreement.signed_file_name or agreement.signed_file.name)  # fmt: skip


@login_required
@require_POST
def signatory_add(request: HttpRequest, pk: int) -> HttpResponse:
    agreement = _get_agreement_for_user(request.user, pk)
    _check_editor(request, agreement)
    form = SignatoryForm(request.POST, sides=agreement_sides(agreement))
    if form.is_valid():
        d = form.cleaned_data
        try:
            person = ps.person_get_or_create(full_name=d["person_name"], by=request.user)
            ps.signatory_add(agreement=agreement, person=person, locality=d["locality"],
                             title=d["title"], by=request.user)  # fmt: skip
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("Đã thêm người ký %(n)s.") % {"n": person.full_name})
    else:
        messages.error(request, " ".join(
            f"{form.fields[k].label}: {' '.join(str(e) for e in v)}" for k, v in form.errors.items()))  # fmt: skip
    return redirect(reverse("web:agreement", args=[pk]) + "#signatories")


@login_required
@require_POST
def signatory_remove(request: HttpRequest, pk: int) -> HttpResponse:
    row = AgreementSignatory.objects.filter(pk=pk).first()
    if row is None:
        raise Http404(_("Không tìm thấy người ký."))
    agreement = _get_agreement_for_user(request.user, row.agreement_id)
    _check_editor(request, agreement)
    ps.signatory_remove(row, by=request.user)
    return redirect(reverse("web:agreement", args=[agreement.pk]) + "#signatories")


def _section(request: HttpRequest, agreement: Agreement, status: int = 200, **extra):
    context = _items_context(request, agreement, **extra)
    if request.htmx or status >= 400:
        return render(request, "web/agreements/_items.html", context, status=status)
    return redirect(reverse("web:agreement", args=[agreement.pk]) + "#items")


def _save_item(request, agreement: Agreement, form: CommitmentForm, item: Commitment | None,
               parent: Commitment | None) -> Commitment:  # fmt: skip
    """Write one item and its leads and partners through the services, all or nothing."""
    d = form.cleaned_data
    due = d.get("due")
    values = {
        "text": d["text"].strip(), "field": d.get("field") or "",
        "due_on": due[0] if due else None, "due_precision": due[1] if due else "day",
        "responsible": next((s for s in form.sides if str(s.pk) == d.get("responsible")), None),
    }  # fmt: skip
    with transaction.atomic():
        name = (d.get("responsible_name") or "").strip()
        values["responsible_person"] = (
            ps.person_get_or_create(full_name=name, by=request.user) if name else None
        )
        if item is None:
            item = ps.commitment_create(agreement=agreement, by=request.user, parent=parent,
                                        **values)  # fmt: skip
        else:
            item = ps.commitment_update(item, by=request.user,
                                        expected_version=d.get("version"), **values)  # fmt: skip
        for side, pick, new in form.lead_fields:
            agency = d.get(pick)
            if (d.get(new) or "").strip():
                agency = ps.agency_get_or_create(locality=side, name=d[new], by=request.user)
            ps.commitment_set_lead(commitment=item, locality=side, agency=agency,
                                   by=request.user)  # fmt: skip
        ps.commitment_set_partners(commitment=item, agencies=list(d.get("partners") or []),
                                   by=request.user)  # fmt: skip
    return item


@vary_on_headers("HX-Request")
@login_required
@require_POST
def item_add(request: HttpRequest, pk: int) -> HttpResponse:
    agreement = _get_agreement_for_user(request.user, pk)
    _check_editor(request, agreement)
    sides = agreement_sides(agreement)
    parents = list(agreement.commitments.filter(parent__isnull=True).order_by("number"))
    form = CommitmentForm(request.POST, sides=sides, prefix="new", parents=parents,
                          editable_sides=_editable_side_ids(request.user, sides))  # fmt: skip
    if form.is_valid():
        parent = next((c for c in parents if str(c.pk) == form.cleaned_data.get("parent")), None)
        try:
            item = _save_item(request, agreement, form, None, parent)
        except ValidationError as exc:
            _apply_errors(form, exc)
        else:
            return _section(request, agreement,
                            saved=_("Đã thêm nội dung %(n)s.") % {"n": item.display_number})  # fmt: skip
    return _section(request, agreement, status=400, new_form=form)


def _get_item(request: HttpRequest, pk: int) -> tuple[Commitment, Agreement]:
    item = Commitment.objects.select_related("agreement", "parent").filter(pk=pk).first()
    if item is None:
        raise Http404(_("Không tìm thấy nội dung."))
    agreement = _get_agreement_for_user(request.user, item.agreement_id)
    _check_editor(request, agreement)
    return item, agreement


@vary_on_headers("HX-Request")
@login_required
@require_POST
def item_edit(request: HttpRequest, pk: int) -> HttpResponse:
    item, agreement = _get_item(request, pk)
    sides = agreement_sides(agreement)
    form = CommitmentForm(request.POST, sides=sides, prefix=f"c{item.pk}",
                          editable_sides=_editable_side_ids(request.user, sides))  # fmt: skip
    status = 400
    if form.is_valid():
        try:
            _save_item(request, agreement, form, item, item.parent)
        except ConcurrentEdit as exc:
            form.add_error(None, exc.messages)
            status = 409
        except ValidationError as exc:
            _apply_errors(form, exc)
        else:
            return _section(request, agreement,
                            saved=_("Đã lưu nội dung %(n)s.") % {"n": item.display_number})  # fmt: skip
    return _section(request, agreement, status=status, failed_item=item.pk, failed_form=form)


@vary_on_headers("HX-Request")
@login_required
@require_POST
def item_move(request: HttpRequest, pk: int) -> HttpResponse:
    item, agreement = _get_item(request, pk)
    ps.commitment_move(item, by=request.user, step=-1 if request.POST.get("dir") == "up" else 1)
    return _section(request, agreement)


@vary_on_headers("HX-Request")
@login_required
@require_POST
def item_remove(request: HttpRequest, pk: int) -> HttpResponse:
    item, agreement = _get_item(request, pk)
    shown = item.display_number
    ps.commitment_remove(item, by=request.user)
    return _section(request, agreement, saved=_("Đã xóa nội dung %(n)s.") % {"n": shown})


@vary_on_headers("HX-Request")
@login_required
@require_POST
def placeholders_add(request: HttpRequest, pk: int) -> HttpResponse:
    """Add empty items up to the agreed count ("12 nội dung"), to be filled in."""
    agreement = _get_agreement_for_user(request.user, pk)
    _check_editor(request, agreement)
    n = ps.placeholders_add(agreement, by=request.user, count=agreement.agreed_count or 0)
    return _section(request, agreement, saved=_("Đã thêm %(n)s chỗ trống.") % {"n": n})
