from django.contrib import admin

from hoptac.accounts.models import ApiToken, Membership
from hoptac.lib.admin import TrackedAdmin


@admin.register(Membership)
class MembershipAdmin(TrackedAdmin):
    list_display = ("user", "locality", "role")
    list_filter = ("role", "locality__generation")
    search_fields = ("user__username", "locality__name")
    autocomplete_fields = ("locality",)
    list_select_related = ("user", "locality")


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ("user", "name", "created_at", "last_used_at", "revoked_at")
    readonly_fields = ("digest", "created_at", "last_used_at")
    search_fields = ("user__username", "name")
