from django.contrib import admin

from hoptac.lib.admin import TrackedAdmin
from hoptac.localities.models import Locality, LocalityName


class LocalityNameInline(admin.TabularInline):
    model = LocalityName
    extra = 0


@admin.register(Locality)
class LocalityAdmin(TrackedAdmin):
    list_display = ("name", "code", "generation", "kind", "valid_from", "valid_to", "successor")
    list_filter = ("generation", "kind")
    search_fields = ("name", "search_name")
    list_select_related = ("successor",)
    inlines = [LocalityNameInline]
