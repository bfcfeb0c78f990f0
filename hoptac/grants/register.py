"""The register of grants (see lib/registers.py): read as their partnership is."""

from __future__ import annotations

import django_filters as df
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from hoptac.api import schemas as s
from hoptac.grants import services as grant_services
from hoptac.grants.models import Grant
from hoptac.lib.fields import field_choices
from hoptac.lib.registers import Column, Register, SearchDoc, register
from hoptac.lib.sheets import SheetColumn, choices_of
from hoptac.partnerships.register import PREFETCH, SIDES, in_visible
from hoptac.web import forms as f
from hoptac.web.columns import loc, partnership_column, vnd
from hoptac.web.filters import (
    LocalityFilter,
    TextFilter,
    YearFilter,
    partnership_filter,
    units_filter,
)


class GrantFilters(df.FilterSet):
    q = TextFilter("grant")
    locality = LocalityFilter("donor", "recipient", SIDES)
    partnership = partnership_filter()
    field = df.ChoiceFilter(choices=field_choices(), label=_("Lĩnh vực"))
    year = YearFilter("year", "given_on")
    units = units_filter()

    class Meta:
        model = Grant
        fields: list[str] = []


def _grant_doc(obj) -> SearchDoc:
    return SearchDoc(
        title=obj.purpose or f"{obj.donor.name} → {obj.recipient.name}",
        subtitle=f"{obj.donor.name} → {obj.recipient.name}",
        url=reverse("web:detail", args=["grants", obj.pk]),
        text=f"{obj.purpose} {obj.donor.name} {obj.recipient.name}",
        partnership_id=obj.partnership_id,
    )


GRANTS = register(Register(
    slug="grants", model=Grant, label=_("Khoản hỗ trợ"), singular=_("khoản hỗ trợ"),
    visible_to=lambda user: in_visible(Grant.objects.all(), user)
    .select_related("partnership", "donor", "recipient").prefetch_related(*PREFETCH),
    filterset=GrantFilters,
    columns=[
        Column(_("Ngày trao"), lambda o, c: o.given_on or o.year, "given_on"),
        Column(_("Mục đích"), lambda o, c: o.purpose or "—", "purpose", link=True),
        Column(_("Bên hỗ trợ"), loc("donor")),
        Column(_("Bên nhận"), loc("recipient")),
        Column(_("Số tiền"), lambda o, c: vnd(o.amount_vnd), "amount_vnd", numeric=True),
        partnership_column(),
    ],
    default_sort="-given_on",
    detail_fields=["partnership", "donor", "recipient", "amount_vnd", "purpose", "field",
                   "given_on", "year", "meeting"],
    sheet=[
        SheetColumn("id", "ID", "int"),
        SheetColumn("partnership", "Mã quan hệ hợp tác", "id"),
        SheetColumn("partnership", "Hai bên", "partnership"),
        SheetColumn("donor", "Bên hỗ trợ", "locality", True),
        SheetColumn("recipient", "Bên nhận", "locality", True),
        SheetColumn("amount_vnd", "Số tiền (tỷ đồng)", "billion", True),
        SheetColumn("given_on", "Ngày trao", "date"),
        SheetColumn("year", "Năm", "int"),
        SheetColumn("purpose", "Mục đích", width=40),
        SheetColumn("field", "Lĩnh vực", "choice", choices=choices_of(field_choices())),
    ],
    importable=True,
    schemas=(s.GrantOut, s.GrantOut),
    search_kind="grant", search=_grant_doc, search_related=("donor", "recipient"),
    form=f.GrantForm,
    create=lambda user, form: grant_services.grant_create(by=user, **form.values()),
    update=lambda obj, user, version, form: grant_services.grant_update(
        obj, by=user, expected_version=version, **form.values()),
))  # fmt: skip
