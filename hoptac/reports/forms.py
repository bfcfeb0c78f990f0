"""The annual report's form (the web page and the background job read the same) and its file."""

from __future__ import annotations

from collections import Counter
from typing import cast

from django import forms
from django.utils.translation import gettext_lazy as _

from hoptac.accounts.permissions import visible_partnerships
from hoptac.localities.models import Generation, Locality
from hoptac.partnerships.models import Partnership
from hoptac.reports.annual import report_for_locality, report_for_partnership, sides_of
from hoptac.reports.services import FORMATS, filename
from hoptac.reports.services import render as render_report


class IssuerField(forms.ModelChoiceField):
    """The sides a user may have issue a report, "Hải Phòng (từ 1/7/2025)" where two
    generations of units share a name."""

    shared_names: frozenset[str] = frozenset()

    def label_from_instance(self, obj: Locality) -> str:
        if obj.name in self.shared_names and obj.generation == Generation.NEW:
            return _("%(n)s (từ %(d)s)") % {"n": obj.name, "d": f"{obj.valid_from:%-d/%-m/%Y}"}
        return obj.display_name()


class AnnualForm(forms.Form):
    partnership = forms.ModelChoiceField(
        label=_("Quan hệ hợp tác"), queryset=Partnership.objects.none(), required=False
    )
    locality = forms.ModelChoiceField(
        label=_("Hoặc một địa phương với mọi đối tác"), queryset=Locality.objects.all(),
        required=False,
    )  # fmt: skip
    issuer = IssuerField(
        label=_("Bên ban hành báo cáo"), queryset=Locality.objects.none(), required=False,
        help_text=_("Ủy ban nhân dân ký báo cáo; mặc định là bên thứ nhất của quan hệ hợp tác."),
    )  # fmt: skip
    year = forms.IntegerField(label=_("Năm"), min_value=2000, max_value=2100)
    format = forms.ChoiceField(
        label=_("Định dạng"), choices=[("docx", "Word (DOCX)"), ("pdf", "PDF")], initial="docx"
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        qs = visible_partnerships(user)
        partnership = cast(forms.ModelChoiceField, self.fields["partnership"])
        partnership.queryset = Partnership.objects.filter(pk__in=qs.values("pk")).order_by("name")
        sides = list(
            Locality.objects.filter(partnerships__in=qs.values("pk"))
            .distinct()
            .order_by("name", "-generation")
        )
        issuer = cast(IssuerField, self.fields["issuer"])
        issuer.queryset = Locality.objects.filter(pk__in=[s.pk for s in sides]).order_by(
            "name", "-generation"
        )
        names = Counter(loc.name for loc in sides)
        issuer.shared_names = frozenset(n for n, count in names.items() if count > 1)

    def clean(self):
        data = super().clean() or {}
        partnership, locality, issuer = (
            data.get("partnership"), data.get("locality"), data.get("issuer")
        )  # fmt: skip
        if not partnership and not locality:
            raise forms.ValidationError(_("Hãy chọn một quan hệ hợp tác hoặc một địa phương."))
        if partnership and issuer and issuer.pk not in {s.pk for s in sides_of(partnership)}:
            self.add_error(
                "issuer",
                _("%(l)s không phải là một bên của quan hệ hợp tác %(p)s.")
                % {"l": issuer.display_name(), "p": partnership},
            )
        elif not partnership and locality and issuer and issuer.pk != locality.pk:
            self.add_error(
                "issuer",
                _("Báo cáo của một địa phương với mọi đối tác do chính địa phương đó ban hành."),
            )
        return data


def annual_file(form: AnnualForm, user) -> tuple[bytes, str, str]:
    """Return the report the valid `form` asks for as (bytes, file name, content type)."""
    year, fmt = form.cleaned_data["year"], form.cleaned_data["format"]
    partnership = form.cleaned_data["partnership"]
    if partnership:
        report = report_for_partnership(partnership, year, issuer=form.cleaned_data["issuer"])
    else:
        report = report_for_locality(
            form.cleaned_data["locality"], year, within=visible_partnerships(user)
        )
    return render_report(report, fmt), filename(report, fmt), FORMATS[fmt]
