from django.contrib import admin

from hoptac.investments import models as m
from hoptac.investments import services as inv
from hoptac.lib.admin import TrackedAdmin, service_action


class StageChangeInline(admin.TabularInline):
    model = m.StageChange
    extra = 0
    readonly_fields = ("old", "new", "changed_on", "note", "changed_at", "changed_by")
    can_delete = False


def _to_stage(stage: str):
    """Return an admin action body that moves a project to `stage` through the service."""

    def apply(project, user):
        return inv.project_set_stage(project=project, new=stage, by=user)

    return apply


@admin.register(m.InvestmentProject)
class InvestmentProjectAdmin(TrackedAdmin):
    list_display = ("name", "investor", "origin", "host", "sector", "capital_vnd", "stage")
    list_filter = ("stage", "sector")
    search_fields = ("name", "investor", "external_id")
    autocomplete_fields = ("partnership", "origin", "host")
    list_select_related = ("origin", "host")
    inlines = [StageChangeInline]
    # the stage changes only through project_set_stage (a StageChange row each time)
    readonly_fields = (*TrackedAdmin.readonly_fields, "stage")
    actions = [
        service_action(f"set_stage_{s}", f"Chuyển sang giai đoạn “{label}”", _to_stage(s))
        for s, label in m.Stage.choices
    ]

    def save_model(self, request, obj, form, change):
        if change:
            return super().save_model(request, obj, form, change)
        values = {k: v for k, v in form.cleaned_data.items() if k != "expected_version"}
        saved = inv.project_create(by=request.user, **values)
        obj.pk, obj.version = saved.pk, saved.version
        obj._state.adding = False


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
