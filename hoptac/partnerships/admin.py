from django.contrib import admin

from hoptac.lib.admin import TrackedAdmin, service_action
from hoptac.partnerships import models as m
from hoptac.partnerships import services as ps


class MemberInline(admin.TabularInline):
    model = m.PartnershipMember
    extra = 0
    fields = ("locality",)
    autocomplete_fields = ("locality",)


class FocalPointInline(admin.TabularInline):
    model = m.FocalPoint
    extra = 0
    fields = ("locality", "agency", "person", "person_title", "role")
    autocomplete_fields = ("locality", "agency", "person")


@admin.register(m.Partnership)
class PartnershipAdmin(TrackedAdmin):
    list_display = ("__str__", "started_on", "is_published")
    list_filter = ("is_published",)
    search_fields = ("name", "members__locality__name")
    inlines = [MemberInline, FocalPointInline]


@admin.register(m.Person)
class PersonAdmin(TrackedAdmin):
    list_display = ("full_name",)
    search_fields = ("full_name", "search_name")
    readonly_fields = (*TrackedAdmin.readonly_fields, "search_name")

    def save_model(self, request, obj, form, change):
        # through the services, which keep the search key (search_name) in step with the name
        if not change:
            saved = ps.person_get_or_create(full_name=obj.full_name, by=request.user)
            obj.pk, obj.version, obj.search_name = saved.pk, saved.version, saved.search_name
            obj._state.adding = False
            return
        ps.person_update(
            obj, by=request.user, expected_version=form.cleaned_data.get("expected_version"),
            full_name=obj.full_name, notes=obj.notes,
        )  # fmt: skip


@admin.register(m.Agency)
class AgencyAdmin(TrackedAdmin):
    list_display = ("name", "short_name", "locality")
    list_filter = ("locality__generation",)
    search_fields = ("name", "search_name", "locality__name")
    autocomplete_fields = ("locality",)
    list_select_related = ("locality",)
    readonly_fields = (*TrackedAdmin.readonly_fields, "search_name")

    def save_model(self, request, obj, form, change):
        if not change:
            saved = ps.agency_get_or_create(
                locality=obj.locality, name=obj.name, short_name=obj.short_name, by=request.user
            )
            obj.pk, obj.version, obj.search_name = saved.pk, saved.version, saved.search_name
            obj._state.adding = False
            return
        ps.agency_update(
            obj, by=request.user, expected_version=form.cleaned_data.get("expected_version"),
            name=obj.name, short_name=obj.short_name, locality=obj.locality,
        )  # fmt: skip


class ParticipantInline(admin.TabularInline):
    model = m.MeetingParticipant
    extra = 0
    fields = ("person", "locality", "titles", "role")
    autocomplete_fields = ("person", "locality")


@admin.register(m.Meeting)
class MeetingAdmin(TrackedAdmin):
    list_display = ("title", "date_display", "kind", "partnership", "place")
    list_filter = ("kind", "held_on")
    search_fields = ("title", "place", "summary")
    date_hierarchy = "held_on"
    autocomplete_fields = ("partnership", "host")
    inlines = [ParticipantInline]


class CommitmentInline(admin.TabularInline):
    model = m.Commitment
    extra = 0
    fields = ("number", "field", "text", "responsible", "due_on", "status")
    readonly_fields = ("status",)  # changes only with its StatusChange row (the tracker, actions)


class SignatoryInline(admin.TabularInline):
    model = m.AgreementSignatory
    extra = 0
    autocomplete_fields = ("person", "locality")


@admin.register(m.Agreement)
class AgreementAdmin(TrackedAdmin):
    list_display = ("title", "kind", "signed_on", "period_display", "agreed_count", "partnership")
    list_filter = ("kind", "signed_on")
    search_fields = ("title",)
    autocomplete_fields = ("partnership", "meeting")
    inlines = [SignatoryInline, CommitmentInline]


class LeadInline(admin.TabularInline):
    model = m.CommitmentLead
    extra = 0
    autocomplete_fields = ("locality", "agency")


class StatusChangeInline(admin.TabularInline):
    model = m.StatusChange
    extra = 0
    readonly_fields = ("old", "new", "note", "changed_at", "changed_by")
    can_delete = False


def _status_action(status: str, label):
    return service_action(
        f"set_status_{status}", label,
        lambda c, user: ps.commitment_set_status(
            commitment=c, new=status, by=user, note="Cập nhật từ trang quản trị"),
    )  # fmt: skip


@admin.register(m.Commitment)
class CommitmentAdmin(TrackedAdmin):
    list_display = ("number", "text", "field", "status", "due_on", "agreement")
    list_filter = ("status", "field", "due_on")
    search_fields = ("text", "agreement__title")
    list_select_related = ("agreement",)
    autocomplete_fields = ("agreement", "responsible")
    inlines = [LeadInline, StatusChangeInline]
    # the status changes only through commitment_set_status (allowed transitions, history row)
    readonly_fields = (*TrackedAdmin.readonly_fields, "status")
    actions = [_status_action(s, f"Chuyển sang “{label}”") for s, label in
               m.CommitmentStatus.choices]  # fmt: skip


@admin.register(m.ProgressNote)
class ProgressNoteAdmin(TrackedAdmin):
    list_display = ("commitment", "locality", "noted_on", "text")
    list_filter = ("noted_on",)
    search_fields = ("text",)
    autocomplete_fields = ("commitment", "locality")


@admin.register(m.Request)
class RequestAdmin(TrackedAdmin):
    list_display = ("text", "from_locality", "to_locality", "status", "made_on", "answered_on")
    list_filter = ("status", "field")
    search_fields = ("text", "answer")
    autocomplete_fields = ("partnership", "meeting", "from_locality", "to_locality")
