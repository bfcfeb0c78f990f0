"""Writes about grants."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from hoptac.accounts.models import Role
from hoptac.accounts.permissions import require_any
from hoptac.grants.models import Grant
from hoptac.lib.services import record_create, record_update


def _check(values: dict[str, Any]) -> None:
    amount = values.get("amount_vnd")
    if amount is not None and amount <= 0:
        raise ValidationError({"amount_vnd": _("Số tiền phải lớn hơn 0.")})
    given = values.get("given_on")
    if given is not None and not values.get("year"):
        values["year"] = given.year


def grant_create(*, partnership, by, **values: Any) -> Grant:
    """Record a grant; an editor of the donor's or the recipient's side may."""
    require_any(by, Role.EDITOR, [values["donor"], values["recipient"]])
    _check(values)
    return record_create(Grant, by=by, partnership=partnership, **values)


def grant_update(grant: Grant, *, by, expected_version=None, **changes: Any) -> Grant:
    require_any(by, Role.EDITOR, [grant.donor, grant.recipient])
    moved = [changes[k] for k in ("donor", "recipient") if k in changes]
    if moved:  # the grant must stay with a side the editor holds
        require_any(
            by,
            Role.EDITOR,
            [changes.get("donor", grant.donor), changes.get("recipient", grant.recipient)],
        )
    _check(changes)
    return record_update(grant, by=by, expected_version=expected_version, **changes)
