"""The registers of investment projects and snapshots (see lib/registers.py).

A project inside a partnership is read as the partnership is; a project outside any
partnership is not public: its origin's and host's members read it, and superusers.
"""

from __future__ import annotations

import django_filters as df
from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from hoptac.accounts.models import Role
from hoptac.accounts.permissions import sides
from hoptac.api import schemas as s
from hoptac.investments import services as investment_services
from hoptac.investments.models import InvestmentProject, InvestmentSnapshot, Qualifier, Stage
from hoptac.lib.fields import field_choices
from hoptac.lib.registers import Column, Register, SearchDoc, register
from hoptac.lib.sheets import SheetColumn, choices_of
from hoptac.partnerships.register import PREFETCH, SIDES, in_visible, visible_partnership_ids
from hoptac.web import forms as f
from hoptac.web.columns import loc, num, partnership_column, vnd
from hoptac.web.filters import (
    LocalityFilter,
    TextFilter,
    YearFilter,
    partnership_filter,
    units_filter,
)


def projects_visible_to(user) -> QuerySet:
    qs = InvestmentProject.objects.select_related("partnership", "origin", "host")
    qs = qs.prefetch_related(*PREFETCH)
    allowed = sides(user, Role.VIEWER) if user is not None and user.is_authenticated else set()
    if allowed is None:
        return qs
    cond = Q(partnership__in=visible_partnership_ids(user))
    if allowed:
        cond |= Q(partnership__isnull=True) & (Q(origin_id__in=allowed) | Q(host_id__in=allowed))
    return qs.filter(cond)


class ProjectFilters(df.FilterSet):
    q = TextFilter("project")
    locality = LocalityFilter("origin", "host", SIDES)
    partnership = partnership_filter()
    stage = df.ChoiceFilter(choices=Stage.choices, label=_("Giai đoạn"))
    sector = df.ChoiceFilter(choices=field_choices(), label=_("Lĩnh vực"))
    year = YearFilter("registered_on")
    units = units_filter()

    class Meta:
        model = InvestmentProject
        fields: list[str] = []


def _partnership_sheet() -> list[SheetColumn]:
    return [
        SheetColumn("partnership", "Mã quan hệ hợp tác", "id"),
        SheetColumn("partnership", "Hai bên", "partnership"),
    ]


FIELDS = choices_of(field_choices())

PROJECTS = register(Register(
    slug="projects", model=InvestmentProject, label=_("Dự án đầu tư"),
    singular=_("dự án đầu tư"),
    visible_to=projects_visible_to, filterset=ProjectFilters,
    columns=[
        Column(_("Tên dự án"), lambda o, c: o.name, "name", link=True),
        Column(_("Nhà đầu tư"), lambda o, c: o.investor, "investor"),
        Column(_("Từ"), loc("origin")),
        Column(_("Tại"), loc("host")),
        Column(_("Vốn đăng ký"), lambda o, c: vnd(o.capital_vnd), "capital_vnd", numeric=True),
        Column(_("Giai đoạn"), lambda o, c: o.get_stage_display(), "stage"),
        Column(_("Ngày đăng ký"), lambda o, c: o.registered_on, "registered_on"),
    ],
    default_sort="name",
    detail_fields=["partnership", "name", "investor", "origin", "host", "sector", "capital_vnd",
                   "stage", "registered_on", "external_id", "notes"],
    sheet=[
        SheetColumn("id", "ID", "int"),
        SheetColumn("external_id", "Mã dự án"),
        SheetColumn("name", "Tên dự án", required=True, width=40),
        SheetColumn("investor", "Nhà đầu tư", width=30),
        SheetColumn("origin", "Địa phương của nhà đầu tư", "locality", True),
        SheetColumn("host", "Địa phương tiếp nhận", "locality", True),
        SheetColumn("sector", "Lĩnh vực", "choice", choices=FIELDS),
        SheetColumn("capital_vnd", "Vốn đăng ký (tỷ đồng)", "billion"),
        SheetColumn("stage", "Giai đoạn", "choice", choices=choices_of(Stage.choices)),
        SheetColumn("registered_on", "Ngày đăng ký", "date"),
        *_partnership_sheet(),
        SheetColumn("notes", "Ghi chú", width=40),
    ],
    importable=True,
    schemas=(s.ProjectOut, s.ProjectOut),
    search_kind="project",
    search=lambda obj: SearchDoc(
        title=obj.name, subtitle=obj.investor,
        url=reverse("web:detail", args=["projects", obj.pk]),
        text=f"{obj.name} {obj.investor} {obj.external_id}", partnership_id=obj.partnership_id),
    form=f.ProjectForm,
    create=lambda user, form: investment_services.project_create(by=user, **form.values()),
    update=lambda obj, user, version, form: investment_services.project_update(
        obj, by=user, expected_version=version, **form.values()),
))  # fmt: skip


class SnapshotFilters(df.FilterSet):
    q = TextFilter("snapshot")
    locality = LocalityFilter("origin", "host", SIDES)
    partnership = partnership_filter()
    year = YearFilter("reported_on")
    units = units_filter()

    class Meta:
        model = InvestmentSnapshot
        fields: list[str] = []


def _snapshot_doc(obj) -> SearchDoc:
    when = obj.reported_on.strftime("%d/%m/%Y") if obj.reported_on else ""
    return SearchDoc(
        title=f"{obj.origin.name} → {obj.host.name} {when}".strip(), subtitle=str(obj.partnership),
        url=reverse("web:detail", args=["snapshots", obj.pk]),
        text=f"{obj.partnership} {obj.origin.name} {obj.host.name}",
        partnership_id=obj.partnership_id,
    )  # fmt: skip


SNAPSHOTS = register(Register(
    slug="snapshots", model=InvestmentSnapshot, label=_("Số liệu đầu tư"),
    singular=_("số liệu đầu tư"),
    visible_to=lambda user: in_visible(InvestmentSnapshot.objects.all(), user)
    .select_related("partnership", "origin", "host").prefetch_related(*PREFETCH),
    filterset=SnapshotFilters,
    columns=[
        Column(_("Ngày báo cáo"), lambda o, c: o.reported_on or "—", "reported_on", link=True),
        partnership_column(),
        Column(_("Nhà đầu tư từ"), loc("origin")),
        Column(_("Đầu tư tại"), loc("host")),
        Column(_("Số dự án"), lambda o, c: num(o.projects), "projects", numeric=True),
        Column(_("Tổng vốn đăng ký"), lambda o, c: (
            f"{o.get_qualifier_display()} " if o.qualifier != "exact" else "") + vnd(o.capital_vnd),
            "capital_vnd", numeric=True),
    ],
    default_sort="-reported_on",
    detail_fields=["partnership", "origin", "host", "reported_on", "meeting", "projects",
                   "capital_vnd", "qualifier", "since_year", "location_approved", "licensed",
                   "under_construction", "operating", "suspended", "revoked"],
    sheet=[
        SheetColumn("id", "ID", "int"),
        *_partnership_sheet(),
        SheetColumn("origin", "Nhà đầu tư từ", "locality"),
        SheetColumn("host", "Đầu tư tại", "locality"),
        SheetColumn("reported_on", "Ngày báo cáo", "date"),
        SheetColumn("projects", "Số dự án", "int"),
        SheetColumn("capital_vnd", "Tổng vốn đăng ký (tỷ đồng)", "billion"),
        SheetColumn("qualifier", "Mức chính xác", "choice",
                    choices=choices_of(Qualifier.choices)),
        SheetColumn("since_year", "Tính từ năm", "int"),
        SheetColumn("licensed", "Đã cấp phép", "int"),
        SheetColumn("operating", "Đi vào hoạt động", "int"),
    ],
    schemas=(s.SnapshotOut, s.SnapshotOut),
    search_kind="snapshot", search=_snapshot_doc, search_related=("partnership", "origin", "host"),
    form=f.SnapshotForm,
    create=lambda user, form: investment_services.snapshot_create(by=user, **form.values()),
    update=lambda obj, user, version, form: investment_services.snapshot_update(
        obj, by=user, expected_version=version, **form.values()),
))  # fmt: skip
