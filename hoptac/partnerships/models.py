"""Partnerships and what happens in them: meetings, agreements, commitments, requests."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hoptac.lib.fields import field_choices
from hoptac.lib.models import NameField, TrackedModel
from hoptac.lib.validation import check_far_ahead, check_locality_on


class Partnership(TrackedModel):
    """Cooperation between two (sometimes more) localities."""

    name = models.CharField(_("tên"), max_length=255, blank=True)
    localities = models.ManyToManyField(  # type: ignore[var-annotated]
        "localities.Locality", through="PartnershipMember", related_name="partnerships",
        verbose_name=_("các bên"),
    )  # fmt: skip
    started_on = models.DateField(_("bắt đầu"), null=True, blank=True)
    description = models.TextField(_("mô tả"), blank=True)
    is_published = models.BooleanField(_("công khai"), default=False)

    class Meta:
        verbose_name = _("quan hệ hợp tác")
        verbose_name_plural = _("quan hệ hợp tác")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name or " – ".join(m.locality.name for m in self.members.all())


class PartnershipMember(TrackedModel):
    """One side of a partnership."""

    partnership = models.ForeignKey(Partnership, models.CASCADE, related_name="members")
    locality = models.ForeignKey(
        "localities.Locality", models.PROTECT, related_name="+", verbose_name=_("địa phương")
    )

    class Meta:
        verbose_name = _("bên tham gia")
        verbose_name_plural = _("các bên tham gia")
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "locality"],
                condition=models.Q(deleted_at__isnull=True),
                name="member_partnership_locality",
            )
        ]

    def __str__(self) -> str:
        return str(self.locality)


class Person(TrackedModel):
    full_name = NameField(_("họ và tên"), max_length=120)
    search_name = models.CharField(max_length=120, editable=False, db_index=True)
    notes = models.TextField(_("ghi chú"), blank=True)

    class Meta:
        verbose_name = _("cá nhân")
        verbose_name_plural = _("cá nhân")
        ordering = ["full_name"]

    def __str__(self) -> str:
        return self.full_name


class Agency(TrackedModel):
    """An organ of a locality, e.g. Sở Kế hoạch và Đầu tư of Thanh Hóa."""

    locality = models.ForeignKey(
        "localities.Locality", models.PROTECT, related_name="agencies", verbose_name=_("địa phương")
    )
    name = NameField(_("tên cơ quan"), max_length=255)
    short_name = models.CharField(_("tên viết tắt"), max_length=50, blank=True)
    search_name = models.CharField(max_length=255, editable=False, db_index=True)

    class Meta:
        verbose_name = _("cơ quan")
        verbose_name_plural = _("cơ quan")
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.locality.name})"


class FocalPoint(TrackedModel):
    """Per partnership and side: the coordinating agency and the leader who follows up."""

    partnership = models.ForeignKey(Partnership, models.CASCADE, related_name="focal_points")
    locality = models.ForeignKey(
        "localities.Locality", models.PROTECT, related_name="+", verbose_name=_("bên")
    )
    agency = models.ForeignKey(
        Agency,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("cơ quan đầu mối"),
    )
    person = models.ForeignKey(
        Person,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("lãnh đạo theo dõi"),
    )
    person_title = models.CharField(_("chức vụ"), max_length=255, blank=True)
    role = models.CharField(_("nhiệm vụ"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("đầu mối")
        verbose_name_plural = _("đầu mối")

    def __str__(self) -> str:
        return f"{self.locality.name}: {self.agency or self.person or '—'}"


class MeetingKind(models.TextChoices):
    CONFERENCE = "conference", _("Hội nghị hợp tác")
    WORKING_VISIT = "working_visit", _("Thăm và làm việc")
    SIGNING = "signing", _("Lễ ký kết")
    REVIEW = "review", _("Sơ kết, tổng kết")
    OTHER = "other", _("Khác")


class Meeting(TrackedModel):
    partnership = models.ForeignKey(
        Partnership, models.PROTECT, related_name="meetings", verbose_name=_("quan hệ hợp tác")
    )
    kind = models.CharField(
        _("loại"), max_length=20, choices=MeetingKind.choices, default=MeetingKind.CONFERENCE
    )
    title = models.CharField(_("tiêu đề"), max_length=500)
    # A report may give day and month without the year: held_on stays empty then.
    held_on = models.DateField(_("ngày"), null=True, blank=True, db_index=True)
    held_month = models.PositiveSmallIntegerField(_("tháng"), null=True, blank=True)
    held_day = models.PositiveSmallIntegerField(_("ngày trong tháng"), null=True, blank=True)
    place = models.CharField(_("địa điểm"), max_length=255, blank=True)
    host = models.ForeignKey(
        "localities.Locality", models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("nơi đăng cai"),
    )  # fmt: skip
    summary = models.TextField(_("tóm tắt"), blank=True)
    fields = models.JSONField(_("lĩnh vực"), default=list, blank=True)

    class Meta:
        verbose_name = _("cuộc họp")
        verbose_name_plural = _("cuộc họp")
        ordering = ["-held_on", "-id"]

    def __str__(self) -> str:
        return f"{self.title} ({self.date_display})"

    def clean(self) -> None:
        errors: dict[str, list] = {}
        check_far_ahead(self, "held_on", errors)
        check_locality_on(self, "host", self.held_on, errors)
        if errors:
            raise ValidationError(errors)

    @property
    def date_display(self) -> str:
        if self.held_on:
            return self.held_on.strftime("%d/%m/%Y")
        if self.held_month and self.held_day:
            return f"{self.held_day:02d}/{self.held_month:02d}"
        return "—"


class ParticipantRole(models.TextChoices):
    CHAIR = "chair", _("Chủ trì")
    CO_CHAIR = "co_chair", _("Đồng chủ trì")
    ATTENDEE = "attendee", _("Dự")
    SPEAKER = "speaker", _("Phát biểu")
    REPORTER = "reporter", _("Báo cáo")
    SIGNATORY = "signatory", _("Ký kết")


class MeetingParticipant(TrackedModel):
    """A person at a meeting, with the titles held then and the side represented."""

    meeting = models.ForeignKey(Meeting, models.CASCADE, related_name="participants")
    person = models.ForeignKey(Person, models.PROTECT, related_name="participations")
    locality = models.ForeignKey(
        "localities.Locality", models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("bên"),
    )  # fmt: skip
    titles = models.JSONField(_("chức danh"), default=list, blank=True)
    role = models.CharField(
        _("vai trò"),
        max_length=20,
        choices=ParticipantRole.choices,
        default=ParticipantRole.ATTENDEE,
    )
    # The order in which the meeting's page lists people (the protocol order, chairs first).
    position = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        verbose_name = _("người tham dự")
        verbose_name_plural = _("người tham dự")
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "person"],
                condition=models.Q(deleted_at__isnull=True),
                name="participant_meeting_person",
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} – {', '.join(self.titles)}"

    def clean(self) -> None:
        errors: dict[str, list] = {}
        check_locality_on(self, "locality", self.meeting.held_on if self.meeting_id else None,
                          errors)  # fmt: skip
        if errors:
            raise ValidationError(errors)


class AgreementKind(models.TextChoices):
    CONCLUSION = "conclusion", _("Thông báo kết luận")
    PROGRAMME = "programme", _("Chương trình hợp tác")
    AGREEMENT = "agreement", _("Thỏa thuận hợp tác")
    MEMORANDUM = "memorandum", _("Biên bản ghi nhớ")
    PLAN = "plan", _("Kế hoạch")
    MINUTES = "minutes", _("Biên bản làm việc")
    REPORT = "report", _("Báo cáo")
    OTHER = "other", _("Khác")


def agreement_file_path(instance: Agreement, filename: str) -> str:
    """Return where a signed file is stored: under MEDIA_ROOT, by year, never served as is."""
    return f"agreements/{timezone.localdate().year}/{filename}"


class Agreement(TrackedModel):
    partnership = models.ForeignKey(
        Partnership, models.PROTECT, related_name="agreements", verbose_name=_("quan hệ hợp tác")
    )
    meeting = models.ForeignKey(
        Meeting, models.SET_NULL, null=True, blank=True, related_name="agreements",
        verbose_name=_("cuộc họp"),
    )  # fmt: skip
    kind = models.CharField(_("loại"), max_length=20, choices=AgreementKind.choices)
    title = models.CharField(_("tên văn bản"), max_length=500)
    number = models.CharField(
        _("số, ký hiệu"), max_length=100, blank=True, help_text=_("Ví dụ: 125-TB/TU")
    )
    signed_on = models.DateField(_("ngày ký"), null=True, blank=True)
    period_start = models.PositiveSmallIntegerField(_("giai đoạn từ năm"), null=True, blank=True)
    period_end = models.PositiveSmallIntegerField(_("đến năm"), null=True, blank=True)
    agreed_count = models.PositiveSmallIntegerField(_("số nội dung"), null=True, blank=True)
    agreed_unit = models.CharField(_("đơn vị"), max_length=255, blank=True)
    # The counts a meeting agreed, as reported ("9 lĩnh vực", "trước mắt 4 lĩnh vực"):
    # [{"count": 9, "unit": "lĩnh vực"}, ...]; one agreement per meeting holds them all.
    agreed_parts = models.JSONField(_("các phần đã thống nhất"), default=list, blank=True)
    document = models.ForeignKey(
        "documents.Document", models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("tệp đính kèm"),
    )  # fmt: skip
    # The signed text as a file kept with the record (downloaded through a permission check).
    signed_file = models.FileField(
        _("tệp văn bản đã ký"), upload_to=agreement_file_path, max_length=255, blank=True
    )
    signed_file_name = models.CharField(_("tên tệp"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("văn bản hợp tác")
        verbose_name_plural = _("văn bản hợp tác")
        ordering = ["-signed_on", "-id"]

    def __str__(self) -> str:
        return self.title

    @property
    def period_display(self) -> str:
        if self.period_start and self.period_end:
            return f"{self.period_start}–{self.period_end}"
        return str(self.period_start or self.period_end or "")

    def clean(self) -> None:
        errors: dict[str, list] = {}
        if self.period_start and self.period_end and self.period_start > self.period_end:
            errors.setdefault("period_end", []).append(
                _("Giai đoạn: năm kết thúc (%(end)s) trước năm bắt đầu (%(start)s).")
                % {"start": self.period_start, "end": self.period_end}
            )
        for name in ("period_start", "period_end"):
            year = getattr(self, name)
            if year is not None and not 1945 <= year <= 2100:
                errors.setdefault(name, []).append(
                    _("Năm %(y)s không hợp lệ (từ 1945 đến 2100).") % {"y": year}
                )
        if self.signed_on and self.signed_on > timezone.localdate():
            errors.setdefault("signed_on", []).append(
                _("Ngày ký %(d)s ở tương lai: văn bản chưa thể được ký.")
                % {"d": self.signed_on.strftime("%d/%m/%Y")}
            )
        if errors:
            raise ValidationError(errors)


class AgreementSignatory(TrackedModel):
    agreement = models.ForeignKey(Agreement, models.CASCADE, related_name="signatories")
    person = models.ForeignKey(Person, models.PROTECT, related_name="+")
    locality = models.ForeignKey("localities.Locality", models.PROTECT, related_name="+")
    title = models.CharField(_("chức danh"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("người ký")
        verbose_name_plural = _("người ký")

    def __str__(self) -> str:
        return f"{self.person} ({self.locality.name})"

    def clean(self) -> None:
        errors: dict[str, list] = {}
        on = self.agreement.signed_on if self.agreement_id else None
        check_locality_on(self, "locality", on, errors)
        if errors:
            raise ValidationError(errors)


class CommitmentStatus(models.TextChoices):
    PLANNED = "planned", _("Chưa triển khai")
    IN_PROGRESS = "in_progress", _("Đang thực hiện")
    DONE = "done", _("Hoàn thành")
    SUSPENDED = "suspended", _("Tạm dừng")
    CANCELLED = "cancelled", _("Hủy bỏ")


class DuePrecision(models.TextChoices):
    """How precisely a deadline was given; due_on is always the last day of that span."""

    DAY = "day", _("ngày")
    MONTH = "month", _("tháng")
    QUARTER = "quarter", _("quý")
    YEAR = "year", _("năm")


ROMAN_QUARTERS = {1: "I", 2: "II", 3: "III", 4: "IV"}


class Commitment(TrackedModel):
    """A numbered content item of an agreement; sub-items (1.1, 1.2) have a parent."""

    agreement = models.ForeignKey(
        Agreement, models.PROTECT, related_name="commitments", verbose_name=_("văn bản")
    )
    parent = models.ForeignKey(
        "self", models.PROTECT, null=True, blank=True, related_name="children",
        verbose_name=_("thuộc nội dung"),
    )  # fmt: skip
    # The position among its siblings (top-level items, or the sub-items of one parent).
    number = models.PositiveSmallIntegerField(_("số thứ tự"))
    field = models.CharField(_("lĩnh vực"), max_length=40, choices=field_choices(), blank=True)
    text = models.TextField(_("nội dung"), blank=True)
    # The side that must deliver; empty for joint items (either side's editors may update).
    responsible = models.ForeignKey(
        "localities.Locality", models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("bên chủ trì"),
    )  # fmt: skip
    due_on = models.DateField(_("hạn"), null=True, blank=True, db_index=True)
    due_precision = models.CharField(
        _("hạn tính theo"), max_length=10, choices=DuePrecision.choices, default=DuePrecision.DAY
    )
    responsible_person = models.ForeignKey(
        Person, models.PROTECT, null=True, blank=True, related_name="commitments",
        verbose_name=_("người phụ trách"),
    )  # fmt: skip
    status = models.CharField(
        _("trạng thái"), max_length=20, choices=CommitmentStatus.choices,
        default=CommitmentStatus.PLANNED, db_index=True,
    )  # fmt: skip

    class Meta:
        verbose_name = _("nội dung cam kết")
        verbose_name_plural = _("nội dung cam kết")
        ordering = ["agreement_id", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "number"],
                condition=models.Q(deleted_at__isnull=True, parent__isnull=True),
                name="commitment_agreement_number",
            ),
            models.UniqueConstraint(
                fields=["parent", "number"],
                condition=models.Q(deleted_at__isnull=True, parent__isnull=False),
                name="commitment_parent_number",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.display_number}. {self.text[:80]}"

    @property
    def display_number(self) -> str:
        """Return "3" for an item, "3.2" for the second sub-item of item 3."""
        if self.parent_id and self.parent is not None:
            return f"{self.parent.number}.{self.number}"
        return str(self.number)

    @property
    def due_display(self) -> str:
        """Return the deadline as it was given: 30/06/2026, 06/2026, Quý II/2026 or 2026."""
        d = self.due_on
        if d is None:
            return ""
        if self.due_precision == DuePrecision.YEAR:
            return str(d.year)
        if self.due_precision == DuePrecision.QUARTER:
            return _("Quý %(q)s/%(y)s") % {"q": ROMAN_QUARTERS[(d.month - 1) // 3 + 1], "y": d.year}
        if self.due_precision == DuePrecision.MONTH:
            return f"{d.month:02d}/{d.year}"
        return d.strftime("%d/%m/%Y")

    def clean(self) -> None:
        errors: dict[str, list] = {}
        if self.parent_id:
            parent = self.parent
            if parent is not None and parent.agreement_id != self.agreement_id:
                errors.setdefault("parent", []).append(_("Nội dung cha phải thuộc cùng văn bản."))
            elif parent is not None and parent.parent_id:
                errors.setdefault("parent", []).append(
                    _("Chỉ có hai cấp: nội dung và các ý của nó (1, 1.1).")
                )
            elif parent is not None and parent.pk == self.pk:
                errors.setdefault("parent", []).append(_("Một nội dung không thể thuộc chính nó."))
        if self.due_on and self.due_precision != DuePrecision.DAY:
            from hoptac.lib.dates import period_end

            if period_end(self.due_on, self.due_precision) != self.due_on:
                errors.setdefault("due_on", []).append(
                    _("Hạn theo %(p)s phải là ngày cuối của %(p)s đó.")
                    % {"p": DuePrecision(self.due_precision).label}
                )
        if errors:
            raise ValidationError(errors)

    @property
    def is_open(self) -> bool:
        return self.status in (CommitmentStatus.PLANNED, CommitmentStatus.IN_PROGRESS)

    def is_overdue(self, today: dt.date | None = None) -> bool:
        today = today or timezone.localdate()
        return self.is_open and self.due_on is not None and self.due_on < today

    def last_updated_on(self) -> dt.date:
        """Return the day the item itself, its status or its latest progress note last changed.

        Lists set `latest_note_at` on each row in one query (reminders.queries) to avoid a
        query per row; otherwise the notes are asked here.
        """
        moments = [self.updated_at]
        if hasattr(self, "latest_note_at"):
            note_at = self.latest_note_at
        else:
            note_at = self.notes.aggregate(m=models.Max("created_at"))["m"]
        if note_at:
            moments.append(note_at)
        return timezone.localdate(max(moments))

    def stale_days(self, today: dt.date | None = None) -> int | None:
        """Return how many days an open item has gone without an update, once that reaches
        HOPTAC_STALE_DAYS ("chưa cập nhật N ngày"); None when it is closed or recent."""
        if not self.is_open:
            return None
        days = ((today or timezone.localdate()) - self.last_updated_on()).days
        return days if days >= settings.HOPTAC_STALE_DAYS else None


class CommitmentLead(TrackedModel):
    """The agency that leads a commitment for one side."""

    commitment = models.ForeignKey(Commitment, models.CASCADE, related_name="leads")
    locality = models.ForeignKey(
        "localities.Locality", models.PROTECT, related_name="+", verbose_name=_("bên")
    )
    agency = models.ForeignKey(
        Agency, models.PROTECT, related_name="led_commitments", verbose_name=_("cơ quan chủ trì")
    )

    class Meta:
        verbose_name = _("cơ quan chủ trì")
        verbose_name_plural = _("cơ quan chủ trì")
        constraints = [
            models.UniqueConstraint(
                fields=["commitment", "locality"],
                condition=models.Q(deleted_at__isnull=True),
                name="lead_commitment_locality",
            )
        ]

    def __str__(self) -> str:
        return f"{self.locality.name}: {self.agency.name}"

    def clean(self) -> None:
        if self.agency_id and self.locality_id and self.agency.locality_id != self.locality_id:
            raise ValidationError(
                {"agency": _("Cơ quan chủ trì phải thuộc bên %(side)s.") % {"side": self.locality}}
            )


class CommitmentPartner(TrackedModel):
    """An agency that works with the lead on a commitment (cơ quan phối hợp)."""

    commitment = models.ForeignKey(Commitment, models.CASCADE, related_name="partners")
    agency = models.ForeignKey(
        Agency, models.PROTECT, related_name="partnered_commitments",
        verbose_name=_("cơ quan phối hợp"),
    )  # fmt: skip

    class Meta:
        verbose_name = _("cơ quan phối hợp")
        verbose_name_plural = _("cơ quan phối hợp")
        constraints = [
            models.UniqueConstraint(
                fields=["commitment", "agency"],
                condition=models.Q(deleted_at__isnull=True),
                name="partner_commitment_agency",
            )
        ]

    def __str__(self) -> str:
        return str(self.agency)


class StatusChange(models.Model):
    """One row per change of a commitment's status: old, new, when, who, why."""

    commitment = models.ForeignKey(Commitment, models.CASCADE, related_name="status_changes")
    old = models.CharField(_("từ"), max_length=20, choices=CommitmentStatus.choices, blank=True)
    new = models.CharField(_("sang"), max_length=20, choices=CommitmentStatus.choices)
    note = models.TextField(_("ghi chú"), blank=True)
    changed_at = models.DateTimeField(_("lúc"), default=timezone.now)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("thay đổi trạng thái")
        verbose_name_plural = _("lịch sử trạng thái")
        ordering = ["-changed_at", "-id"]

    def __str__(self) -> str:
        return f"{self.old or '∅'} → {self.new}"


class ProgressNote(TrackedModel):
    """What a side reports about a commitment, with its evidence."""

    commitment = models.ForeignKey(Commitment, models.CASCADE, related_name="notes")
    locality = models.ForeignKey(
        "localities.Locality", models.PROTECT, related_name="+", verbose_name=_("bên")
    )
    noted_on = models.DateField(_("ngày"), default=timezone.localdate)
    text = models.TextField(_("nội dung"))
    evidence_url = models.URLField(_("đường dẫn minh chứng"), blank=True)
    evidence_document = models.ForeignKey(
        "documents.Document", models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("tài liệu minh chứng"),
    )  # fmt: skip

    class Meta:
        verbose_name = _("ghi nhận tiến độ")
        verbose_name_plural = _("ghi nhận tiến độ")
        ordering = ["-noted_on", "-id"]

    def __str__(self) -> str:
        return self.text[:80]


class RequestStatus(models.TextChoices):
    OPEN = "open", _("Chờ trả lời")
    ANSWERED = "answered", _("Đã trả lời")
    IN_PROGRESS = "in_progress", _("Đang thực hiện")
    DONE = "done", _("Đã đáp ứng")
    DECLINED = "declined", _("Không đáp ứng")


class Request(TrackedModel):
    """What one side asks of the other, and the answer."""

    partnership = models.ForeignKey(
        Partnership, models.PROTECT, related_name="requests", verbose_name=_("quan hệ hợp tác")
    )
    meeting = models.ForeignKey(
        Meeting, models.SET_NULL, null=True, blank=True, related_name="requests",
        verbose_name=_("cuộc họp"),
    )  # fmt: skip
    from_locality = models.ForeignKey(
        "localities.Locality", models.PROTECT, related_name="+", verbose_name=_("bên đề nghị")
    )
    to_locality = models.ForeignKey(
        "localities.Locality", models.PROTECT, related_name="+", verbose_name=_("bên được đề nghị")
    )
    text = models.TextField(_("nội dung đề nghị"))
    field = models.CharField(_("lĩnh vực"), max_length=40, choices=field_choices(), blank=True)
    made_on = models.DateField(_("ngày đề nghị"), null=True, blank=True)
    status = models.CharField(
        _("trạng thái"), max_length=20, choices=RequestStatus.choices, default=RequestStatus.OPEN
    )
    answer = models.TextField(_("trả lời"), blank=True)
    answered_on = models.DateField(_("ngày trả lời"), null=True, blank=True)

    class Meta:
        verbose_name = _("đề nghị")
        verbose_name_plural = _("đề nghị")
        ordering = ["-made_on", "-id"]

    def __str__(self) -> str:
        return self.text[:80]
