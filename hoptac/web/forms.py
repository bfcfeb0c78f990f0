"""Edit forms of the registers: one declared schema per record kind, validated at the edge.

Forms only validate; the writes go through each app's services (see registers.py).
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from hoptac.accounts.models import Role
from hoptac.accounts.permissions import sides
from hoptac.activities.models import Activity
from hoptac.grants.models import Grant
from hoptac.investments.models import InvestmentProject, InvestmentSnapshot
from hoptac.lib.forms import MoneyField
from hoptac.localities.models import Locality
from hoptac.partnerships.models import (
    Agency,
    Agreement,
    Meeting,
    Partnership,
    Person,
    Request,
    RequestStatus,
)
from hoptac.web.queries import locality_label
from hoptac.web.widgets import LocalitySelect

# dd/mm/yyyy shown and typed whatever the browser's language (ISO is accepted too).
DATE = forms.DateInput(
    format="%d/%m/%Y",
    attrs={"placeholder": "dd/mm/yyyy", "inputmode": "numeric", "autocomplete": "off"},
)


def editable_partnerships(user):
    """Return the partnerships with a side `user` edits, their members prefetched."""
    qs = Partnership.objects.prefetch_related("members__locality").order_by("name")
    allowed = sides(user, Role.EDITOR)
    if allowed is None:
        return qs
    return qs.filter(
        id__in=Partnership.objects.filter(members__locality_id__in=allowed).values("id")
    )


class RecordForm(forms.ModelForm):
    """A model form that carries the version it was read at and names units through time."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version
        for name, f in list(self.fields.items()):
            if name.endswith("_vnd"):  # amounts of đồng, typed as people write them
                self.fields[name] = f = MoneyField(
                    label=f.label, required=f.required, help_text=f.help_text
                )
            if isinstance(f, forms.ModelChoiceField):
                model = f.queryset.model
                if model is Locality:
                    f.queryset = Locality.objects.select_related("successor").order_by(
                        "-generation", "name"
                    )
                    f.label_from_instance = locality_label
                    f.widget = LocalitySelect(date_field=self._date_field_name())
                elif model is Partnership:
                    f.queryset = editable_partnerships(user)
            if isinstance(f.widget, forms.DateInput):
                f.widget = DATE

    def _date_field_name(self) -> str | None:
        """Return the name of the field that dates the record (the units must exist then)."""
        for name in ("held_on", "signed_on", "given_on", "registered_on", "reported_on",
                     "starts_on", "made_on"):  # fmt: skip
            if name in self.fields:
                return name
        return None

    def values(self) -> dict:
        """Return the cleaned values of the model fields, for a service call."""
        return {k: v for k, v in self.cleaned_data.items() if k != "version"}


class PartnershipCreateForm(forms.Form):
    first = forms.ModelChoiceField(Locality.objects.none(), label=_("Địa phương thứ nhất"))
    second = forms.ModelChoiceField(Locality.objects.none(), label=_("Địa phương thứ hai"))
    name = forms.CharField(label=_("Tên"), max_length=255, required=False)
    # A new partnership starts unpublished: publishing is its own decision, taken on the
    # partnership's page (partnership_set_published) and kept in its history.
    is_published = forms.BooleanField(
        label=_("Công khai"), required=False, initial=False, widget=forms.HiddenInput
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        qs = Locality.objects.select_related("successor").order_by("-generation", "name")
        for name in ("first", "second"):
            self.fields[name].queryset = qs
            self.fields[name].label_from_instance = locality_label

    def clean(self):
        data = super().clean()
        if data.get("first") and data.get("first") == data.get("second"):
            self.add_error("second", _("Hai bên phải là hai địa phương khác nhau."))
        return data


class PartnershipForm(RecordForm):
    class Meta:
        model = Partnership
        fields = ["name", "started_on", "description"]


class MeetingForm(RecordForm):
    class Meta:
        model = Meeting
        fields = ["partnership", "kind", "title", "held_on", "place", "host", "summary"]


class AgreementForm(RecordForm):
    class Meta:
        model = Agreement
        fields = [
            "partnership", "kind", "title", "signed_on", "period_start", "period_end",
            "agreed_count", "agreed_unit",
        ]  # fmt: skip


class ProjectForm(RecordForm):
    class Meta:
        model = InvestmentProject
        fields = [
            "partnership", "name", "investor", "origin", "host", "sector", "capital_vnd",
            "stage", "registered_on", "external_id", "notes",
        ]  # fmt: skip


class SnapshotForm(RecordForm):
    class Meta:
        model = InvestmentSnapshot
        fields = [
            "partnership", "origin", "host", "reported_on", "projects", "capital_vnd",
            "qualifier", "since_year", "location_approved", "licensed", "under_construction",
            "operating", "suspended", "revoked",
        ]  # fmt: skip


class GrantForm(RecordForm):
    class Meta:
        model = Grant
        fields = [
            "partnership", "donor", "recipient", "amount_vnd", "purpose", "field", "given_on",
            "year",
        ]  # fmt: skip


class ActivityForm(RecordForm):
    class Meta:
        model = Activity
        fields = [
            "partnership", "kind", "title", "starts_on", "ends_on", "place", "organiser",
            "count", "field", "description",
        ]  # fmt: skip


class RequestForm(RecordForm):
    class Meta:
        model = Request
        fields = ["partnership", "from_locality", "to_locality", "text", "field", "made_on"]


class RequestAnswerForm(RecordForm):
    class Meta:
        model = Request
        fields = ["status", "answer", "answered_on"]

    def clean_status(self):
        status = self.cleaned_data["status"]
        if status == RequestStatus.OPEN:
            raise forms.ValidationError(_("Hãy chọn trạng thái sau khi trả lời."))
        return status


class PersonForm(RecordForm):
    class Meta:
        model = Person
        fields = ["full_name", "notes"]


class AgencyForm(RecordForm):
    class Meta:
        model = Agency
        fields = ["locality", "name", "short_name"]
