"""Writes about investment projects and snapshots."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from hoptac.accounts.predicates import (
    may_change_in_partnership,
    may_change_project,
    may_write_partnership,
    require,
)
from hoptac.investments.models import InvestmentProject, InvestmentSnapshot, Stage, StageChange
from hoptac.lib.services import record_create, record_update
from hoptac.partnerships.services import partnership_require_sides


@transaction.atomic
def project_create(*, by, **values: Any) -> InvestmentProject:
    """Create a project; an editor of the investor's or the host's side may. Inside a
    partnership the editor must write to it and both localities must be its sides."""
    partnership = values.get("partnership")
    if partnership is not None:
        require(may_write_partnership, by, partnership)
    require(may_change_project, by, InvestmentProject(**values))
    partnership_require_sides(partnership, origin=values.get("origin"), host=values.get("host"))
    project = record_create(InvestmentProject, by=by, **values)
    StageChange.objects.create(
        project=project, old="", new=project.stage, changed_on=project.registered_on
        or timezone.localdate(), changed_by=by if by and by.is_authenticated else None,
    )  # fmt: skip
    return project


def project_update(project: InvestmentProject, *, by, expected_version=None, **changes):
    """Edit a project's details; a stage change goes through project_set_stage."""
    require(may_change_project, by, project)
    if {"origin", "host", "partnership"} & set(changes):  # it stays with the editor's sides
        partnership = changes.get("partnership", project.partnership)
        origin, host = changes.get("origin", project.origin), changes.get("host", project.host)
        require(may_change_project, by, InvestmentProject(origin=origin, host=host))
        partnership_require_sides(partnership, origin=origin, host=host)
    new_stage = changes.pop("stage", project.stage)
    with transaction.atomic():
        project = record_update(project, by=by, expected_version=expected_version, **changes)
        if new_stage != project.stage:
            project_set_stage(project=project, new=new_stage, by=by)
    return project


@transaction.atomic
def project_set_stage(
    *, project: InvestmentProject, new: str, by, on: dt.date | None = None, note: str = ""
) -> StageChange:
    require(may_change_project, by, project)
    if new not in Stage.values:
        raise ValidationError({"stage": _("Giai đoạn không hợp lệ: %(v)s") % {"v": new}})
    old = project.stage
    if new == old:
        raise ValidationError({"stage": _("Dự án đã ở giai đoạn này.")})
    record_update(project, by=by, stage=new)
    return StageChange.objects.create(
        project=project, old=old, new=new, changed_on=on or timezone.localdate(), note=note,
        changed_by=by if by and by.is_authenticated else None,
    )  # fmt: skip


def snapshot_create(*, partnership, by, **values: Any) -> InvestmentSnapshot:
    require(may_write_partnership, by, partnership)
    partnership_require_sides(partnership, origin=values.get("origin"), host=values.get("host"))
    return record_create(InvestmentSnapshot, by=by, partnership=partnership, **values)


def snapshot_update(snapshot: InvestmentSnapshot, *, by, expected_version=None, **changes):
    require(may_change_in_partnership, by, snapshot)
    if {"origin", "host"} & set(changes):
        partnership_require_sides(
            snapshot.partnership,
            origin=changes.get("origin", snapshot.origin),
            host=changes.get("host", snapshot.host),
        )
    return record_update(snapshot, by=by, expected_version=expected_version, **changes)
