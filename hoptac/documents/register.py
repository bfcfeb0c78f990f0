"""The register of documents (see lib/registers.py), served by the review queue's list.

Who reads a document (never anonymous users: the originals are working material):
- a superuser, and whoever uploaded it;
- anyone who reads a partnership it concerns: a record of that partnership (meeting,
  agreement, commitment, grant, ...) came from one of its facts;
- members of a side it names as a party (its party facts), so that the reviewers of a side
  find the new reports about it before any record exists.
"""

from __future__ import annotations

import django_filters as df
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q, QuerySet
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from hoptac.accounts.models import Role
from hoptac.accounts.permissions import sides
from hoptac.api import schemas as s
from hoptac.documents.models import Document, Fact, FactKind, RecordSource, ReviewState
from hoptac.lib.registers import Column, Register, SearchDoc, register
from hoptac.lib.sheets import SheetColumn
from hoptac.localities.models import Locality, LocalityName
from hoptac.partnerships.register import visible_partnership_ids
from hoptac.web.columns import num
from hoptac.web.filters import LocalityField, TextFilter, YearFilter

# record kinds a document's facts become, and how each reaches its partnership
_PARTNERSHIP_PATHS = {
    "partnerships.Partnership": "pk",
    "partnerships.Meeting": "partnership",
    "partnerships.Agreement": "partnership",
    "partnerships.Commitment": "agreement__partnership",
    "partnerships.Request": "partnership",
    "investments.InvestmentProject": "partnership",
    "investments.InvestmentSnapshot": "partnership",
    "grants.Grant": "partnership",
    "activities.Activity": "partnership",
}


def _names_of(locality_ids) -> set[str]:
    names = set(Locality.objects.filter(pk__in=locality_ids).values_list("name", flat=True))
    names |= set(
        LocalityName.objects.filter(locality_id__in=locality_ids).values_list("name", flat=True)
    )
    return names


def documents_visible_to(user) -> QuerySet:
    qs = Document.objects.defer("original", "text")
    if user is None or not user.is_authenticated:
        return qs.none()
    if user.is_superuser:
        return qs
    from django.apps import apps

    vis = visible_partnership_ids(user)
    linked = Q()
    for label, path in _PARTNERSHIP_PATHS.items():
        model = apps.get_model(label)
        records = model._default_manager.filter(**{f"{path}__in": vis}).values("pk")
        ct = ContentType.objects.get_for_model(model)
        linked |= Q(content_type=ct, object_id__in=records)
    cond = Q(pk__in=RecordSource.objects.filter(linked).values("document_id"))
    if getattr(user, "pk", None):
        cond |= Q(created_by=user)
    own = sides(user, Role.VIEWER) or set()
    if own:
        named = Fact.objects.filter(kind=FactKind.PARTY, value__name__in=_names_of(own))
        cond |= Q(pk__in=named.values("document_id"))
    return qs.filter(cond)


class PartyFilter(df.Filter):
    """`partner`: documents naming the unit (id or key) as a party."""

    field_class = LocalityField

    def filter(self, qs, value):
        if value is None:
            return qs
        names = _names_of([value.pk])
        named = Fact.objects.filter(kind=FactKind.PARTY, value__name__in=names)
        return qs.filter(pk__in=named.values("document_id"))


class DocumentFilters(df.FilterSet):
    q = TextFilter("document")
    year = YearFilter("published_on")
    partner = PartyFilter(label=_("Bên hợp tác"))
    published_from = df.DateFilter(field_name="published_on", lookup_expr="gte", label=_("Từ ngày"))
    published_to = df.DateFilter(field_name="published_on", lookup_expr="lte", label=_("Đến ngày"))
    review = df.ChoiceFilter(
        choices=[("pending", _("Còn dữ kiện chờ duyệt")), ("all", _("Tất cả"))],
        method="by_review", label=_("Duyệt"),
    )  # fmt: skip

    class Meta:
        model = Document
        fields: list[str] = []

    def by_review(self, qs, name, value):
        if value == "pending":
            pending = Fact.objects.filter(state=ReviewState.PROPOSED).values("document_id")
            return qs.filter(pk__in=pending)
        return qs


def with_counts(qs: QuerySet) -> QuerySet:
    """Annotate each document with its pending and total facts (the review queue shows them)."""
    return qs.annotate(
        pending=Count("facts", filter=Q(facts__state=ReviewState.PROPOSED)), total=Count("facts")
    )


DOCUMENTS = register(Register(
    slug="documents", model=Document, label=_("Tài liệu"), singular=_("tài liệu"),
    visible_to=documents_visible_to, filterset=DocumentFilters,
    columns=[
        Column(_("Ngày đăng"), lambda o, c: o.published_on, "published_on"),
        Column(_("Tiêu đề"), lambda o, c: str(o), "title", link=True),
        Column(_("Tên tệp"), lambda o, c: o.filename, "filename"),
        Column(_("Định dạng"), lambda o, c: o.media_type),
        Column(_("Dung lượng (byte)"), lambda o, c: num(o.size), "size", numeric=True),
    ],
    default_sort="-published_on",
    detail_fields=["title", "published_on", "source_url", "filename", "media_type", "encoding",
                   "size", "sha256", "extracted_at", "extractor"],
    sheet=[
        SheetColumn("id", "ID", "int"),
        SheetColumn("title", "Tiêu đề", width=50),
        SheetColumn("published_on", "Ngày đăng", "date"),
        SheetColumn("source_url", "Nguồn", width=40),
        SheetColumn("filename", "Tên tệp", width=30),
        SheetColumn("media_type", "Định dạng", width=16),
        SheetColumn("size", "Dung lượng (byte)", "int"),
        SheetColumn("sha256", "Mã băm SHA-256", width=20),
    ],
    schemas=(s.DocumentOut, s.DocumentDetailOut),
    search_kind="document",
    search=lambda obj: SearchDoc(
        title=str(obj),
        subtitle=obj.published_on.strftime("%d/%m/%Y") if obj.published_on else "",
        url=reverse("web:documents_link", args=[obj.pk]), text=f"{obj.title} {obj.text}"),
    login_required=True,
))  # fmt: skip
