"""Demo data: the five sample documents' facts, entered through the service functions.

Used by `hoptac demo` until document ingestion can do the same from the documents
themselves. Idempotent: a meeting that is already there (same partnership and title) is
left as it is.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from django.db import transaction

from hoptac.activities.models import Activity  # noqa: F401 - imported for completeness of the demo graph
from hoptac.grants.services import grant_create
from hoptac.investments.services import snapshot_create
from hoptac.localities.services import locality_for
from hoptac.partnerships.models import AgreementKind, Meeting, MeetingKind
from hoptac.partnerships.services import (
    agreement_create,
    meeting_create,
    participant_add,
    partnership_get_or_create,
    person_get_or_create,
)

# The samples print no year where the gold says "--MM-DD": the conferences were in 2019.
SAMPLE_YEAR = 2019
_STAGES = (
    "location_approved",
    "licensed",
    "under_construction",
    "operating",
    "suspended",
    "revoked",
)


def _event_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    if value.startswith("--"):
        return dt.date.fromisoformat(f"{SAMPLE_YEAR}{value[1:]}")
    return dt.date.fromisoformat(value)


@transaction.atomic
def load_gold(path: Path, *, by) -> bool:
    """Enter one gold file's facts; return False when its meeting was already there."""
    gold = json.loads(path.read_text(encoding="utf-8"))
    held_on = _event_date(gold.get("event_date"))
    on = held_on or dt.date(SAMPLE_YEAR, 12, 31)
    sides = {p["name"]: locality_for(p["name"], on) for p in gold["parties"]}
    partnership, _ = partnership_get_or_create(localities=list(sides.values()), by=by)
    title = gold.get("title") or path.stem
    if Meeting.objects.filter(partnership=partnership, title=title).exists():
        return False
    host = None
    meeting = meeting_create(
        partnership=partnership, by=by, kind=MeetingKind.CONFERENCE, title=title,
        held_on=held_on, host=host, fields=[f["code"] for f in gold.get("fields", [])],
    )  # fmt: skip
    for person in gold.get("people", []):
        p = person_get_or_create(full_name=person["name"], by=by)
        loc = sides.get(person.get("locality") or "")
        participant_add(
            meeting=meeting, person=p, by=by, locality=loc, titles=person.get("titles", [])
        )
    for inv in gold.get("investments", []):
        by_status = inv.get("by_status") or {}
        snapshot_create(
            partnership=partnership, by=by, origin=sides[inv["investor"]], host=sides[inv["host"]],
            reported_on=held_on, meeting=meeting, projects=inv.get("projects"),
            capital_vnd=inv.get("capital_vnd"), qualifier=inv.get("qualifier") or "exact",
            since_year=int(inv["since"]) if inv.get("since") else None,
            **{s: by_status[s] for s in _STAGES if s in by_status},
        )  # fmt: skip
    for grant in gold.get("grants", []):
        grant_create(
            partnership=partnership, by=by, donor=sides[grant["donor"]],
            recipient=sides[grant["recipient"]], amount_vnd=int(grant["amount_vnd"]),
            purpose=grant.get("purpose") or "", given_on=held_on, meeting=meeting,
            year=on.year,
        )  # fmt: skip
    for count in gold.get("commitment_counts", []):
        unit = count.get("unit", "nội dung")
        agreement_create(
            partnership=partnership, by=by, meeting=meeting, kind=AgreementKind.CONCLUSION,
            title=f"Kết luận hội nghị: thống nhất {count['count']} {unit}",
            signed_on=held_on, agreed_unit=unit, placeholders=int(count["count"]),
        )  # fmt: skip
    return True


def load_samples(corpus_dir: Path, *, by) -> int:
    """Enter every gold file under corpus_dir/gold; return how many meetings were new."""
    return sum(load_gold(path, by=by) for path in sorted((corpus_dir / "gold").glob("*.json")))
