"""The register of localities (see lib/registers.py): public, all 97 units."""

from __future__ import annotations

import django_filters as df
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from hoptac.api import schemas as s
from hoptac.lib.registers import Register, SearchDoc, register
from hoptac.lib.sheets import SheetColumn
from hoptac.localities.models import Generation, Locality
from hoptac.web.filters import TextFilter


class LocalityFilters(df.FilterSet):
    q = TextFilter("locality")
    generation = df.ChoiceFilter(choices=Generation.choices, label=_("Thế hệ"))

    class Meta:
        model = Locality
        fields: list[str] = []


def _locality_doc(obj) -> SearchDoc:
    label = obj.display_name()
    return SearchDoc(
        title=label, subtitle=str(obj.get_generation_display()),
        url=reverse("web:dashboard") + f"?locality={obj.key}", text=f"{label} {obj.name}",
    )  # fmt: skip


LOCALITIES = register(Register(
    slug="localities", model=Locality, label=_("Địa phương"), singular=_("địa phương"),
    visible_to=lambda user: Locality.objects.select_related("successor"),
    filterset=LocalityFilters,
    default_sort="-generation",
    sorts=("code",),
    sorter=lambda qs, sort: qs.order_by("-generation", "code"),
    sheet=[
        SheetColumn("id", "ID", "int"),
        SheetColumn("key", "Mã", get=lambda o: o.key, width=9),
        SheetColumn("name", "Tên", width=24),
        SheetColumn("generation", "Thế hệ", "int"),
        SheetColumn("code", "Mã số", "int"),
        SheetColumn("valid_from", "Hiệu lực từ", "date"),
        SheetColumn("valid_to", "Hiệu lực đến", "date"),
        SheetColumn("successor", "Mã đơn vị kế thừa", "id"),
        SheetColumn("successor_name", "Đơn vị kế thừa",
                    get=lambda o: o.successor.name if o.successor_id else "", width=24),
    ],
    schemas=(s.LocalityOut, s.LocalityOut),
    search_kind="locality", search=_locality_doc, search_related=("successor",),
    web_list=False,
))  # fmt: skip
