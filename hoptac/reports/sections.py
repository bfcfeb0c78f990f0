"""The sections of the annual report, one builder each, in the order of `SECTIONS`.

Every builder takes the `Year` (the records of the report's year, gathered once) and returns a
`Section` (hoptac/reports/blocks.py) with its heading, its blocks and what it says when empty.
A new section is one function added to `SECTIONS`.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property

from django.db.models import Q
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
from hoptac.reports.blocks import Block, Chart, Paragraph, Section, Subheading, Table
from hoptac.reports.figures import grants_in_year
from hoptac.reports.numbers import fmt_date, fmt_number, fmt_ty

# In the 2025 reorganisation the provincial Departments of Planning and Investment merged into
# the Departments of Finance from 1 March 2025.
FINANCE_TAKES_OVER_PLANNING = dt.date(2025, 3, 1)


@dataclass
class CommitmentRow:
    partner: str
    agreement: str
    number: int
    field: str
    text: str
    responsible: str
    due: str
    status: str  # the label at the end of the year; an overdue one says so
    state: str  # "done" | "in_progress" | "overdue" | "other"
    note: str  # the latest status note, then the year's latest progress note
    entered: bool = True  # False for a numbered placeholder whose text is not entered yet


def kind_name(loc: Locality, on: dt.date | None = None) -> str:
    """Return "thành phố Hà Nội" / "tỉnh Thanh Hóa"; with `on`, a unit gone by then reads
    "tỉnh Hà Nam (nay thuộc tỉnh Ninh Bình)"."""
    kind = "thành phố" if loc.kind == Kind.CITY else "tỉnh"  # part of the name: not translated
    name = f"{kind} {loc.name}"
    if on is None or loc.exists_on(on) or loc.successor is None:
        return name
    if loc.successor.name == loc.name:
        return name
    return _("%(old)s (nay thuộc %(new)s)") % {"old": name, "new": kind_name(loc.successor)}


def _short_name(loc: Locality) -> str:
    return loc.display_name()


def slug(loc: Locality) -> str:
    """Return the unit's name for a file name: "Hải Phòng" → "haiphong"."""
    from hoptac.lib.text import unaccent

    return unaccent(loc.name).lower().replace(" ", "")[:20]


def _stage_at(p: InvestmentProject, end: dt.date) -> str | None:
    """Return the project's stage on `end`, or None when it had not started by then."""
    changes = sorted(p.stage_changes.all(), key=lambda s: (s.changed_on, s.id))
    before = [s for s in changes if s.changed_on <= end]
    if before:
        return before[-1].new
    if p.registered_on and p.registered_on > end:
        return None
    return changes[0].old or None if changes else p.stage


class Year:
    """The records of `year` over `partnerships`, gathered once for every section builder."""

    def __init__(
        self, partnerships: Sequence[Partnership], year: int, issuer: Locality,
        date_on: dt.date, today: dt.date,
    ) -> None:  # fmt: skip
        self.year = year
        self.date_on = date_on
        self.end_date = min(dt.date(year, 12, 31), today)
        self.issuer = issuer
        self.issuer_then = issuer.successor_on(date_on)  # the body that signs on date_on
        self.pids = [p.pk for p in partnerships]
        self.single = len(self.pids) == 1
        family = Locality.objects.family([issuer.pk, self.issuer_then.pk, issuer.current().pk])
        self.partner_locs: dict[int, list[Locality]] = {}
        for p in Partnership.objects.filter(pk__in=self.pids).prefetch_related(
            "members__locality__successor"
        ):
            sides = [m.locality for m in p.members.all()]
            self.partner_locs[p.pk] = [s for s in sides if s.pk not in family] or sides

    @cached_property
    def partners(self) -> list[Locality]:
        seen: dict[int, Locality] = {}
        for pid in self.pids:
            for loc in self.partner_locs.get(pid, []):
                seen.setdefault(loc.pk, loc)
        return list(seen.values())

    def partner_of(self, pid: int) -> str:
        return ", ".join(_short_name(loc) for loc in self.partner_locs.get(pid, []))

    def label(self, pid: int, text: str) -> str:
        """Return `text`, prefixed with its partner in a report over several partnerships."""
        return text if self.single else f"[{self.partner_of(pid)}] {text}"

    @cached_property
    def commitments(self) -> list[CommitmentRow]:
        """Every commitment of an agreement in force by the end of the year."""
        rows = []
        qs = (
            Commitment.objects.filter(agreement__partnership_id__in=self.pids)
            .filter(
                Q(agreement__signed_on__isnull=True) | Q(agreement__signed_on__lte=self.end_date)
            )
            .select_related("agreement", "responsible", "responsible__successor")
            .prefetch_related("notes", "status_changes")
            .order_by("agreement__signed_on", "agreement_id", "number")
        )
        for c in qs:
            # The current status: status rows carry the time of entry, not of the work, and
            # results of a year are often entered after it ends.
            status = str(CommitmentStatus(c.status).label)
            if c.status == CommitmentStatus.DONE:
                state = "done"
            elif c.is_overdue(self.end_date):
                state = "overdue"
                status = _("Quá hạn, %(s)s") % {"s": status.lower()}
            elif c.status == CommitmentStatus.IN_PROGRESS:
                state = "in_progress"
            else:
                state = "other"
            c.latest_note_at = max((n.created_at for n in c.notes.all()), default=None)  # type: ignore[attr-defined]
            if stale := c.stale_days(self.end_date):
                status += "; " + _("chưa cập nhật %(n)s ngày") % {"n": stale}
            status_notes = [s.note for s in c.status_changes.all() if s.note]  # newest first
            progress = sorted(
                (n for n in c.notes.all() if n.noted_on.year == self.year),
                key=lambda n: (n.noted_on, n.id),
            )
            notes: list[str] = []
            for note in [*status_notes[:1], *(n.text for n in progress[-1:])]:
                if any(note in kept for kept in notes):
                    continue
                notes = [kept for kept in notes if kept not in note] + [note]
            rows.append(
                CommitmentRow(
                    partner=self.partner_of(c.agreement.partnership_id),
                    agreement=c.agreement.title,
                    number=c.number,
                    field=field_label(c.field) if c.field else _("Chưa phân lĩnh vực"),
                    text=c.text or _("(chưa nhập nội dung)"),
                    responsible=_short_name(c.responsible) if c.responsible else _("Hai bên"),
                    due=fmt_date(c.due_on),
                    status=status,
                    state=state,
                    note="; ".join(notes),
                    entered=bool(c.text),
                )
            )
        return rows

    @cached_property
    def grants(self) -> list[Grant]:
        return grants_in_year(self.pids, self.year)  # the dashboard's rule (reports.figures)

    @cached_property
    def activities(self) -> list[Activity]:
        return list(
            Activity.objects.filter(partnership_id__in=self.pids)
            .filter(Q(year=self.year) | Q(year__isnull=True, starts_on__year=self.year))
            .order_by("starts_on", "id")
        )


# --- the sections, in order ------------------------------------------------------------------


def overview(y: Year) -> Section:
    """I. The year in brief: partners, meetings, agreements, counts of everything below."""
    out: list[Block] = []
    subject = kind_name(y.issuer, y.date_on)
    partners = [kind_name(loc, y.date_on) for loc in y.partners]
    if y.single:
        out.append(Paragraph(
            _("Năm %(y)s, %(s)s và %(p)s tiếp tục triển khai các nội dung hợp tác đã thống nhất.")
            % {"y": y.year, "s": subject, "p": ", ".join(partners)}
        ))  # fmt: skip
    else:
        out.append(Paragraph(
            _("Năm %(y)s, %(s)s triển khai hợp tác với %(n)s địa phương: %(p)s.")
            % {"y": y.year, "s": subject, "n": len(partners), "p": ", ".join(partners)}
        ))  # fmt: skip
    for m in Meeting.objects.filter(partnership_id__in=y.pids, held_on__year=y.year).order_by(
        "held_on"
    ):
        out.append(Paragraph(
            _("Ngày %(d)s: %(t)s%(pl)s.")
            % {"d": fmt_date(m.held_on), "t": y.label(m.partnership_id, m.title),
               "pl": f" tại {m.place}" if m.place else ""}
        ))  # fmt: skip
    for a in Agreement.objects.filter(partnership_id__in=y.pids, signed_on__year=y.year).order_by(
        "signed_on"
    ):
        out.append(Paragraph(
            _("Ký kết %(t)s ngày %(d)s%(n)s.")
            % {"t": y.label(a.partnership_id, a.title), "d": fmt_date(a.signed_on),
               "n": _(" với %(n)s nội dung") % {"n": a.agreed_count}
               if a.agreed_count and f"{a.agreed_count} nội dung" not in a.title else ""}
        ))  # fmt: skip
    states = Counter(r.state for r in y.commitments)
    out.append(Paragraph(
        _(
            "Tổng số %(n)s nội dung hợp tác đang theo dõi: %(d)s hoàn thành, %(i)s đang thực "
            "hiện, %(o)s quá hạn, %(x)s chưa triển khai hoặc tạm dừng."
        )
        % {"n": len(y.commitments), "d": states["done"], "i": states["in_progress"],
           "o": states["overdue"], "x": states["other"]}
    ))  # fmt: skip
    if y.grants:
        out.append(Paragraph(
            _("Các khoản hỗ trợ trong năm: %(n)s khoản, tổng %(s)s tỷ đồng.")
            % {"n": len(y.grants), "s": fmt_ty(sum(g.amount_vnd for g in y.grants), 3)}
        ))  # fmt: skip
    # Support reported at this year's meetings without saying when it was given ("những năm
    # qua") belongs to no year: named apart so a reviewer can date it, never counted above.
    undated = Grant.objects.filter(
        partnership_id__in=y.pids, year__isnull=True, given_on__isnull=True,
        meeting__held_on__year=y.year,
    ).values_list("amount_vnd", flat=True)  # fmt: skip
    if undated:
        out.append(Paragraph(
            _(
                "Ngoài ra, các hội nghị trong năm nêu %(n)s khoản hỗ trợ chưa rõ năm, tổng "
                "%(s)s tỷ đồng, không tính vào năm %(y)s."
            )
            % {"n": len(undated), "s": fmt_ty(sum(undated), 3), "y": y.year}
        ))  # fmt: skip
    if y.activities:
        out.append(Paragraph(_("Tổ chức %(n)s hoạt động hợp tác.") % {"n": len(y.activities)}))
    return Section("overview", _("I. TÌNH HÌNH CHUNG NĂM %(y)s") % {"y": y.year}, out)


def fields(y: Year) -> Section:
    """II. Results by field: the counts, then each commitment with its status and note."""
    by_field: dict[str, list[CommitmentRow]] = defaultdict(list)
    for row in y.commitments:
        by_field[row.field].append(row)
    out: list[Block] = []
    for i, (label, rows) in enumerate(sorted(by_field.items()), 1):
        n = Counter(r.state for r in rows)
        out.append(Subheading(f"{i}. {label}"))
        out.append(Paragraph(
            _("Hoàn thành: %(d)s; đang thực hiện: %(i)s; quá hạn: %(o)s; khác: %(x)s.")
            % {"d": n["done"], "i": n["in_progress"], "o": n["overdue"], "x": n["other"]}
        ))  # fmt: skip
        for r in rows:
            if not r.entered:
                continue  # empty placeholders are counted and listed in the annex only
            due = _(", hạn %(d)s") % {"d": r.due} if r.due else ""
            note = f" {r.note}" if r.note else ""
            out.append(Paragraph(f"- {r.text} ({r.status.lower()}{due}).{note}"))
    return Section(
        "fields", _("II. KẾT QUẢ THỰC HIỆN THEO LĨNH VỰC"), out,
        empty=_("Chưa có nội dung hợp tác được ghi nhận."),
    )  # fmt: skip


def investment(y: Year) -> Section:
    """III. Projects by stage at the end of this year and the one before; reported totals."""
    prev_end = dt.date(y.year - 1, 12, 31)
    projects = InvestmentProject.objects.filter(partnership_id__in=y.pids).prefetch_related(
        "stage_changes"
    )
    now_count: Counter[str] = Counter()
    now_capital: dict[str, int] = defaultdict(int)
    prev_count: Counter[str] = Counter()
    prev_capital = 0
    for pr in projects:
        st = _stage_at(pr, y.end_date)
        if st:
            now_count[st] += 1
            now_capital[st] += pr.capital_vnd or 0
        st_prev = _stage_at(pr, prev_end)
        if st_prev:
            prev_count[st_prev] += 1
            prev_capital += pr.capital_vnd or 0
    stages = [s for s in STAGE_ORDER if now_count[s] or prev_count[s]]
    out: list[Block] = []
    total_now, total_prev = sum(now_count.values()), sum(prev_count.values())
    cap_now = sum(now_capital.values())
    if total_now or total_prev:
        out.append(Paragraph(
            _(
                "Theo dữ liệu dự án trên hệ thống, đến hết năm %(y)s có %(n)s dự án, tổng vốn "
                "đăng ký %(c)s tỷ đồng (năm %(py)s: %(pn)s dự án, %(pc)s tỷ đồng); tăng %(dn)s "
                "dự án, %(dc)s tỷ đồng so với năm trước."
            )
            % {
                "y": y.year, "n": fmt_number(total_now), "c": fmt_ty(cap_now), "py": y.year - 1,
                "pn": fmt_number(total_prev), "pc": fmt_ty(prev_capital),
                "dn": fmt_number(total_now - total_prev), "dc": fmt_ty(cap_now - prev_capital),
            }
        ))  # fmt: skip
    snaps = (
        InvestmentSnapshot.objects.filter(partnership_id__in=y.pids, reported_on__year__in=[y.year, y.year - 1])
        .select_related("origin", "host", "origin__successor", "host__successor")
        .order_by("reported_on", "id")
    )  # fmt: skip
    latest: dict[tuple[int, int, int], InvestmentSnapshot] = {}
    for s in snaps:
        assert s.reported_on is not None
        latest[(s.reported_on.year, s.origin_id, s.host_id)] = s
    cats: list[str] = []
    reported_now: list[int] = []
    reported_prev: list[int] = []
    by_date = sorted(latest.items(), key=lambda kv: kv[1].reported_on or dt.date.min)
    for (year, origin_id, host_id), s in by_date:
        if year != y.year:
            continue
        q = s.get_qualifier_display() + " " if s.qualifier != "exact" else ""
        text = _(
            "Theo số liệu báo cáo ngày %(d)s, doanh nghiệp của %(o)s đầu tư tại %(h)s "
            "%(n)s dự án, tổng vốn đăng ký %(q)s%(c)s tỷ đồng"
        ) % {
            "d": fmt_date(s.reported_on), "o": kind_name(s.origin, y.date_on), "h": kind_name(s.host, y.date_on),
            "n": fmt_number(s.projects), "q": q, "c": fmt_ty(s.capital_vnd),
        }  # fmt: skip
        parts = [f"{fmt_number(v)} {Stage(k).label.lower()}" for k, v in s.by_stage().items() if v]
        if parts:
            text += " (" + "; ".join(parts) + ")"
        before = latest.get((y.year - 1, origin_id, host_id))
        if before and before.projects is not None and s.projects is not None:
            text += _("; so với năm %(py)s: %(dn)s dự án") % {
                "py": y.year - 1,
                "dn": f"{s.projects - before.projects:+d}",
            }
        out.append(Paragraph(text + "."))
        cats.append(f"{s.origin.name} → {s.host.name}")
        reported_now.append(s.projects or 0)
        reported_prev.append(before.projects or 0 if before else 0)
    if stages:
        labels = [str(Stage(s).label) for s in stages]
        out.append(Table(
            [_("Giai đoạn"), _("Số dự án năm %(y)s") % {"y": y.year - 1},
             _("Số dự án năm %(y)s") % {"y": y.year}, _("Vốn đăng ký (tỷ đồng)")],
            [[label, str(prev_count[s]), str(now_count[s]), fmt_ty(now_capital[s])]
             for label, s in zip(labels, stages, strict=True)],
            [6.5, 3, 3, 3.5], numeric=(1, 2, 3),
        ))  # fmt: skip
        out.append(Chart(
            _("Số dự án theo giai đoạn"), labels,
            [(str(y.year - 1), [prev_count[s] for s in stages]),
             (str(y.year), [now_count[s] for s in stages])],
        ))  # fmt: skip
    elif cats:
        out.append(Chart(
            _("Số dự án đầu tư theo số liệu báo cáo"), cats,
            [(str(y.year - 1), reported_prev), (str(y.year), reported_now)],
        ))  # fmt: skip
    return Section(
        "investment", _("III. HỢP TÁC ĐẦU TƯ"), out,
        empty=_("Chưa có số liệu đầu tư trong năm %(y)s.") % {"y": y.year},
    )  # fmt: skip


def grants(y: Year) -> Section:
    """IV. The grants of the year with their total."""
    out: list[Block] = []
    if y.grants:
        out.append(Table(
            [_("Ngày"), _("Bên hỗ trợ"), _("Bên nhận"), _("Số tiền (tỷ đồng)"), _("Mục đích")],
            [[fmt_date(g.given_on) or str(g.year or ""), _short_name(g.donor),
              _short_name(g.recipient), fmt_ty(g.amount_vnd, 3), y.label(g.partnership_id, g.purpose)]
             for g in y.grants],
            [2.4, 3.2, 3.2, 2.6, 5.1], numeric=(3,),
        ))  # fmt: skip
        total = fmt_ty(sum(g.amount_vnd for g in y.grants), 3)
        out.append(Paragraph(_("Tổng cộng: %(t)s tỷ đồng.") % {"t": total}))
    return Section(
        "grants", _("IV. HỖ TRỢ AN SINH XÃ HỘI VÀ CÁC KHOẢN HỖ TRỢ"), out,
        empty=_("Không có khoản hỗ trợ trong năm."),
    )  # fmt: skip


def activities(y: Year) -> Section:
    """V. The activities of the year."""
    out: list[Block] = []
    if y.activities:
        out.append(Table(
            [_("Ngày"), _("Loại"), _("Hoạt động"), _("Địa điểm"), _("Số lượt")],
            [[fmt_date(a.starts_on) or str(a.year or ""), a.get_kind_display(),
              y.label(a.partnership_id, a.title), a.place, fmt_number(a.count) if a.count else ""]
             for a in y.activities],
            [2.4, 3.2, 6, 3.2, 1.7], numeric=(4,),
        ))  # fmt: skip
    return Section(
        "activities", _("V. CÁC HOẠT ĐỘNG HỢP TÁC"), out,
        empty=_("Không có hoạt động được ghi nhận trong năm."),
    )  # fmt: skip


def requests(y: Year) -> Section:
    """VI. The requests made in the year and their answers."""
    rows = [
        [_short_name(r.from_locality), y.label(r.partnership_id, r.text), r.get_status_display(),
         r.answer or _("(chưa trả lời)")]
        for r in Request.objects.filter(partnership_id__in=y.pids)
        .filter(Q(made_on__year=y.year) | Q(made_on__isnull=True, meeting__held_on__year=y.year))
        .select_related("from_locality", "from_locality__successor")
        .order_by("made_on", "id")
    ]  # fmt: skip
    out: list[Block] = []
    if rows:
        out.append(Table(
            [_("Bên đề nghị"), _("Nội dung"), _("Tình trạng"), _("Trả lời")], rows, [3, 6, 2.5, 5]
        ))  # fmt: skip
    return Section(
        "requests", _("VI. CÁC ĐỀ NGHỊ VÀ KẾT QUẢ TRẢ LỜI"), out,
        empty=_("Không có đề nghị trong năm."),
    )  # fmt: skip


def difficulties(y: Year) -> Section:
    """VII. Left for the officer to write."""
    text = _("[Nhập các khó khăn, vướng mắc trong quá trình triển khai.]")
    return Section("difficulties", _("VII. KHÓ KHĂN, VƯỚNG MẮC"), [Paragraph(text, "placeholder")])


def proposals(y: Year) -> Section:
    """VIII. Left for the officer to write."""
    text = _("[Nhập các đề xuất, kiến nghị và nhiệm vụ trọng tâm năm tới.]")
    return Section(
        "proposals",
        _("VIII. ĐỀ XUẤT, KIẾN NGHỊ VÀ NHIỆM VỤ NĂM %(y)s") % {"y": y.year + 1},
        [Paragraph(text, "placeholder")],
    )


SECTIONS: list[Callable[[Year], Section]] = [
    overview, fields, investment, grants, activities, requests, difficulties, proposals,
]  # fmt: skip


def annex(y: Year, issuer_short: str) -> Section:
    """The annex: every commitment with its status and notes."""
    multi = not y.single
    rows = [
        [str(i), (f"{c.partner}: " if multi else "") + c.agreement, str(c.number), c.field,
         c.text, c.responsible, c.due, c.status, c.note]
        for i, c in enumerate(y.commitments, 1)
    ]  # fmt: skip
    title = _("Danh mục các nội dung hợp tác và tình hình thực hiện đến hết năm %(y)s")
    return Section("annex", _("PHỤ LỤC"), [
        Paragraph(title % {"y": y.year}, "title"),
        Paragraph(_("(Kèm theo Báo cáo số .../BC-%(s)s)") % {"s": issuer_short}, "note"),
        Table(
            ["TT", _("Văn bản"), _("Số"), _("Lĩnh vực"), _("Nội dung"), _("Bên chủ trì"),
             _("Hạn"), _("Trạng thái"), _("Ghi chú")],
            rows, [1.0, 2.4, 0.9, 2, 3.2, 1.8, 1.7, 2.0, 1.5], numeric=(0, 2), small=True,
        ),
    ])  # fmt: skip


def recipients(y: Year) -> list[str]:
    """Return "Nơi nhận": the bodies that exist on the report's date."""
    out: list[str] = []
    for loc in y.partners:
        body = _("UBND %(p)s") % {"p": kind_name(loc.successor_on(y.date_on))}
        if loc.successor_on(y.date_on).pk != y.issuer_then.pk and body not in out:
            out.append(body)
    city = y.issuer_then.kind == Kind.CITY
    out.append(_("Thường trực Thành ủy") if city else _("Thường trực Tỉnh ủy"))
    if y.date_on >= FINANCE_TAKES_OVER_PLANNING:
        out.append(_("Sở Tài chính"))
    else:
        out.append(_("Sở Kế hoạch và Đầu tư"))
    out.append(_("Lưu: VT, KTN"))
    return out
