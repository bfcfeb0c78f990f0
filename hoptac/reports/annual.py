"""What the annual evaluation report says, gathered from the records.

`annual_report()` returns an `AnnualReport`: plain data that the DOCX and PDF renderers lay
out the same way. A partnership report covers one partnership; a locality report covers
every partnership of one locality (and of its predecessors or successors).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from hoptac.activities.models import Activity
from hoptac.grants.models import Grant
from hoptac.investments.models import STAGE_ORDER, InvestmentProject, InvestmentSnapshot, Stage
from hoptac.lib.fields import field_label
from hoptac.localities.models import Kind, Locality
from hoptac.partnerships.models import (
    Agreement,
    Commitment,
    CommitmentStatus,
    Meeting,
    Partnership,
    Request,
)
from hoptac.reports.numbers import fmt_date, fmt_number, fmt_ty


@dataclass
class CommitmentRow:
    partner: str
    agreement: str
    number: int
    field: str
    text: str
    responsible: str
    due: str
    status: str  # the label at the end of the year
    state: str  # "done" | "in_progress" | "overdue" | "other"
    note: str


@dataclass
class FieldResult:
    label: str
    done: int = 0
    in_progress: int = 0
    overdue: int = 0
    other: int = 0
    rows: list[CommitmentRow] = field(default_factory=list)


@dataclass
class StageRow:
    label: str
    projects: int
    capital: str  # tỷ đồng, formatted
    previous: int


@dataclass
class Chart:
    title: str
    categories: list[str]
    series: list[tuple[str, list[int]]]  # (legend, one value per category)


@dataclass
class AnnualReport:
    year: int
    issuer_body: str  # "ỦY BAN NHÂN DÂN"
    issuer_name: str  # "THÀNH PHỐ HÀ NỘI"
    issuer_short: str  # "UBND" for the number line
    place: str
    date_on: dt.date
    summary: str
    partners: list[str]
    overview: list[str]
    fields: list[FieldResult]
    stages: list[StageRow]
    investment: list[str]
    chart: Chart | None
    grants: list[list[str]]
    grants_total: str
    activities: list[list[str]]
    requests: list[list[str]]
    annex: list[CommitmentRow]
    recipients: list[str]


def _kind_name(loc: Locality) -> str:
    """Return "thành phố Hà Nội" / "tỉnh Thanh Hóa"."""
    kind = "thành phố" if loc.kind == Kind.CITY else "tỉnh"
    return f"{kind} {loc.name}"


def _side_name(loc: Locality) -> str:
    return loc.display_name()


def _stage_at(p: InvestmentProject, end: dt.date) -> str | None:
    """Return the project's stage on `end`, or None when it had not started by then."""
    changes = sorted(p.stage_changes.all(), key=lambda s: (s.changed_on, s.id))
    before = [s for s in changes if s.changed_on <= end]
    if before:
        return before[-1].new
    if p.registered_on and p.registered_on > end:
        return None
    return changes[0].old or None if changes else p.stage


def _in_year(year: int, *date_fields: str) -> Q:
    q = Q()
    for name in date_fields:
        q |= Q(**{f"{name}__year": year})
    return q


def annual_report(
    *, partnerships: Sequence[Partnership], year: int, issuer: Locality,
    date_on: dt.date | None = None, today: dt.date | None = None,
) -> AnnualReport:  # fmt: skip
    """Gather the report of `year` over `partnerships`, issued by `issuer`'s People's Committee."""
    today = today or timezone.localdate()
    end_date = min(dt.date(year, 12, 31), today)
    issuer_now = issuer.current()
    pids = [p.pk for p in partnerships]
    issuer_family = Locality.objects.family([issuer.pk, issuer_now.pk])
    partner_of: dict[int, str] = {}
    for p in Partnership.objects.filter(pk__in=pids).prefetch_related("members__locality"):
        others = [m.locality for m in p.members.all() if m.locality_id not in issuer_family]
        sides = others or [m.locality for m in p.members.all()]
        partner_of[p.pk] = ", ".join(_side_name(loc) for loc in sides)
    partners = [partner_of[p] for p in pids if p in partner_of]
    single = len(pids) == 1

    def label(pid: int, text: str) -> str:
        return text if single else f"[{partner_of.get(pid, '')}] {text}"

    # Meetings and agreements of the year
    meetings = list(
        Meeting.objects.filter(partnership_id__in=pids, held_on__year=year).order_by("held_on")
    )
    agreements_year = list(
        Agreement.objects.filter(partnership_id__in=pids, signed_on__year=year).order_by(
            "signed_on"
        )
    )

    # Commitments of every agreement in force by the end of the year
    commitments = list(
        Commitment.objects.filter(agreement__partnership_id__in=pids)
        .filter(Q(agreement__signed_on__isnull=True) | Q(agreement__signed_on__lte=end_date))
        .select_related("agreement", "responsible", "responsible__successor")
        .prefetch_related("notes")
        .order_by("agreement__signed_on", "agreement_id", "number")
    )
    by_field: dict[str, FieldResult] = {}
    annex: list[CommitmentRow] = []
    for c in commitments:
        # The current status: status rows carry the time of entry, not of the work, and
        # results of a year are often entered after it ends.
        status = c.status
        is_open = status in (CommitmentStatus.PLANNED, CommitmentStatus.IN_PROGRESS)
        if status == CommitmentStatus.DONE:
            state = "done"
        elif is_open and c.due_on and c.due_on < end_date:
            state = "overdue"
        elif status == CommitmentStatus.IN_PROGRESS:
            state = "in_progress"
        else:
            state = "other"
        notes = [n for n in c.notes.all() if n.noted_on.year == year]
        notes.sort(key=lambda n: (n.noted_on, n.id))
        row = CommitmentRow(
            partner=partner_of.get(c.agreement.partnership_id, ""),
            agreement=c.agreement.title,
            number=c.number,
            field=field_label(c.field) if c.field else _("Chưa phân lĩnh vực"),
            text=c.text or _("(chưa nhập nội dung)"),
            responsible=_side_name(c.responsible) if c.responsible else _("Hai bên"),
            due=fmt_date(c.due_on),
            status=str(CommitmentStatus(status).label),
            state=state,
            note=notes[-1].text if notes else "",
        )
        annex.append(row)
        fr = by_field.setdefault(row.field, FieldResult(label=row.field))
        setattr(fr, state, getattr(fr, state) + 1)
        if c.text:  # empty placeholders are counted and listed in the annex only
            fr.rows.append(row)
    states = Counter(r.state for r in annex)

    # Investment: projects by stage at the end of this year and the one before
    prev_end = dt.date(year - 1, 12, 31)
    projects = list(
        InvestmentProject.objects.filter(partnership_id__in=pids).prefetch_related("stage_changes")
    )
    now_count: Counter[str] = Counter()
    now_capital: dict[str, int] = defaultdict(int)
    prev_count: Counter[str] = Counter()
    prev_capital = 0
    for pr in projects:
        st = _stage_at(pr, end_date)
        if st:
            now_count[st] += 1
            now_capital[st] += pr.capital_vnd or 0
        st_prev = _stage_at(pr, prev_end)
        if st_prev:
            prev_count[st_prev] += 1
            prev_capital += pr.capital_vnd or 0
    stages = [
        StageRow(str(Stage(s).label), now_count[s], fmt_ty(now_capital[s]), prev_count[s])
        for s in STAGE_ORDER
        if now_count[s] or prev_count[s]
    ]
    investment: list[str] = []
    total_now, total_prev = sum(now_count.values()), sum(prev_count.values())
    cap_now = sum(now_capital.values())
    if total_now or total_prev:
        investment.append(
            _(
                "Theo dữ liệu dự án trên hệ thống, đến hết năm %(y)s có %(n)s dự án, tổng vốn "
                "đăng ký %(c)s tỷ đồng (năm %(py)s: %(pn)s dự án, %(pc)s tỷ đồng); tăng %(dn)s "
                "dự án, %(dc)s tỷ đồng so với năm trước."
            )
            % {
                "y": year, "n": fmt_number(total_now), "c": fmt_ty(cap_now), "py": year - 1,
                "pn": fmt_number(total_prev), "pc": fmt_ty(prev_capital),
                "dn": fmt_number(total_now - total_prev), "dc": fmt_ty(cap_now - prev_capital),
            }
        )  # fmt: skip
    snaps = list(
        InvestmentSnapshot.objects.filter(partnership_id__in=pids, reported_on__year__in=[year, year - 1])
        .select_related("origin", "host", "origin__successor", "host__successor")
        .order_by("reported_on", "id")
    )  # fmt: skip
    latest: dict[tuple[int, int, int], InvestmentSnapshot] = {}
    for s in snaps:
        assert s.reported_on is not None
        latest[(s.reported_on.year, s.origin_id, s.host_id)] = s
    chart_cats: list[str] = []
    chart_now: list[int] = []
    chart_prev: list[int] = []
    by_date = sorted(latest.items(), key=lambda kv: kv[1].reported_on or dt.date.min)
    for (y, origin_id, host_id), s in by_date:
        if y != year:
            continue
        q = s.get_qualifier_display() + " " if s.qualifier != "exact" else ""
        text = _(
            "Theo số liệu báo cáo ngày %(d)s, doanh nghiệp của %(o)s đầu tư tại %(h)s "
            "%(n)s dự án, tổng vốn đăng ký %(q)s%(c)s tỷ đồng"
        ) % {
            "d": fmt_date(s.reported_on), "o": _side_name(s.origin), "h": _side_name(s.host),
            "n": fmt_number(s.projects), "q": q, "c": fmt_ty(s.capital_vnd),
        }  # fmt: skip
        parts = [f"{fmt_number(v)} {Stage(k).label.lower()}" for k, v in s.by_stage().items() if v]
        if parts:
            text += " (" + "; ".join(parts) + ")"
        before = latest.get((year - 1, origin_id, host_id))
        if before and before.projects is not None and s.projects is not None:
            text += _("; so với năm %(py)s: %(dn)s dự án") % {
                "py": year - 1,
                "dn": f"{s.projects - before.projects:+d}",
            }
        investment.append(text + ".")
        chart_cats.append(f"{s.origin.name} → {s.host.name}")
        chart_now.append(s.projects or 0)
        chart_prev.append(before.projects or 0 if before else 0)
    chart: Chart | None = None
    if stages:
        chart = Chart(
            _("Số dự án theo giai đoạn"),
            [r.label for r in stages],
            [
                (str(year - 1), [r.previous for r in stages]),
                (str(year), [r.projects for r in stages]),
            ],
        )
    elif chart_cats:
        chart = Chart(
            _("Số dự án đầu tư theo số liệu báo cáo"), chart_cats,
            [(str(year - 1), chart_prev), (str(year), chart_now)],
        )  # fmt: skip
    if not investment:
        investment.append(_("Chưa có số liệu đầu tư trong năm %(y)s.") % {"y": year})

    # Grants, activities, requests
    grants_qs = (
        Grant.objects.filter(partnership_id__in=pids)
        .filter(Q(year=year) | Q(year__isnull=True, given_on__year=year))
        .select_related("donor", "recipient", "donor__successor", "recipient__successor")
        .order_by("given_on", "id")
    )
    grants, grant_sum = [], 0
    for g in grants_qs:
        grant_sum += g.amount_vnd
        grants.append(
            [fmt_date(g.given_on) or str(g.year or ""), _side_name(g.donor), _side_name(g.recipient),
             fmt_ty(g.amount_vnd, 3), label(g.partnership_id, g.purpose)]
        )  # fmt: skip
    activities = [
        [fmt_date(a.starts_on) or str(a.year or ""), a.get_kind_display(),
         label(a.partnership_id, a.title), a.place, fmt_number(a.count) if a.count else ""]
        for a in Activity.objects.filter(partnership_id__in=pids)
        .filter(Q(year=year) | Q(year__isnull=True, starts_on__year=year))
        .order_by("starts_on", "id")
    ]  # fmt: skip
    requests = [
        [_side_name(r.from_locality), label(r.partnership_id, r.text), r.get_status_display(),
         r.answer or _("(chưa trả lời)")]
        for r in Request.objects.filter(partnership_id__in=pids)
        .filter(Q(made_on__year=year) | Q(made_on__isnull=True, meeting__held_on__year=year))
        .select_related("from_locality", "from_locality__successor")
        .order_by("made_on", "id")
    ]  # fmt: skip

    overview = []
    subject = _kind_name(issuer)
    if single:
        overview.append(
            _("Năm %(y)s, %(s)s và %(p)s tiếp tục triển khai các nội dung hợp tác đã thống nhất.")
            % {"y": year, "s": subject, "p": partners[0] if partners else ""}
        )
    else:
        overview.append(
            _("Năm %(y)s, %(s)s triển khai hợp tác với %(n)s địa phương: %(p)s.")
            % {"y": year, "s": subject, "n": len(partners), "p": ", ".join(partners)}
        )
    for m in meetings:
        overview.append(
            _("Ngày %(d)s: %(t)s%(pl)s.")
            % {"d": fmt_date(m.held_on), "t": label(m.partnership_id, m.title),
               "pl": f" tại {m.place}" if m.place else ""}
        )  # fmt: skip
    for a in agreements_year:
        overview.append(
            _("Ký kết %(t)s ngày %(d)s%(n)s.")
            % {"t": label(a.partnership_id, a.title), "d": fmt_date(a.signed_on),
               "n": _(" với %(n)s nội dung") % {"n": a.agreed_count}
               if a.agreed_count and f"{a.agreed_count} nội dung" not in a.title else ""}
        )  # fmt: skip
    overview.append(
        _(
            "Tổng số %(n)s nội dung hợp tác đang theo dõi: %(d)s hoàn thành, %(i)s đang thực "
            "hiện, %(o)s quá hạn, %(x)s chưa triển khai hoặc tạm dừng."
        )
        % {"n": len(annex), "d": states["done"], "i": states["in_progress"],
           "o": states["overdue"], "x": states["other"]}
    )  # fmt: skip
    if grants:
        overview.append(
            _("Các khoản hỗ trợ trong năm: %(n)s khoản, tổng %(s)s tỷ đồng.")
            % {"n": len(grants), "s": fmt_ty(grant_sum, 3)}
        )
    # Support reported at this year's meetings without saying when it was given ("những năm
    # qua") belongs to no year: named apart so a reviewer can date it, never counted above.
    undated = Grant.objects.filter(
        partnership_id__in=pids, year__isnull=True, given_on__isnull=True,
        meeting__held_on__year=year,
    ).values_list("amount_vnd", flat=True)  # fmt: skip
    if undated:
        overview.append(
            _(
                "Ngoài ra, các hội nghị trong năm nêu %(n)s khoản hỗ trợ chưa rõ năm, tổng "
                "%(s)s tỷ đồng, không tính vào năm %(y)s."
            )
            % {"n": len(undated), "s": fmt_ty(sum(undated), 3), "y": year}
        )
    if activities:
        overview.append(_("Tổ chức %(n)s hoạt động hợp tác.") % {"n": len(activities)})

    if single:
        summary = _("Kết quả hợp tác giữa %(s)s và %(p)s năm %(y)s") % {
            "s": subject,
            "p": partners[0] if partners else "",
            "y": year,
        }
    else:
        summary = _("Kết quả hợp tác của %(s)s với các địa phương năm %(y)s") % {
            "s": subject,
            "y": year,
        }
    return AnnualReport(
        year=year,
        issuer_body="ỦY BAN NHÂN DÂN",
        issuer_name=_kind_name(issuer_now).upper(),
        issuer_short="UBND",
        place=issuer_now.name,
        date_on=date_on or timezone.localdate(),
        summary=summary,
        partners=partners,
        overview=overview,
        fields=sorted(by_field.values(), key=lambda f: f.label),
        stages=stages,
        investment=investment,
        chart=chart,
        grants=grants,
        grants_total=fmt_ty(grant_sum, 3),
        activities=activities,
        requests=requests,
        annex=annex,
        recipients=[
            *(_("UBND %(p)s") % {"p": p} for p in partners),
            _("Thường trực Thành ủy/Tỉnh ủy"),
            _("Sở Kế hoạch và Đầu tư"),
            _("Lưu: VT, KTN"),
        ],
    )


def report_for_partnership(partnership: Partnership, year: int, **kw) -> AnnualReport:
    """Return the report of one partnership, issued by its first side."""
    members = [m.locality for m in partnership.members.select_related("locality").order_by("id")]
    return annual_report(partnerships=[partnership], year=year, issuer=members[0], **kw)


def report_for_locality(locality: Locality, year: int, *, within=None, **kw) -> AnnualReport:
    """Return the report of every partnership of `locality` (and its predecessors/successor).

    `within` limits the partnerships (e.g. to those a web user may read).
    """
    family = Locality.objects.family([locality.pk])
    qs = Partnership.objects.filter(members__locality_id__in=family)
    if within is not None:
        qs = qs.filter(pk__in=within.values("pk"))
    partnerships = list(qs.distinct().order_by("name"))
    return annual_report(partnerships=partnerships, year=year, issuer=locality, **kw)
