"""Form widgets that know the units through time."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from django import forms
from django.utils.translation import gettext as _

from hoptac.localities.models import Generation, Locality

NEW_FROM = dt.date(2025, 7, 1)


def picker_label(loc: Locality, shared: set[str]) -> str:
    """Return a unit's name as a picker shows it: "Hải Phòng (từ 1/7/2025)" when the other
    generation has a unit of the same name, "Hà Nam (nay thuộc Ninh Bình)" for a merged one."""
    if loc.name in shared:
        if loc.generation == Generation.NEW:
            return _("%(name)s (từ 1/7/2025)") % {"name": loc.name}
        return _("%(name)s (đến 30/6/2025)") % {"name": loc.name}
    return loc.display_name()


class LocalitySelect(forms.Select):
    """A select of units grouped by generation, each option carrying its validity dates, so
    that the page's script (js/pickers.js) lists only the units valid on the record's date
    and filters them by typed text (accents and case ignored). Without the script every unit
    is listed and the server still refuses one that did not exist on the date."""

    template_name = "django/forms/widgets/select.html"

    def __init__(self, *args: Any, date_field: str | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.date_field = date_field
        self._units: dict[str, Locality] = {}

    def get_context(self, name: str, value: Any, attrs: dict | None) -> dict:
        units = list(Locality.objects.order_by("-generation", "name"))
        self._units = {str(u.pk): u for u in units}
        counts = Counter(u.name for u in units)
        shared = {n for n, c in counts.items() if c > 1}
        self.choices = [("", "---------")] + [
            (
                str(Generation(gen).label),
                [(u.pk, picker_label(u, shared)) for u in units if u.generation == gen],
            )
            for gen in (Generation.NEW, Generation.OLD)
        ]
        attrs = {**(attrs or {}), "data-locality-picker": ""}
        if self.date_field:
            attrs["data-date-field"] = self.date_field
        return super().get_context(name, value, attrs)

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        unit = self._units.get(str(value))
        if unit is not None:
            option["attrs"]["data-from"] = unit.valid_from.isoformat()
            if unit.valid_to:
                option["attrs"]["data-to"] = unit.valid_to.isoformat()
        return option
