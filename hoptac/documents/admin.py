from django.contrib import admin

from hoptac.documents.models import Document, Fact, RecordSource
from hoptac.lib.admin import TrackedAdmin


@admin.register(Document)
class DocumentAdmin(TrackedAdmin):
    list_display = ("__str__", "published_on", "encoding", "size", "source_url")
    list_filter = ("published_on", "media_type")
    search_fields = ("title", "filename", "source_url", "sha256")
    exclude = ("original",)
    readonly_fields = (*TrackedAdmin.readonly_fields, "sha256", "size", "encoding", "text")


@admin.register(Fact)
class FactAdmin(TrackedAdmin):
    list_display = ("kind", "document", "state", "confidence")
    list_filter = ("kind", "state")
    search_fields = ("document__title",)
    readonly_fields = (*TrackedAdmin.readonly_fields, "proposed_value", "evidence")
    list_select_related = ("document",)


@admin.register(RecordSource)
class RecordSourceAdmin(admin.ModelAdmin):
    list_display = ("content_type", "object_id", "fact", "document")
    list_filter = ("content_type",)
