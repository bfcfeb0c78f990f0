"""A Job: slow work asked for by someone (ingest, import, report, export, reindex) and its outcome.

django-tasks keeps the queue (its own table with the database backend); a Job is what a person
sees on the "Công việc" page: what was asked, by whom, how far it got, and what came of it.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class JobKind(models.TextChoices):
    INGEST = "ingest", _("Đọc và trích xuất tài liệu")
    IMPORT = "import", _("Nhập dữ liệu từ bảng tính")
    REPORT = "report", _("Báo cáo năm")
    EXPORT = "export", _("Xuất danh mục")
    REINDEX = "reindex", _("Lập lại chỉ mục tìm kiếm")


class JobStatus(models.TextChoices):
    QUEUED = "queued", _("Đang chờ")
    RUNNING = "running", _("Đang chạy")
    DONE = "done", _("Xong")
    FAILED = "failed", _("Lỗi")


FINISHED = (JobStatus.DONE, JobStatus.FAILED)


class Job(models.Model):
    kind = models.CharField(_("loại"), max_length=20, choices=JobKind.choices)
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=JobStatus.choices, default=JobStatus.QUEUED,
        db_index=True,
    )  # fmt: skip
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("người yêu cầu"),
    )  # fmt: skip
    title = models.CharField(_("nội dung"), max_length=300, blank=True)
    # What the runner needs (ids, names of the stored input files); never shown as such.
    params = models.JSONField(_("tham số"), default=dict)
    progress_done = models.PositiveIntegerField(_("đã làm"), default=0)
    progress_total = models.PositiveIntegerField(_("tổng số"), null=True, blank=True)
    result = models.JSONField(_("kết quả"), null=True, blank=True)
    error = models.TextField(_("lỗi"), blank=True)
    output = models.FileField(_("tệp kết quả"), upload_to="jobs/", blank=True)
    output_name = models.CharField(_("tên tệp kết quả"), max_length=255, blank=True)
    output_type = models.CharField(_("định dạng tệp kết quả"), max_length=150, blank=True)
    request_id = models.CharField(_("mã yêu cầu"), max_length=64, blank=True)
    task_id = models.CharField(_("mã tác vụ"), max_length=64, blank=True)
    created_at = models.DateTimeField(_("yêu cầu lúc"), auto_now_add=True, db_index=True)
    started_at = models.DateTimeField(_("bắt đầu lúc"), null=True, blank=True)
    finished_at = models.DateTimeField(_("xong lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("công việc")
        verbose_name_plural = _("công việc")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} #{self.pk}"

    @property
    def is_finished(self) -> bool:
        return self.status in FINISHED

    @property
    def percent(self) -> int | None:
        """Return how far the job got in percent, or None when the total is unknown."""
        if not self.progress_total:
            return 100 if self.status == JobStatus.DONE else None
        return min(100, round(100 * self.progress_done / self.progress_total))
