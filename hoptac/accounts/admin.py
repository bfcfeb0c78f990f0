from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

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
class ApiTokenAdmin(SimpleHistoryAdmin):
    """Tokens are issued by `hoptac api_token` (the secret is shown once); here they are
    revoked, their expiry changed, or deleted, each change a history row."""

    list_display = ("user", "name", "issued_by", "created_at", "expires_at", "last_used_at",
                    "revoked_at")  # fmt: skip
    readonly_fields = ("digest", "issued_by", "created_at", "last_used_at")
    search_fields = ("user__username", "name")

    def has_add_permission(self, request) -> bool:
        return False
