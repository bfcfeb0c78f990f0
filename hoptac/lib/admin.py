"""Admin base for tracked records: who/when shown, deletion is soft, history browsable.

Saves go through `lib.services.record_update` with the version the form was opened at, so a
stale admin form is refused like a stale web form. Fields that change only with a history
row (a commitment's status, a project's stage, a fact's state) are read-only in the admin
and change through admin actions that call the services.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _gettext
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from hoptac.lib.services import record_create, record_delete, record_update


class DeletedFilter(admin.SimpleListFilter):
    title = _("đã xóa")
    parameter_name = "deleted"

    def lookups(self, request, model_admin):
        return [("no", _("Đang dùng")), ("yes", _("Đã xóa"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(deleted_at__isnull=False)
        if self.value() == "no":
            return queryset.filter(deleted_at__isnull=True)
        return queryset


STALE = _(
    "Bản ghi này đã được người khác sửa sau khi bạn mở nó. Hãy tải lại trang để xem thay đổi "
    "mới rồi sửa lại; không có gì bị ghi đè."
)


class VersionedForm(forms.ModelForm):
    """Carries the version the record was read at; a save from an older one is refused."""

    expected_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["expected_version"].initial = self.instance.version

    def clean(self):
        data = super().clean()
        expected = data.get("expected_version")
        if self.instance.pk and expected is not None:
            current = (
                type(self.instance)
                .all_objects.filter(pk=self.instance.pk)
                .values_list("version", flat=True)
                .first()
            )
            if current != expected:
                raise ValidationError(STALE, code="concurrent_edit")
        return data


class TrackedAdmin(SimpleHistoryAdmin):
    """Staff edit through the admin; deletions only mark the record deleted."""

    form = VersionedForm
    readonly_fields: tuple[str, ...] = (
        "created_at", "created_by", "updated_at", "updated_by", "deleted_at", "deleted_by", "version",
    )  # fmt: skip
    list_per_page = 50

    def get_queryset(self, request):
        return self.model.all_objects.get_queryset()

    def get_list_filter(self, request):
        return (*super().get_list_filter(request), DeletedFilter)

    def save_model(self, request, obj, form, change):
        if not change:
            saved = record_create(
                type(obj),
                by=request.user,
                **{
                    f.attname: getattr(obj, f.attname)
                    for f in obj._meta.concrete_fields
                    if not f.primary_key and f.name not in ("created_by", "updated_by", "version")
                },
            )
            obj.pk, obj.version = saved.pk, saved.version
            obj._state.adding = False
            return
        record_update(
            obj, by=request.user, expected_version=form.cleaned_data.get("expected_version")
        )

    def delete_model(self, request, obj):
        record_delete(obj, by=request.user)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            record_delete(obj, by=request.user)


def service_action(
    name: str, label: Any, call: Callable[[Any, Any], Any]
) -> Callable[[Any, Any, Any], None]:
    """Return an admin action calling `call(obj, user)` (a service) on each selected record,
    reporting what was refused and why."""

    def action(modeladmin, request, queryset) -> None:
        done, refused = 0, []
        for obj in queryset:
            try:
                call(obj, request.user)
            except (ValidationError, PermissionDenied) as exc:
                text = " ".join(getattr(exc, "messages", [str(exc)]))
                refused.append(f"{obj}: {text}")
            else:
                done += 1
        if done:
            modeladmin.message_user(request, _gettext("Đã cập nhật %(n)s bản ghi.") % {"n": done})
        for line in refused:
            modeladmin.message_user(request, line, level=messages.ERROR)

    action.__name__ = name
    action.short_description = label  # type: ignore[attr-defined]
    return action
