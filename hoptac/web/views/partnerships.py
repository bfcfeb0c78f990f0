"""The partnership page: sides, focal points, timeline, agreements and their commitments,
investment, grants, requests and documents, each figure with a link to its source."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db.models import Prefetch, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from hoptac.accounts.models import Role
from hoptac.accounts.permissions import can
from hoptac.accounts.predicates import may_write_partnership
from hoptac.activities.models import Activity
from hoptac.documents.models import Document, RecordSource
from hoptac.investments.models import InvestmentProject, InvestmentSnapshot
from hoptac.partnerships.models import (
    Agreement,
    Commitment,
    CommitmentStatus,
    FocalPoint,
    Meeting,
    Partnership,
    Request,
)
from hoptac.partnerships.services import partnership_set_published
from hoptac.web.queries import (
    HISTORIC,
    Units,
    units_mode,
    visible_partnership_ids,
)
from hoptac.web.views.dashboard import partnership_measures
from hoptac.web.views.registers import attach_sources

STATUS_ORDER = [
    CommitmentStatus.DONE, CommitmentStatus.IN_PROGRESS, CommitmentStatus.PLANNED,
    CommitmentStatus.SUSPENDED, CommitmentStatus.CANCELLED,
]  # fmt: skip


def _get_partnership_for_user(user, pk: int) -> Partnership:
    """Return the partnership if `user` may read it (else 404), sides prefetched."""
    p = (
        Partnership.objects.filter(id__in=visible_partnership_ids(user), pk=pk)
        .prefetch_related("members__locality__successor")
        .first()
    )
    if p is None:
        raise Http404(_("Không tìm thấy quan hệ hợp tác, hoặc bạn không có quyền xem."))
    return p


def progress(commitments) -> list[dict]:
    """Return the share of each status among `commitments`, in the order of the bar."""
    counts = Counter(c.status for c in commitments)
    total = sum(counts.values())
    return [
        {"status": s, "label": CommitmentStatus(s).label, "n": counts[s],
         "pct": round(100 * counts[s] / total, 1) if total else 0}
        for s in STATUS_ORDER if counts[s]
    ]  # fmt: skip


def partnership_page(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = _get_partnership_for_user(request.user, pk)
    mode = units_mode(request)
    units = Units.load()
    today = timezone.localdate()
    focal = list(
        FocalPoint.objects.filter(partnership=partnership).select_related("agency", "person")
    )
    meetings = list(Meeting.objects.filter(partnership=partnership).order_by("-held_on", "-id"))
    commitments_qs = (
        Commitment.objects.select_related("responsible")
        .prefetch_related("leads__agency")
        .order_by("number")
    )
    agreements = list(
        Agreement.objects.filter(partnership=partnership)
        .select_related("meeting")
        .prefetch_related(Prefetch("commitments", queryset=commitments_qs))
        .order_by("-signed_on", "-id")
    )
    activities = list(
        Activity.objects.filter(partnership=partnership).order_by("-starts_on", "-id")
    )
    snapshots = list(
        InvestmentSnapshot.objects.filter(partnership=partnership)
        .select_related("origin__successor", "host__successor")
        .order_by("reported_on", "id")
    )
    projects = list(
        InvestmentProject.objects.filter(partnership=partnership)
        .select_related("origin", "host")
        .order_by("-capital_vnd", "name")[:50]
    )
    grants = list(
        partnership.grants.select_related("donor__successor", "recipient__successor").order_by(
            "-given_on", "-year", "-id"
        )
    )
    requests = list(
        Request.objects.filter(partnership=partnership)
        .select_related("from_locality", "to_locality")
        .order_by("-made_on", "-id")
    )
    attach_sources([partnership, *meetings, *agreements, *activities, *snapshots, *grants,
                    *requests, *projects])  # fmt: skip
    for a in agreements:
        a.progress = progress(a.commitments.all())  # type: ignore[attr-defined]
        a.overdue = sum(1 for c in a.commitments.all() if c.is_overdue(today))  # type: ignore[attr-defined]
    all_commitments = [c for a in agreements for c in a.commitments.all()]
    data_years = {m.held_on.year for m in meetings if m.held_on} | {
        g.year for g in grants if g.year
    }
    years = sorted(data_years | {today.year - 1, today.year}, reverse=True)
    report_year = max(data_years) if data_years else today.year - 1
    context = {
        "nav": "partnerships", "p": partnership, "units": mode,
        "sides": [
            # a side is named as it was, with its successor: "Ninh Thuận (nay thuộc Khánh Hòa)"
            {"locality": m.locality, "label": units.label(m.locality_id, HISTORIC),
             "focal": [f for f in focal if f.locality_id == m.locality_id],
             "can_edit": can(request.user, Role.EDITOR, m.locality_id)}
            for m in partnership.members.all()
        ],
        "timeline": _timeline(meetings, agreements, activities),
        "agreements": agreements, "progress": progress(all_commitments),
        "snapshots": list(reversed(snapshots)), "projects": projects, "grants": grants,
        "requests": requests, "activities": activities,
        "measures": partnership_measures([partnership.pk]).get(partnership.pk, {}),
        "documents": _documents(request.user, partnership, meetings, agreements, grants,
                                snapshots),
        "can_edit": may_write_partnership(request.user, partnership),
        "years": years, "report_year": report_year,
        "snapshot_chart": {
            "dates": [s.reported_on.strftime("%d/%m/%Y") if s.reported_on else "—" for s in snapshots],
            "capital": [round((s.capital_vnd or 0) / 1e9, 1) for s in snapshots],
            "projects": [s.projects for s in snapshots],
            "labels": {"capital": _("Vốn đăng ký (tỷ đồng)"), "projects": _("Số dự án")},
        },
        "units_obj": units,
    }  # fmt: skip
    return render(request, "web/partnership.html", context)


def _timeline(meetings, agreements, activities) -> list[dict]:
    items = []
    for m in meetings:
        items.append(
            {
                "date": m.held_on,
                "shown": m.date_display,
                "kind": "meeting",
                "label": m.get_kind_display(),
                "obj": m,
                "slug": "meetings",
            }
        )
    for a in agreements:
        items.append(
            {
                "date": a.signed_on,
                "kind": "agreement",
                "label": a.get_kind_display(),
                "obj": a,
                "slug": "agreements",
            }
        )
    for x in activities:
        items.append(
            {
                "date": x.starts_on or (dt.date(x.year, 1, 1) if x.year else None),
                "kind": "activity",
                "label": x.get_kind_display(),
                "obj": x,
                "slug": "activities",
                "shown": x.starts_on
                and x.starts_on.strftime("%d/%m/%Y")
                or (str(x.year) if x.year else "—"),
            }
        )
    for it in items:
        it.setdefault("shown", it["date"].strftime("%d/%m/%Y") if it["date"] else "—")
    return sorted(items, key=lambda it: it["date"] or dt.date.min, reverse=True)


def _documents(user, partnership, *groups) -> list[Document]:
    """Return the documents that are evidence for the partnership's records (signed in)."""
    if not user.is_authenticated:
        return []
    q = Q(content_type=ContentType.objects.get_for_model(Partnership), object_id=partnership.pk)
    for group in groups:
        if group:
            ct = ContentType.objects.get_for_model(type(group[0]))
            q |= Q(content_type=ct, object_id__in=[o.pk for o in group])
    ids = RecordSource.objects.filter(q).values("document_id")
    return list(
        Document.objects.filter(id__in=ids).defer("original", "text")
        .order_by("-published_on", "-id")
    )  # fmt: skip


@require_POST
def partnership_publish(request: HttpRequest, pk: int) -> HttpResponse:
    """Publish or withdraw a partnership: an explicit decision, kept in its history."""
    partnership = _get_partnership_for_user(request.user, pk)
    publish = request.POST.get("published") == "1"
    try:
        version = int(request.POST.get("version", ""))
    except ValueError:
        version = None
    try:
        partnership_set_published(
            partnership, by=request.user, published=publish, expected_version=version
        )
    except ValidationError as err:
        messages.error(request, " ".join(err.messages))
    else:
        messages.success(
            request,
            _("Đã công khai quan hệ hợp tác: ai cũng xem được các bản ghi và báo cáo.")
            if publish
            else _("Đã thôi công khai: chỉ cán bộ của các bên xem được."),
        )
    return redirect("web:partnership", pk=partnership.pk)
