"""Support given by one locality to another."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from hoptac.lib.fields import field_choices
from hoptac.lib.models import TrackedModel
from hoptac.lib.numbers import format_vnd


class Grant(TrackedModel):
    partnership = models.ForeignKey(
        "partnerships.Partnership", models.PROTECT, related_name="grants",
        verbose_name=_("quan hệ hợp tác"),
    )  # fmt: skip
    donor = models.ForeignKey(
        "localities.Locality", models.PROTECT, related_name="+", verbose_name=_("bên hỗ trợ")
    )
    recipient = models.ForeignKey(
        "localities.Locality", models.PROTECT, related_name="+", verbose_name=_("bên nhận")
    )
    amount_vnd = models.BigIntegerField(_("số tiền (đồng)"))
    purpose = models.CharField(_("mục đích"), max_length=500, blank=True)
    field = models.CharField(_("lĩnh vực"), max_length=40, choices=field_choices(), blank=True)
    given_on = models.DateField(_("ngày trao"), null=True, blank=True, db_index=True)
    year = models.PositiveSmallIntegerField(_("năm"), null=True, blank=True, db_index=True)
    meeting = models.ForeignKey(
        "partnerships.Meeting", models.SET_NULL, null=True, blank=True, related_name="grants",
        verbose_name=_("cuộc họp"),
    )  # fmt: skip

    class Meta:
        verbose_name = _("khoản hỗ trợ")
        verbose_name_plural = _("khoản hỗ trợ")
        ordering = ["-given_on", "-id"]

    def __str__(self) -> str:
        return f"{self.donor.name} → {self.recipient.name}: {format_vnd(self.amount_vnd)}"
