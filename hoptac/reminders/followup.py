"""Read side of the follow-up pages: a commitment's history, what its forms offer."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q
from django.utils.translation import gettext as _

from hoptac.accounts.models import Role
from hoptac.accounts.permissions import sides
from hoptac.partnerships.models import Agency, Commitment, CommitmentStatus
from hoptac.reminders.models import FieldChange
from hoptac.web.queries import visible_partnership_ids


@dataclass
class Change:
    at: object
    by: object
    what: str
    old: str
    new: str
    note: str


def commitment_changes(c: Commitment) -> list[Change]:
    """Return every recorded change of `c`, newest first: status, due date and lead."""
    out = [
        Change(s.changed_at, s.changed_by, _("Trạng thái"), s.get_old_display() or "",
               s.get_new_display(), s.note)
        for s in c.status_changes.select_related("changed_by")
    ]  # fmt: skip
    out += [
        Change(f.changed_at, f.changed_by, f.label, f.old, f.new, f.note)
        for f in FieldChange.objects.filter(commitment=c).select_related("changed_by")
    ]
    return sorted(out, key=lambda ch: ch.at, reverse=True)  # type: ignore[arg-type, return-value]


def editable_sides(user, c: Commitment) -> list:
    """Return the sides of `c`'s partnership whose progress `user` may report."""
    if not user.is_authenticated:
        return []
    allowed = sides(user, Role.EDITOR)
    members = [m.locality for m in c.agreement.partnership.members.all()]
    return [loc for loc in members if allowed is None or loc.pk in allowed]


def note_form_context(user, c: Commitment) -> dict:
    return {"note_sides": editable_sides(user, c)}


def lead_agencies(user):
    """Return the agencies `user` may name as a lead: of the sides they edit, in partnerships
    they may read."""
    allowed = sides(user, Role.EDITOR)
    if allowed is not None and not allowed:
        return Agency.objects.none()
    qs = Agency.objects.filter(
        Q(locality__partnerships__in=visible_partnership_ids(user))
    ).select_related("locality")
    if allowed is not None:
        qs = qs.filter(locality_id__in=allowed)
    return qs.distinct().order_by("locality__name", "name")


def bulk_form_context(user) -> dict:
    if not user.is_authenticated:
        return {"bulk": None}
    allowed = sides(user, Role.EDITOR)
    if allowed is not None and not allowed:
        return {"bulk": None}
    return {
        "bulk": {
            "statuses": CommitmentStatus.choices,
            "agencies": list(lead_agencies(user)),
        }
    }
