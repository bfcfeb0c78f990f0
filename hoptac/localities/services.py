"""Loading the reference units into the database and resolving names against it."""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from hoptac.lib import units
from hoptac.lib.text import unaccent
from hoptac.localities.models import Locality, LocalityName


@transaction.atomic
def localities_load(locality_model=Locality, name_model=LocalityName) -> int:
    """Create or update the 97 units from lib/units.py; return how many rows changed.

    The models are parameters so that the data migration can pass its historical models.
    """
    Locality, LocalityName = locality_model, name_model  # noqa: N806
    changed = 0
    existing = {(loc.generation, loc.code): loc for loc in Locality._base_manager.all()}
    for unit in sorted(units.all_units(), key=lambda u: -u.generation):  # successors first
        succ = None
        if unit.successor_code is not None:
            succ = existing[(units.NEW, unit.successor_code)]
        values = {
            "name": unit.name,
            "kind": unit.kind,
            "valid_from": unit.valid_from,
            "valid_to": unit.valid_to,
            "successor": succ,
            "search_name": unaccent(unit.name),
        }
        loc = existing.get((unit.generation, unit.code))
        if loc is None:
            loc = Locality.objects.create(generation=unit.generation, code=unit.code, **values)
            existing[(unit.generation, unit.code)] = loc
            changed += 1
        elif any(getattr(loc, k) != v for k, v in values.items()):
            for k, v in values.items():
                setattr(loc, k, v)
            loc.save()
            changed += 1
        names = [(n.name, n.kind, n.valid_from, n.valid_to) for n in unit.names]
        have = [(n.name, n.kind, n.valid_from, n.valid_to) for n in loc.names.all()]
        if names != have:
            loc.names.all().delete()
            for name, kind, start, end in names:
                LocalityName.objects.create(
                    locality=loc, name=name, kind=kind, valid_from=start, valid_to=end
                )
    return changed


def locality_for(name: str, on: dt.date) -> Locality:
    """Return the Locality a name meant on a date; raises units.UnknownName / AmbiguousName."""
    res = units.resolve(name, on)
    return Locality.objects.get(generation=res.unit.generation, code=res.unit.code)
