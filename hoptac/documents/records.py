"""From accepted facts to records: the partnership, its meeting, and what was reported there.

Every record is written through its app's service function and linked to the facts it rests
on with RecordSource. Several documents about one event attach to one Meeting; when a later
report disagrees with a value already recorded, a Conflict row holds the new value and the
record is left as it was until a reviewer decides (documents.services.conflict_resolve).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext as _

from hoptac.documents.models import (
    Conflict,
    ConflictState,
    Document,
    Fact,
    FactKind,
    RecordSource,
    ReviewState,
)
from hoptac.lib import units
from hoptac.localities.models import Locality
from hoptac.localities.services import locality_for
from hoptac.partnerships.models import Meeting, MeetingKind, Partnership

# A report without a year is about an event at most this long before its publication.
SEASON_DAYS = 120
_DATE_RE = re.compile(r"^(\d{4}|-)-(\d{2})-(\d{2})$")
_PERIOD_RE = re.compile(r"((?:19|20)\d{2})\s*[-–—]\s*((?:19|20)\d{2})")


@dataclass
class Tally:
    """What accepting facts did, summed over a run."""

    created: int = 0
    updated: int = 0
    conflicts: int = 0
    accepted: int = 0

    def add(self, other: Tally) -> None:
        self.created += other.created
        self.updated += other.updated
        self.conflicts += other.conflicts
        self.accepted += other.accepted


@dataclass
class Event:
    """The partnership and meeting a document reports, with its sides resolved."""

    partnership: Partnership
    meeting: Meeting
    on: dt.date
    localities: list[Locality] = field(default_factory=list)


@dataclass(frozen=True)
class PartialDate:
    year: int | None
    month: int
    day: int

    @classmethod
    def parse(cls, text: str | None) -> PartialDate | None:
        m = _DATE_RE.match(text or "")
        if not m:
            return None
        year = None if m.group(1) == "-" else int(m.group(1))
        return cls(year, int(m.group(2)), int(m.group(3)))

    def full(self) -> dt.date | None:
        return dt.date(self.year, self.month, self.day) if self.year else None


def link(record: models.Model, fact: Fact) -> None:
    """Record that `record` rests on `fact` (and so on its document); idempotent."""
    RecordSource.objects.get_or_create(
        content_type=ContentType.objects.get_for_model(record, for_concrete_model=False),
        object_id=record.pk,
        fact=fact,
        defaults={"document_id": fact.document_id},
    )


def sources_of(record: models.Model):
    """Return the RecordSource rows of a record, with their facts and documents."""
    return RecordSource.objects.filter(
        content_type=ContentType.objects.get_for_model(record), object_id=record.pk
    ).select_related("fact", "document")


def party_facts(document: Document) -> list[Fact]:
    return list(
        document.facts.filter(kind=FactKind.PARTY)
        .exclude(state=ReviewState.REJECTED)
        .order_by("position")
    )


def event_date_fact(document: Document) -> Fact | None:
    return (
        document.facts.filter(kind=FactKind.EVENT_DATE)
        .exclude(state=ReviewState.REJECTED)
        .order_by("position")
        .first()
    )


def resolution_date(document: Document) -> dt.date:
    """Return the date party names are read at: the event's, else publication, else today."""
    fact = event_date_fact(document)
    when = PartialDate.parse(fact.value.get("event_date") if fact else None)
    if when and when.full():
        return when.full()  # type: ignore[return-value]
    return document.published_on or timezone.localdate()


def resolve_parties(document: Document) -> tuple[list[Locality], dt.date]:
    """Return the document's sides as units, read at one date where all of them existed.

    A report without a year is read at its publication date or today; if a side named there
    no longer exists then (Ninh Thuận, merged in 2025), every side is read at the last day it
    did, so that one report never mixes units of two generations.
    """
    names = [f.value.get("name") or "" for f in party_facts(document)]
    on = resolution_date(document)
    for _attempt in range(2):
        found: list[units.Resolution] = []
        for name in names:
            try:
                found.append(units.resolve(name, on))
            except (units.UnknownName, units.AmbiguousName) as exc:
                raise ValidationError(
                    {
                        "name": _("Không xác định được địa phương “%(n)s”: %(e)s")
                        % {"n": name, "e": exc}
                    }
                ) from exc
        gone = [r.unit.valid_to for r in found if not r.exists and r.unit.valid_to]
        if not gone:
            break
        on = min(gone)
    locs: list[Locality] = []
    for res in found:
        loc = locality_for(res.name, on)
        if loc not in locs:
            locs.append(loc)
    if len(locs) < 2:
        raise ValidationError(
            _("Tài liệu cần ít nhất hai bên hợp tác (chưa bị loại) trước khi chấp nhận dữ kiện.")
        )
    return locs, on


def locality_in(name: str | None, event: Event) -> Locality | None:
    """Return the unit `name` meant at the event, preferring the event's own sides."""
    if not name:
        return None
    try:
        loc = locality_for(name, event.on)
    except (units.UnknownName, units.AmbiguousName, Locality.DoesNotExist):
        return None
    return loc


def require_locality(name: str | None, event: Event, key: str) -> Locality:
    loc = locality_in(name, event)
    if loc is None:
        raise ValidationError({key: _("Không xác định được địa phương “%(n)s”.") % {"n": name}})
    return loc


def document_meeting(document: Document) -> Meeting | None:
    """Return the meeting this document's accepted facts already point to, if any."""
    ct = ContentType.objects.get_for_model(Meeting)
    row = (
        RecordSource.objects.filter(document=document, content_type=ct)
        .values_list("object_id", flat=True)
        .first()
    )
    return Meeting.objects.filter(pk=row).first() if row else None


def _published_dates(meeting: Meeting) -> list[dt.date]:
    ct = ContentType.objects.get_for_model(Meeting)
    return [
        d
        for d in Document.objects.filter(
            record_links__content_type=ct, record_links__object_id=meeting.pk
        ).values_list("published_on", flat=True)
        if d
    ]


def _same_season(event_on: dt.date, published: dt.date) -> bool:
    return -7 <= (published - event_on).days <= SEASON_DAYS


def meeting_match(
    partnership: Partnership, when: PartialDate | None, published: dt.date | None
) -> Meeting | None:
    """Return the meeting of `partnership` that a report of an event on `when` is about.

    Same date; or the same day and month where one report gives no year, as long as the
    publication dates put both in the same season. A report without any date matches nothing.
    """
    if when is None:
        return None
    cands = list(
        Meeting.objects.filter(partnership=partnership, held_month=when.month, held_day=when.day)
    )
    exact = when.full()
    for meeting in cands:
        if exact and meeting.held_on == exact:
            return meeting
    for meeting in cands:
        if exact and meeting.held_on is None:
            pubs = _published_dates(meeting)
            if not pubs or any(_same_season(exact, p) for p in pubs):
                return meeting
        elif not exact and meeting.held_on is not None:
            if published is None or _same_season(meeting.held_on, published):
                return meeting
        elif not exact and meeting.held_on is None:
            pubs = _published_dates(meeting)
            if (
                published is None
                or not pubs
                or any(abs((p - published).days) <= SEASON_DAYS for p in pubs)
            ):
                return meeting
    return None


def ensure_event(document: Document, *, by, tally: Tally) -> Event:
    """Return the document's partnership and meeting, creating or merging them as needed.

    The party and event-date facts still proposed are accepted with it: the records rest on
    them. The caller has checked the permission.
    """
    from hoptac.partnerships.services import (
        meeting_create,
        meeting_update,
        partnership_get_or_create,
    )

    localities, on = resolve_parties(document)
    partnership, created = partnership_get_or_create(localities=localities, by=by)
    tally.created += int(created)
    date_fact = event_date_fact(document)
    when = PartialDate.parse(date_fact.value.get("event_date") if date_fact else None)
    meeting = document_meeting(document)
    if meeting is None:
        meeting = meeting_match(partnership, when, document.published_on)
        if meeting is not None and when and when.full() and meeting.held_on is None:
            # A yearless report came first: the dated one completes it, nothing is replaced.
            meeting = meeting_update(meeting, by=by, held_on=when.full())
            tally.updated += 1
    if meeting is None:
        values: dict[str, Any] = {
            "title": (document.title or str(document))[:500],
            "kind": MeetingKind.CONFERENCE,
        }
        if when:
            values.update(held_on=when.full(), held_month=when.month, held_day=when.day)
        meeting = meeting_create(partnership=partnership, by=by, **values)
        tally.created += 1
    event = Event(partnership=partnership, meeting=meeting, on=on, localities=localities)
    for fact in [*party_facts(document), *([date_fact] if date_fact else [])]:
        link(partnership, fact)
        link(meeting, fact)
        if fact.state == ReviewState.PROPOSED:
            mark_accepted(fact, by=by)
            tally.accepted += 1
    return event


def mark_accepted(fact: Fact, *, by) -> None:
    from hoptac.lib.services import record_update

    record_update(
        fact, by=by, state=ReviewState.ACCEPTED, reviewed_at=timezone.now(),
        reviewed_by=by if by and by.is_authenticated else None,
    )  # fmt: skip


def conflict_open(
    record: models.Model, field_name: str, current: Any, proposed: Any, fact: Fact, *, by
):
    """Hold a disagreeing value for the reviewer; the record keeps its own."""
    from hoptac.lib.services import record_create

    return record_create(
        Conflict, by=by, content_type=ContentType.objects.get_for_model(record),
        object_id=record.pk, field=field_name, current_value=current, proposed_value=proposed,
        fact=fact, state=ConflictState.OPEN,
    )  # fmt: skip


def compare_into(
    record: models.Model, values: dict[str, Any], fact: Fact, *, by, tally: Tally
) -> None:
    """Link `fact` to an existing record; fill empty fields, hold differing ones as conflicts."""
    fill: dict[str, Any] = {}
    for name, new in values.items():
        old = getattr(record, name)
        if new is None or new == old or new == "":
            continue
        if old is None or old == "":
            fill[name] = new
        else:
            conflict_open(record, name, old, new, fact, by=by)
            tally.conflicts += 1
    if fill:
        update_record(record, by=by, **fill)
        tally.updated += 1
    link(record, fact)


def update_record(record: models.Model, *, by, **changes: Any) -> models.Model:
    """Update a record through its app's service function."""
    from hoptac.grants.services import grant_update
    from hoptac.investments.services import snapshot_update
    from hoptac.partnerships.services import agreement_update, meeting_update

    updaters: dict[str, Callable[..., models.Model]] = {
        "investmentsnapshot": snapshot_update,
        "grant": grant_update,
        "agreement": agreement_update,
        "meeting": meeting_update,
    }
    fn = updaters[record._meta.model_name]  # type: ignore[index]
    return fn(record, by=by, **changes)


def period_of(value: dict[str, Any]) -> tuple[int | None, int | None]:
    text = " ".join(str(value.get(k) or "") for k in ("period", "title"))
    m = _PERIOD_RE.search(text)
    if m:
        return int(m.group(1)), int(m.group(2))
    start, end = value.get("period_start"), value.get("period_end")
    return (int(start) if start else None), (int(end) if end else None)
