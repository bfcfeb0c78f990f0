"""Who must be reminded of which commitments: overdue, due within 30 days, not updated.

One computation serves the daily digest (`hoptac remind`) and the "Việc của tôi" page.
A commitment concerns its leading sides: the responsible side when one is named, else the
sides with a lead agency, else every side of the partnership (a joint item). The people
concerned are the active users with an e-mail address who hold editor or above for a leading
side (superusers hold every side), and the focal-point leaders of a leading side who have an
address (reminders.PersonContact).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db.models import Max, Q

from hoptac.accounts.models import Role
from hoptac.accounts.permissions import sides
from hoptac.localities.models import Locality
from hoptac.partnerships.models import Commitment, CommitmentStatus, FocalPoint, ProgressNote
from hoptac.reminders.models import PersonContact, UserPreference

DUE_SOON_DAYS = 30
OPEN = [CommitmentStatus.PLANNED, CommitmentStatus.IN_PROGRESS]


@dataclass
class Tasks:
    """What one person should chase, each commitment in one list only (overdue first)."""

    overdue: list[Commitment] = field(default_factory=list)
    due_soon: list[Commitment] = field(default_factory=list)
    stale: list[Commitment] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.overdue or self.due_soon or self.stale)

    def add(self, c: Commitment, kind: str) -> None:
        getattr(self, kind).append(c)

    def items(self) -> list[tuple[str, Commitment]]:
        return [(k, c) for k in ("overdue", "due_soon", "stale") for c in getattr(self, k)]


@dataclass
class Digest:
    """One e-mail: to whom, in which language, and what it lists."""

    to: str
    name: str
    language: str
    tasks: Tasks
    user_id: int | None = None

    def as_json(self) -> dict:
        t = self.tasks
        return {
            "to": self.to,
            "overdue": [c.pk for c in t.overdue],
            "due_soon": [c.pk for c in t.due_soon],
            "stale": [c.pk for c in t.stale],
        }


def attach_latest_notes(rows: Iterable[Commitment]) -> None:
    """Set `latest_note_at` on each commitment in one query (for Commitment.stale_days)."""
    rows = list(rows)
    latest = dict(
        ProgressNote.objects.filter(commitment__in=rows)
        .values("commitment_id")
        .annotate(m=Max("created_at"))
        .values_list("commitment_id", "m")
    )
    for c in rows:
        c.latest_note_at = latest.get(c.pk)  # type: ignore[attr-defined]


def kind_of(c: Commitment, today: dt.date) -> str | None:
    """Return "overdue", "due_soon", "stale" or None for an open commitment on `today`."""
    if c.due_on is not None and c.due_on < today:
        return "overdue"
    if c.due_on is not None and c.due_on <= today + dt.timedelta(days=DUE_SOON_DAYS):
        return "due_soon"
    if c.stale_days(today) is not None:
        return "stale"
    return None


def open_commitments(partnership_ids=None) -> list[Commitment]:
    """Return the open commitments (of these partnerships), with what digests show."""
    qs = Commitment.objects.filter(status__in=OPEN)
    if partnership_ids is not None:
        qs = qs.filter(agreement__partnership_id__in=partnership_ids)
    rows = list(
        qs.select_related("agreement__partnership", "responsible")
        .prefetch_related("leads__agency", "agreement__partnership__members")
        .order_by("due_on", "agreement_id", "number")
    )
    attach_latest_notes(rows)
    return rows


def leading_sides(c: Commitment) -> set[int]:
    """Return the ids of the sides that lead `c` (see the module's docstring)."""
    if c.responsible_id:
        return {c.responsible_id}
    leads = {lead.locality_id for lead in c.leads.all()}
    return leads or {m.locality_id for m in c.agreement.partnership.members.all()}


def _with_kin(ids: set[int]) -> set[int]:
    """Return the ids with the units before and after the 2025 reorganisation."""
    rows = Locality.objects.filter(
        Q(id__in=ids) | Q(successor_id__in=ids) | Q(predecessors__id__in=ids)
    ).values_list("id", "successor_id")
    out = set(ids)
    for lid, succ in rows:
        out.add(lid)
        if succ:
            out.add(succ)
    return out


def due_tasks(today: dt.date) -> list[tuple[Commitment, str]]:
    """Return every open commitment that needs chasing on `today`, with its kind."""
    out = []
    for c in open_commitments():
        kind = kind_of(c, today)
        if kind:
            out.append((c, kind))
    return out


def tasks_for_user(user, today: dt.date, tasks: list[tuple[Commitment, str]] | None = None):
    """Return the Tasks of `user`: the chased commitments of the sides they edit."""
    allowed = sides(user, Role.EDITOR)
    out = Tasks()
    if allowed is not None and not allowed:
        return out
    for c, kind in due_tasks(today) if tasks is None else tasks:
        if allowed is None or leading_sides(c) & allowed:
            out.add(c, kind)
    return out


def digests(today: dt.date) -> list[Digest]:
    """Return one digest per address concerned on `today` (nothing removed as already sent)."""
    tasks = due_tasks(today)
    if not tasks:
        return []
    by_address: dict[str, Digest] = {}
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    prefs = dict(UserPreference.objects.values_list("user_id", "language"))
    for user in users.order_by("id"):
        mine = tasks_for_user(user, today, tasks)
        if mine:
            address = user.email.strip().lower()
            name = user.get_full_name() or user.get_username()
            by_address.setdefault(
                address, Digest(address, name, prefs.get(user.pk, "vi"), Tasks(), user.pk)
            )
            _merge(by_address[address].tasks, mine)
    sides_of = {c.pk: _with_kin(leading_sides(c)) for c, _kind in tasks}
    contacts = {
        pc.person_id: pc for pc in PersonContact.objects.exclude(email="").select_related("person")
    }
    focal = FocalPoint.objects.filter(person_id__in=contacts).order_by("id")
    for fp in focal:
        pc = contacts[fp.person_id]  # type: ignore[index]
        mine = Tasks()
        for c, kind in tasks:
            if c.agreement.partnership_id == fp.partnership_id and fp.locality_id in sides_of[c.pk]:
                mine.add(c, kind)
        if mine:
            address = pc.email.strip().lower()
            by_address.setdefault(
                address, Digest(address, pc.person.full_name, pc.language, Tasks())
            )
            _merge(by_address[address].tasks, mine)
    return sorted(by_address.values(), key=lambda d: d.to)


def _merge(into: Tasks, more: Tasks) -> None:
    seen = {c.pk for _kind, c in into.items()}
    for kind, c in more.items():
        if c.pk not in seen:
            into.add(c, kind)
            seen.add(c.pk)
