"""Writes of the follow-up: sending the day's reminder digests and recording what was sent,
the contacts and preferences they go by."""

from __future__ import annotations

import datetime as dt
import smtplib
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from hoptac.lib.services import record_create, record_update
from hoptac.partnerships.models import Person
from hoptac.reminders.digests import Digest, Tasks, digests
from hoptac.reminders.models import PersonContact, ReminderSent, UserPreference


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
