"""Forms of the programme pages: meetings with participants, agreements with commitments.

Forms only read and check the input; the services write (and hold the rules that every
surface shares, in the models' clean()).
"""

from __future__ import annotations

import datetime as dt

from django import forms
from django.utils.translation import gettext_lazy as _

from hoptac.lib.dates import parse_due
from hoptac.lib.fields import field_choices
from hoptac.lib.validation import confirm_far_dates
from hoptac.localities.models import Locality
from hoptac.partnerships.models import (
    Agency,
    Agreement,
    AgreementKind,
    Meeting,
    ParticipantRole,
)
from hoptac.web.forms import RecordForm
from hoptac.web.queries import locality_label

CONFIRM_LABEL = _("Xác nhận ngày ở xa (hơn một năm tới) là đúng")


class MeetingForm(RecordForm):
    confirm_far_dates = forms.BooleanField(label=CONFIRM_LABEL, required=False)

    class Meta:
        model = Meeting
        fields = ["partnership", "kind", "title", "held_on", "place", "host", "summary"]
        widgets = {"summary": forms.Textarea(attrs={"rows": 3})}

    def _post_clean(self) -> None:
        # The model's clean() refuses far dates unless confirmed: tell it before it runs.
        confirm_far_dates(self.instance, self.cleaned_data.get("confirm_far_dates", False))
        super()._post_clean()  # type: ignore[misc]

    def values(self) -> dict:
        return {k: v for k, v in self.cleaned_data.items() if k not in ("version",)}


class AgreementForm(RecordForm):
    signed_file = forms.FileField(label=_("Tệp văn bản đã ký"), required=False)

    class Meta:
        model = Agreement
        fields = [
            "partnership", "meeting", "kind", "title", "number", "signed_on", "period_start",
            "period_end", "agreed_count", "agreed_unit",
        ]  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = AgreementKind.choices
        self.fields["agreed_count"].help_text = _(
            "Khi tạo mới: tạo sẵn chừng ấy nội dung trống để điền."
        )
        meeting = self.fields["meeting"]
        meeting.queryset = Meeting.objects.filter(
            partnership__in=self.fields["partnership"].queryset
            if "partnership" in self.fields
            else [self.instance.partnership_id]
        ).order_by("-held_on", "-id")
        meeting.required = False


class ParticipantForm(forms.Form):
    """One participant: a person picked (id) or named (found or created), side, titles, role."""

    person = forms.IntegerField(required=False, widget=forms.HiddenInput)
    person_name = forms.CharField(label=_("Họ và tên"), max_length=120, required=False)
    titles = forms.CharField(
        label=_("Chức danh lúc đó"), max_length=500, required=False,
        help_text=_("Nhiều chức danh cách nhau bằng dấu chấm phẩy (;)"),
    )  # fmt: skip
    locality = forms.ModelChoiceField(Locality.objects.none(), label=_("Bên"), required=False)
    role = forms.ChoiceField(label=_("Vai trò"), choices=ParticipantRole.choices)

    def __init__(self, *args, sides=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["locality"].queryset = Locality.objects.filter(pk__in=[s.pk for s in sides])
        self.fields["locality"].label_from_instance = locality_label
        self.fields["locality"].empty_label = _("— không thuộc bên nào —")

    def clean(self):
        data = super().clean()
        if not data.get("person") and not (data.get("person_name") or "").strip():
            self.add_error("person_name", _("Hãy chọn hoặc nhập họ và tên."))
        return data

    def title_list(self) -> list[str]:
        return [t.strip() for t in self.cleaned_data.get("titles", "").split(";") if t.strip()]


class SignatoryForm(forms.Form):
    person_name = forms.CharField(label=_("Họ và tên người ký"), max_length=120)
    title = forms.CharField(label=_("Chức danh"), max_length=255, required=False)
    locality = forms.ModelChoiceField(Locality.objects.none(), label=_("Ký thay mặt bên"))

    def __init__(self, *args, sides=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["locality"].queryset = Locality.objects.filter(pk__in=[s.pk for s in sides])
        self.fields["locality"].label_from_instance = locality_label


class CommitmentForm(forms.Form):
    """A commitment with its leads per side; lead fields are added for each side."""

    version = forms.IntegerField(required=False, widget=forms.HiddenInput)
    text = forms.CharField(label=_("Nội dung"), widget=forms.Textarea(attrs={"rows": 2}))
    field = forms.ChoiceField(label=_("Lĩnh vực"), required=False)
    due = forms.CharField(
        label=_("Hạn"), max_length=40, required=False,
        help_text=_("Ngày (30/6/2026), tháng (6/2026), quý (Quý II/2026) hoặc năm (2026)"),
    )  # fmt: skip
    responsible = forms.ChoiceField(label=_("Bên thực hiện"), required=False)
    responsible_name = forms.CharField(label=_("Người phụ trách"), max_length=120, required=False)
    partners = forms.ModelMultipleChoiceField(
        Agency.objects.none(), label=_("Cơ quan phối hợp"), required=False,
        widget=forms.SelectMultiple(attrs={"size": 4}),
    )  # fmt: skip

    def __init__(self, *args, sides=(), editable_sides=None, agencies=None, parents=None,
                 **kwargs):  # fmt: skip
        """`agencies` (all of the sides', loaded once) fill the pickers without a query per
        form; `parents` (top-level items) offer "thuộc nội dung" on a new item's form."""
        super().__init__(*args, **kwargs)
        self.fields["field"].choices = [("", "—"), *field_choices()]
        self.sides = list(sides)
        if parents is not None:
            self.fields["parent"] = forms.ChoiceField(
                label=_("Thuộc nội dung"), required=False,
                choices=[("", _("— nội dung chính —")),
                         *[(str(c.pk), c.display_number) for c in parents]],
                help_text=_("Chọn một nội dung để thêm ý con (1.1, 1.2)."),
            )  # fmt: skip
            self.order_fields(["parent"])
        self.fields["responsible"].choices = [
            ("", _("Cả hai bên")),
            *[(str(s.pk), s.name) for s in self.sides],
        ]
        agencies = Agency.objects.filter(locality__in=self.sides).select_related("locality")
        self.fields["partners"].queryset = agencies.order_by("locality__name", "name")
        self.lead_fields = []
        for side in self.sides:
            if editable_sides is not None and side.pk not in editable_sides:
                continue
            pick = forms.ModelChoiceField(
                agencies.filter(locality=side).order_by("name"), required=False,
                label=_("Cơ quan chủ trì – %(side)s") % {"side": side.name},
                empty_label=_("— chưa giao —"),
            )  # fmt: skip
            pick.label_from_instance = lambda a: a.name
            new = forms.CharField(
                required=False, max_length=255,
                label=_("hoặc cơ quan mới của %(side)s") % {"side": side.name},
            )  # fmt: skip
            self.fields[f"lead_{side.pk}"] = pick
            self.fields[f"lead_new_{side.pk}"] = new
            self.lead_fields.append((side, f"lead_{side.pk}", f"lead_new_{side.pk}"))
            if agencies is not None:
                pick.widget.choices = [("", pick.empty_label)] + [
                    (a.pk, a.name) for a in agencies if a.locality_id == side.pk
                ]
        if agencies is not None:
            self.fields["partners"].widget.choices = [
                (a.pk, f"{a.name} ({a.locality.name})") for a in agencies
            ]

    def clean_due(self) -> tuple[dt.date, str] | None:
        try:
            return parse_due(self.cleaned_data.get("due", ""))
        except ValueError:
            raise forms.ValidationError(
                _("Không đọc được hạn “%(v)s”: hãy viết 30/6/2026, 6/2026, Quý II/2026 hoặc 2026.")
                % {"v": self.cleaned_data.get("due", "")}
            ) from None
