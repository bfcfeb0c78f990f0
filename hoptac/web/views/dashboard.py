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

from hoptac.documents.models import Document, RecordSource
from hoptac.grants.models import Grant
from hoptac.investments.models import InvestmentProject, InvestmentSnapshot
from hoptac.localities.models import Generation, Locality
from hoptac.partnerships.models import Commitment, CommitmentStatus, Meeting, Partnership
from hoptac.web.queries import (
    CURRENT,
    HISTORIC,
    Units,
    map_code,
    units_mode,
    visible_partnership_ids,
)

DEFAULT_LOCALITY_CODE = 1  # Hà Nội in both generations
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


def latest_snapshots(pids) -> list[InvestmentSnapshot]:
    """Return the latest snapshot of each partnership and direction (investor → host)."""
    seen, out = set(), []
    rows = InvestmentSnapshot.objects.filter(partnership_id__in=pids).order_by(
        "partnership_id", "origin_id", "host_id", "-reported_on", "-id"
    )
    for s in rows:
        key = (s.partnership_id, s.origin_id, s.host_id)
        if key not in seen:
            seen.add(key)
            out.append(s)
    return out


def partnership_measures(pids) -> dict[int, dict[str, int]]:
    """Return per partnership: registered capital and projects (the larger of the sum of the
    recorded projects and the latest reported totals), grants in đồng, meetings."""
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
    projects = InvestmentProject.objects.filter(partnership_id__in=pids).values("partnership_id")
    for row in projects.annotate(n=Count("id"), s=Sum("capital_vnd")):
        out[row["partnership_id"]]["capital"] = row["s"] or 0
        out[row["partnership_id"]]["projects"] = row["n"]
    reported: dict[int, dict[str, int]] = defaultdict(lambda: {"capital": 0, "projects": 0})
    for s in latest_snapshots(pids):
        reported[s.partnership_id]["capital"] += s.capital_vnd or 0
        reported[s.partnership_id]["projects"] += s.projects or 0
    for pid, r in reported.items():
        out[pid]["capital"] = max(out[pid]["capital"], r["capital"])
        out[pid]["projects"] = max(out[pid]["projects"], r["projects"])
    return out


def money_by_year(pids) -> dict[str, list]:
    """Return the years and, per year: capital reported to date (the latest report of the
    year, summed over partnerships and directions), new projects' capital, grants."""
    reported: dict[int, dict[tuple, int]] = defaultdict(dict)
    snaps = InvestmentSnapshot.objects.filter(partnership_id__in=pids, reported_on__isnull=False)
    for s in snaps.order_by("reported_on", "id"):
        year = s.reported_on.year  # type: ignore[union-attr]  # filtered non-null above
        reported[year][(s.partnership_id, s.origin_id, s.host_id)] = s.capital_vnd or 0
    new_capital: dict[int, int] = {}
    for row in (
        InvestmentProject.objects.filter(partnership_id__in=pids, registered_on__isnull=False)
        .values("registered_on__year")
        .annotate(s=Sum("capital_vnd"))
    ):
        new_capital[row["registered_on__year"]] = row["s"] or 0
    grants: dict[int, int] = {}
    for row in (
        Grant.objects.filter(partnership_id__in=pids, year__isnull=False)
        .values("year")
        .annotate(s=Sum("amount_vnd"))
    ):
        grants[row["year"]] = row["s"] or 0
    years = sorted(set(reported) | set(new_capital) | set(grants))
    billions = 1_000_000_000
    return {
        "years": [str(y) for y in years],
        "reported": [round(sum(reported[y].values()) / billions, 1) if y in reported else None
                     for y in years],
        "new_capital": [round(new_capital.get(y, 0) / billions, 1) for y in years],
        "grants": [round(grants.get(y, 0) / billions, 2) for y in years],
    }  # fmt: skip


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
    chosen = _chosen(units, request.GET.get("locality"), mode)
    family = units.family(chosen, mode)
    partnerships = _get_partnerships_for_user(request.user, family)
    pids = [p.pk for p in partnerships]
    measures = partnership_measures(pids)
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
            "capital": sum(measures[p]["capital"] for p in pids if p in measures),
            "projects": sum(measures[p]["projects"] for p in pids if p in measures),
            "grants": sum(measures[p]["grants"] for p in pids if p in measures),
            "open": Commitment.objects.filter(
                agreement__partnership_id__in=pids, status__in=OPEN).count(),
        },
        "overdue": [c for c in due_list if c.due_on and c.due_on < today],
        "due_soon": [c for c in due_list if c.due_on and c.due_on >= today],
        "meetings": meetings,
        "documents": _latest_documents(request.user, pids, meetings),
        "chart": {
            "map": "vn34" if mode == CURRENT else "vn63",
            "chosen": map_code(chosen), "chosen_label": units.label(chosen.pk, mode),
            "partners": map_data, "years": money_by_year(pids),
            "labels": _chart_labels(),
        },
    }  # fmt: skip
    return render(request, "web/dashboard.html", context)


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
        "chosen": _("Địa phương đang xem"),
        "no_data": _("Không có số liệu"),
        "billion": _("tỷ đồng"),
    }
