"""The registers of the partnerships app: partnerships, meetings, agreements, commitments,
requests, people and agencies (see lib/registers.py for what a register declares).

The visibility rule, written once here for every kind that hangs off a partnership:
anonymous users read published partnerships; a signed-in user also reads the partnerships
with a side among its localities (with their predecessors and successors); a superuser reads
everything. People and agencies are read through the partnerships they take part in.
"""

from __future__ import annotations

import datetime as dt

import django_filters as df
from django.db.models import Case, F, IntegerField, Q, QuerySet, Value, When
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hoptac.accounts.models import Role
from hoptac.accounts.permissions import sides, visible_partnerships
from hoptac.api import schemas as s
from hoptac.lib.fields import field_choices
from hoptac.lib.registers import Column, Register, SearchDoc, register
from hoptac.lib.sheets import SheetColumn, choices_of
from hoptac.partnerships import services as ps
from hoptac.partnerships.models import (
    Agency,
    AgreementKind,
    AgreementSignatory,
    Commitment,
    CommitmentLead,
    CommitmentStatus,
    FocalPoint,
    Meeting,
    MeetingKind,
    MeetingParticipant,
    Partnership,
    Person,
    Request,
    RequestStatus,
)
from hoptac.partnerships.models import Agreement as AgreementModel
from hoptac.web import forms as f
from hoptac.web.columns import loc, partnership_column
from hoptac.web.filters import (
    LocalityFilter,
    TextFilter,
    YearFilter,
    partnership_filter,
    units_filter,
)

SIDES = "partnership__members__locality"
PREFETCH = ("partnership__members__locality",)
# A commitment is stale when nothing was written about it for this long.
STALE_AFTER = dt.timedelta(days=180)


def visible_partnership_ids(user) -> QuerySet:
    """Return a subquery of the ids of the partnerships `user` may read (the one rule)."""
    return visible_partnerships(user).values("pk")


def in_visible(qs: QuerySet, user, path: str = "partnership") -> QuerySet:
    """Return the rows of `qs` whose partnership (reached by `path`) `user` may read."""
    return qs.filter(**{f"{path}__in": visible_partnership_ids(user)})


def _superuser(user) -> bool:
    return bool(user is not None and user.is_authenticated and user.is_superuser)


def _own(user) -> Q:
    """Records the user created (so an editor sees the person it just added)."""
    if user is None or not user.is_authenticated or not getattr(user, "pk", None):
        return Q(pk__in=[])
    return Q(created_by=user)


def _viewer_sides(user) -> set[int] | None:
    if user is None or not user.is_authenticated:
        return set()
    return sides(user, Role.VIEWER)


# --- partnerships --------------------------------------------------------------------------


class PartnershipFilters(df.FilterSet):
    q = TextFilter("partnership")
    locality = LocalityFilter("members__locality")
    units = units_filter()

    class Meta:
        model = Partnership
        fields: list[str] = []


def _partnership_doc(obj) -> SearchDoc:
    return SearchDoc(
        title=str(obj), subtitle=obj.description[:200],
        url=reverse("web:partnership", args=[obj.pk]), text=f"{obj} {obj.description}",
        partnership_id=obj.pk,
    )  # fmt: skip


def _partnership_create(user, form):
    return ps.partnership_get_or_create(
        localities=[form.cleaned_data["first"], form.cleaned_data["second"]], by=user,
        name=form.cleaned_data["name"], is_published=form.cleaned_data["is_published"],
    )[0]  # fmt: skip


PARTNERSHIPS = register(Register(
    slug="partnerships", model=Partnership, label=_("Quan hệ hợp tác"),
    singular=_("quan hệ hợp tác"),
    visible_to=lambda user: Partnership.objects.filter(pk__in=visible_partnership_ids(user))
    .prefetch_related("members__locality"),
    filterset=PartnershipFilters,
    columns=[
        Column(_("Tên"), lambda o, c: str(o), "name", link=True),
        Column(_("Các bên"), lambda o, c: ", ".join(
            c.units.label(m.locality_id, c.mode) for m in o.members.all())),
        Column(_("Bắt đầu"), lambda o, c: o.started_on, "started_on"),
        Column(_("Công khai"), lambda o, c: _("có") if o.is_published else _("không")),
    ],
    default_sort="name",
    detail_fields=["name", "started_on", "description", "is_published"],
    sheet=[
        SheetColumn("id", "ID", "int"),
        SheetColumn("name", "Tên", width=36),
        SheetColumn("sides", "Các bên", get=lambda o: ", ".join(
            m.locality.name for m in o.members.all()), width=30),
        SheetColumn("started_on", "Bắt đầu", "date"),
        SheetColumn("is_published", "Công khai", get=lambda o: o.is_published),
        SheetColumn("description", "Mô tả", width=50),
    ],
    schemas=(s.PartnershipOut, s.PartnershipOut),
    search_kind="partnership", search=_partnership_doc,
    form=f.PartnershipForm, create=_partnership_create,
    update=lambda obj, user, version, form: ps.partnership_update(
        obj, by=user, expected_version=version, **form.values()),
))  # fmt: skip


# --- meetings ------------------------------------------------------------------------------


class MeetingFilters(df.FilterSet):
    q = TextFilter("meeting")
    locality = LocalityFilter(SIDES, "host")
    partnership = partnership_filter()
    kind = df.ChoiceFilter(choices=MeetingKind.choices, label=_("Loại"))
    year = YearFilter("held_on")
    units = units_filter()

    class Meta:
        model = Meeting
        fields: list[str] = []


def _meeting_doc(obj) -> SearchDoc:
    return SearchDoc(
        title=obj.title, subtitle=f"{obj.date_display} {obj.place}".strip(),
        url=reverse("web:detail", args=["meetings", obj.pk]),
        text=f"{obj.title} {obj.place} {obj.summary}", partnership_id=obj.partnership_id,
    )  # fmt: skip


def _partnership_sheet() -> list[SheetColumn]:
    return [
        SheetColumn("partnership", "Mã quan hệ hợp tác", "id"),
        SheetColumn("partnership", "Hai bên", "partnership"),
    ]


MEETINGS = register(Register(
    slug="meetings", model=Meeting, label=_("Cuộc họp"), singular=_("cuộc họp"),
    visible_to=lambda user: in_visible(Meeting.objects.all(), user)
    .select_related("partnership", "host").prefetch_related(*PREFETCH),
    filterset=MeetingFilters,
    columns=[
        Column(_("Ngày"), lambda o, c: o.date_display, "held_on"),
        Column(_("Tiêu đề"), lambda o, c: str(o), "title", link=True),
        Column(_("Loại"), lambda o, c: o.get_kind_display(), "kind"),
        partnership_column(),
        Column(_("Địa điểm"), lambda o, c: o.place),
        Column(_("Nơi đăng cai"), loc("host")),
    ],
    default_sort="-held_on",
    detail_fields=["partnership", "kind", "title", "held_on", "place", "host", "summary"],
    sheet=[
        SheetColumn("id", "ID", "int"),
        *_partnership_sheet(),
        SheetColumn("held_on", "Ngày", "date"),
        SheetColumn("kind", "Loại", "choice", choices=choices_of(MeetingKind.choices)),
        SheetColumn("title", "Tiêu đề", width=50),
        SheetColumn("place", "Địa điểm"),
        SheetColumn("host", "Nơi đăng cai", "locality"),
        SheetColumn("summary", "Tóm tắt", width=60),
    ],
    schemas=(s.MeetingOut, s.MeetingOut),
    search_kind="meeting", search=_meeting_doc,
    form=f.MeetingForm,
    create=lambda user, form: ps.meeting_create(by=user, **form.values()),
    update=lambda obj, user, version, form: ps.meeting_update(
        obj, by=user, expected_version=version, **form.values()),
))  # fmt: skip


# --- agreements ----------------------------------------------------------------------------


class AgreementFilters(df.FilterSet):
    q = TextFilter("agreement")
    locality = LocalityFilter(SIDES)
    partnership = partnership_filter()
    kind = df.ChoiceFilter(choices=AgreementKind.choices, label=_("Loại"))
    year = YearFilter("signed_on")
    units = units_filter()

    class Meta:
        model = AgreementModel
        fields: list[str] = []


def _agreement_doc(obj) -> SearchDoc:
    return SearchDoc(
        title=obj.title, subtitle=str(obj.partnership),
        url=reverse("web:detail", args=["agreements", obj.pk]), text=obj.title,
        partnership_id=obj.partnership_id,
    )  # fmt: skip


AGREEMENTS = register(Register(
    slug="agreements", model=AgreementModel, label=_("Văn bản hợp tác"),
    singular=_("văn bản hợp tác"),
    visible_to=lambda user: in_visible(AgreementModel.objects.all(), user)
    .select_related("partnership").prefetch_related(*PREFETCH),
    filterset=AgreementFilters,
    columns=[
        Column(_("Ngày ký"), lambda o, c: o.signed_on, "signed_on"),
        Column(_("Tên văn bản"), lambda o, c: o.title, "title", link=True),
        Column(_("Loại"), lambda o, c: o.get_kind_display(), "kind"),
        partnership_column(),
        Column(_("Giai đoạn"), lambda o, c: o.period_display),
        Column(_("Số nội dung"), lambda o, c: o.agreed_count, "agreed_count", numeric=True),
    ],
    default_sort="-signed_on",
    detail_fields=["partnership", "kind", "title", "signed_on", "period_start", "period_end",
                   "agreed_count", "agreed_unit", "meeting"],
    sheet=[
        SheetColumn("id", "ID", "int"),
        *_partnership_sheet(),
        SheetColumn("kind", "Loại", "choice", choices=choices_of(AgreementKind.choices)),
        SheetColumn("title", "Tên văn bản", width=50),
        SheetColumn("signed_on", "Ngày ký", "date"),
        SheetColumn("period_start", "Giai đoạn từ năm", "int"),
        SheetColumn("period_end", "Đến năm", "int"),
        SheetColumn("agreed_count", "Số nội dung", "int"),
        SheetColumn("meeting", "Mã cuộc họp", "id"),
    ],
    schemas=(s.AgreementOut, s.AgreementOut),
    search_kind="agreement", search=_agreement_doc,
    form=f.AgreementForm,
    create=lambda user, form: ps.agreement_create(by=user, **form.values()),
    update=lambda obj, user, version, form: ps.agreement_update(
        obj, by=user, expected_version=version, **form.values()),
))  # fmt: skip


# --- commitments (the tracker) ---------------------------------------------------------------

OPEN = [CommitmentStatus.PLANNED, CommitmentStatus.IN_PROGRESS]
STATUS_CHOICES = [
    ("open", _("Đang mở")), ("overdue", _("Quá hạn")), *CommitmentStatus.choices,
]  # fmt: skip


class CommitmentFilters(df.FilterSet):
    q = TextFilter("commitment")
    locality = LocalityFilter("agreement__partnership__members__locality")
    side = LocalityFilter("responsible", label=_("Bên chủ trì"))
    partnership = partnership_filter("agreement__partnership_id")
    field = df.ChoiceFilter(choices=field_choices(), label=_("Lĩnh vực"))
    agency = df.NumberFilter(method="by_agency", label=_("Cơ quan chủ trì"))
    status = df.ChoiceFilter(choices=STATUS_CHOICES, method="by_status", label=_("Trạng thái"))
    due_from = df.DateFilter(field_name="due_on", lookup_expr="gte", label=_("Hạn từ"))
    due_to = df.DateFilter(field_name="due_on", lookup_expr="lte", label=_("Hạn đến"))
    year = YearFilter("due_on", "agreement__signed_on")
    units = units_filter()

    class Meta:
        model = Commitment
        fields: list[str] = []

    def by_agency(self, qs, name, value):
        led = CommitmentLead.objects.filter(agency_id=int(value)).values("commitment_id")
        return qs.filter(pk__in=led)

    def by_status(self, qs, name, value):
        if value == "overdue":
            return qs.filter(status__in=OPEN, due_on__lt=timezone.localdate())
        if value == "open":
            return qs.filter(status__in=OPEN)
        return qs.filter(status=value)


TRACKER_SORTS = {
    "due": ["due_on", "id"], "-due": ["-due_on", "id"], "status": ["status", "due_on", "id"],
    "number": ["agreement_id", "number"], "partnership": ["agreement__partnership__name", "number"],
}  # fmt: skip


def _tracker_order(qs: QuerySet, sort: str) -> QuerySet:
    """Overdue first, then by due date; or one of the tracker's sorts."""
    if sort in TRACKER_SORTS:
        return qs.order_by(*[F(k[1:]).desc(nulls_last=True) if k.startswith("-")
                             else F(k).asc(nulls_last=True) for k in TRACKER_SORTS[sort]])  # fmt: skip
    overdue_first = Case(
        When(status__in=OPEN, due_on__lt=timezone.localdate(), then=Value(0)), default=Value(1),
        output_field=IntegerField(),
    )  # fmt: skip
    return qs.order_by(overdue_first, F("due_on").asc(nulls_last=True), "agreement_id", "number")


def _commitment_doc(obj) -> SearchDoc:
    text = obj.text or str(_("(chưa ghi nội dung)"))
    return SearchDoc(
        title=f"{obj.number}. {text[:200]}", subtitle=obj.agreement.title[:200],
        url=reverse("web:commitment", args=[obj.pk]), text=f"{obj.text} {obj.agreement.title}",
        partnership_id=obj.agreement.partnership_id,
    )  # fmt: skip


def _last_news(c: Commitment) -> dt.date:
    """The last day anything was written about the commitment (status, note or edit)."""
    return timezone.localtime(c.updated_at).date()


def is_stale(c: Commitment, today: dt.date | None = None) -> bool:
    """An open commitment with no news for STALE_AFTER."""
    today = today or timezone.localdate()
    return c.is_open and _last_news(c) < today - STALE_AFTER


def _leads(c: Commitment) -> str:
    return "; ".join(f"{lead.agency.name} ({lead.locality.name})" for lead in c.leads.all())


FIELDS = choices_of(field_choices())

COMMITMENTS = register(Register(
    slug="commitments", model=Commitment, label=_("Nội dung cam kết"),
    singular=_("nội dung cam kết"),
    visible_to=lambda user: in_visible(Commitment.objects.all(), user, "agreement__partnership")
    .select_related("agreement__partnership", "responsible")
    .prefetch_related("leads__agency", "leads__locality",
                      "agreement__partnership__members__locality"),
    filterset=CommitmentFilters,
    default_sort="",
    sorter=_tracker_order, sorts=("", *TRACKER_SORTS),
    sheet=[
        SheetColumn("id", "ID", "int"),
        SheetColumn("agreement", "Mã văn bản", "id"),
        SheetColumn("agreement", "Văn bản", "agreement"),
        SheetColumn("partnership", "Hai bên", get=lambda o: str(o.agreement.partnership),
                    width=28),
        SheetColumn("number", "Số thứ tự", "int", True),
        SheetColumn("field", "Lĩnh vực", "choice", choices=FIELDS),
        SheetColumn("text", "Nội dung", width=60),
        SheetColumn("responsible", "Bên chủ trì", "locality"),
        SheetColumn("leads", "Cơ quan chủ trì", get=_leads, width=40),
        SheetColumn("due_on", "Hạn", "date"),
        SheetColumn("status", "Trạng thái", "choice",
                    choices=choices_of(CommitmentStatus.choices)),
        SheetColumn("overdue", "Quá hạn", get=lambda o: o.is_overdue(), width=9),
        SheetColumn("last_news", "Cập nhật lần cuối", get=_last_news, width=12),
        SheetColumn("stale", "Lâu không cập nhật", get=lambda o: is_stale(o), width=9),
    ],
    importable=True,
    schemas=(s.CommitmentOut, s.CommitmentOut),
    search_kind="commitment", search=_commitment_doc, search_related=("agreement",),
    web_list=False,
))  # fmt: skip


# --- requests ------------------------------------------------------------------------------


class RequestFilters(df.FilterSet):
    q = TextFilter("request")
    locality = LocalityFilter(SIDES, "from_locality", "to_locality")
    partnership = partnership_filter()
    status = df.ChoiceFilter(choices=RequestStatus.choices, label=_("Trạng thái"))
    field = df.ChoiceFilter(choices=field_choices(), label=_("Lĩnh vực"))
    year = YearFilter("made_on")
    units = units_filter()

    class Meta:
        model = Request
        fields: list[str] = []


def _request_doc(obj) -> SearchDoc:
    return SearchDoc(
        title=obj.text[:200], subtitle=obj.get_status_display(),
        url=reverse("web:detail", args=["requests", obj.pk]), text=f"{obj.text} {obj.answer}",
        partnership_id=obj.partnership_id,
    )  # fmt: skip


def _request_answer(obj, user, version, form):
    d = form.cleaned_data
    return ps.request_answer(
        request=obj, by=user, answer=d["answer"], status=d["status"],
        answered_on=d["answered_on"], expected_version=version,
    )  # fmt: skip


REQUESTS = register(Register(
    slug="requests", model=Request, label=_("Đề nghị"), singular=_("đề nghị"),
    visible_to=lambda user: in_visible(Request.objects.all(), user)
    .select_related("partnership", "from_locality", "to_locality").prefetch_related(*PREFETCH),
    filterset=RequestFilters,
    columns=[
        Column(_("Ngày"), lambda o, c: o.made_on, "made_on"),
        Column(_("Nội dung đề nghị"), lambda o, c: o.text[:200], "text", link=True),
        Column(_("Bên đề nghị"), loc("from_locality")),
        Column(_("Bên được đề nghị"), loc("to_locality")),
        Column(_("Trạng thái"), lambda o, c: o.get_status_display(), "status"),
    ],
    default_sort="-made_on",
    detail_fields=["partnership", "from_locality", "to_locality", "text", "field", "made_on",
                   "status", "answer", "answered_on", "meeting"],
    sheet=[
        SheetColumn("id", "ID", "int"),
        *_partnership_sheet(),
        SheetColumn("made_on", "Ngày đề nghị", "date"),
        SheetColumn("from_locality", "Bên đề nghị", "locality"),
        SheetColumn("to_locality", "Bên được đề nghị", "locality"),
        SheetColumn("text", "Nội dung đề nghị", width=60),
        SheetColumn("field", "Lĩnh vực", "choice", choices=FIELDS),
        SheetColumn("status", "Trạng thái", "choice", choices=choices_of(RequestStatus.choices)),
        SheetColumn("answer", "Trả lời", width=50),
        SheetColumn("answered_on", "Ngày trả lời", "date"),
    ],
    schemas=(s.RequestOut, s.RequestOut),
    search_kind="request", search=_request_doc,
    form=f.RequestForm,
    create=lambda user, form: ps.request_create(by=user, **form.values()),
    update=_request_answer,
))  # fmt: skip


# --- people and agencies -------------------------------------------------------------------


def people_visible_to(user) -> QuerySet:
    """People taking part (attending, signing, following up) in partnerships `user` reads,
    and those the user added; a superuser reads everyone."""
    qs = Person.objects.all()
    if _superuser(user):
        return qs
    vis = visible_partnership_ids(user)
    ids = (
        Q(pk__in=MeetingParticipant.objects.filter(meeting__partnership__in=vis)
          .values("person_id"))
        | Q(pk__in=AgreementSignatory.objects.filter(agreement__partnership__in=vis)
            .values("person_id"))
        | Q(pk__in=FocalPoint.objects.filter(partnership__in=vis).values("person_id"))
        | _own(user)
    )  # fmt: skip
    return qs.filter(ids)


def agencies_visible_to(user) -> QuerySet:
    """Agencies of the user's sides, those taking part in partnerships `user` reads, and
    those the user added; a superuser reads every agency."""
    qs = Agency.objects.select_related("locality")
    if _superuser(user):
        return qs
    vis = visible_partnership_ids(user)
    cond = (
        Q(pk__in=FocalPoint.objects.filter(partnership__in=vis).values("agency_id"))
        | Q(pk__in=CommitmentLead.objects.filter(commitment__agreement__partnership__in=vis)
            .values("agency_id"))
        | _own(user)
    )  # fmt: skip
    own_sides = _viewer_sides(user)
    if own_sides:
        cond |= Q(locality_id__in=own_sides)
    return qs.filter(cond)


class PersonFilters(df.FilterSet):
    q = TextFilter("person")

    class Meta:
        model = Person
        fields: list[str] = []


class AgencyFilters(df.FilterSet):
    q = TextFilter("agency")
    locality = LocalityFilter("locality")
    units = units_filter()

    class Meta:
        model = Agency
        fields: list[str] = []


PEOPLE = register(Register(
    slug="people", model=Person, label=_("Cá nhân"), singular=_("cá nhân"),
    visible_to=people_visible_to, filterset=PersonFilters,
    columns=[
        Column(_("Họ và tên"), lambda o, c: o.full_name, "full_name", link=True),
        Column(_("Ghi chú"), lambda o, c: o.notes[:120]),
    ],
    default_sort="full_name",
    detail_fields=["full_name", "notes"],
    sheet=[SheetColumn("id", "ID", "int"), SheetColumn("full_name", "Họ và tên", width=30),
           SheetColumn("notes", "Ghi chú", width=50)],
    schemas=(s.PersonOut, s.PersonOut),
    search_kind="person",
    search=lambda obj: SearchDoc(
        title=obj.full_name, subtitle="", url=reverse("web:detail", args=["people", obj.pk]),
        text=obj.full_name),
    form=f.PersonForm,
    create=lambda user, form: ps.person_get_or_create(
        full_name=form.cleaned_data["full_name"], by=user),
    update=lambda obj, user, version, form: ps.person_update(
        obj, by=user, expected_version=version, **form.values()),
))  # fmt: skip

AGENCIES = register(Register(
    slug="agencies", model=Agency, label=_("Cơ quan"), singular=_("cơ quan"),
    visible_to=agencies_visible_to, filterset=AgencyFilters,
    columns=[
        Column(_("Tên cơ quan"), lambda o, c: o.name, "name", link=True),
        Column(_("Viết tắt"), lambda o, c: o.short_name, "short_name"),
        Column(_("Địa phương"), loc("locality")),
    ],
    default_sort="name",
    detail_fields=["name", "short_name", "locality"],
    sheet=[SheetColumn("id", "ID", "int"), SheetColumn("name", "Tên cơ quan", width=40),
           SheetColumn("short_name", "Viết tắt", width=12),
           SheetColumn("locality", "Địa phương", "locality")],
    schemas=(s.AgencyOut, s.AgencyOut),
    search_kind="agency",
    search=lambda obj: SearchDoc(
        title=obj.name, subtitle=obj.locality.name,
        url=reverse("web:detail", args=["agencies", obj.pk]),
        text=f"{obj.name} {obj.short_name} {obj.locality.name}"),
    search_related=("locality",),
    form=f.AgencyForm,
    create=lambda user, form: ps.agency_get_or_create(by=user, **form.values()),
    update=lambda obj, user, version, form: ps.agency_update(
        obj, by=user, expected_version=version, **form.values()),
))  # fmt: skip
