"""Writes about partnerships, meetings, agreements, commitments and requests.

Every function checks permission first (accounts.permissions), then writes through
lib.services so that who/when, versions and history are kept.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from hoptac.accounts import predicates as pred
from hoptac.accounts.models import Role
from hoptac.accounts.permissions import require, require_any
from hoptac.lib.services import record_create, record_delete, record_update
from hoptac.lib.text import unaccent
from hoptac.localities.models import Locality
from hoptac.partnerships.models import (
    Agency,
    Agreement,
    Commitment,
    CommitmentLead,
    CommitmentStatus,
    FocalPoint,
    Meeting,
    MeetingParticipant,
    Partnership,
    PartnershipMember,
    Person,
    ProgressNote,
    Request,
    RequestStatus,
    StatusChange,
)

# Allowed status transitions of a commitment: one place for the rule.
TRANSITIONS: dict[str, set[str]] = {
    CommitmentStatus.PLANNED: {CommitmentStatus.IN_PROGRESS, CommitmentStatus.DONE,
                               CommitmentStatus.CANCELLED, CommitmentStatus.SUSPENDED},
    CommitmentStatus.IN_PROGRESS: {CommitmentStatus.DONE, CommitmentStatus.SUSPENDED,
                                   CommitmentStatus.CANCELLED, CommitmentStatus.PLANNED},
    CommitmentStatus.SUSPENDED: {CommitmentStatus.IN_PROGRESS, CommitmentStatus.CANCELLED,
                                 CommitmentStatus.PLANNED},
    CommitmentStatus.DONE: {CommitmentStatus.IN_PROGRESS},
    CommitmentStatus.CANCELLED: {CommitmentStatus.PLANNED},
}  # fmt: skip


def partnership_require_sides(partnership: Partnership | None, **localities: Any) -> None:
    """Raise ValidationError naming each field whose unit is not a side of `partnership`.

    A side counts with its predecessors and successors (a 2019 partnership of Hà Nam also
    has Ninh Bình 2025 as that side). Fields left empty are not checked.
    """
    if partnership is None:
        return
    side_ids = Locality.objects.family(m.locality_id for m in partnership.members.all())
    errors = {}
    for name, loc in localities.items():
        if loc is not None and getattr(loc, "pk", loc) not in side_ids:
            errors[name] = _("%(loc)s không phải là một bên của quan hệ hợp tác “%(p)s”.") % {
                "loc": loc,
                "p": partnership,
            }
    if errors:
        raise ValidationError(errors)


def partnership_find(localities: Sequence[Locality]) -> Partnership | None:
    """Return the partnership whose sides are exactly `localities`, or None."""
    ids = {loc.pk for loc in localities}
    candidates = Partnership.objects.filter(members__locality_id__in=ids).distinct()
    for p in candidates.prefetch_related("members"):
        if {m.locality_id for m in p.members.all()} == ids:
            return p
    return None


@transaction.atomic
def partnership_get_or_create(
    *, localities: Sequence[Locality], by, name: str = "", is_published: bool = True
) -> tuple[Partnership, bool]:
    """Return the partnership of these localities, creating it if needed, and whether new."""
    if len({loc.pk for loc in localities}) < 2:
        raise ValidationError({"localities": _("Quan hệ hợp tác cần ít nhất hai địa phương.")})
    found = partnership_find(localities)
    if found is not None:
        return found, False
    require_any(by, Role.EDITOR, localities)
    if not name:
        name = " – ".join(loc.name for loc in localities)
    p = record_create(Partnership, by=by, name=name, is_published=is_published)
    for loc in localities:
        record_create(PartnershipMember, by=by, partnership=p, locality=loc)
    return p, True


def partnership_update(partnership: Partnership, *, by, expected_version=None, **changes):
    pred.require(pred.may_write_partnership, by, partnership)
    return record_update(partnership, by=by, expected_version=expected_version, **changes)


def person_get_or_create(*, full_name: str, by) -> Person:
    """Return the person of that name (same spelling, accents folded), creating it if needed."""
    full_name = " ".join(full_name.split())
    if not full_name:
        raise ValidationError({"full_name": _("Hãy nhập họ và tên.")})
    key = unaccent(full_name)
    for person in Person.objects.filter(search_name=key):
        if person.full_name.lower() == full_name.lower():
            return person
    if not pred.may_create(by):
        raise PermissionDenied(_("Chỉ người biên tập mới thêm được cá nhân."))
    return record_create(Person, by=by, full_name=full_name, search_name=key)


def person_update(person: Person, *, by, expected_version=None, **changes: Any) -> Person:
    """Correct a person's name or notes; any editor may (people belong to no side)."""
    pred.require(pred.may_change_person, by, person)
    if "full_name" in changes:
        changes["full_name"] = " ".join(changes["full_name"].split())
        changes["search_name"] = unaccent(changes["full_name"])
    return record_update(person, by=by, expected_version=expected_version, **changes)


def agency_update(agency: Agency, *, by, expected_version=None, **changes: Any) -> Agency:
    """Rename an agency; its side's editors may (and it stays on that side)."""
    pred.require(pred.may_change_agency, by, agency)
    if "locality" in changes and changes["locality"] != agency.locality:
        require(by, Role.EDITOR, changes["locality"])
    if "name" in changes:
        changes["name"] = " ".join(changes["name"].split())
        changes["search_name"] = unaccent(changes["name"])
    return record_update(agency, by=by, expected_version=expected_version, **changes)


def agency_get_or_create(*, locality: Locality, name: str, by, short_name: str = "") -> Agency:
    name = " ".join(name.split())
    found = Agency.objects.filter(locality=locality, search_name=unaccent(name)).first()
    if found:
        return found
    require(by, Role.EDITOR, locality)
    return record_create(
        Agency, by=by, locality=locality, name=name, short_name=short_name,
        search_name=unaccent(name),
    )  # fmt: skip


def focal_point_set(
    *, partnership: Partnership, locality: Locality, by, agency: Agency | None = None,
    person: Person | None = None, person_title: str = "", role: str = "",
) -> FocalPoint:  # fmt: skip
    """Set the side's focal point (one per side and partnership)."""
    require(by, Role.EDITOR, locality)
    fp = FocalPoint.objects.filter(partnership=partnership, locality=locality).first()
    values: dict[str, Any] = {
        "agency": agency,
        "person": person,
        "person_title": person_title,
        "role": role,
    }
    if fp is None:
        return record_create(
            FocalPoint, by=by, partnership=partnership, locality=locality, **values
        )
    return record_update(fp, by=by, **values)


def meeting_create(*, partnership: Partnership, by, **values: Any) -> Meeting:
    pred.require(pred.may_write_partnership, by, partnership)
    _fill_date_parts(values)
    return record_create(Meeting, by=by, partnership=partnership, **values)


def meeting_update(meeting: Meeting, *, by, expected_version=None, **changes: Any) -> Meeting:
    pred.require(pred.may_change_in_partnership, by, meeting)
    _fill_date_parts(changes)
    return record_update(meeting, by=by, expected_version=expected_version, **changes)


def _fill_date_parts(values: dict[str, Any]) -> None:
    held_on = values.get("held_on")
    if isinstance(held_on, dt.date):
        values["held_month"], values["held_day"] = held_on.month, held_on.day


def participant_add(
    *, meeting: Meeting, person: Person, by, locality: Locality | None = None,
    titles: Sequence[str] = (), role: str = "attendee",
) -> MeetingParticipant:  # fmt: skip
    """Add a person to a meeting, or merge new titles into the existing participation."""
    pred.require(pred.may_change_in_partnership, by, meeting)
    found = MeetingParticipant.objects.filter(meeting=meeting, person=person).first()
    if found is None:
        return record_create(
            MeetingParticipant, by=by, meeting=meeting, person=person, locality=locality,
            titles=list(titles), role=role,
        )  # fmt: skip
    merged = list(found.titles) + [t for t in titles if t not in found.titles]
    if merged == found.titles and (found.locality_id or not locality):
        return found
    return record_update(found, by=by, titles=merged, locality=found.locality or locality)


@transaction.atomic
def agreement_create(
    *, partnership: Partnership, by, placeholders: int = 0, **values: Any
) -> Agreement:
    """Create an agreement and, when asked, its numbered placeholder commitments to fill in."""
    pred.require(pred.may_write_partnership, by, partnership)
    if placeholders and not values.get("agreed_count"):
        values["agreed_count"] = placeholders
    agreement = record_create(Agreement, by=by, partnership=partnership, **values)
    for n in range(1, placeholders + 1):
        record_create(Commitment, by=by, agreement=agreement, number=n, text="")
    return agreement


def agreement_update(agreement: Agreement, *, by, expected_version=None, **changes):
    pred.require(pred.may_change_in_partnership, by, agreement)
    return record_update(agreement, by=by, expected_version=expected_version, **changes)


def _require_commitment_side(user, commitment: Commitment) -> None:
    """The responsible side's editors may change a commitment; joint items: either side's."""
    pred.require(pred.may_change_commitment, user, commitment)


def commitment_create(*, agreement: Agreement, by, **values: Any) -> Commitment:
    pred.require(pred.may_write_partnership, by, agreement.partnership)
    partnership_require_sides(agreement.partnership, responsible=values.get("responsible"))
    if "number" not in values:
        last = agreement.commitments.order_by("-number").values_list("number", flat=True).first()
        values["number"] = (last or 0) + 1
    return record_create(Commitment, by=by, agreement=agreement, **values)


def commitment_update(commitment: Commitment, *, by, expected_version=None, **changes):
    """Edit a commitment's text, field, side or due date (status has its own function)."""
    if "status" in changes:
        raise ValueError("use commitment_set_status to change the status")
    _require_commitment_side(by, commitment)
    return record_update(commitment, by=by, expected_version=expected_version, **changes)


@transaction.atomic
def commitment_set_status(
    *, commitment: Commitment, new: str, by, note: str = "", expected_version=None
) -> StatusChange:
    """Change the status if the transition is allowed, keeping a row for the change."""
    _require_commitment_side(by, commitment)
    old = commitment.status
    if new not in CommitmentStatus.values:
        raise ValidationError({"status": _("Trạng thái không hợp lệ: %(v)s") % {"v": new}})
    if new == old:
        raise ValidationError({"status": _("Nội dung đã ở trạng thái này.")})
    if new not in TRANSITIONS[old]:
        raise ValidationError(
            {
                "status": _("Không thể chuyển từ “%(old)s” sang “%(new)s”.")
                % {"old": CommitmentStatus(old).label, "new": CommitmentStatus(new).label}
            }
        )
    record_update(commitment, by=by, expected_version=expected_version, status=new)
    return StatusChange.objects.create(
        commitment=commitment, old=old, new=new, note=note.strip(), changed_at=timezone.now(),
        changed_by=by if by and by.is_authenticated else None,
    )  # fmt: skip


def commitment_set_lead(
    *, commitment: Commitment, locality: Locality, agency: Agency, by
) -> CommitmentLead:
    """Set the agency that leads a commitment for `locality`'s side: only that side may."""
    require(by, Role.EDITOR, locality)
    if agency.locality_id != locality.pk:
        raise ValidationError(
            {"agency": _("Cơ quan phải thuộc bên %(side)s.") % {"side": locality}}
        )
    lead = CommitmentLead.objects.filter(commitment=commitment, locality=locality).first()
    if lead is None:
        return record_create(
            CommitmentLead, by=by, commitment=commitment, locality=locality, agency=agency
        )
    return record_update(lead, by=by, agency=agency)


def commitment_add_note(
    *, commitment: Commitment, locality: Locality, text: str, by, **values: Any
) -> ProgressNote:
    """Record progress for one side: only that side's editors may."""
    require(by, Role.EDITOR, locality)
    if not text.strip():
        raise ValidationError({"text": _("Hãy nhập nội dung tiến độ.")})
    return record_create(
        ProgressNote, by=by, commitment=commitment, locality=locality, text=text.strip(), **values
    )


def request_create(*, partnership: Partnership, from_locality: Locality, by, **values) -> Request:
    """Record what one side asks; the asking side's editors may; both must be sides."""
    pred.require(pred.may_write_partnership, by, partnership)
    partnership_require_sides(
        partnership, from_locality=from_locality, to_locality=values.get("to_locality")
    )
    require(by, Role.EDITOR, from_locality)
    return record_create(
        Request, by=by, partnership=partnership, from_locality=from_locality, **values
    )


def request_answer(
    *, request: Request, by, answer: str, status: str = RequestStatus.ANSWERED,
    answered_on: dt.date | None = None, expected_version=None,
) -> Request:  # fmt: skip
    """Record the answer; the side that was asked answers."""
    pred.require(pred.may_answer_request, by, request)
    if status not in RequestStatus.values:
        raise ValidationError({"status": _("Trạng thái không hợp lệ: %(v)s") % {"v": status}})
    return record_update(
        request, by=by, expected_version=expected_version, answer=answer.strip(),
        status=status, answered_on=answered_on or timezone.localdate(),
    )  # fmt: skip


def record_remove(obj, *, by, partnership: Partnership):
    """Soft-delete a record of a partnership; any side's editor may."""
    pred.require(pred.may_write_partnership, by, partnership)
    return record_delete(obj, by=by)
