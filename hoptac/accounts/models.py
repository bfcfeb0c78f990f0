"""Who may do what: a user belongs to localities with a role; API tokens for writes."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from hoptac.lib.models import TrackedModel


class Role(models.TextChoices):
    VIEWER = "viewer", _("Xem")
    EDITOR = "editor", _("Biên tập")
    REVIEWER = "reviewer", _("Duyệt")
    ADMIN = "admin", _("Quản trị")


# Each role can do everything the roles before it can.
ROLE_RANK = {Role.VIEWER: 0, Role.EDITOR: 1, Role.REVIEWER: 2, Role.ADMIN: 3}


class Membership(TrackedModel):
    """A user's role for one locality (its side in every partnership of that locality)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.CASCADE, related_name="memberships",
        verbose_name=_("người dùng"),
    )  # fmt: skip
    locality = models.ForeignKey(
        "localities.Locality", models.PROTECT, related_name="memberships",
        verbose_name=_("địa phương"),
    )  # fmt: skip
    role = models.CharField(_("vai trò"), max_length=10, choices=Role.choices)

    class Meta:
        verbose_name = _("thành viên")
        verbose_name_plural = _("thành viên")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "locality"],
                condition=models.Q(deleted_at__isnull=True),
                name="membership_user_locality",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.locality} ({self.get_role_display()})"


class ApiToken(models.Model):
    """A bearer token for the JSON API; only its SHA-256 is stored.

    It expires (`expires_at`; tokens issued before expiry existed have none), names who
    issued it, and its creation, revocation and deletion are history rows. Each use only
    updates `last_used_at`, without a history row.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("tên"), max_length=100)
    digest = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("người cấp"), editable=False,
    )  # fmt: skip
    expires_at = models.DateTimeField(_("hết hạn lúc"), null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField(null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("mã truy cập API")
        verbose_name_plural = _("mã truy cập API")

    def __str__(self) -> str:
        return f"{self.user} – {self.name}"

    @staticmethod
    def digest_of(raw: str) -> str:
        return hashlib.sha256(raw.encode()).hexdigest()

    @property
    def is_expired(self) -> bool:
        return self.expires_at is not None and self.expires_at <= timezone.now()

    @classmethod
    def issue(
        cls, *, user, name: str, issued_by=None, days: int | None = None
    ) -> tuple[ApiToken, str]:
        """Create a token valid for `days` (HOPTAC_API_TOKEN_DAYS by default); return it with
        the raw secret, shown to the user only once."""
        raw = "hoptac_" + secrets.token_urlsafe(32)
        days = settings.HOPTAC_API_TOKEN_DAYS if days is None else days
        now = timezone.now()
        token = cls(
            user=user, name=name, digest=cls.digest_of(raw), issued_by=issued_by,
            created_at=now, expires_at=now + dt.timedelta(days=days),
        )  # fmt: skip
        token._history_user = issued_by  # type: ignore[attr-defined]
        token.save()
        return token, raw
