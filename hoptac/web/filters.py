"""The filters the registers' FilterSets are made of, with the same names on every surface.

- `q`: every word must begin a word of the record's search document, compared without
  accents, case or tone placement ("hai phong" finds "Hải Phòng", "ĐÀ" finds "đà") through
  the search index (web/search.py), so list, API, export and search agree.
- `locality`: a unit by the key the web uses ("2025-38") or by id, counted with its
  predecessors and successors (`Locality.objects.family`); `units=historic` reads units of
  the time.
- `partnership`: a partnership id. `year`: a year matched on any of the kind's date fields.
"""

from __future__ import annotations

import re

import django_filters as df
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from hoptac.localities.models import Generation, Locality

_KEY_RE = re.compile(r"^(\d{4})-(\d{1,2})$")


def locality_from(value: str) -> Locality | None:
    """Return the unit a filter value names: "2025-38" (generation-code) or an id."""
    value = (value or "").strip()
    m = _KEY_RE.match(value)
    if m:
        gen, code = int(m.group(1)), int(m.group(2))
        if gen not in Generation.values:
            return None
        return Locality.objects.filter(generation=gen, code=code).first()
    if value.isdigit():
        return Locality.objects.filter(pk=int(value)).first()
    return None


class LocalityField(forms.CharField):
    def clean(self, value):
        value = super().clean(value)
        if value in (None, ""):
            return None
        loc = locality_from(value)
        if loc is None:
            raise ValidationError(
                _("Không có địa phương “%(v)s” (dùng mã như 2025-38 hoặc số hiệu)."),
                params={"v": value},
            )
        return loc


class LocalityFilter(df.Filter):
    """Records of a unit (with its family) on any of `paths` (locality foreign keys)."""

    field_class = LocalityField

    def __init__(self, *paths: str, **kwargs):
        kwargs.setdefault("label", _("Địa phương"))
        super().__init__(**kwargs)
        self.paths = paths

    def filter(self, qs: QuerySet, value):
        if value is None:
            return qs
        historic = (self.parent.data.get("units") if self.parent else None) == "historic"
        ids = Locality.objects.family([value.pk], historic=historic)
        cond = Q()
        for path in self.paths:
            cond |= Q(**{f"{path}__in": ids})
        if any("__" in p for p in self.paths):  # through a to-many join: no duplicate rows
            return qs.filter(pk__in=qs.model._default_manager.filter(cond).values("pk"))
        return qs.filter(cond)


class TextFilter(df.CharFilter):
    """`q`: the words of the query against the kind's search document (accent-blind)."""

    def __init__(self, kind: str, **kwargs):
        kwargs.setdefault("label", _("Từ khóa"))
        super().__init__(**kwargs)
        self.kind = kind

    def filter(self, qs: QuerySet, value):
        if not value:
            return qs
        from hoptac.web.search import matching_ids

        return qs.filter(pk__in=matching_ids(self.kind, value))


class YearFilter(df.NumberFilter):
    """A year on any of the kind's date (or year) fields."""

    def __init__(self, *paths: str, **kwargs):
        kwargs.setdefault("label", _("Năm"))
        super().__init__(**kwargs)
        self.paths = paths

    def filter(self, qs: QuerySet, value):
        if value in (None, ""):
            return qs
        if value != int(value) or not 1900 <= value <= 2200:
            return qs.none()
        cond = Q()
        for path in self.paths:
            lookup = path if path == "year" else f"{path}__year"
            cond |= Q(**{lookup: int(value)})
        return qs.filter(cond)


def partnership_filter(path: str = "partnership_id") -> df.NumberFilter:
    return df.NumberFilter(field_name=path, label=_("Quan hệ hợp tác"))


def units_filter() -> df.ChoiceFilter:
    """`units`: how localities are read ("historic": units of the time); filters nothing."""
    return df.ChoiceFilter(
        choices=[("current", _("Hiện nay")), ("historic", _("Theo thời kỳ"))],
        method=lambda qs, name, value: qs,
        label=_("Đơn vị hành chính"),
    )
