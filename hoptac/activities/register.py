"""The register of activities (see lib/registers.py): read as their partnership is."""

from __future__ import annotations

import django_filters as df
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from hoptac.activities import services as activity_services
from hoptac.activities.models import Activity, ActivityKind
from hoptac.api import schemas as s
from hoptac.lib.fields import field_choices
from hoptac.lib.registers import Column, Register, SearchDoc, register
from hoptac.lib.sheets import SheetColumn, choices_of
from hoptac.partnerships.register import PREFETCH, SIDES, in_visible
from hoptac.web import forms as f
from hoptac.web.columns import loc, num, partnership_column
from hoptac.web.filters import (
    LocalityFilter,
    TextFilter,
    YearFilter,
    partnership_filter,
    units_filter,
)


class ActivityFilters(df.FilterSet):
    q = TextFilter("activity")
    locality = LocalityFilter("organiser", SIDES)
    partnership = partnership_filter()
    kind = df.ChoiceFilter(choices=ActivityKind.choices, label=_("Loại"))
    field = df.ChoiceFilter(choices=field_choices(), label=_("Lĩnh vực"))
    year = YearFilter("year", "starts_on")
    units = units_filter()

    class Meta:
        model = Activity
        fields: list[str] = []


ACTIVITIES = register(Register(
    slug="activities", model=Activity, label=_("Hoạt động"), singular=_("hoạt động"),
    visible_to=lambda user: in_visible(Activity.objects.all(), user)
    .select_related("partnership", "organiser").prefetch_related(*PREFETCH),
    filterset=ActivityFilters,
    columns=[
        Column(_("Từ ngày"), lambda o, c: o.starts_on or o.year, "starts_on"),
        Column(_("Tên hoạt động"), lambda o, c: o.title, "title", link=True),
        Column(_("Loại"), lambda o, c: o.get_kind_display(), "kind"),
        Column(_("Bên tổ chức"), loc("organiser")),
        Column(_("Số lượt"), lambda o, c: num(o.count) if o.count else "", "count", numeric=True),
        partnership_column(),
    ],
    default_sort="-starts_on",
    detail_fields=["partnership", "kind", "title", "starts_on", "ends_on", "year", "place",
                   "organiser", "count", "field", "description"],
    sheet=[
        SheetColumn("id", "ID", "int"),
        SheetColumn("partnership", "Mã quan hệ hợp tác", "id"),
        SheetColumn("partnership", "Hai bên", "partnership"),
        SheetColumn("kind", "Loại", "choice", True, choices_of(ActivityKind.choices)),
        SheetColumn("title", "Tên hoạt động", required=True, width=40),
        SheetColumn("starts_on", "Từ ngày", "date"),
        SheetColumn("ends_on", "Đến ngày", "date"),
        SheetColumn("year", "Năm", "int"),
        SheetColumn("place", "Địa điểm", width=30),
        SheetColumn("organiser", "Bên tổ chức", "locality"),
        SheetColumn("count", "Số lượt", "int"),
        SheetColumn("field", "Lĩnh vực", "choice", choices=choices_of(field_choices())),
        SheetColumn("description", "Mô tả", width=50),
    ],
    importable=True,
    schemas=(s.ActivityOut, s.ActivityOut),
    search_kind="activity",
    search=lambda obj: SearchDoc(
        title=obj.title, subtitle=obj.place,
        url=reverse("web:detail", args=["activities", obj.pk]),
        text=f"{obj.title} {obj.place} {obj.description}", partnership_id=obj.partnership_id),
    form=f.ActivityForm,
    create=lambda user, form: activity_services.activity_create(by=user, **form.values()),
    update=lambda obj, user, version, form: activity_services.activity_update(
        obj, by=user, expected_version=version, **form.values()),
))  # fmt: skip
