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
    AgreementSignatory,
    Commitment,
    CommitmentLead,
    CommitmentPartner,
    CommitmentStatus,
    FocalPoint,
    Meeting,
    MeetingParticipant,
    ParticipantRole,
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
# A change to one of these closes or halts the item: say why, so the record explains itself.
NOTE_REQUIRED = {CommitmentStatus.DONE, CommitmentStatus.SUSPENDED, CommitmentStatus.CANCELLED}


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
    *, localities: Sequence[Locality], by, name: str = "", is_published: bool = False
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


def partnership_set_published(
    partnership: Partnership, *, by, published: bool, expected_version: int | None = None
) -> Partnership:
    """Publish a partnership (anonymous visitors then see its records and report) or withdraw
    it; an editor of one of its sides decides, and the history says who did and when."""
    pred.require(pred.may_write_partnership, by, partnership)
    partnership._change_reason = "publish" if published else "unpublish"  # type: ignore[attr-defined]
    return record_update(
        partnership, by=by, expected_version=expected_version, is_published=published
    )


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


def meeting_create(
    *, partnership: Partnership, by, confirm_far_dates: bool = False, **values: Any
) -> Meeting:
    pred.require(pred.may_write_partnership, by, partnership)
    _fill_date_parts(values)
    return record_create(
        Meeting, by=by, partnership=partnership, confirm_far_dates=confirm_far_dates, **values
    )


def meeting_update(
    meeting: Meeting, *, by, expected_version=None, confirm_far_dates: bool = False,
    **changes: Any,
) -> Meeting:  # fmt: skip
    pred.require(pred.may_write_partnership, by, meeting.partnership)
    _fill_date_parts(changes)
    return record_update(
        meeting, by=by, expected_version=expected_version, confirm_far_dates=confirm_far_dates,
        **changes,
    )  # fmt: skip


def _fill_date_parts(values: dict[str, Any]) -> None:
    held_on = values.get("held_on")
    if isinstance(held_on, dt.date):
        values["held_month"], values["held_day"] = held_on.month, held_on.day


def _check_role(role: str) -> None:
    if role not in ParticipantRole.values:
        raise ValidationError({"role": _("Vai trò không hợp lệ: %(v)s") % {"v": role}})


def _check_side(partnership: Partnership, locality: Locality | None, field: str) -> None:
    """Refuse a side that is not one of the partnership's (its predecessors/successors count)."""
    if locality is None:
        return
    from hoptac.accounts.permissions import _family

    ids = _family([m.locality_id for m in partnership.members.all()])
    if locality.pk not in ids:
        raise ValidationError(
            {field: _("%(loc)s không phải một bên của quan hệ hợp tác này.") % {"loc": locality}}
        )


def participant_add(
    *, meeting: Meeting, person: Person, by, locality: Locality | None = None,
    titles: Sequence[str] = (), role: str = "",
) -> MeetingParticipant:  # fmt: skip
    """Add a person to a meeting, or merge new titles into the existing participation.

    An empty `role` means "dự" for a new participant and leaves an existing one's role alone;
    a more telling role (chủ trì, đồng chủ trì...) replaces "dự".
    """
    pred.require(pred.may_write_partnership, by, meeting.partnership)
    if role:
        _check_role(role)
    titles = [" ".join(t.split()) for t in titles if t and t.strip()]
    found = MeetingParticipant.objects.filter(meeting=meeting, person=person).first()
    if found is None:
        last = meeting.participants.order_by("-position").values_list("position", flat=True)
        return record_create(
            MeetingParticipant, by=by, meeting=meeting, person=person, locality=locality,
            titles=list(titles), role=role or ParticipantRole.ATTENDEE,
            position=(last.first() or 0) + 1,
        )  # fmt: skip
    merged = list(found.titles) + [t for t in titles if t not in found.titles]
    new_role = found.role
    if role and role != found.role and found.role == ParticipantRole.ATTENDEE:
        new_role = role
    if merged == found.titles and (found.locality_id or not locality) and new_role == found.role:
        return found
    return record_update(
        found, by=by, titles=merged, locality=found.locality or locality, role=new_role
    )


def participant_update(
    participant: MeetingParticipant, *, by, expected_version=None, **changes: Any
) -> MeetingParticipant:
    """Correct a participant's side, titles or role (any side's editor of the meeting)."""
    pred.require(pred.may_write_partnership, by, participant.meeting.partnership)
    if "role" in changes:
        _check_role(changes["role"])
    if "titles" in changes:
        changes["titles"] = [" ".join(t.split()) for t in changes["titles"] if t.strip()]
    return record_update(participant, by=by, expected_version=expected_version, **changes)


def participant_remove(participant: MeetingParticipant, *, by) -> MeetingParticipant:
    pred.require(pred.may_write_partnership, by, participant.meeting.partnership)
    return record_delete(participant, by=by)


@transaction.atomic
def participant_move(participant: MeetingParticipant, *, by, step: int) -> None:
    """Move a participant up (step -1) or down (+1) in the meeting's list."""
    pred.require(pred.may_write_partnership, by, participant.meeting.partnership)
    rows = list(participant.meeting.participants.order_by("position", "id"))
    i = next(k for k, r in enumerate(rows) if r.pk == participant.pk)
    j = i + step
    if not 0 <= j < len(rows):
        return
    rows[i], rows[j] = rows[j], rows[i]
    for pos, row in enumerate(rows, start=1):
        if row.position != pos:
            record_update(row, by=by, position=pos)


@transaction.atomic
def agreement_create(
    *, partnership: Partnership, by, placeholders: int = 0, signed_file=None, **values: Any
) -> Agreement:
    """Create an agreement and, when asked, its numbered placeholder commitments to fill in.

    `signed_file` (an uploaded file) is stored with the record under MEDIA_ROOT.
    """
    pred.require(pred.may_write_partnership, by, partnership)
    if values.get("meeting") is not None and values["meeting"].partnership_id != partnership.pk:
        raise ValidationError({"meeting": _("Cuộc họp thuộc một quan hệ hợp tác khác.")})
    if placeholders and not values.get("agreed_count"):
        values["agreed_count"] = placeholders
    values["number"] = " ".join(str(values.get("number") or "").split())
    agreement = record_create(Agreement, by=by, partnership=partnership, **values)
    placeholders_add(agreement, by=by, count=placeholders)
    if signed_file is not None:
        agreement_attach_file(agreement, by=by, upload=signed_file)
    return agreement


def placeholders_add(agreement: Agreement, *, by, count: int) -> int:
    """Add empty numbered items until the agreement has `count` top-level items; return how many."""
    have = agreement.commitments.filter(parent__isnull=True).count()
    last = (
        agreement.commitments.filter(parent__isnull=True)
        .order_by("-number").values_list("number", flat=True).first() or 0
    )  # fmt: skip
    added = 0
    for n in range(last + 1, last + 1 + max(0, count - have)):
        record_create(Commitment, by=by, agreement=agreement, number=n, text="")
        added += 1
    return added


def agreement_update(
    agreement: Agreement, *, by, expected_version=None, signed_file=None, **changes
) -> Agreement:
    pred.require(pred.may_write_partnership, by, agreement.partnership)
    if "number" in changes:
        changes["number"] = " ".join(str(changes["number"] or "").split())
    with transaction.atomic():
        agreement = record_update(agreement, by=by, expected_version=expected_version, **changes)
        if signed_file is not None:
            agreement_attach_file(agreement, by=by, upload=signed_file)
    return agreement


ALLOWED_SIGNED_FILES = (".pdf", ".docx", ".doc", ".odt", ".jpg", ".jpeg", ".png")


def agreement_attach_file(agreement: Agreement, *, by, upload) -> Agreement:
    """Store the signed file with the agreement (replacing an earlier one in the record)."""
    from django.conf import settings

    pred.require(pred.may_write_partnership, by, agreement.partnership)
    name = str(getattr(upload, "name", "") or "")
    if not name.lower().endswith(ALLOWED_SIGNED_FILES):
        raise ValidationError(
            {"signed_file": _("Tệp văn bản đã ký phải là PDF, Word, ODT hoặc ảnh (JPG, PNG).")}
        )
    if upload.size > settings.HOPTAC_MAX_DOCUMENT_BYTES:
        raise ValidationError({"signed_file": _("Tệp văn bản đã ký quá lớn.")})
    from django.utils.text import get_valid_filename

    agreement.signed_file.save(get_valid_filename(name.rsplit("/", 1)[-1]), upload, save=False)
    return record_update(agreement, by=by, signed_file_name=name.rsplit("/", 1)[-1][:255])


def signatory_add(
    *, agreement: Agreement, person: Person, locality: Locality, by, title: str = ""
) -> AgreementSignatory:
    """Name who signed for a side; that side's editors (or any of the partnership's) may."""
    pred.require(pred.may_write_partnership, by, agreement.partnership)
    _check_side(agreement.partnership, locality, "locality")
    found = AgreementSignatory.objects.filter(agreement=agreement, person=person).first()
    if found is not None:
        return record_update(found, by=by, locality=locality, title=" ".join(title.split()))
    return record_create(
        AgreementSignatory, by=by, agreement=agreement, person=person, locality=locality,
        title=" ".join(title.split()),
    )  # fmt: skip


def signatory_remove(signatory: AgreementSignatory, *, by) -> AgreementSignatory:
    pred.require(pred.may_write_partnership, by, signatory.agreement.partnership)
    return record_delete(signatory, by=by)


def _require_commitment_side(user, commitment: Commitment) -> None:
    """The responsible side's editors may change a commitment; joint items: either side's."""
    pred.require(pred.may_change_commitment, user, commitment)


def _siblings(agreement: Agreement, parent: Commitment | None):
    qs = agreement.commitments.all()
    return qs.filter(parent=parent) if parent is not None else qs.filter(parent__isnull=True)


def commitment_create(
    *, agreement: Agreement, by, parent: Commitment | None = None, **values: Any
) -> Commitment:
    """Add an item at the end of the agreement's list (or of `parent`'s sub-items)."""
    pred.require(pred.may_write_partnership, by, agreement.partnership)
    if "number" not in values:
        last = _siblings(agreement, parent).order_by("-number").values_list("number", flat=True)
        values["number"] = (last.first() or 0) + 1
    if values.get("responsible") is not None:
        _check_side(agreement.partnership, values["responsible"], "responsible")
    return record_create(Commitment, by=by, agreement=agreement, parent=parent, **values)


@transaction.atomic
def commitment_move(commitment: Commitment, *, by, step: int) -> None:
    """Move an item up (-1) or down (+1) among its siblings, renumbering them 1, 2, 3..."""
    pred.require(pred.may_write_partnership, by, commitment.agreement.partnership)
    rows = list(_siblings(commitment.agreement, commitment.parent).order_by("number", "id"))
    i = next(k for k, r in enumerate(rows) if r.pk == commitment.pk)
    j = i + step
    if not 0 <= j < len(rows):
        return
    rows[i], rows[j] = rows[j], rows[i]
    _renumber(rows, by=by)


def _renumber(rows: list[Commitment], *, by) -> None:
    """Number `rows` 1..n; a first pass out of the way keeps the unique constraint happy."""
    changed = [(pos, row) for pos, row in enumerate(rows, start=1) if row.number != pos]
    for pos, row in changed:
        Commitment.all_objects.filter(pk=row.pk).update(number=1000 + pos)
    for pos, row in changed:
        row.number = 1000 + pos
        record_update(row, by=by, number=pos)


@transaction.atomic
def commitment_remove(commitment: Commitment, *, by) -> Commitment:
    """Soft-delete an item with its sub-items; the items after it move up one number."""
    pred.require(pred.may_write_partnership, by, commitment.agreement.partnership)
    for child in commitment.children.all():
        record_delete(child, by=by)
    record_delete(commitment, by=by)
    _renumber(
        list(_siblings(commitment.agreement, commitment.parent).order_by("number", "id")), by=by
    )
    return commitment


@transaction.atomic
def commitment_set_partners(*, commitment: Commitment, agencies: Sequence[Agency], by) -> None:
    """Make `agencies` the commitment's partner agencies (cơ quan phối hợp)."""
    _require_commitment_side(by, commitment)
    for agency in agencies:
        _check_side(commitment.agreement.partnership, agency.locality, "partners")
    wanted = {a.pk for a in agencies}
    for row in commitment.partners.all():
        if row.agency_id not in wanted:
            record_delete(row, by=by)
    have = set(commitment.partners.values_list("agency_id", flat=True))
    for agency in agencies:
        if agency.pk not in have:
            record_create(CommitmentPartner, by=by, commitment=commitment, agency=agency)


def commitment_update(commitment: Commitment, *, by, expected_version=None, **changes):
    """Edit a commitment's text, field, side or due date (status has its own function)."""
    if "status" in changes:
        raise ValueError("use commitment_set_status to change the status")
    _require_commitment_side(by, commitment)
    if changes.get("responsible") is not None:
        _check_side(commitment.agreement.partnership, changes["responsible"], "responsible")
    if "responsible" in changes and changes["responsible"] != commitment.responsible:
        # Moving an item to a side is a change of that side as well.
        if changes["responsible"] is not None:
            require(by, Role.EDITOR, changes["responsible"])
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
    if new in NOTE_REQUIRED and not note.strip():
        raise ValidationError(
            {
                "note": _("Hãy ghi chú lý do khi chuyển sang “%(new)s”.")
                % {"new": CommitmentStatus(new).label}
            }
        )
    record_update(commitment, by=by, expected_version=expected_version, status=new)
    return StatusChange.objects.create(
        commitment=commitment, old=old, new=new, note=note.strip(), changed_at=timezone.now(),
        changed_by=by if by and by.is_authenticated else None,
    )  # fmt: skip


def commitment_set_lead(
    *, commitment: Commitment, locality: Locality, agency: Agency | None, by
) -> CommitmentLead | None:
    """Set (or, with no agency, clear) the agency that leads a commitment for `locality`'s
    side: only that side may."""
    require(by, Role.EDITOR, locality)
    _check_side(commitment.agreement.partnership, locality, "locality")
    lead = CommitmentLead.objects.filter(commitment=commitment, locality=locality).first()
    if agency is None:
        return record_delete(lead, by=by) if lead is not None else None
    if agency.locality_id != locality.pk:
        raise ValidationError(
            {"agency": _("Cơ quan phải thuộc bên %(side)s.") % {"side": locality}}
        )
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


def _item_parent_key(number: str | None, last_top: str | None) -> tuple[str | None, str | None]:
    """Return (parent's number or None, own number) for an item number as printed.

    "2.3" is a sub-item of 2; a letter ("a") is a sub-item of the item before it; "1", "II"
    and unnumbered items are top-level.
    """
    n = (number or "").strip().rstrip(".)")
    if "." in n:
        head, _dot, tail = n.partition(".")
        return head, tail
    if len(n) == 1 and n.isalpha() and n.islower() and last_top is not None:
        return last_top, n
    return None, n or None


@transaction.atomic
def agreement_items_apply(
    *, agreement: Agreement, items: Sequence[dict], by, locality_of
) -> tuple[int, int]:
    """Make extracted items the agreement's numbered commitments; return (created, filled).

    `items` follow the extraction contract (number, text, field, leads, partners, due);
    `locality_of(name)` returns the side a name means, or None. Empty placeholders (made from
    an agreed count) are filled first, in order; an item already there (same number and
    text) is left alone, so accepting twice adds nothing.
    """
    from hoptac.lib.dates import schema_due
    from hoptac.lib.fields import fields as field_list
    from hoptac.lib.text import fold

    codes = {f["code"] for f in field_list()}
    tops: dict[str, Commitment] = {}
    last_top: str | None = None
    created = filled = 0
    placeholders = list(
        agreement.commitments.filter(parent__isnull=True, text="").order_by("number")
    )
    existing = {
        (c.parent.number if c.parent_id and c.parent else None, fold(c.text)): c
        for c in agreement.commitments.select_related("parent").exclude(text="")
    }
    for item in items:
        text = " ".join(str(item.get("text") or "").split())
        if not text:
            continue
        parent_no, own = _item_parent_key(item.get("number"), last_top)
        parent = tops.get(parent_no) if parent_no else None
        due = schema_due(item.get("due"))
        values: dict[str, Any] = {
            "text": text,
            "field": item.get("field") if item.get("field") in codes else "",
            "due_on": due[0] if due else None,
            "due_precision": due[1] if due else "day",
        }
        key = (parent.number if parent else None, fold(text))
        commitment = existing.get(key)
        if commitment is None and parent is None and placeholders:
            commitment = placeholders.pop(0)
            commitment = record_update(commitment, by=by, **values)
            filled += 1
        elif commitment is None:
            commitment = commitment_create(agreement=agreement, by=by, parent=parent, **values)
            created += 1
        if parent is None:
            last_top = own or str(commitment.number)
            tops[last_top] = commitment
        _apply_item_agencies(commitment, item, by=by, locality_of=locality_of)
    return created, filled


def _apply_item_agencies(commitment: Commitment, item: dict, *, by, locality_of) -> None:
    """Set the leads (one per side; a second of the same side partners) and partners."""
    partners: list[Agency] = []
    seen: set[int] = set()
    for lead in item.get("leads") or []:
        loc = locality_of(lead.get("locality"))
        name = " ".join(str(lead.get("agency") or "").split())
        if loc is None or not name:
            continue  # a central body, or no side named: the reviewer adds it by hand
        agency = agency_get_or_create(locality=loc, name=name, by=by)
        if loc.pk in seen:
            partners.append(agency)
            continue
        seen.add(loc.pk)
        commitment_set_lead(commitment=commitment, locality=loc, agency=agency, by=by)
    for partner in item.get("partners") or []:
        loc = locality_of(partner.get("locality"))
        name = " ".join(str(partner.get("agency") or "").split())
        if loc is not None and name:
            partners.append(agency_get_or_create(locality=loc, name=name, by=by))
    if partners:
        have = list(Agency.objects.filter(partnered_commitments__commitment=commitment,
                                          partnered_commitments__deleted_at__isnull=True))  # fmt: skip
        commitment_set_partners(
            commitment=commitment, agencies=list({a.pk: a for a in have + partners}.values()),
            by=by,
        )  # fmt: skip
