"""Writes of the follow-up: sending the day's reminder digests and recording what was sent,
the contacts and preferences they go by."""

from __future__ import annotations

import datetime as dt
import hashlib
import smtplib
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from hoptac.accounts.models import Role
from hoptac.accounts.permissions import require
from hoptac.documents.models import Document
from hoptac.lib.services import record_create, record_update
from hoptac.partnerships.models import Agency, Commitment, Person, ProgressNote
from hoptac.partnerships.services import (
    commitment_add_note,
    commitment_set_lead,
    commitment_set_status,
    commitment_update,
)
from hoptac.reminders.digests import Digest, Tasks, digests
from hoptac.reminders.models import FieldChange, PersonContact, ReminderSent, UserPreference


@dataclass
class RemindResult:
    sent: list[Digest] = field(default_factory=list)
    failed: list[tuple[Digest, str]] = field(default_factory=list)


def _not_yet_sent(digest: Digest, today: dt.date) -> Digest:
    """Return the digest without what was already sent to its address today."""
    done = set(
        ReminderSent.objects.filter(to=digest.to, sent_on=today).values_list(
            "commitment_id", "kind"
        )
    )
    left = Tasks()
    for kind, c in digest.tasks.items():
        if (c.pk, kind) not in done:
            left.add(c, kind)
    return Digest(digest.to, digest.name, digest.language, left, digest.user_id)


def reminders_pending(today: dt.date) -> list[Digest]:
    """Return the digests of `today` that still have something to say."""
    return [d for d in (_not_yet_sent(d, today) for d in digests(today)) if d.tasks]


def reminders_send(*, today: dt.date, dry_run: bool = False) -> RemindResult:
    """Send each person concerned one digest of what they have not yet been sent today.

    With `dry_run` nothing is sent or recorded. A digest the mail server refuses is reported
    in `failed` and not recorded, so the next run tries it again.
    """
    result = RemindResult()
    pending = reminders_pending(today)
    if dry_run or not pending:
        result.sent = pending
        return result
    connection = get_connection()
    try:
        connection.open()
    except (smtplib.SMTPException, OSError) as exc:
        result.failed = [(d, str(exc) or type(exc).__name__) for d in pending]
        return result
    with connection:
        for digest in pending:
            message = digest_message(digest, today=today, connection=connection)
            try:
                message.send()
            except (smtplib.SMTPException, OSError) as exc:
                result.failed.append((digest, str(exc) or type(exc).__name__))
                continue
            with transaction.atomic():
                ReminderSent.objects.bulk_create(
                    [ReminderSent(to=digest.to, sent_on=today, commitment=c, kind=kind)
                     for kind, c in digest.tasks.items()],
                    ignore_conflicts=True,
                )  # fmt: skip
            result.sent.append(digest)
    return result


def _link(path: str) -> str:
    return settings.HOPTAC_SITE_URL + path


def digest_message(digest: Digest, *, today: dt.date, connection=None) -> EmailMultiAlternatives:
    """Return the digest as an e-mail (text and HTML) in the recipient's language."""
    with translation.override(digest.language):
        t = digest.tasks
        sections = []
        for kind, title in (
            ("overdue", _("Quá hạn")),
            ("due_soon", _("Đến hạn trong 30 ngày")),
            ("stale", _("Chưa cập nhật")),
        ):
            rows = [
                {"c": c, "url": _link(reverse("web:commitment", args=[c.pk])),
                 "stale": c.stale_days(today)}
                for c in getattr(t, kind)
            ]  # fmt: skip
            if rows:
                sections.append({"kind": kind, "title": title, "rows": rows})
        parts = []
        if t.overdue:
            parts.append(
                ngettext("%(n)d quá hạn", "%(n)d quá hạn", len(t.overdue)) % {"n": len(t.overdue)}
            )
        if t.due_soon:
            parts.append(
                ngettext("%(n)d sắp đến hạn", "%(n)d sắp đến hạn", len(t.due_soon))
                % {"n": len(t.due_soon)}
            )
        if t.stale:
            parts.append(
                ngettext("%(n)d chưa cập nhật", "%(n)d chưa cập nhật", len(t.stale))
                % {"n": len(t.stale)}
            )
        subject = _("[hoptac] Nội dung cam kết cần đôn đốc: %(what)s") % {"what": ", ".join(parts)}
        context = {
            "digest": digest, "sections": sections, "today": today,
            "tasks_url": _link(reverse("reminders:my_tasks")), "language": digest.language,
        }  # fmt: skip
        text = render_to_string("reminders/digest.txt", context)
        html = render_to_string("reminders/digest.html", context)
    message = EmailMultiAlternatives(
        subject=subject, body=text, to=[digest.to], connection=connection,
        headers={"Content-Language": digest.language},
    )  # fmt: skip
    message.attach_alternative(html, "text/html")
    return message


def contact_set(*, person: Person, by, email: str, language: str = "vi") -> PersonContact | None:
    """Set how a person is reached with reminders; the caller checks the permission."""
    found = PersonContact.objects.filter(person=person).first()
    if found is None:
        if not email:
            return None
        return record_create(PersonContact, by=by, person=person, email=email, language=language)
    if (found.email, found.language) == (email, language):
        return found
    return record_update(found, by=by, email=email, language=language)


def preference_set(*, user, language: str) -> UserPreference:
    """Set the language of `user`'s reminders (each user sets their own)."""
    found = UserPreference.objects.filter(user=user).first()
    if found is None:
        return record_create(UserPreference, by=user, user=user, language=language)
    return record_update(found, by=user, language=language)


def _note_text(note: str) -> str:
    return " ".join(note.split())[:2000]


@transaction.atomic
def commitment_set_due(*, commitment: Commitment, due_on: dt.date | None, by, note: str = ""):
    """Change the due date (the service checks the side), keeping a row with the note."""
    old = commitment.due_on
    if old == due_on:
        return None
    commitment_update(commitment, by=by, due_on=due_on)
    return FieldChange.objects.create(
        commitment=commitment, field="due_on", label=_("Hạn"), old=_day(old), new=_day(due_on),
        note=_note_text(note), changed_by=by if by and by.is_authenticated else None,
    )  # fmt: skip


@transaction.atomic
def commitment_change_lead(*, commitment: Commitment, agency: Agency, by, note: str = ""):
    """Name `agency` as the lead of its side for `commitment`, keeping a row with the note."""
    if agency.locality_id not in {
        m.locality_id for m in commitment.agreement.partnership.members.all()
    }:
        raise ValidationError(
            {
                "agency": _("Cơ quan %(a)s không thuộc bên nào của quan hệ hợp tác này.")
                % {"a": agency}
            }
        )
    old = commitment.leads.filter(locality_id=agency.locality_id).select_related("agency").first()
    if old is not None and old.agency_id == agency.pk:
        return None
    commitment_set_lead(commitment=commitment, locality=agency.locality, agency=agency, by=by)
    return FieldChange.objects.create(
        commitment=commitment, field=f"lead:{agency.locality_id}",
        label=_("Cơ quan chủ trì (%(side)s)") % {"side": agency.locality.name},
        old=old.agency.name if old else "", new=agency.name, note=_note_text(note),
        changed_by=by if by and by.is_authenticated else None,
    )  # fmt: skip


def _day(d: dt.date | None) -> str:
    return d.strftime("%d/%m/%Y") if d else ""


@dataclass
class BulkResult:
    changed: int = 0
    errors: list[str] = field(default_factory=list)


def commitments_bulk_update(
    *, commitments: list[Commitment], by, note: str = "", status: str = "",
    due_on: dt.date | None = None, agency: Agency | None = None,
) -> BulkResult:  # fmt: skip
    """Apply the same status, due date and/or lead to several commitments, each change its
    own history row with `note`. All or nothing: one refusal changes none, and every refusal
    is returned naming the item ("3. Xây dựng …: …")."""
    result = BulkResult()
    if not (status or due_on or agency):
        result.errors.append(_("Hãy chọn trạng thái, hạn mới hoặc cơ quan chủ trì."))
        return result
    if not commitments:
        result.errors.append(_("Hãy chọn ít nhất một nội dung cam kết."))
        return result
    with transaction.atomic():
        for c in commitments:
            try:
                with transaction.atomic():
                    if status and status != c.status:
                        commitment_set_status(commitment=c, new=status, by=by, note=note)
                    if due_on and c.due_on != due_on:
                        commitment_set_due(commitment=c, due_on=due_on, by=by, note=note)
                    if agency is not None:
                        commitment_change_lead(commitment=c, agency=agency, by=by, note=note)
                result.changed += 1
            except (ValidationError, PermissionDenied) as exc:
                reason = " ".join(getattr(exc, "messages", None) or [str(exc)])
                label = f"{c.number}. {(c.text or _('(chưa ghi nội dung)'))[:60]}"
                result.errors.append(f"{label}: {reason}")
        if result.errors:
            transaction.set_rollback(True)
            result.changed = 0
    return result


EVIDENCE_MAX_BYTES = 20 * 1024 * 1024


def evidence_store(*, data: bytes, filename: str, media_type: str, by) -> Document:
    """Keep an evidence file as a Document (the same bytes are kept once); not extracted, so
    it never enters the review queue."""
    limit = min(settings.HOPTAC_MAX_DOCUMENT_BYTES, EVIDENCE_MAX_BYTES)
    if not data:
        raise ValidationError({"evidence_file": _("Tệp minh chứng rỗng.")})
    if len(data) > limit:
        raise ValidationError(
            {
                "evidence_file": _("Tệp minh chứng quá lớn: giới hạn %(mb)s MB.")
                % {"mb": limit // 2**20}
            }
        )
    sha = hashlib.sha256(data).hexdigest()
    found = Document.all_objects.filter(sha256=sha).first()
    if found is not None:
        return found
    name = (filename or "minh-chung").replace("\\", "/").rsplit("/", 1)[-1][:255]
    return record_create(
        Document, by=by, sha256=sha, original=data, size=len(data), filename=name,
        media_type=(media_type or "application/octet-stream")[:100], title=name[:500],
    )  # fmt: skip


@transaction.atomic
def progress_note_add(
    *, commitment: Commitment, locality, text: str, by, noted_on: dt.date | None = None,
    evidence_url: str = "", evidence: tuple[bytes, str, str] | None = None,
) -> ProgressNote:  # fmt: skip
    """Record a side's progress with an evidence link or file (bytes, filename, media type)."""
    if locality.pk not in {m.locality_id for m in commitment.agreement.partnership.members.all()}:
        raise ValidationError({"locality": _("Hãy chọn một bên của quan hệ hợp tác.")})
    values: dict = {"evidence_url": evidence_url.strip()}
    if noted_on:
        values["noted_on"] = noted_on
    require(by, Role.EDITOR, locality)  # before any evidence is stored
    if evidence is not None:
        data, filename, media_type = evidence
        values["evidence_document"] = evidence_store(
            data=data, filename=filename, media_type=media_type, by=by
        )
    return commitment_add_note(commitment=commitment, locality=locality, text=text, by=by, **values)
