"""The base every hoptac record stands on: who and when, soft deletion, history, versions."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class AliveManager(models.Manager):
    """The default manager: records nobody has deleted."""

    def get_queryset(self) -> models.QuerySet:
        return super().get_queryset().filter(deleted_at__isnull=True)


class TrackedFields(models.Model):
    """Created/updated by and at, soft deletion, and a version; history added by subclasses.

    `version` grows by one on every save through a service; an edit form carries the version
    it was read at, and a save from an older version is refused (see lib.concurrency).
    """

    created_at = models.DateTimeField(_("tạo lúc"), default=timezone.now, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("người tạo"), editable=False,
    )  # fmt: skip
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("người cập nhật"), editable=False,
    )  # fmt: skip
    deleted_at = models.DateTimeField(_("xóa lúc"), null=True, blank=True, editable=False)
    deleted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("người xóa"), editable=False,
    )  # fmt: skip
    version = models.PositiveIntegerField(_("phiên bản"), default=1, editable=False)

    objects = AliveManager()
    all_objects = models.Manager()  # noqa: DJ012 - a second manager, not a field

    class Meta:
        abstract = True
        base_manager_name = "all_objects"

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None


class TrackedModel(TrackedFields):
    """A tracked record with a history row for every change (django-simple-history)."""

    history = HistoricalRecords(inherit=True)

    class Meta(TrackedFields.Meta):
        abstract = True


class NameField(models.CharField):
    """A CharField for Vietnamese names: ICU collation `vi-x-icu` on PostgreSQL (Đ after D).

    The collation depends on the database in use, so it is chosen at run time and left out
    of migrations (one migration set serves SQLite and PostgreSQL).
    """

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 255)
        kwargs["db_collation"] = settings.NAME_COLLATION
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs.pop("db_collation", None)
        return name, path, args, kwargs
