"""The dashboard: one locality's partners on the map, key figures, money over the years,
commitments falling due, the latest meetings and documents."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q, Sum
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from hoptac.accounts.models import Membership
from hoptac.documents.models import Document, RecordSource
from hoptac.grants.models import Grant
from hoptac.localities.models import Generation, Locality
from hoptac.partnerships.models import Commitment, CommitmentStatus, Meeting, Partnership
from hoptac.reminders.digests import open_commitments
from hoptac.reports.figures import CapitalFigures, GrantFigures, capital_figures, grant_figures
from hoptac.web.queries import (
    CURRENT,
    HISTORIC,
    Units,
    map_code,
    units_mode,
    visible_partnership_ids,
)

DEFAULT_LOCALITY_CODE = 1  # Hà Nội in both generations, for visitors with no side
BILLION = 1_000_000_000
OPEN = [CommitmentStatus.PLANNED, CommitmentStatus.IN_PROGRESS]


@dataclass
class PartnerRow:
    """One partner of the chosen locality, counted under the unit of the chosen mode."""

    locality: Locality
    label: str
    partnerships: list[Partnership] = field(default_factory=list)
    capital: int = 0
    projects: int = 0
    grants: int = 0
    meetings: int = 0


def _chosen(units: Units, key: str | None, mode: str) -> Locality:
    """Return the locality asked for, as a unit of the mode's generation."""
    gen = Generation.NEW if mode == CURRENT else Generation.OLD
    loc = units.by_key(key) if key else None
    if loc is None:
        loc = next(u for u in units.by_id.values() if u.generation == gen and u.code == 1)
    if mode == CURRENT and loc.generation == Generation.OLD:
        loc = units.by_id[loc.successor_id] if loc.successor_id else loc
    elif mode == HISTORIC and loc.generation == Generation.NEW:
        name = loc.name
        preds = sorted(units.predecessors.get(loc.pk, []), key=lambda u: u.name != name)
        loc = preds[0] if preds else loc
    return loc


def _get_partnerships_for_user(user, family: set[int]) -> list[Partnership]:
    """Return the partnerships of the chosen side that `user` may read, members prefetched."""
    return list(
        Partnership.objects.filter(id__in=visible_partnership_ids(user))
        .filter(id__in=Partnership.objects.filter(members__locality_id__in=family).values("id"))
        .prefetch_related("members__locality")
        .order_by("name")
    )


def partnership_measures(pids) -> dict[int, dict[str, int]]:
    """Return per partnership: registered capital and projects (reports.figures' rule),
    grants in đồng (given either way), meetings."""
    out: dict[int, dict[str, int]] = defaultdict(
        lambda: {"capital": 0, "projects": 0, "grants": 0, "meetings": 0}
    )
    for row in (
        Meeting.objects.filter(partnership_id__in=pids)
        .values("partnership_id")
        .annotate(n=Count("id"))
    ):
        out[row["partnership_id"]]["meetings"] = row["n"]
    for row in (
        Grant.objects.filter(partnership_id__in=pids)
        .values("partnership_id")
        .annotate(s=Sum("amount_vnd"))
    ):
        out[row["partnership_id"]]["grants"] = row["s"] or 0
    for pid, m in capital_figures(pids).by_partnership.items():
        out[pid]["capital"], out[pid]["projects"] = m["capital"], m["projects"]
    return out


def money_chart(capital: CapitalFigures, grants: GrantFigures) -> dict[str, list]:
    """Return the charts' data: cumulative capital at each year's end (and "to date" when
    undated records add to it), new projects' capital, support given and received by year
    with "chưa rõ năm". Each chart's last (or summed) values are the key figures."""
    years = capital.years()
    cats = [str(y) for y in years]
    reported = [capital.by_year[y] for y in years]
    new = [capital.new_by_year.get(y, 0) for y in years]
    if not reported or reported[-1] != capital.capital:
        cats.append(_("Đến nay"))
        reported.append(capital.capital)
        new.append(0)
    grant_years = grants.years()
    return {
        "years": cats,
        "reported": [round(v / BILLION, 1) for v in reported],
        "reported_vnd": reported,
        "new_capital": [round(v / BILLION, 1) for v in new],
        "grant_years": [str(y) if y is not None else _("chưa rõ năm") for y in grant_years],
        "given": [round(grants.by_year[y]["given"] / BILLION, 3) for y in grant_years],
        "received": [round(grants.by_year[y]["received"] / BILLION, 3) for y in grant_years],
        "given_vnd": [grants.by_year[y]["given"] for y in grant_years],
        "received_vnd": [grants.by_year[y]["received"] for y in grant_years],
    }


def partners_of(partnerships, family, units: Units, mode: str, measures) -> list[PartnerRow]:
    rows: dict[int, PartnerRow] = {}
    for p in partnerships:
        m = measures.get(p.pk, {})
        for member in p.members.all():
            if member.locality_id in family:
                continue
            target = units.aggregate_to(member.locality_id, mode) or units.by_id[member.locality_id]
            row = rows.setdefault(target.pk, PartnerRow(target, units.label(target.pk, mode)))
            row.partnerships.append(p)
            for k in ("capital", "projects", "grants", "meetings"):
                setattr(row, k, getattr(row, k) + m.get(k, 0))
    return sorted(rows.values(), key=lambda r: (-r.capital, -r.meetings, r.label))


def dashboard(request: HttpRequest) -> HttpResponse:
    mode = units_mode(request)
    units = Units.load()
    chosen = _chosen(units, request.GET.get("locality") or _own_locality_key(request.user), mode)
    family = units.family(chosen, mode)
    partnerships = _get_partnerships_for_user(request.user, family)
    pids = [p.pk for p in partnerships]
    measures = partnership_measures(pids)
    capital = capital_figures(pids)
    grants = grant_figures(pids, family)
    partners = partners_of(partnerships, family, units, mode, measures)
    today = timezone.localdate()
    due = (
        Commitment.objects.filter(
            agreement__partnership_id__in=pids, status__in=OPEN, due_on__isnull=False,
            due_on__lte=today + dt.timedelta(days=30),
        )
        .select_related("agreement__partnership", "responsible")
        .prefetch_related("agreement__partnership__members__locality")
        .order_by("due_on", "id")[:20]
    )  # fmt: skip
    due_list: list[Commitment] = list(due)
    meetings = list(
        Meeting.objects.filter(partnership_id__in=pids)
        .select_related("partnership")
        .prefetch_related("partnership__members__locality")
        .order_by("-held_on", "-id")[:6]
    )
    map_data = [
        {
            "name": map_code(r.locality), "label": r.label, "capital": r.capital / 1e9,
            "projects": r.projects, "grants": r.grants / 1e9, "meetings": r.meetings,
            "url": reverse("web:partnership", args=[r.partnerships[0].pk]),
        }
        for r in partners
    ]  # fmt: skip
    context = {
        "nav": "dashboard", "units": mode, "chosen": chosen,
        "chosen_label": units.label(chosen.pk, mode),
        "locality_options": units.choices(mode), "partners": partners,
        "totals": {
            "partners": len(partners),
            "meetings": sum(r.meetings for r in partners),
            "capital": capital.capital, "projects": capital.projects,
            "grants_given": grants.given, "grants_received": grants.received,
            "open": Commitment.objects.filter(
                agreement__partnership_id__in=pids, status__in=OPEN).count(),
        },
        "stale": _stale(pids, today),
        "overdue": [c for c in due_list if c.due_on and c.due_on < today],
        "due_soon": [c for c in due_list if c.due_on and c.due_on >= today],
        "meetings": meetings,
        "documents": _latest_documents(request.user, pids, meetings),
        "chart": {
            "map": "vn34" if mode == CURRENT else "vn63",
            "chosen": map_code(chosen), "chosen_label": units.label(chosen.pk, mode),
            "partners": map_data, "years": money_chart(capital, grants),
            "labels": _chart_labels(),
        },
    }  # fmt: skip
    return render(request, "web/dashboard.html", context)


def _own_locality_key(user) -> str | None:
    """Return the key of the signed-in user's own locality (their first membership)."""
    if not user.is_authenticated:
        return None
    m = Membership.objects.filter(user=user).select_related("locality").order_by("id").first()
    return m.locality.key if m else None


def _stale(pids, today: dt.date) -> list[Commitment]:
    """Return the open commitments not updated for HOPTAC_STALE_DAYS, longest first."""
    rows = [c for c in open_commitments(pids) if c.stale_days(today) is not None]
    for c in rows:
        c.stale = c.stale_days(today)  # type: ignore[attr-defined]
    return sorted(rows, key=lambda c: -c.stale)[:20]  # type: ignore[attr-defined]


def _latest_documents(user, pids, meetings) -> list[Document]:
    """Return the latest documents that are evidence for these partnerships' records."""
    if not user.is_authenticated or not pids:
        return []
    m_ct = ContentType.objects.get_for_model(Meeting)
    p_ct = ContentType.objects.get_for_model(Partnership)
    links = RecordSource.objects.filter(
        Q(content_type=p_ct, object_id__in=pids)
        | Q(
            content_type=m_ct,
            object_id__in=Meeting.objects.filter(partnership_id__in=pids).values("id"),
        )
    ).values("document_id")
    return list(
        Document.objects.filter(id__in=links).defer("original", "text")
        .order_by("-published_on", "-id")[:6]
    )  # fmt: skip


def _chart_labels() -> dict[str, str]:
    return {
        "capital": _("Vốn đăng ký (tỷ đồng)"),
        "projects": _("Số dự án"),
        "grants": _("Hỗ trợ (tỷ đồng)"),
        "meetings": _("Số cuộc họp"),
        "reported": _("Vốn đăng ký lũy kế theo báo cáo (tỷ đồng)"),
        "new_capital": _("Vốn đăng ký của dự án mới (tỷ đồng)"),
        "grants_year": _("Hỗ trợ trong năm (tỷ đồng)"),
        "given": _("Đã hỗ trợ (tỷ đồng)"),
        "received": _("Được hỗ trợ (tỷ đồng)"),
        "chosen": _("Địa phương đang xem"),
        "no_data": _("Không có số liệu"),
        "billion": _("tỷ đồng"),
    }
