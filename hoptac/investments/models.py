"""Investment by one side's enterprises in the other: projects and reported snapshots."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hoptac.lib.fields import field_choices
from hoptac.lib.models import NameField, TrackedModel


class Stage(models.TextChoices):
    LOCATION_APPROVED = "location_approved", _("Đã chấp thuận địa điểm")
    LICENSED = "licensed", _("Đã cấp chủ trương / GCN đăng ký đầu tư")
    UNDER_CONSTRUCTION = "under_construction", _("Đang triển khai thi công")
    OPERATING = "operating", _("Đã đi vào hoạt động")
    SUSPENDED = "suspended", _("Tạm dừng")
    REVOKED = "revoked", _("Thu hồi")


STAGE_ORDER = [s.value for s in Stage]


class Qualifier(models.TextChoices):
    EXACT = "exact", _("chính xác")
    ABOUT = "about", _("khoảng")
    NEARLY = "nearly", _("gần")
    OVER = "over", _("trên")
    AT_LEAST = "at_least", _("ít nhất")


class InvestmentProject(TrackedModel):
    """A project of an investor from one locality in another."""

    partnership = models.ForeignKey(
        "partnerships.Partnership", models.PROTECT, null=True, blank=True, related_name="projects",
        verbose_name=_("quan hệ hợp tác"),
    )  # fmt: skip
    name = NameField(_("tên dự án"), max_length=500)
    investor = NameField(_("nhà đầu tư"), max_length=255, blank=True)
    origin = models.ForeignKey(
        "localities.Locality",
        models.PROTECT,
        related_name="+",
        verbose_name=_("địa phương của nhà đầu tư"),
    )
    host = models.ForeignKey(
        "localities.Locality",
        models.PROTECT,
        related_name="+",
        verbose_name=_("địa phương tiếp nhận"),
    )
    sector = models.CharField(_("lĩnh vực"), max_length=40, choices=field_choices(), blank=True)
    capital_vnd = models.BigIntegerField(_("vốn đăng ký (đồng)"), null=True, blank=True)
    stage = models.CharField(
        _("giai đoạn"), max_length=20, choices=Stage.choices, default=Stage.LOCATION_APPROVED,
        db_index=True,
    )  # fmt: skip
    registered_on = models.DateField(_("ngày đăng ký"), null=True, blank=True)
    external_id = models.CharField(_("mã dự án"), max_length=100, blank=True, db_index=True)
    notes = models.TextField(_("ghi chú"), blank=True)

    class Meta:
        verbose_name = _("dự án đầu tư")
        verbose_name_plural = _("dự án đầu tư")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class StageChange(models.Model):
    """One row per change of a project's stage."""

    project = models.ForeignKey(InvestmentProject, models.CASCADE, related_name="stage_changes")
    old = models.CharField(_("từ"), max_length=20, choices=Stage.choices, blank=True)
    new = models.CharField(_("sang"), max_length=20, choices=Stage.choices)
    changed_on = models.DateField(_("ngày"), default=timezone.localdate)
    note = models.TextField(_("ghi chú"), blank=True)
    changed_at = models.DateTimeField(default=timezone.now)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("thay đổi giai đoạn")
        verbose_name_plural = _("lịch sử giai đoạn")
        ordering = ["-changed_on", "-id"]

    def __str__(self) -> str:
        return f"{self.old or '∅'} → {self.new}"


class InvestmentSnapshot(TrackedModel):
    """Totals as reported on a date, when only aggregates are known."""

    partnership = models.ForeignKey(
        "partnerships.Partnership", models.PROTECT, related_name="snapshots",
        verbose_name=_("quan hệ hợp tác"),
    )  # fmt: skip
    origin = models.ForeignKey(
        "localities.Locality",
        models.PROTECT,
        related_name="+",
        verbose_name=_("địa phương của nhà đầu tư"),
    )
    host = models.ForeignKey(
        "localities.Locality",
        models.PROTECT,
        related_name="+",
        verbose_name=_("địa phương tiếp nhận"),
    )
    reported_on = models.DateField(_("ngày báo cáo"), null=True, blank=True, db_index=True)
    meeting = models.ForeignKey(
        "partnerships.Meeting", models.SET_NULL, null=True, blank=True, related_name="snapshots",
        verbose_name=_("cuộc họp"),
    )  # fmt: skip
    projects = models.PositiveIntegerField(_("số dự án"), null=True, blank=True)
    capital_vnd = models.BigIntegerField(_("tổng vốn đăng ký (đồng)"), null=True, blank=True)
    qualifier = models.CharField(
        _("mức độ"), max_length=10, choices=Qualifier.choices, default=Qualifier.EXACT
    )
    since_year = models.PositiveSmallIntegerField(_("tính từ năm"), null=True, blank=True)
    location_approved = models.PositiveIntegerField(_("chấp thuận địa điểm"), null=True, blank=True)
    licensed = models.PositiveIntegerField(_("đã cấp phép"), null=True, blank=True)
    under_construction = models.PositiveIntegerField(_("đang thi công"), null=True, blank=True)
    operating = models.PositiveIntegerField(_("đi vào hoạt động"), null=True, blank=True)
    suspended = models.PositiveIntegerField(_("tạm dừng"), null=True, blank=True)
    revoked = models.PositiveIntegerField(_("thu hồi"), null=True, blank=True)

    class Meta:
        verbose_name = _("số liệu đầu tư")
        verbose_name_plural = _("số liệu đầu tư")
        ordering = ["-reported_on", "-id"]

    def __str__(self) -> str:
        return f"{self.origin.name} → {self.host.name}: {self.projects} dự án"

    def by_stage(self) -> dict[str, int]:
        return {s: getattr(self, s) for s in STAGE_ORDER if getattr(self, s) is not None}

    def clean(self) -> None:
        """Refuse negative capital, more projects at a stage than in all, far dates, old units."""
        from hoptac.lib.validation import check_far_ahead, check_locality_on

        errors: dict[str, list] = {}
        if self.capital_vnd is not None and self.capital_vnd < 0:
            errors.setdefault("capital_vnd", []).append(_("Tổng vốn đăng ký không được âm."))
        if self.projects is not None:
            for name in STAGE_ORDER:
                n = getattr(self, name)
                if n is not None and n > self.projects:
                    label = str(self._meta.get_field(name).verbose_name).capitalize()  # type: ignore[union-attr]
                    errors.setdefault(name, []).append(
                        _("%(label)s: %(n)s dự án, nhiều hơn tổng số %(total)s dự án.")
                        % {"label": label, "n": n, "total": self.projects}
                    )
        check_far_ahead(self, "reported_on", errors)
        for name in ("origin", "host"):
            check_locality_on(self, name, self.reported_on, errors)
        if errors:
            raise ValidationError(errors)
