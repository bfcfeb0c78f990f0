"""Province-level units across the 2025 reorganisation (see lib/units.py for the data)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from hoptac.lib.models import AliveManager, NameField, TrackedModel


class Generation(models.IntegerChoices):
    OLD = 2008, _("63 đơn vị (2008–30/6/2025)")
    NEW = 2025, _("34 đơn vị (từ 1/7/2025)")


class Kind(models.TextChoices):
    PROVINCE = "tinh", _("tỉnh")
    CITY = "thanh_pho", _("thành phố trực thuộc trung ương")


class LocalityQuerySet(models.QuerySet):
    def family(self, ids: Iterable[int], *, historic: bool = False) -> set[int]:
        """Return the ids of `ids` with the units records of theirs count under: the one place
        the succession family of a unit is computed (visibility, filters, permissions, reports).

        By default a unit stands for itself, its successor, its predecessors and its
        successor's other predecessors (Hà Nam 2008 ~ Ninh Bình 2025 ~ Nam Định 2008), so a
        role or a filter for either generation covers both. `historic=True` reads units of the
        time: a 2008 unit counts only itself and the 2025 unit that continues it alone (Hà Nội,
        Thanh Hóa); a 2025 unit still counts the units merged into it.
        """
        ids = {int(i) for i in ids}
        if not ids:
            return set()
        rows = list(
            Locality.objects.filter(
                models.Q(id__in=ids) | models.Q(successor_id__in=ids)
            ).values_list("id", "successor_id")
        )
        succ = {s for i, s in rows if i in ids and s}
        preds = {i for i, s in rows if s in ids}
        if historic:
            out = ids | preds
            for s in succ:
                siblings = Locality.objects.filter(successor_id=s).values_list("id", flat=True)
                if len(siblings) == 1:
                    out.add(s)
            return out
        out = ids | preds | succ
        out |= set(Locality.objects.filter(successor_id__in=succ).values_list("id", flat=True))
        return out


class Locality(TrackedModel):
    """A province-level unit of one generation; identified by (generation, code), never code."""

    generation = models.PositiveSmallIntegerField(_("thế hệ"), choices=Generation.choices)
    code = models.PositiveSmallIntegerField(_("mã"))
    name = NameField(_("tên"), max_length=100)
    kind = models.CharField(_("loại"), max_length=10, choices=Kind.choices)
    valid_from = models.DateField(_("hiệu lực từ"))
    valid_to = models.DateField(_("hiệu lực đến"), null=True, blank=True)
    successor = models.ForeignKey(
        "self", models.PROTECT, null=True, blank=True, related_name="predecessors",
        verbose_name=_("đơn vị kế thừa"),
    )  # fmt: skip
    search_name = models.CharField(max_length=100, editable=False, db_index=True)

    # The family of a unit through the reorganisation lives on this manager's queryset.
    objects = AliveManager.from_queryset(LocalityQuerySet)()  # type: ignore[misc]

    class Meta:
        verbose_name = _("địa phương")
        verbose_name_plural = _("địa phương")
        ordering = ["-generation", "name"]
        constraints = [
            models.UniqueConstraint(fields=["generation", "code"], name="locality_generation_code")
        ]

    def __str__(self) -> str:
        return self.display_name()

    @property
    def key(self) -> str:
        return f"{self.generation}-{self.code:02d}"

    def exists_on(self, on: dt.date) -> bool:
        return self.valid_from <= on and (self.valid_to is None or on <= self.valid_to)

    def successor_on(self, on: dt.date) -> Locality:
        """Return the unit standing for this one on `on` (itself while it exists)."""
        if self.exists_on(on) or self.successor is None:
            return self
        return self.successor

    def current(self) -> Locality:
        """Return today's unit for this one: its successor when it no longer exists."""
        return self.successor or self

    def name_on(self, on: dt.date) -> str:
        for n in self.names.all():
            if (n.valid_from is None or n.valid_from <= on) and (
                n.valid_to is None or on <= n.valid_to
            ):
                return n.name
        return self.name

    def display_name(self, today: dt.date | None = None) -> str:
        """Return "Hà Nam (nay thuộc Ninh Bình)" for a unit that no longer exists."""
        today = today or dt.date.today()  # noqa: DTZ011 - calendar date
        if self.exists_on(today) or self.successor_id is None:
            return self.name
        succ = self.successor
        assert succ is not None
        if succ.name == self.name:
            return self.name
        return gettext("%(old)s (nay thuộc %(new)s)") % {"old": self.name, "new": succ.name}


class LocalityName(models.Model):
    """A name a unit bore over a span (Thừa Thiên Huế until 2024, Huế from 2025)."""

    locality = models.ForeignKey(Locality, models.CASCADE, related_name="names")
    name = NameField(_("tên"), max_length=100)
    kind = models.CharField(_("loại"), max_length=10, choices=Kind.choices)
    valid_from = models.DateField(_("từ"), null=True, blank=True)
    valid_to = models.DateField(_("đến"), null=True, blank=True)

    class Meta:
        verbose_name = _("tên theo thời kỳ")
        verbose_name_plural = _("tên theo thời kỳ")
        ordering = ["valid_from"]

    def __str__(self) -> str:
        return self.name
