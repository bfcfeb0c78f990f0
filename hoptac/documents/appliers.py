"""One function per kind of fact: what accepting it writes (records.py has the shared steps)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from hoptac.documents.models import Fact, FactKind
from hoptac.documents.records import (
    Event,
    Tally,
    compare_into,
    link,
    locality_in,
    period_of,
    require_locality,
    update_record,
)
from hoptac.lib.text import fold

# Role words as the text gives them, most specific first ("đồng chủ trì" before "chủ trì").
_ROLE_WORDS = (
    (re.compile(r"\bđồng chủ trì\b"), "co_chair"),
    (re.compile(r"\bchủ trì\b"), "chair"),
    (re.compile(r"\bphát biểu\b"), "speaker"),
    (re.compile(r"\bbáo cáo\b"), "reporter"),
    (re.compile(r"\bký (?:kết|biên bản|thỏa thuận|chương trình)\b"), "signatory"),
)
_SENTENCE_END = re.compile(r"[.;!?\n]")


def participant_role(fact: Fact) -> str:
    """Return the role the text gives the person ("đồng chủ trì"...), or "" when it gives none.

    An explicit `role` in the fact wins; else the role word nearest after the person's name
    in the same sentence, or the nearest before it.
    """
    explicit = str(fact.value.get("role") or "")
    if explicit:
        return explicit
    text = fact.document.text
    for start, end in fact.evidence:
        if not 0 <= start < end <= len(text):
            continue
        stop = _SENTENCE_END.search(text, end)
        after = fold(text[end : stop.start() if stop else len(text)])
        begin = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
        before = fold(text[begin:start])
        found = [(m.start(), role) for rx, role in _ROLE_WORDS if (m := rx.search(after))]
        if found:
            return min(found)[1]
        # the nearest before the name; at the same end the longer phrase ("đồng chủ trì")
        nearest = [(-m.end(), m.start(), role) for rx, role in _ROLE_WORDS
                   for m in rx.finditer(before)]  # fmt: skip
        if nearest:
            return min(nearest)[2]
    return ""


def apply_person(fact: Fact, event: Event, *, by, tally: Tally) -> None:
    from hoptac.partnerships.services import participant_add, person_get_or_create

    value = fact.value
    name = (value.get("name") or "").strip()
    if not name:
        raise ValidationError({"name": _("Họ và tên: không được để trống.")})
    person = person_get_or_create(full_name=name, by=by)
    existed = event.meeting.participants.filter(person=person).exists()
    participant = participant_add(
        meeting=event.meeting, person=person, by=by,
        locality=locality_in(value.get("locality"), event), titles=value.get("titles") or [],
        role=participant_role(fact),
    )  # fmt: skip
    tally.updated += int(existed)
    tally.created += int(not existed)
    link(participant, fact)
    link(person, fact)


def apply_field(fact: Fact, event: Event, *, by, tally: Tally) -> None:
    code = fact.value.get("code")
    if code and code not in event.meeting.fields:
        update_record(event.meeting, by=by, fields=[*event.meeting.fields, code])
        tally.updated += 1
    link(event.meeting, fact)


def apply_investment(fact: Fact, event: Event, *, by, tally: Tally) -> None:
    from hoptac.investments.models import InvestmentSnapshot
    from hoptac.investments.services import snapshot_create

    value = fact.value
    origin = require_locality(value.get("investor"), event, "investor")
    host = require_locality(value.get("host"), event, "host")
    since = value.get("since")
    capital = value.get("capital_vnd")
    values: dict[str, Any] = {
        "projects": value.get("projects"),
        "capital_vnd": int(capital) if capital is not None else None,
        "qualifier": value.get("qualifier") or None,
        "since_year": int(str(since)[:4]) if since and str(since)[:4].isdigit() else None,
        **{k: int(v) for k, v in (value.get("by_status") or {}).items() if v is not None},
    }
    found = InvestmentSnapshot.objects.filter(
        meeting=event.meeting, origin=origin, host=host
    ).first()
    if found is not None:
        compare_into(found, values, fact, by=by, tally=tally)
        return
    values["qualifier"] = values["qualifier"] or "exact"
    snapshot = snapshot_create(
        partnership=event.partnership, by=by, origin=origin, host=host, meeting=event.meeting,
        reported_on=event.meeting.held_on or fact.document.published_on,
        **{k: v for k, v in values.items() if v is not None},
    )  # fmt: skip
    tally.created += 1
    link(snapshot, fact)


def grant_when(value: dict[str, Any], held_on: dt.date | None) -> tuple[dt.date | None, int | None]:
    """Return (given_on, year) of a grant fact from its timing keys.

    A period or year dates it by its (last) year without a day; earlier support without a
    date has neither, for the reviewer to fill in; given at the event, or with no clue at all
    (facts from before these keys), it is dated by the meeting.
    """
    years = [int(y) for y in re.findall(r"\d{4}", str(value.get("period") or ""))]
    if value.get("year") not in (None, ""):
        years.append(int(value["year"]))
    if years:
        return None, max(years)
    if value.get("past") and not value.get("at_event"):
        return None, None
    return held_on, held_on.year if held_on else None


def apply_grant(fact: Fact, event: Event, *, by, tally: Tally) -> None:
    from hoptac.grants.models import Grant
    from hoptac.grants.services import grant_create

    value = fact.value
    donor = require_locality(value.get("donor"), event, "donor")
    recipient = require_locality(value.get("recipient"), event, "recipient")
    amount = int(value.get("amount_vnd") or 0)
    purpose = (value.get("purpose") or "")[:500]
    given_on, year = grant_when(value, event.meeting.held_on)
    found = Grant.objects.filter(
        meeting=event.meeting, donor=donor, recipient=recipient, amount_vnd=amount
    ).first()
    if found is not None:
        values: dict[str, Any] = {"purpose": purpose, "year": year}
        if given_on is not None and found.given_on is None and found.year in (None, year):
            values["given_on"] = given_on  # a later report dates a grant given at the event
        compare_into(found, values, fact, by=by, tally=tally)
        return
    grant = grant_create(
        partnership=event.partnership, by=by, donor=donor, recipient=recipient,
        amount_vnd=amount, purpose=purpose, meeting=event.meeting, given_on=given_on, year=year,
    )  # fmt: skip
    tally.created += 1
    link(grant, fact)


def apply_commitment_count(fact: Fact, event: Event, *, by, tally: Tally) -> None:
    """Record an agreed count ("12 nội dung") as a part of the meeting's one conclusion.

    A meeting makes one agreement ("Kết luận hội nghị") for all the counts agreed there; each
    count is one of its parts, and it has empty items up to the largest count, for the
    official (or an official document's items) to fill in.
    """
    from hoptac.partnerships.models import Agreement, AgreementKind
    from hoptac.partnerships.services import agreement_create, agreement_update, placeholders_add

    count = int(fact.value.get("count") or 0)
    unit = " ".join((fact.value.get("unit") or _("nội dung")).split())[:255]
    if count <= 0:
        raise ValidationError({"count": _("Số nội dung: hãy nhập một số nguyên lớn hơn 0.")})
    part = {"count": count, "unit": unit}
    agreement = (
        Agreement.objects.filter(meeting=event.meeting, agreed_count__isnull=False)
        .order_by("id")
        .first()
    )
    if agreement is None:
        agreement = agreement_create(
            partnership=event.partnership, by=by, placeholders=count, meeting=event.meeting,
            # a record's title is data, in Vietnamese whatever the reviewer's language
            kind=AgreementKind.CONCLUSION, title="Kết luận hội nghị",
            signed_on=event.meeting.held_on, agreed_count=count, agreed_unit=unit,
            agreed_parts=[part],
        )  # fmt: skip
        tally.created += 1 + count
        link(agreement, fact)
        return
    parts = list(agreement.agreed_parts or [])
    if not parts and agreement.agreed_count:  # recorded before parts were kept
        parts = [{"count": agreement.agreed_count, "unit": agreement.agreed_unit}]
    if not any(p.get("count") == count and fold(p.get("unit", "")) == fold(unit) for p in parts):
        parts.append(part)
        biggest = max(parts, key=lambda p: p["count"])
        agreement_update(
            agreement, by=by, agreed_parts=parts, agreed_count=biggest["count"],
            agreed_unit=biggest["unit"],
        )  # fmt: skip
        tally.updated += 1
        tally.created += placeholders_add(agreement, by=by, count=biggest["count"])
    link(agreement, fact)


_AGREEMENT_KINDS = (
    ("biên bản", "minutes"),
    ("chương trình", "programme"),
    ("thỏa thuận", "agreement"),
    ("kế hoạch", "plan"),
    ("kết luận", "conclusion"),
)


# The extraction contract's kinds (object form) onto the Agreement kinds.
_CONTRACT_KINDS = {
    "conclusion_notice": "conclusion",
    "programme": "programme",
    "memorandum": "memorandum",
    "plan": "plan",
    "minutes": "minutes",
    "report": "report",
    "other": "other",
}


def _same_agreement(event: Event, title: str, kind: str | None, number: str,
                    signed_on: dt.date | None):  # fmt: skip
    """Return the agreement this fact describes if one is recorded: same meeting and title,
    or in the same partnership the same kind with the same number or signing date (a news
    report's count and the document's items meet there)."""
    from hoptac.partnerships.models import Agreement

    for agreement in Agreement.objects.filter(meeting=event.meeting):
        if fold(agreement.title) == fold(title):
            return agreement
    if kind and (number or signed_on):
        same = Agreement.objects.filter(partnership=event.partnership, kind=kind)
        if number:
            found = same.filter(number__iexact=number).first()
            if found:
                return found
        if signed_on:
            return same.filter(signed_on=signed_on).first()
    return None


def _apply_items(agreement, value: dict[str, Any], event: Event, *, by, tally: Tally) -> None:
    from hoptac.partnerships.services import agreement_items_apply

    items = [i for i in value.get("items") or [] if isinstance(i, dict)]
    if not items:
        return
    created, filled = agreement_items_apply(
        agreement=agreement, items=items, by=by,
        locality_of=lambda name: locality_in(name, event),
    )  # fmt: skip
    tally.created += created
    tally.updated += filled


def apply_agreement(fact: Fact, event: Event, *, by, tally: Tally) -> None:
    from hoptac.partnerships.services import agreement_create

    value = fact.value
    title = " ".join(str(value.get("title") or value.get("text") or "").split())[:500]
    if not title:
        raise ValidationError({"title": _("Tên văn bản: không được để trống.")})
    kind = _CONTRACT_KINDS.get(str(value.get("kind") or ""))
    if kind is None:
        kind = next((k for word, k in _AGREEMENT_KINDS if word in fold(title)), "other")
    start, end = period_of(value)
    if value.get("period_from") or value.get("period_to"):  # the contract's object form
        start = int(value["period_from"]) if value.get("period_from") else None
        end = int(value["period_to"]) if value.get("period_to") else None
    signed_on = None
    if value.get("signed_on"):
        try:
            signed_on = dt.date.fromisoformat(str(value["signed_on"]))
        except ValueError:
            raise ValidationError(
                {"signed_on": _("Ngày ký: hãy nhập ngày dạng 2026-03-14.")}
            ) from None
    number = " ".join(str(value.get("number") or "").split())[:100]
    found = _same_agreement(event, title, kind, number, signed_on)
    if found is not None:
        _apply_items(found, value, event, by=by, tally=tally)
        link(found, fact)
        return
    agreement = agreement_create(
        partnership=event.partnership, by=by, meeting=event.meeting, kind=kind, title=title,
        period_start=start, period_end=end, signed_on=signed_on, number=number,
    )  # fmt: skip
    tally.created += 1
    _apply_items(agreement, value, event, by=by, tally=tally)
    link(agreement, fact)


def apply_request(fact: Fact, event: Event, *, by, tally: Tally) -> None:
    from hoptac.partnerships.models import Request
    from hoptac.partnerships.services import request_create

    value = fact.value
    asking = require_locality(value.get("from") or value.get("from_locality"), event, "from")
    asked = locality_in(value.get("to") or value.get("to_locality"), event)
    if asked is None:
        others = [loc for loc in event.localities if loc != asking]
        asked = others[0] if len(others) == 1 else None
    if asked is None:
        raise ValidationError({"to": _("Bên được đề nghị: không xác định được.")})
    text = " ".join(str(value.get("what") or value.get("text") or "").split())
    if not text:
        raise ValidationError({"what": _("Nội dung đề nghị: không được để trống.")})
    for found in Request.objects.filter(meeting=event.meeting, from_locality=asking):
        if fold(found.text) == fold(text):
            link(found, fact)
            return
    request = request_create(
        partnership=event.partnership, from_locality=asking, to_locality=asked, by=by,
        text=text, made_on=event.meeting.held_on, meeting=event.meeting,
    )  # fmt: skip
    tally.created += 1
    link(request, fact)


def apply_activity(fact: Fact, event: Event, *, by, tally: Tally) -> None:
    from hoptac.activities.models import Activity, ActivityKind
    from hoptac.activities.services import activity_create

    value = fact.value
    title = " ".join(str(value.get("title") or value.get("what") or "").split())[:500]
    if not title:
        raise ValidationError({"title": _("Tên hoạt động: không được để trống.")})
    for found in Activity.objects.filter(partnership=event.partnership, title=title):
        link(found, fact)
        return
    kind = value.get("kind") if value.get("kind") in ActivityKind.values else ActivityKind.OTHER
    activity = activity_create(
        partnership=event.partnership, by=by, kind=kind, title=title,
        organiser=locality_in(value.get("organiser"), event), count=value.get("count"),
        starts_on=event.meeting.held_on,
    )  # fmt: skip
    tally.created += 1
    link(activity, fact)


def apply_context(fact: Fact, event: Event, *, by, tally: Tally) -> None:
    """Party and event date: ensure_event already linked them; assignments and statistics
    have no register of their own and stay as accepted facts on the meeting."""
    link(event.meeting, fact)


APPLIERS: dict[str, Callable[..., None]] = {
    FactKind.PARTY: apply_context,
    FactKind.EVENT_DATE: apply_context,
    FactKind.PERSON: apply_person,
    FactKind.FIELD: apply_field,
    FactKind.INVESTMENT: apply_investment,
    FactKind.GRANT: apply_grant,
    FactKind.COMMITMENT_COUNT: apply_commitment_count,
    FactKind.AGREEMENT: apply_agreement,
    FactKind.REQUEST: apply_request,
    FactKind.ASSIGNMENT: apply_context,
    FactKind.STATISTIC: apply_context,
    FactKind.ACTIVITY: apply_activity,
}
