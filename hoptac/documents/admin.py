from django.contrib import admin

from hoptac.documents import services as ds
from hoptac.documents.models import Document, Fact, RecordSource
from hoptac.lib.admin import TrackedAdmin, service_action


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
    # A fact's state changes with its records (accepting writes them): only through the
    # review services, from the review page or these actions.
    readonly_fields = (*TrackedAdmin.readonly_fields, "proposed_value", "evidence", "state",
                       "value", "reviewed_at", "reviewed_by")  # fmt: skip
    list_select_related = ("document",)
    actions = [
        service_action("accept_facts", "Chấp nhận (ghi vào các bản ghi)",
                       lambda f, user: ds.fact_accept(fact=f, by=user)),
        service_action("reject_facts", "Loại", lambda f, user: ds.fact_reject(fact=f, by=user)),
    ]  # fmt: skip


@admin.register(RecordSource)
class RecordSourceAdmin(admin.ModelAdmin):
    list_display = ("content_type", "object_id", "fact", "document")
    list_filter = ("content_type",)
