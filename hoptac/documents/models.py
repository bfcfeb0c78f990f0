"""Documents as received, the facts extracted from them, and links from records to facts."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from hoptac.lib.models import TrackedFields, TrackedModel


class TextSource(models.TextChoices):
    TEXT = "text", _("Chữ trong tệp")
    OCR = "ocr", _("Nhận dạng chữ (OCR) từ bản quét")


class Document(TrackedFields):
    """A report or article: the original bytes, their hash, and the decoded text."""

    sha256 = models.CharField(_("mã băm SHA-256"), max_length=64, unique=True)
    original = models.BinaryField(_("bản gốc"))
    size = models.PositiveIntegerField(_("dung lượng (byte)"))
    filename = models.CharField(_("tên tệp"), max_length=255, blank=True)
    media_type = models.CharField(_("định dạng"), max_length=100, blank=True)
    encoding = models.CharField(_("bảng mã"), max_length=40, blank=True)
    title = models.CharField(_("tiêu đề"), max_length=500, blank=True)
    text = models.TextField(_("nội dung văn bản"), blank=True)
    text_source = models.CharField(
        _("nguồn chữ"), max_length=10, choices=TextSource.choices, default=TextSource.TEXT
    )
    # Tesseract's mean word confidence (0–1) when the text was recognised from a scan.
    ocr_confidence = models.FloatField(_("độ tin cậy OCR"), null=True, blank=True)
    source_url = models.URLField(_("nguồn"), max_length=1000, blank=True)
    published_on = models.DateField(_("ngày đăng"), null=True, blank=True, db_index=True)
    extracted_at = models.DateTimeField(_("trích xuất lúc"), null=True, blank=True)
    extractor = models.CharField(_("bộ trích xuất"), max_length=100, blank=True)

    # The bytes and text never change after ingest; keeping them out of history saves a copy
    # of every document per edit of its title or date.
    history = HistoricalRecords(excluded_fields=["original", "text"])

    class Meta:
        verbose_name = _("tài liệu")
        verbose_name_plural = _("tài liệu")
        ordering = ["-published_on", "-id"]

    def __str__(self) -> str:
        return self.title or self.filename or self.sha256[:12]

    @property
    def is_ocr(self) -> bool:
        return self.text_source == TextSource.OCR

    @property
    def ocr_percent(self) -> int | None:
        """Return OCR's mean confidence as a whole percentage, None for text files."""
        return None if self.ocr_confidence is None else round(self.ocr_confidence * 100)


class FactKind(models.TextChoices):
    PARTY = "party", _("Bên hợp tác")
    EVENT_DATE = "event_date", _("Ngày sự kiện")
    PERSON = "person", _("Người tham dự")
    INVESTMENT = "investment", _("Đầu tư")
    GRANT = "grant", _("Hỗ trợ")
    COMMITMENT_COUNT = "commitment_count", _("Số nội dung thống nhất")
    FIELD = "field", _("Lĩnh vực")
    AGREEMENT = "agreement", _("Văn bản hợp tác")
    REQUEST = "request", _("Đề nghị")
    ASSIGNMENT = "assignment", _("Phân công")
    STATISTIC = "statistic", _("Số liệu khác")
    ACTIVITY = "activity", _("Hoạt động")


class ReviewState(models.TextChoices):
    PROPOSED = "proposed", _("Chờ duyệt")
    ACCEPTED = "accepted", _("Đã chấp nhận")
    REJECTED = "rejected", _("Đã loại")


class Fact(TrackedModel):
    """One fact the extractor proposed, with the spans of text it rests on."""

    document = models.ForeignKey(Document, models.CASCADE, related_name="facts")
    kind = models.CharField(_("loại"), max_length=20, choices=FactKind.choices, db_index=True)
    position = models.PositiveIntegerField(_("thứ tự"), default=0)
    value = models.JSONField(_("giá trị"))
    proposed_value = models.JSONField(_("giá trị đề xuất"), editable=False)
    evidence = models.JSONField(_("đoạn văn bản"), default=list)  # [[start, end], ...]
    confidence = models.FloatField(_("độ tin cậy"), default=0.0)
    state = models.CharField(
        _("trạng thái duyệt"), max_length=10, choices=ReviewState.choices,
        default=ReviewState.PROPOSED, db_index=True,
    )  # fmt: skip
    reviewed_at = models.DateTimeField(_("duyệt lúc"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("người duyệt"),
    )  # fmt: skip
    note = models.TextField(_("ghi chú"), blank=True)

    class Meta:
        verbose_name = _("dữ kiện")
        verbose_name_plural = _("dữ kiện")
        ordering = ["document_id", "position"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.value}"

    @property
    def is_edited(self) -> bool:
        return self.value != self.proposed_value

    def quotes(self) -> list[str]:
        """Return the evidence text of each span."""
        text = self.document.text
        return [text[s:e] for s, e in self.evidence if 0 <= s < e <= len(text)]


class RecordSource(models.Model):
    """A link from any record to a fact it came from (and so to the document)."""

    content_type = models.ForeignKey(ContentType, models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    record = GenericForeignKey("content_type", "object_id")
    fact = models.ForeignKey(Fact, models.CASCADE, related_name="record_links")
    document = models.ForeignKey(Document, models.CASCADE, related_name="record_links")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("nguồn")
        verbose_name_plural = _("nguồn")
        indexes = [models.Index(fields=["content_type", "object_id"])]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "fact"], name="source_record_fact"
            )
        ]

    def __str__(self) -> str:
        return f"{self.content_type.model}#{self.object_id} ← {self.fact_id}"


class ConflictState(models.TextChoices):
    OPEN = "open", _("Chờ quyết định")
    KEPT = "kept", _("Giữ giá trị hiện có")
    REPLACED = "replaced", _("Dùng giá trị mới")


class Conflict(TrackedModel):
    """Two reports disagree about one value of a record; a reviewer decides which stands.

    Nothing is overwritten while the conflict is open: the record keeps its value, the new
    fact is held here, and the reviewer's choice (who, when, which) stays on this row.
    """

    content_type = models.ForeignKey(ContentType, models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    record = GenericForeignKey("content_type", "object_id")
    field = models.CharField(_("trường"), max_length=50)
    current_value = models.JSONField(_("giá trị hiện có"), null=True)
    proposed_value = models.JSONField(_("giá trị mới"), null=True)
    fact = models.ForeignKey(Fact, models.CASCADE, related_name="conflicts")
    state = models.CharField(
        _("trạng thái"), max_length=10, choices=ConflictState.choices, default=ConflictState.OPEN,
        db_index=True,
    )  # fmt: skip
    resolved_at = models.DateTimeField(_("quyết định lúc"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("người quyết định"),
    )  # fmt: skip
    note = models.TextField(_("ghi chú"), blank=True)

    class Meta:
        verbose_name = _("giá trị khác nhau")
        verbose_name_plural = _("giá trị khác nhau")
        ordering = ["-id"]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.field}: {self.current_value} ≠ {self.proposed_value}"
