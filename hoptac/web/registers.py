"""The registers: for each kind of record, what its list shows, filters and sorts, who sees
it, which form edits it and which service saves it. The views in views/registers.py are
generic over these definitions.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from hoptac.accounts.models import Role
from hoptac.accounts.permissions import can, can_any
from hoptac.activities import services as activity_services
from hoptac.activities.models import Activity, ActivityKind
from hoptac.documents.models import Document
from hoptac.grants import services as grant_services
from hoptac.grants.models import Grant
from hoptac.investments import services as investment_services
from hoptac.investments.models import InvestmentProject, InvestmentSnapshot, Stage
from hoptac.lib.fields import field_choices
from hoptac.partnerships import services as ps
from hoptac.partnerships.models import (
    Agency,
    Agreement,
    AgreementKind,
    Meeting,
    MeetingKind,
    Partnership,
    Person,
    Request,
    RequestStatus,
)
from hoptac.web import forms as f
from hoptac.web.queries import Units, can_edit_partnership, visible_partnership_ids
from hoptac.web.templatetags.web import num, vnd


@dataclass
class Ctx:
    """What a list needs besides its rows: the user, the units and the units mode."""

    user: Any
    units: Units
    mode: str


@dataclass
class Column:
    label: Any
    value: Callable[[Any, Ctx], Any]
    sort: str | None = None
    numeric: bool = False
    link: bool = False  # the cell links to the record's page


@dataclass
class Filter:
    name: str
    label: Any
    kind: str  # "text", "choice", "locality", "partnership", "year"
    apply: Callable[[QuerySet, str, Ctx], QuerySet]
    choices: list[tuple[str, Any]] = field(default_factory=list)


@dataclass
class Register:
    slug: str
    model: type
    label: Any
    singular: Any
    base: Callable[[Any], QuerySet]
    columns: list[Column]
    filters: list[Filter]
    default_sort: str
    detail_fields: list[str]
    form: Any = None  # a ModelForm class
    create: Callable[..., Any] | None = None
    update: Callable[..., Any] | None = None
    can_edit: Callable[[Any, Any], bool] = lambda user, obj: False
    partnership_of: Callable[[Any], Any] = lambda obj: None
    login_required: bool = False


def _in_visible(qs: QuerySet, user, path: str = "partnership_id") -> QuerySet:
    return qs.filter(**{f"{path}__in": visible_partnership_ids(user)})


def _loc(attr: str) -> Callable[[Any, Ctx], str]:
    def value(obj, ctx: Ctx) -> str:
        lid = getattr(obj, f"{attr}_id")
        return ctx.units.label(lid, ctx.mode) if lid else "—"

    return value


def _partner_filter(path: str) -> Filter:
    """Filter by a side, counting the units merged into it (or the unit of the time)."""

    def apply(qs, value, ctx: Ctx):
        loc = ctx.units.by_key(value)
        if loc is None:
            return qs.none()
        ids = ctx.units.family(loc, ctx.mode)
        sub = Partnership.objects.filter(members__locality_id__in=ids).values("id")
        return qs.filter(**{f"{path}__in": sub})

    return Filter("locality", _("Địa phương"), "locality", apply)


def _exact(name: str, label, path: str, choices) -> Filter:
    return Filter(name, label, "choice", lambda qs, v, ctx: qs.filter(**{path: v}), list(choices))


def _text(*paths: str) -> Filter:
    def apply(qs, value, ctx):
        q = Q()
        for p in paths:
            q |= Q(**{f"{p}__icontains": value})
        return qs.filter(q)

    return Filter("q", _("Từ khóa"), "text", apply)


def _year(path: str) -> Filter:
    def apply(qs, value, ctx):
        return qs.filter(**{path: int(value)}) if value.isdigit() else qs.none()

    return Filter("year", _("Năm"), "year", apply)


def _partnership_filter(path: str = "partnership_id") -> Filter:
    def apply(qs, value, ctx):
        return qs.filter(**{path: int(value)}) if value.isdigit() else qs.none()

    return Filter("partnership", _("Quan hệ hợp tác"), "partnership", apply)


def _partnership_col() -> Column:
    return Column(_("Quan hệ hợp tác"), lambda o, c: o.partnership, "partnership__name")


PARTNERSHIP_PREFETCH = ("partnership__members__locality",)


def _edit_partner(user, obj) -> bool:
    return can_edit_partnership(user, obj.partnership)


REGISTERS: dict[str, Register] = {}


def _add(r: Register) -> None:
    REGISTERS[r.slug] = r


_add(Register(
    slug="partnerships", model=Partnership, label=_("Quan hệ hợp tác"),
    singular=_("quan hệ hợp tác"),
    base=lambda user: Partnership.objects.filter(id__in=visible_partnership_ids(user))
    .prefetch_related("members__locality"),
    columns=[
        Column(_("Tên"), lambda o, c: str(o), "name", link=True),
        Column(_("Các bên"), lambda o, c: ", ".join(
            c.units.label(m.locality_id, c.mode) for m in o.members.all())),
        Column(_("Bắt đầu"), lambda o, c: o.started_on, "started_on"),
        Column(_("Công khai"), lambda o, c: _("có") if o.is_published else _("không")),
    ],
    filters=[_text("name", "description"), _partner_filter("id")],
    default_sort="name",
    detail_fields=["name", "started_on", "description", "is_published"],
    form=f.PartnershipForm,
    create=lambda user, form: ps.partnership_get_or_create(
        localities=[form.cleaned_data["first"], form.cleaned_data["second"]], by=user,
        name=form.cleaned_data["name"], is_published=form.cleaned_data["is_published"],
    )[0],
    update=lambda obj, user, version, form: ps.partnership_update(
        obj, by=user, expected_version=version, **form.values()),
    can_edit=lambda user, obj: can_edit_partnership(user, obj),
    partnership_of=lambda obj: obj,
))  # fmt: skip

_add(Register(
    slug="meetings", model=Meeting, label=_("Cuộc họp"), singular=_("cuộc họp"),
    base=lambda user: _in_visible(Meeting.objects.all(), user)
    .select_related("partnership").prefetch_related(*PARTNERSHIP_PREFETCH),
    columns=[
        Column(_("Ngày"), lambda o, c: o.date_display, "held_on"),
        Column(_("Tiêu đề"), lambda o, c: str(o), "title", link=True),
        Column(_("Loại"), lambda o, c: o.get_kind_display(), "kind"),
        _partnership_col(),
        Column(_("Địa điểm"), lambda o, c: o.place),
        Column(_("Nơi đăng cai"), _loc("host")),
    ],
    filters=[_text("title", "place", "summary"), _partner_filter("partnership_id"),
             _partnership_filter(), _exact("kind", _("Loại"), "kind", MeetingKind.choices),
             _year("held_on__year")],
    default_sort="-held_on",
    detail_fields=["partnership", "kind", "title", "held_on", "place", "host", "summary"],
    form=f.MeetingForm,
    create=lambda user, form: ps.meeting_create(by=user, **form.values()),
    update=lambda obj, user, version, form: ps.meeting_update(
        obj, by=user, expected_version=version, **form.values()),
    can_edit=_edit_partner, partnership_of=lambda o: o.partnership,
))  # fmt: skip

_add(Register(
    slug="agreements", model=Agreement, label=_("Văn bản hợp tác"), singular=_("văn bản hợp tác"),
    base=lambda user: _in_visible(Agreement.objects.all(), user)
    .select_related("partnership").prefetch_related(*PARTNERSHIP_PREFETCH),
    columns=[
        Column(_("Ngày ký"), lambda o, c: o.signed_on, "signed_on"),
        Column(_("Tên văn bản"), lambda o, c: o.title, "title", link=True),
        Column(_("Loại"), lambda o, c: o.get_kind_display(), "kind"),
        _partnership_col(),
        Column(_("Giai đoạn"), lambda o, c: o.period_display),
        Column(_("Số nội dung"), lambda o, c: o.agreed_count, "agreed_count", numeric=True),
    ],
    filters=[_text("title"), _partner_filter("partnership_id"), _partnership_filter(),
             _exact("kind", _("Loại"), "kind", AgreementKind.choices),
             _year("signed_on__year")],
    default_sort="-signed_on",
    detail_fields=["partnership", "kind", "title", "signed_on", "period_start", "period_end",
                   "agreed_count", "agreed_unit", "meeting"],
    form=f.AgreementForm,
    create=lambda user, form: ps.agreement_create(by=user, **form.values()),
    update=lambda obj, user, version, form: ps.agreement_update(
        obj, by=user, expected_version=version, **form.values()),
    can_edit=_edit_partner, partnership_of=lambda o: o.partnership,
))  # fmt: skip


def _project_base(user) -> QuerySet:
    qs = InvestmentProject.objects.all()
    visible = Q(partnership_id__in=visible_partnership_ids(user))
    if user.is_authenticated:
        visible |= Q(partnership__isnull=True)
    return qs.filter(visible).select_related("partnership").prefetch_related(*PARTNERSHIP_PREFETCH)


_add(Register(
    slug="projects", model=InvestmentProject, label=_("Dự án đầu tư"), singular=_("dự án đầu tư"),
    base=_project_base,
    columns=[
        Column(_("Tên dự án"), lambda o, c: o.name, "name", link=True),
        Column(_("Nhà đầu tư"), lambda o, c: o.investor, "investor"),
        Column(_("Từ"), _loc("origin")),
        Column(_("Tại"), _loc("host")),
        Column(_("Vốn đăng ký"), lambda o, c: vnd(o.capital_vnd), "capital_vnd", numeric=True),
        Column(_("Giai đoạn"), lambda o, c: o.get_stage_display(), "stage"),
        Column(_("Ngày đăng ký"), lambda o, c: o.registered_on, "registered_on"),
    ],
    filters=[_text("name", "investor"), _partner_filter("partnership_id"), _partnership_filter(),
             _exact("stage", _("Giai đoạn"), "stage", Stage.choices),
             _exact("sector", _("Lĩnh vực"), "sector", field_choices())],
    default_sort="name",
    detail_fields=["partnership", "name", "investor", "origin", "host", "sector", "capital_vnd",
                   "stage", "registered_on", "external_id", "notes"],
    form=f.ProjectForm,
    create=lambda user, form: investment_services.project_create(by=user, **form.values()),
    update=lambda obj, user, version, form: investment_services.project_update(
        obj, by=user, expected_version=version, **form.values()),
    can_edit=lambda user, o: can_any(user, Role.EDITOR, [o.origin_id, o.host_id]),
    partnership_of=lambda o: o.partnership,
))  # fmt: skip

_add(Register(
    slug="snapshots", model=InvestmentSnapshot, label=_("Số liệu đầu tư"),
    singular=_("số liệu đầu tư"),
    base=lambda user: _in_visible(InvestmentSnapshot.objects.all(), user)
    .select_related("partnership").prefetch_related(*PARTNERSHIP_PREFETCH),
    columns=[
        Column(_("Ngày báo cáo"), lambda o, c: o.reported_on or "—", "reported_on", link=True),
        _partnership_col(),
        Column(_("Nhà đầu tư từ"), _loc("origin")),
        Column(_("Đầu tư tại"), _loc("host")),
        Column(_("Số dự án"), lambda o, c: num(o.projects), "projects", numeric=True),
        Column(_("Tổng vốn đăng ký"), lambda o, c: (
            f"{o.get_qualifier_display()} " if o.qualifier != "exact" else "") + vnd(o.capital_vnd),
            "capital_vnd", numeric=True),
    ],
    filters=[_partner_filter("partnership_id"), _partnership_filter(),
             _year("reported_on__year")],
    default_sort="-reported_on",
    detail_fields=["partnership", "origin", "host", "reported_on", "meeting", "projects",
                   "capital_vnd", "qualifier", "since_year", "location_approved", "licensed",
                   "under_construction", "operating", "suspended", "revoked"],
    form=f.SnapshotForm,
    create=lambda user, form: investment_services.snapshot_create(by=user, **form.values()),
    update=lambda obj, user, version, form: investment_services.snapshot_update(
        obj, by=user, expected_version=version, **form.values()),
    can_edit=_edit_partner, partnership_of=lambda o: o.partnership,
))  # fmt: skip

_add(Register(
    slug="grants", model=Grant, label=_("Khoản hỗ trợ"), singular=_("khoản hỗ trợ"),
    base=lambda user: _in_visible(Grant.objects.all(), user)
    .select_related("partnership").prefetch_related(*PARTNERSHIP_PREFETCH),
    columns=[
        Column(_("Ngày trao"), lambda o, c: o.given_on or o.year, "given_on"),
        Column(_("Mục đích"), lambda o, c: o.purpose or "—", "purpose", link=True),
        Column(_("Bên hỗ trợ"), _loc("donor")),
        Column(_("Bên nhận"), _loc("recipient")),
        Column(_("Số tiền"), lambda o, c: vnd(o.amount_vnd), "amount_vnd", numeric=True),
        _partnership_col(),
    ],
    filters=[_text("purpose"), _partner_filter("partnership_id"), _partnership_filter(),
             _exact("field", _("Lĩnh vực"), "field", field_choices()), _year("year")],
    default_sort="-given_on",
    detail_fields=["partnership", "donor", "recipient", "amount_vnd", "purpose", "field",
                   "given_on", "year", "meeting"],
    form=f.GrantForm,
    create=lambda user, form: grant_services.grant_create(by=user, **form.values()),
    update=lambda obj, user, version, form: grant_services.grant_update(
        obj, by=user, expected_version=version, **form.values()),
    can_edit=lambda user, o: can_any(user, Role.EDITOR, [o.donor_id, o.recipient_id]),
    partnership_of=lambda o: o.partnership,
))  # fmt: skip

_add(Register(
    slug="activities", model=Activity, label=_("Hoạt động"), singular=_("hoạt động"),
    base=lambda user: _in_visible(Activity.objects.all(), user)
    .select_related("partnership").prefetch_related(*PARTNERSHIP_PREFETCH),
    columns=[
        Column(_("Từ ngày"), lambda o, c: o.starts_on or o.year, "starts_on"),
        Column(_("Tên hoạt động"), lambda o, c: o.title, "title", link=True),
        Column(_("Loại"), lambda o, c: o.get_kind_display(), "kind"),
        Column(_("Bên tổ chức"), _loc("organiser")),
        Column(_("Số lượt"), lambda o, c: num(o.count) if o.count else "", "count", numeric=True),
        _partnership_col(),
    ],
    filters=[_text("title", "place", "description"), _partner_filter("partnership_id"),
             _partnership_filter(), _exact("kind", _("Loại"), "kind", ActivityKind.choices),
             _year("year")],
    default_sort="-starts_on",
    detail_fields=["partnership", "kind", "title", "starts_on", "ends_on", "year", "place",
                   "organiser", "count", "field", "description"],
    form=f.ActivityForm,
    create=lambda user, form: activity_services.activity_create(by=user, **form.values()),
    update=lambda obj, user, version, form: activity_services.activity_update(
        obj, by=user, expected_version=version, **form.values()),
    can_edit=lambda user, o: can(user, Role.EDITOR, o.organiser_id) if o.organiser_id
    else can_edit_partnership(user, o.partnership),
    partnership_of=lambda o: o.partnership,
))  # fmt: skip


def _request_create(user, form):
    values = form.values()
    return ps.request_create(by=user, **values)


def _request_answer(obj, user, version, form):
    d = form.cleaned_data
    return ps.request_answer(
        request=obj, by=user, answer=d["answer"], status=d["status"],
        answered_on=d["answered_on"], expected_version=version,
    )  # fmt: skip


_add(Register(
    slug="requests", model=Request, label=_("Đề nghị"), singular=_("đề nghị"),
    base=lambda user: _in_visible(Request.objects.all(), user)
    .select_related("partnership").prefetch_related(*PARTNERSHIP_PREFETCH),
    columns=[
        Column(_("Ngày"), lambda o, c: o.made_on, "made_on"),
        Column(_("Nội dung đề nghị"), lambda o, c: o.text[:200], "text", link=True),
        Column(_("Bên đề nghị"), _loc("from_locality")),
        Column(_("Bên được đề nghị"), _loc("to_locality")),
        Column(_("Trạng thái"), lambda o, c: o.get_status_display(), "status"),
    ],
    filters=[_text("text", "answer"), _partner_filter("partnership_id"), _partnership_filter(),
             _exact("status", _("Trạng thái"), "status", RequestStatus.choices)],
    default_sort="-made_on",
    detail_fields=["partnership", "from_locality", "to_locality", "text", "field", "made_on",
                   "status", "answer", "answered_on", "meeting"],
    form=f.RequestForm,
    create=_request_create,
    update=_request_answer,
    can_edit=lambda user, o: can(user, Role.EDITOR, o.to_locality_id),
    partnership_of=lambda o: o.partnership,
))  # fmt: skip

_add(Register(
    slug="documents", model=Document, label=_("Tài liệu"), singular=_("tài liệu"),
    base=lambda user: Document.objects.defer("original", "text"),
    columns=[
        Column(_("Ngày đăng"), lambda o, c: o.published_on, "published_on"),
        Column(_("Tiêu đề"), lambda o, c: str(o), "title", link=True),
        Column(_("Tên tệp"), lambda o, c: o.filename, "filename"),
        Column(_("Định dạng"), lambda o, c: o.media_type),
        Column(_("Dung lượng (byte)"), lambda o, c: num(o.size), "size", numeric=True),
    ],
    filters=[_text("title", "filename", "source_url"), _year("published_on__year")],
    default_sort="-published_on",
    detail_fields=["title", "published_on", "source_url", "filename", "media_type", "encoding",
                   "size", "sha256", "extracted_at", "extractor"],
    login_required=True,
))  # fmt: skip

_add(Register(
    slug="people", model=Person, label=_("Cá nhân"), singular=_("cá nhân"),
    base=lambda user: Person.objects.all(),
    columns=[
        Column(_("Họ và tên"), lambda o, c: o.full_name, "full_name", link=True),
        Column(_("Ghi chú"), lambda o, c: o.notes[:120]),
    ],
    filters=[Filter("q", _("Từ khóa"), "text", lambda qs, v, c: qs.filter(
        Q(full_name__icontains=v) | Q(search_name__contains=_unaccent(v))))],
    default_sort="full_name",
    detail_fields=["full_name", "notes"],
    form=f.PersonForm,
    create=lambda user, form: ps.person_get_or_create(
        full_name=form.cleaned_data["full_name"], by=user),
))  # fmt: skip

_add(Register(
    slug="agencies", model=Agency, label=_("Cơ quan"), singular=_("cơ quan"),
    base=lambda user: Agency.objects.select_related("locality"),
    columns=[
        Column(_("Tên cơ quan"), lambda o, c: o.name, "name", link=True),
        Column(_("Viết tắt"), lambda o, c: o.short_name, "short_name"),
        Column(_("Địa phương"), _loc("locality")),
    ],
    filters=[Filter("q", _("Từ khóa"), "text", lambda qs, v, c: qs.filter(
        Q(name__icontains=v) | Q(search_name__contains=_unaccent(v)))),
        Filter("locality", _("Địa phương"), "locality", lambda qs, v, c: qs.filter(
            locality_id__in=c.units.family(c.units.by_key(v), c.mode))  # type: ignore[arg-type]
            if c.units.by_key(v) else qs.none())],
    default_sort="name",
    detail_fields=["name", "short_name", "locality"],
    form=f.AgencyForm,
    create=lambda user, form: ps.agency_get_or_create(by=user, **form.values()),
))  # fmt: skip


def _unaccent(value: str) -> str:
    from hoptac.lib.text import unaccent

    return unaccent(value)
