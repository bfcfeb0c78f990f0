"""Writes about activities."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from hoptac.accounts.models import Role
from hoptac.accounts.permissions import require, require_partner
from hoptac.activities.models import Activity
from hoptac.lib.services import record_create, record_update


def _check(values: dict[str, Any]) -> None:
    start, end = values.get("starts_on"), values.get("ends_on")
    if start and end and end < start:
        raise ValidationError({"ends_on": _("Ngày kết thúc phải sau ngày bắt đầu.")})
    if start and not values.get("year"):
        values["year"] = start.year


def activity_create(*, partnership, by, **values: Any) -> Activity:
    """Record an activity; the organiser's side, or any side when no organiser is named."""
    if values.get("organiser"):
        require(by, Role.EDITOR, values["organiser"])
    else:
        require_partner(by, Role.EDITOR, partnership)
    _check(values)
    return record_create(Activity, by=by, partnership=partnership, **values)


def activity_update(activity: Activity, *, by, expected_version=None, **changes: Any) -> Activity:
    if activity.organiser_id:
        require(by, Role.EDITOR, activity.organiser)
    else:
        require_partner(by, Role.EDITOR, activity.partnership)
    _check(changes)
    return record_update(activity, by=by, expected_version=expected_version, **changes)
