"""Writes about activities."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from hoptac.accounts.predicates import may_change_activity, may_write_partnership, require
from hoptac.activities.models import Activity
from hoptac.lib.services import record_create, record_update
from hoptac.partnerships.services import partnership_require_sides


def _check(values: dict[str, Any]) -> None:
    start, end = values.get("starts_on"), values.get("ends_on")
    if start and end and end < start:
        raise ValidationError({"ends_on": _("Ngày kết thúc phải sau ngày bắt đầu.")})
    if start and not values.get("year"):
        values["year"] = start.year


def activity_create(*, partnership, by, **values: Any) -> Activity:
    """Record an activity; the organiser's side, or any side when no organiser is named.
    The organiser must be a side of the partnership."""
    require(may_write_partnership, by, partnership)
    require(may_change_activity, by, Activity(partnership=partnership, **values))
    partnership_require_sides(partnership, organiser=values.get("organiser"))
    _check(values)
    return record_create(Activity, by=by, partnership=partnership, **values)


def activity_update(activity: Activity, *, by, expected_version=None, **changes: Any) -> Activity:
    require(may_change_activity, by, activity)
    if "organiser" in changes:
        require(may_change_activity, by, Activity(partnership=activity.partnership, **changes))
        partnership_require_sides(activity.partnership, organiser=changes["organiser"])
    _check(changes)
    return record_update(activity, by=by, expected_version=expected_version, **changes)
