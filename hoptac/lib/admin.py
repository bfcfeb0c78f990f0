"""Admin base for tracked records: who/when shown, deletion is soft, history browsable."""

from __future__ import annotations

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from hoptac.lib.services import record_delete


class DeletedFilter(admin.SimpleListFilter):
    title = _("đã xóa")
    parameter_name = "deleted"

    def lookups(self, request, model_admin):
        return [("no", _("Đang dùng")), ("yes", _("Đã xóa"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(deleted_at__isnull=False)
        if self.value() == "no":
            return queryset.filter(deleted_at__isnull=True)
        return queryset


class TrackedAdmin(SimpleHistoryAdmin):
    """Staff edit through the admin; deletions only mark the record deleted."""

    readonly_fields: tuple[str, ...] = (
        "created_at", "created_by", "updated_at", "updated_by", "deleted_at", "deleted_by", "version",
    )  # fmt: skip
    list_per_page = 50

    def get_queryset(self, request):
        return self.model.all_objects.get_queryset()

    def get_list_filter(self, request):
        return (*super().get_list_filter(request), DeletedFilter)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        else:
            obj.version += 1
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)

    def delete_model(self, request, obj):
        record_delete(obj, by=request.user)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            record_delete(obj, by=request.user)
