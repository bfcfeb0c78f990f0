"""Every register (list of records) with what the API and exports share: the queryset with its
joins, who may read which rows, and the filters partnership, locality, status, field, year, q.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from django.db.models import Model, Q, QuerySet

from hoptac.accounts.permissions import visible_partnerships
from hoptac.activities.models import Activity
from hoptac.documents.models import Document
from hoptac.grants.models import Grant
from hoptac.investments.models import InvestmentProject, InvestmentSnapshot
from hoptac.lib.text import unaccent
from hoptac.localities.models import Locality
from hoptac.partnerships.models import (
    Agency,
    Agreement,
    Commitment,
    Meeting,
    Partnership,
    Person,
    Request,
)


@dataclass(frozen=True)
class Register:
    name: str
    model: type[Model]
    label: str  # Vietnamese, for pages and file names
    partnership_path: str | None = None  # how a row reaches its partnership ("" = itself)
    select: tuple[str, ...] = ()
    locality_fields: tuple[str, ...] = ()
    status_field: str | None = None
    field_field: str | None = None
    year_fields: tuple[str, ...] = ()
    q_fields: tuple[str, ...] = ()
    private: bool = False  # only signed-in users read it
    order: tuple[str, ...] = ("id",)
    extra: Mapping[str, str] = field(default_factory=dict)


REGISTERS: dict[str, Register] = {
    r.name: r
    for r in [
        Register("partnerships", Partnership, "Quan hệ hợp tác", "", (),
                 ("members__locality",), q_fields=("name",), order=("name", "id")),
        Register("meetings", Meeting, "Cuộc họp", "partnership", ("partnership",),
                 ("partnership__members__locality", "host"), field_field=None,
                 year_fields=("held_on",), q_fields=("title", "place")),
        Register("agreements", Agreement, "Văn bản hợp tác", "partnership", ("partnership",),
                 ("partnership__members__locality",), year_fields=("signed_on",),
                 q_fields=("title",)),
        Register("commitments", Commitment, "Nội dung cam kết", "agreement__partnership",
                 ("agreement", "agreement__partnership", "responsible"),
                 ("agreement__partnership__members__locality", "responsible"), "status", "field",
                 ("due_on", "agreement__signed_on"), ("text",), order=("agreement_id", "number")),
        Register("projects", InvestmentProject, "Dự án đầu tư", "partnership",
                 ("partnership", "origin", "host"), ("origin", "host"), "stage", "sector",
                 ("registered_on",), ("name", "investor", "external_id")),
        Register("snapshots", InvestmentSnapshot, "Số liệu đầu tư", "partnership",
                 ("partnership", "origin", "host"), ("origin", "host"),
                 year_fields=("reported_on",)),
        Register("grants", Grant, "Khoản hỗ trợ", "partnership",
                 ("partnership", "donor", "recipient"), ("donor", "recipient"),
                 field_field="field", year_fields=("year", "given_on"), q_fields=("purpose",)),
        Register("activities", Activity, "Hoạt động", "partnership", ("partnership", "organiser"),
                 ("partnership__members__locality", "organiser"), field_field="field",
                 year_fields=("year", "starts_on"), q_fields=("title", "place")),
        Register("requests", Request, "Đề nghị", "partnership",
                 ("partnership", "from_locality", "to_locality"), ("from_locality", "to_locality"),
                 "status", "field", ("made_on",), ("text", "answer")),
        Register("documents", Document, "Tài liệu", None, (), (), year_fields=("published_on",),
                 q_fields=("title", "filename"), private=True),
        Register("people", Person, "Cá nhân", None, q_fields=("full_name",),
                 order=("full_name", "id")),
        Register("agencies", Agency, "Cơ quan", None, ("locality",), ("locality",),
                 q_fields=("name",), order=("name", "id")),
        Register("localities", Locality, "Địa phương", None, ("successor",),
                 q_fields=("name",), order=("-generation", "code")),
    ]
}  # fmt: skip


def _family(locality_id: int) -> set[int]:
    """Return the unit with its successor and the successor's other predecessors."""
    ids = {locality_id}
    succ = Locality.objects.filter(pk=locality_id).values_list("successor_id", flat=True).first()
    if succ:
        ids.add(succ)
    ids |= set(Locality.objects.filter(successor_id__in=ids).values_list("pk", flat=True))
    return ids


def _year_q(fields: tuple[str, ...], year: int) -> Q:
    q = Q()
    for f in fields:
        q |= Q(**{f: year}) if f == "year" else Q(**{f"{f}__year": year})
    return q


def register_queryset(reg: Register, user, filters: Mapping[str, object] | None = None) -> QuerySet:
    """Return the rows of `reg` that `user` may read, filtered; ordered for stable paging.

    Unknown or empty filters are ignored; a filter a register has no column for is ignored too.
    """
    qs = reg.model._default_manager.all()
    if reg.select:
        qs = qs.select_related(*reg.select)
    if reg.name == "partnerships":
        qs = qs.prefetch_related("members")
    if reg.private and not (user and user.is_authenticated):
        return qs.none()
    if reg.partnership_path is not None:
        visible = visible_partnerships(user).values("pk")
        path = f"{reg.partnership_path}__in" if reg.partnership_path else "pk__in"
        cond = Q(**{path: visible})
        if reg.model is InvestmentProject:
            cond |= Q(partnership__isnull=True)
        qs = qs.filter(cond)
    f = {k: v for k, v in (filters or {}).items() if v not in (None, "")}
    needs_distinct = False
    if "partnership" in f and reg.partnership_path is not None:
        key = f"{reg.partnership_path}_id" if reg.partnership_path else "pk"
        qs = qs.filter(**{key: int(f["partnership"])})  # type: ignore[call-overload]
    if "locality" in f and reg.locality_fields:
        ids = _family(int(f["locality"]))  # type: ignore[call-overload]
        cond = Q()
        for lf in reg.locality_fields:
            cond |= Q(**{f"{lf}__in": ids})
        qs = qs.filter(cond)
        needs_distinct = any("__" in lf for lf in reg.locality_fields)
    if "status" in f and reg.status_field:
        qs = qs.filter(**{reg.status_field: f["status"]})
    if "field" in f and reg.field_field:
        qs = qs.filter(**{reg.field_field: f["field"]})
    if "year" in f and reg.year_fields:
        qs = qs.filter(_year_q(reg.year_fields, int(f["year"])))  # type: ignore[call-overload]
    if "q" in f and reg.q_fields:
        text = str(f["q"]).strip()
        cond = Q()
        for qf in reg.q_fields:
            cond |= Q(**{f"{qf}__icontains": text})
        if reg.model in (Person, Agency, Locality):
            cond |= Q(search_name__contains=unaccent(text))
        qs = qs.filter(cond)
    if needs_distinct or reg.name == "partnerships":
        qs = qs.distinct()
    return qs.order_by(*reg.order)
