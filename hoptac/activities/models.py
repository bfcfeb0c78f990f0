"""Trade fairs, delegations, culture days and the like."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from hoptac.lib.fields import field_choices
from hoptac.lib.models import TrackedModel


class ActivityKind(models.TextChoices):
    TRADE_FAIR = "trade_fair", _("Hội chợ, phiên chợ")
    DELEGATION = "delegation", _("Đoàn công tác, tham quan")
    CULTURE_DAY = "culture_day", _("Ngày, tuần văn hóa")
    FESTIVAL = "festival", _("Lễ hội")
    EXCHANGE = "exchange", _("Trao đổi kinh nghiệm")
    TRAINING = "training", _("Đào tạo, tập huấn")
    PROMOTION = "promotion", _("Xúc tiến đầu tư, thương mại, du lịch")
    OTHER = "other", _("Khác")


class Activity(TrackedModel):
    partnership = models.ForeignKey(
        "partnerships.Partnership", models.PROTECT, related_name="activities",
        verbose_name=_("quan hệ hợp tác"),
    )  # fmt: skip
    kind = models.CharField(_("loại"), max_length=20, choices=ActivityKind.choices)
    title = models.CharField(_("tên hoạt động"), max_length=500)
    starts_on = models.DateField(_("từ ngày"), null=True, blank=True, db_index=True)
    ends_on = models.DateField(_("đến ngày"), null=True, blank=True)
    year = models.PositiveSmallIntegerField(_("năm"), null=True, blank=True, db_index=True)
    place = models.CharField(_("địa điểm"), max_length=255, blank=True)
    organiser = models.ForeignKey(
        "localities.Locality", models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("bên tổ chức"),
    )  # fmt: skip
    count = models.PositiveIntegerField(_("số lượt"), null=True, blank=True)
    field = models.CharField(_("lĩnh vực"), max_length=40, choices=field_choices(), blank=True)
    description = models.TextField(_("mô tả"), blank=True)

    class Meta:
        verbose_name = _("hoạt động")
        verbose_name_plural = _("hoạt động")
        ordering = ["-starts_on", "-id"]

    def __str__(self) -> str:
        return self.title
