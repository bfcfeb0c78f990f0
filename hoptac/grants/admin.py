from django.contrib import admin

from hoptac.grants.models import Grant
from hoptac.lib.admin import TrackedAdmin


@admin.register(Grant)
class GrantAdmin(TrackedAdmin):
    list_display = ("donor", "recipient", "amount_vnd", "purpose", "given_on", "year")
    list_filter = ("year", "field")
    search_fields = ("purpose",)
    autocomplete_fields = ("partnership", "donor", "recipient", "meeting")
    list_select_related = ("donor", "recipient")
