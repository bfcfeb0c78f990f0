from django.contrib import admin

from hoptac.investments import models as m
from hoptac.lib.admin import TrackedAdmin


class StageChangeInline(admin.TabularInline):
    model = m.StageChange
    extra = 0
    readonly_fields = ("old", "new", "changed_on", "note", "changed_at", "changed_by")
    can_delete = False


@admin.register(m.InvestmentProject)
class InvestmentProjectAdmin(TrackedAdmin):
    list_display = ("name", "investor", "origin", "host", "sector", "capital_vnd", "stage")
    list_filter = ("stage", "sector")
    search_fields = ("name", "investor", "external_id")
    autocomplete_fields = ("partnership", "origin", "host")
    list_select_related = ("origin", "host")
    inlines = [StageChangeInline]


@admin.register(m.InvestmentSnapshot)
class InvestmentSnapshotAdmin(TrackedAdmin):
    list_display = (
        "partnership",
        "origin",
        "host",
        "reported_on",
        "projects",
        "capital_vnd",
        "qualifier",
    )
    list_filter = ("qualifier", "reported_on")
    search_fields = ("partnership__name",)
    autocomplete_fields = ("partnership", "origin", "host", "meeting")
    list_select_related = ("partnership", "origin", "host")
