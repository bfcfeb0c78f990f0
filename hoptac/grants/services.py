"""Writes about grants."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from hoptac.accounts.predicates import may_change_grant, may_write_partnership, require
from hoptac.grants.models import Grant
from hoptac.lib.services import record_create, record_update
from hoptac.partnerships.services import partnership_require_sides


def _check(values: dict[str, Any]) -> None:
    amount = values.get("amount_vnd")
    if amount is not None and amount <= 0:
        raise ValidationError({"amount_vnd": _("Số tiền phải lớn hơn 0.")})
    given = values.get("given_on")
    if given is not None and not values.get("year"):
        values["year"] = given.year


def grant_create(*, partnership, by, **values: Any) -> Grant:
    """Record a grant inside `partnership`: an editor of the donor's or the recipient's side
    may, and both must be sides of the partnership."""
    require(may_write_partnership, by, partnership)
    require(may_change_grant, by, Grant(partnership=partnership, **values))
    partnership_require_sides(
        partnership, donor=values.get("donor"), recipient=values.get("recipient")
    )
    _check(values)
    return record_create(Grant, by=by, partnership=partnership, **values)


def grant_update(grant: Grant, *, by, expected_version=None, **changes: Any) -> Grant:
    require(may_change_grant, by, grant)
    if {"donor", "recipient", "partnership"} & set(changes):
        # the grant must stay with a side the editor holds, between the partnership's sides
        partnership = changes.get("partnership", grant.partnership)
        donor = changes.get("donor", grant.donor)
        recipient = changes.get("recipient", grant.recipient)
        require(may_change_grant, by, Grant(donor=donor, recipient=recipient))
        partnership_require_sides(partnership, donor=donor, recipient=recipient)
    _check(changes)
    return record_update(grant, by=by, expected_version=expected_version, **changes)
