"""Review pages: the queue, a document with its facts, and the upload form.

Every action answers an htmx request with the facts panel fragment (no page reload) and a
plain form post with a redirect back to the document, so the page works without JavaScript.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from hoptac.accounts.models import Role
from hoptac.accounts.permissions import sides
from hoptac.documents.highlight import segments
from hoptac.documents.models import (
    Conflict,
    ConflictState,
    Document,
    Fact,
    FactKind,
    ReviewState,
)
from hoptac.documents.services import (
    ACCEPT_ORDER,
    conflict_resolve,
    document_accept_all,
    fact_accept,
    fact_edit,
    fact_reject,
)
from hoptac.documents.uploads import file_too_large_message
from hoptac.documents.values import form_initial, specs_for
from hoptac.jobs.models import JobKind, JobStatus
from hoptac.jobs.services import job_submit
from hoptac.jobs.views import remember
from hoptac.lib.dates import parse_date
from hoptac.lib.fields import field_label
from hoptac.lib.http import HttpRequest
from hoptac.lib.numbers import format_vnd
from hoptac.localities.models import Locality

PAGE_SIZE = 25


def _get_document(pk: int, user) -> Document:
    """Return the document if `user` may read it (the documents register's rule), else 404."""
    from hoptac.documents.register import documents_visible_to

    return get_object_or_404(documents_visible_to(user).defer(None).defer("original"), pk=pk)


def _get_fact(pk: int) -> Fact:
    return get_object_or_404(Fact.objects.select_related("document"), pk=pk)


@login_required
def review_queue(request: HttpRequest) -> HttpResponse:
    """Documents with facts awaiting review, filterable by partner and publication date.

    The rows are the documents register's (documents/register.py): only documents the user
    may read, filtered by the same FilterSet as every other surface."""
    from hoptac.documents.register import DOCUMENTS, with_counts

    g = request.GET
    params = {
        "q": g.get("q", ""), "partner": g.get("partner", ""),
        "published_from": g.get("from", ""), "published_to": g.get("to", ""),
        "review": "all" if g.get("all") == "1" else "pending", "sort": "-published_on",
    }  # fmt: skip
    found = DOCUMENTS.filter(request.user, params)
    partner_loc = None
    if "partner" in found.active:
        partner_id = _int(g.get("partner"))
        if partner_id is not None:
            partner_loc = Locality.objects.filter(pk=partner_id).first()
    docs = with_counts(found.qs)
    page = Paginator(docs, PAGE_SIZE).get_page(request.GET.get("page"))
    parties = _parties_of(page.object_list)
    ctx = {
        "page": page,
        "rows": [(d, parties.get(d.pk, [])) for d in page.object_list],
        "localities": Locality.objects.order_by("-generation", "name").only(
            "id", "name", "generation"
        ),
        "partner": partner_loc,
        "errors": found.errors,
        "date_from": request.GET.get("from", ""),
        "date_to": request.GET.get("to", ""),
        "show_all": request.GET.get("all") == "1",
    }
    template = "documents/queue.html#queue-table" if request.htmx else "documents/queue.html"
    response = render(request, template, ctx)
    response["Vary"] = "HX-Request"
    return response


def _parties_of(documents) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    rows = Fact.objects.filter(document__in=list(documents), kind=FactKind.PARTY).exclude(
        state=ReviewState.REJECTED
    )
    for doc_id, value in rows.values_list("document_id", "value"):
        out.setdefault(doc_id, []).append(value.get("name") or "?")
    return out


def _int(raw: str | None) -> int | None:
    return int(raw) if raw and raw.isdigit() else None


def _date(raw: str | None) -> dt.date | None:
    try:
        return parse_date(raw) if raw else None
    except ValueError:
        return None


@login_required
def document_detail(request: HttpRequest, pk: int) -> HttpResponse:
    document = _get_document(pk, request.user)
    panel_only = bool(request.htmx) and request.GET.get("panel") == "1"
    return _panel_or_page(
        request, document, full=not panel_only, focus=request.GET.get("focus", "")[:40]
    )


def _panel_or_page(
    request: HttpRequest, document: Document, *, full: bool = False, editing: int | None = None,
    errors: dict[str, list[str]] | None = None, data: dict[str, str] | None = None,
    focus: str = "", status: str = "",
) -> HttpResponse:  # fmt: skip
    facts = list(document.facts.select_related("reviewed_by").order_by("position"))
    facts.sort(key=lambda f: (ACCEPT_ORDER.index(f.kind), f.position))
    cards = [_card(f, document.text, editing, errors, data) for f in facts]
    conflicts = list(
        Conflict.objects.filter(fact__in=[f.pk for f in facts]).select_related("resolved_by")
    )
    ctx: dict[str, Any] = {
        "document": document,
        "cards": cards,
        "conflicts": conflicts,
        "open_conflicts": sum(c.state == ConflictState.OPEN for c in conflicts),
        "pending": sum(f.state == ReviewState.PROPOSED for f in facts),
        "focus": focus,
        "status": status,
        "kinds": [(k, label) for k, label in FactKind.choices if any(f.kind == k for f in facts)],
    }
    if full or not request.htmx:
        ctx["segments"] = segments(document.text, facts)
        response = render(request, "documents/detail.html", ctx)
    else:
        response = render(request, "documents/detail.html#facts-panel", ctx)
    response["Vary"] = "HX-Request"
    return response


def _card(fact: Fact, text: str, editing, errors, data) -> dict[str, Any]:
    quotes = [
        {"anchor": f"span-{fact.pk}-{i}", "text": text[s:e]}
        for i, (s, e) in enumerate(fact.evidence)
        if 0 <= s < e <= len(text)
    ]
    card: dict[str, Any] = {"fact": fact, "summary": summary(fact), "quotes": quotes[:3],
                            "more_quotes": max(0, len(quotes) - 3)}  # fmt: skip
    if editing == fact.pk:
        values = data if data is not None else form_initial(fact.kind, fact.value)
        errors = errors or {}
        card["form"] = [
            {
                "spec": spec,
                "name": spec.key,
                "id": f"f{fact.pk}-{spec.key}",
                "value": values.get(spec.key, ""),
                "errors": errors.get(spec.key, []),
            }
            for spec in specs_for(fact.kind, fact.value)
        ]
        card["form_errors"] = [m for key, ms in errors.items() for m in ms]
    return card


def summary(fact: Fact) -> str:
    """Return a fact's value as one line of Vietnamese."""
    v = fact.value
    money = _money
    if fact.kind == FactKind.PARTY:
        return v.get("name") or "?"
    if fact.kind == FactKind.EVENT_DATE:
        return _date_label(v.get("event_date"))
    if fact.kind == FactKind.PERSON:
        titles = ", ".join(v.get("titles") or [])
        side = f" ({v['locality']})" if v.get("locality") else ""
        return f"{v.get('name', '?')}{side}" + (f" – {titles}" if titles else "")
    if fact.kind == FactKind.INVESTMENT:
        parts = [f"{v.get('investor')} → {v.get('host')}"]
        if v.get("projects") is not None:
            parts.append(_("%(n)s dự án") % {"n": v["projects"]})
        if v.get("capital_vnd") is not None:
            parts.append(money(v["capital_vnd"]))
        return ", ".join(parts)
    if fact.kind == FactKind.GRANT:
        purpose = f" – {v['purpose']}" if v.get("purpose") else ""
        return f"{v.get('donor')} → {v.get('recipient')}: {money(v.get('amount_vnd'))}{purpose}"
    if fact.kind == FactKind.COMMITMENT_COUNT:
        return f"{v.get('count')} {v.get('unit') or ''}".strip()
    if fact.kind == FactKind.FIELD:
        return field_label(v.get("code") or "")
    if fact.kind == FactKind.REQUEST:
        return f"{v.get('from')} → {v.get('to')}: {v.get('what', '')}"
    if fact.kind == FactKind.ASSIGNMENT:
        return f"{v.get('who', '')}: {v.get('what', '')}"
    if fact.kind == FactKind.AGREEMENT:
        period = v.get("period") or "-".join(
            str(y) for y in (v.get("period_from"), v.get("period_to")) if y
        )
        items = len(v.get("items") or [])
        count = ngettext("%(n)s nội dung", "%(n)s nội dung", items) % {"n": items} if items else ""
        return " – ".join(str(x) for x in (v.get("title"), v.get("number"), period, count) if x)
    return "; ".join(f"{k}: {x}" for k, x in v.items() if x not in (None, "", [], {}))


def _money(amount) -> str:
    """Return the amount exactly enough for a reviewer: "1,25 tỷ đồng", "500 triệu đồng"."""
    return "?" if amount is None else format_vnd(int(amount), 3)


def _date_label(raw: str | None) -> str:
    if not raw:
        return "?"
    if raw.startswith("--"):
        return _("ngày %(d)s/%(m)s (không rõ năm)") % {"d": raw[5:7], "m": raw[2:4]}
    return f"{raw[8:10]}/{raw[5:7]}/{raw[:4]}"


def _after_action(request: HttpRequest, fact: Fact, status: str) -> HttpResponse:
    if request.htmx:
        return _panel_or_page(request, fact.document, focus=f"fact-{fact.pk}", status=status)
    messages.success(request, status)
    return redirect(reverse("documents:detail", args=[fact.document_id]) + f"#fact-{fact.pk}")


def _refused(request: HttpRequest, fact: Fact, exc: ValidationError) -> HttpResponse:
    status = " ".join(exc.messages)
    if request.htmx:
        return _panel_or_page(request, fact.document, focus=f"fact-{fact.pk}", status=status)
    messages.error(request, status)
    return redirect(reverse("documents:detail", args=[fact.document_id]) + f"#fact-{fact.pk}")


@login_required
@require_POST
def fact_accept_view(request: HttpRequest, pk: int) -> HttpResponse:
    fact = _get_fact(pk)
    try:
        tally = fact_accept(fact=fact, by=request.user)
    except ValidationError as exc:
        return _refused(request, fact, exc)
    status = _("Đã chấp nhận: %(fact)s.") % {"fact": summary(fact)}
    if tally.conflicts:
        status += " " + _("Có giá trị khác với báo cáo trước: hãy chọn giá trị đúng bên dưới.")
    return _after_action(request, fact, status)


@login_required
@require_POST
def fact_reject_view(request: HttpRequest, pk: int) -> HttpResponse:
    fact = _get_fact(pk)
    try:
        fact_reject(fact=fact, by=request.user, note=request.POST.get("note", ""))
    except ValidationError as exc:
        return _refused(request, fact, exc)
    return _after_action(request, fact, _("Đã loại: %(fact)s.") % {"fact": summary(fact)})


@login_required
def fact_edit_view(request: HttpRequest, pk: int) -> HttpResponse:
    """GET: the facts panel with this fact's edit form; POST: save (and accept if asked)."""
    fact = _get_fact(pk)
    from hoptac.documents.services import require_reviewer

    require_reviewer(request.user, fact.document)
    if request.method != "POST":
        return _panel_or_page(request, fact.document, editing=fact.pk, focus=f"f{fact.pk}-form")
    data = {spec.key: request.POST.get(spec.key, "") for spec in specs_for(fact.kind, fact.value)}
    try:
        fact = fact_edit(fact=fact, by=request.user, data=data)
        if "accept" in request.POST:
            fact_accept(fact=fact, by=request.user)
            return _after_action(
                request, fact, _("Đã sửa và chấp nhận: %(f)s.") % {"f": summary(fact)}
            )
    except ValidationError as exc:
        errors = exc.message_dict if hasattr(exc, "error_dict") else {"__all__": exc.messages}
        response = _panel_or_page(
            request, fact.document, editing=fact.pk, errors=errors, data=data,
            focus=f"f{fact.pk}-errors", status=_("Chưa lưu: hãy sửa các trường được báo lỗi."),
        )  # fmt: skip
        if not request.htmx:
            response.status_code = 400
        return response
    return _after_action(request, fact, _("Đã lưu: %(fact)s.") % {"fact": summary(fact)})


@login_required
@require_POST
def document_accept_all_view(request: HttpRequest, pk: int) -> HttpResponse:
    document = _get_document(pk, request.user)
    tally, errors = document_accept_all(document=document, by=request.user)
    status = _("Đã chấp nhận %(n)s dữ kiện.") % {"n": tally.accepted}
    if errors:
        status += " " + _("Còn lại: %(e)s") % {"e": "; ".join(errors)}
    if request.htmx:
        return _panel_or_page(request, document, focus="facts-status", status=status)
    messages.success(request, status)
    return redirect("documents:detail", pk=document.pk)


@login_required
@require_POST
def conflict_resolve_view(request: HttpRequest, pk: int) -> HttpResponse:
    conflict = get_object_or_404(Conflict.objects.select_related("fact__document"), pk=pk)
    try:
        conflict_resolve(
            conflict=conflict, by=request.user, choice=request.POST.get("choice", ""),
            note=request.POST.get("note", ""),
        )  # fmt: skip
    except ValidationError as exc:
        return _refused(request, conflict.fact, exc)
    return _after_action(request, conflict.fact, _("Đã ghi nhận lựa chọn."))


@login_required
def upload(request: HttpRequest) -> HttpResponse:
    """Upload one or several files, or paste text; show what each became."""
    allowed = sides(request.user, Role.EDITOR)
    if allowed is not None and not allowed:
        raise PermissionDenied(_("Chỉ biên tập viên mới được tải tài liệu lên."))
    ctx: dict[str, Any] = {"values": request.POST if request.method == "POST" else {}}
    if request.method == "POST":
        big = [
            f for f in request.FILES.getlist("files")
            if (f.size or 0) > settings.HOPTAC_MAX_DOCUMENT_BYTES
        ]  # fmt: skip
        if big:
            # Refused before it is read (the upload handler knows its size): HTTP 413.
            errors = {
                "files": " ".join(file_too_large_message(f.name or "", f.size or 0) for f in big)
            }
            status = 413
        else:
            errors, inputs = _upload_inputs(request)
            status = 400
        if errors:
            ctx["errors"] = errors
            if request.htmx:
                return render(request, "documents/upload.html#upload-results", ctx, status=status)
            return render(request, "documents/upload.html", ctx, status=status)
        published, url = inputs.pop()
        # Stored now, read and extracted in a job; with the immediate backend it is done here.
        job = job_submit(
            kind=JobKind.INGEST, by=request.user, title=", ".join(name for name, _d in inputs),
            params={"source_url": url or "", "published": published.isoformat() if published else ""},
            files=inputs,
        )  # fmt: skip
        remember(request, job)
        ctx["job"] = job
        if job.status == JobStatus.DONE:
            ctx["results"] = (job.result or {}).get("files", [])
    template = (
        "documents/upload.html#upload-results"
        if request.htmx and "job" in ctx
        else "documents/upload.html"
    )
    return render(request, template, ctx)


def _upload_inputs(request: HttpRequest) -> tuple[dict[str, str], list]:
    from django.core.validators import URLValidator

    errors: dict[str, str] = {}
    inputs: list = [(f.name, f.read()) for f in request.FILES.getlist("files")]
    pasted = request.POST.get("text", "").strip()
    if pasted:
        inputs.append((_("van-ban-dan.txt"), pasted.encode("utf-8")))
    if not inputs:
        errors["files"] = _("Tệp tài liệu: hãy chọn ít nhất một tệp hoặc dán văn bản.")
    url = request.POST.get("source_url", "").strip() or None
    if url:
        try:
            URLValidator(schemes=["http", "https"])(url)
        except ValidationError:
            errors["source_url"] = _(
                "Đường dẫn nguồn: hãy nhập địa chỉ bắt đầu bằng http:// hoặc https://."
            )
    raw_date = request.POST.get("published", "").strip()
    published = _date(raw_date)
    if raw_date and published is None:
        errors["published"] = _("Ngày đăng: hãy nhập ngày hợp lệ (năm-tháng-ngày).")
    inputs.append((published, url))
    return errors, inputs
