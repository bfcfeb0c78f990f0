"""Support given by one locality to another."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from hoptac.lib.fields import field_choices
from hoptac.lib.models import TrackedModel
from hoptac.lib.numbers import format_vnd
from hoptac.lib.validation import (
    check_far_ahead,
    check_in_year,
    check_locality_in_year,
    check_locality_on,
)


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

    def clean(self) -> None:
        """Refuse a grant to oneself, a date outside its year, far dates, units not of then."""
        errors: dict[str, list] = {}
        if self.donor_id and self.donor_id == self.recipient_id:
            errors.setdefault("recipient", []).append(
                _("Bên nhận phải khác bên hỗ trợ (%(d)s).") % {"d": self.donor.name}
            )
        if self.amount_vnd is not None and self.amount_vnd < 0:
            errors.setdefault("amount_vnd", []).append(_("Số tiền không được âm."))
        check_in_year(self, "given_on", "year", errors)
        check_far_ahead(self, "given_on", errors)
        for name in ("donor", "recipient"):
            if self.given_on:
                check_locality_on(self, name, self.given_on, errors)
            else:
                check_locality_in_year(self, name, self.year, errors)
        if errors:
            raise ValidationError(errors)
