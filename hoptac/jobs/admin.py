from django.contrib import admin

from hoptac.jobs.models import Job


@admin.register(Job)
class JobAdmin(admin.ModelAdmin):
    """Read-only: jobs are written by the services and the worker, never by hand."""

    list_display = ["id", "kind", "title", "status", "created_by", "created_at", "finished_at"]
    list_filter = ["kind", "status"]
    search_fields = ["title", "request_id"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
