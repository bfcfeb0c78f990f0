"""Read-side helpers of the web pages: who sees what, and localities through time.

Access control lives here (and in the views' private `_get_x_for_user()` helpers): every
query of a page starts from `visible_partnerships(user)`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property

from django.db.models import QuerySet
from django.utils import timezone

from hoptac.accounts.permissions import visible_partnerships
from hoptac.localities.models import Generation, Locality

CURRENT = "current"
HISTORIC = "historic"


def units_mode(request) -> str:
    """Return "current" (today's 34 units, the default) or "historic" (units of the time)."""
    return HISTORIC if request.GET.get("units") == HISTORIC else CURRENT


def visible_partnership_ids(user) -> QuerySet:
    """Return a subquery of the ids of the partnerships `user` may read."""
    return visible_partnerships(user).values("id")


def locality_label(loc: Locality, today: dt.date | None = None) -> str:
    """Return the unit's name, "Hà Nam (nay thuộc Ninh Bình)" when it no longer exists."""
    return loc.display_name(today or timezone.localdate())


@dataclass
class Units:
    """All 97 units, loaded once per request, with the mapping between generations."""

    by_id: dict[int, Locality] = field(default_factory=dict)
    predecessors: dict[int, list[Locality]] = field(default_factory=dict)

    @classmethod
    def load(cls) -> Units:
        units = cls()
        for loc in Locality.objects.order_by("name"):
            units.by_id[loc.pk] = loc
        for loc in units.by_id.values():
            if loc.successor_id:
                loc.successor = units.by_id[loc.successor_id]
                units.predecessors.setdefault(loc.successor_id, []).append(loc)
        return units

    @cached_property
    def current_units(self) -> list[Locality]:
        return [u for u in self.by_id.values() if u.generation == Generation.NEW]

    @cached_property
    def old_units(self) -> list[Locality]:
        return [u for u in self.by_id.values() if u.generation == Generation.OLD]

    def choices(self, mode: str) -> list[Locality]:
        return self.current_units if mode == CURRENT else self.old_units

    def by_key(self, key: str) -> Locality | None:
        for loc in self.by_id.values():
            if loc.key == key:
                return loc
        return None

    def family(self, loc: Locality, mode: str) -> set[int]:
        """Return the ids whose records count for `loc` in `mode` (Locality.objects.family)."""
        return Locality.objects.family([loc.pk], historic=mode == HISTORIC)

    def aggregate_to(self, locality_id: int, mode: str) -> Locality | None:
        """Return the unit a record against `locality_id` counts under in `mode`.

        Current: today's unit. Historic: the unit of the time; a 2025 unit made of several
        old ones has no single old unit, so None.
        """
        loc = self.by_id[locality_id]
        if mode == CURRENT:
            return loc.successor if loc.successor_id else loc
        if loc.generation == Generation.OLD:
            return loc
        preds = self.predecessors.get(loc.pk, [])
        return preds[0] if len(preds) == 1 else None

    def label(self, locality_id: int, mode: str) -> str:
        """Return how a record's unit is named: as of today, or as it was ("nay thuộc")."""
        loc = self.by_id[locality_id]
        if mode == CURRENT:
            target = self.aggregate_to(locality_id, mode)
            return target.name if target else loc.name
        return locality_label(loc)


def map_code(loc: Locality) -> str:
    """Return the code of `loc` as the GeoJSON files write it ("01")."""
    return f"{loc.code:02d}"
