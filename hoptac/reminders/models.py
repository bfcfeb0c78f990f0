"""Follow-up and reminders: who is written to, in which language, and what was sent.

A focal point's leader is a Person (partnerships), who has no e-mail address there; the
address and the language of the reminders live here, beside the record of what was sent.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hoptac.lib.models import TrackedModel


class PersonContact(TrackedModel):
    """How to reach a person (a focal point's leader) with reminders."""

    person = models.OneToOneField(
        "partnerships.Person", models.CASCADE, related_name="contact", verbose_name=_("cá nhân")
    )
    email = models.EmailField(_("thư điện tử"), blank=True)
    language = models.CharField(
        _("ngôn ngữ thư nhắc"), max_length=10, choices=settings.LANGUAGES, default="vi"
    )

    class Meta:
        verbose_name = _("liên hệ")
        verbose_name_plural = _("liên hệ")

    def __str__(self) -> str:
        return f"{self.person}: {self.email or '—'}"


class UserPreference(TrackedModel):
    """A user's choices for the reminders: the language of the digest."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, models.CASCADE, related_name="reminder_preference",
        verbose_name=_("người dùng"),
    )  # fmt: skip
    language = models.CharField(
        _("ngôn ngữ thư nhắc"), max_length=10, choices=settings.LANGUAGES, default="vi"
    )

    class Meta:
        verbose_name = _("tùy chọn nhắc việc")
        verbose_name_plural = _("tùy chọn nhắc việc")

    def __str__(self) -> str:
        return f"{self.user}: {self.language}"


class ReminderKind(models.TextChoices):
    OVERDUE = "overdue", _("Quá hạn")
    DUE_SOON = "due_soon", _("Đến hạn trong 30 ngày")
    STALE = "stale", _("Chưa cập nhật")


class ReminderSent(models.Model):
    """One commitment named in one digest to one address on one day.

    A second run of `hoptac remind` on the same day leaves out what these rows already name.
    """

    to = models.EmailField(_("gửi tới"), db_index=True)
    sent_on = models.DateField(_("ngày nhắc"), db_index=True)
    commitment = models.ForeignKey(
        "partnerships.Commitment", models.CASCADE, related_name="+",
        verbose_name=_("nội dung cam kết"),
    )  # fmt: skip
    kind = models.CharField(_("loại nhắc"), max_length=10, choices=ReminderKind.choices)
    sent_at = models.DateTimeField(_("gửi lúc"), default=timezone.now)

    class Meta:
        verbose_name = _("thư nhắc đã gửi")
        verbose_name_plural = _("thư nhắc đã gửi")
        constraints = [
            models.UniqueConstraint(
                fields=["to", "sent_on", "commitment", "kind"], name="reminder_once_a_day"
            )
        ]

    def __str__(self) -> str:
        return f"{self.sent_on} {self.to}: {self.commitment_id} ({self.kind})"


class FieldChange(models.Model):
    """One row per change of a commitment's due date or lead agency made in follow-up: old,
    new, when, who and the note (status changes have their own rows, StatusChange)."""

    commitment = models.ForeignKey(
        "partnerships.Commitment", models.CASCADE, related_name="field_changes",
        verbose_name=_("nội dung cam kết"),
    )  # fmt: skip
    field = models.CharField(_("trường"), max_length=20)  # "due_on" or "lead:<locality id>"
    label = models.CharField(_("thay đổi"), max_length=255)  # "Hạn", "Cơ quan chủ trì (Hà Nội)"
    old = models.CharField(_("từ"), max_length=500, blank=True)
    new = models.CharField(_("sang"), max_length=500, blank=True)
    note = models.TextField(_("ghi chú"), blank=True)
    changed_at = models.DateTimeField(_("lúc"), default=timezone.now)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("thay đổi nội dung cam kết")
        verbose_name_plural = _("lịch sử thay đổi nội dung cam kết")
        ordering = ["-changed_at", "-id"]

    def __str__(self) -> str:
        return f"{self.label}: {self.old or '∅'} → {self.new}"
