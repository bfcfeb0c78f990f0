from django.contrib import admin

from hoptac.activities.models import Activity
from hoptac.lib.admin import TrackedAdmin


@admin.register(Activity)
class ActivityAdmin(TrackedAdmin):
    list_display = ("title", "kind", "starts_on", "organiser", "count", "partnership")
    list_filter = ("kind", "year", "field")
    search_fields = ("title", "description", "place")
    autocomplete_fields = ("partnership", "organiser")
    list_select_related = ("organiser", "partnership")
