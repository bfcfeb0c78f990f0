"""What the API returns and accepts (pydantic schemas through django-ninja)."""

from __future__ import annotations

import datetime as dt

from ninja import Schema


class LocalityOut(Schema):
    id: int
    generation: int
    code: int
    name: str
    kind: str
    valid_from: dt.date
    valid_to: dt.date | None
    successor_id: int | None
    display_name: str

    @staticmethod
    def resolve_display_name(obj) -> str:
        return obj.display_name()


class PartnershipOut(Schema):
    id: int
    name: str
    started_on: dt.date | None
    description: str
    is_published: bool
    locality_ids: list[int]
    version: int

    @staticmethod
    def resolve_locality_ids(obj) -> list[int]:
        return [m.locality_id for m in obj.members.all()]


class MeetingOut(Schema):
    id: int
    partnership_id: int
    kind: str
    title: str
    held_on: dt.date | None
    place: str
    host_id: int | None
    summary: str
    fields: list[str]


class AgreementOut(Schema):
    id: int
    partnership_id: int
    meeting_id: int | None
    kind: str
    title: str
    signed_on: dt.date | None
    period_start: int | None
    period_end: int | None
    agreed_count: int | None


class CommitmentOut(Schema):
    id: int
    agreement_id: int
    partnership_id: int
    number: int
    field: str
    text: str
    responsible_id: int | None
    due_on: dt.date | None
    status: str
    is_overdue: bool
    version: int

    @staticmethod
    def resolve_partnership_id(obj) -> int:
        return obj.agreement.partnership_id

    @staticmethod
    def resolve_is_overdue(obj) -> bool:
        return obj.is_overdue()


class ProjectOut(Schema):
    id: int
    partnership_id: int | None
    name: str
    investor: str
    origin_id: int
    host_id: int
    sector: str
    capital_vnd: int | None
    stage: str
    registered_on: dt.date | None
    external_id: str
    notes: str
    version: int


class SnapshotOut(Schema):
    id: int
    partnership_id: int
    origin_id: int
    host_id: int
    reported_on: dt.date | None
    meeting_id: int | None
    projects: int | None
    capital_vnd: int | None
    qualifier: str
    since_year: int | None
    location_approved: int | None
    licensed: int | None
    under_construction: int | None
    operating: int | None
    suspended: int | None
    revoked: int | None


class GrantOut(Schema):
    id: int
    partnership_id: int
    donor_id: int
    recipient_id: int
    amount_vnd: int
    purpose: str
    field: str
    given_on: dt.date | None
    year: int | None
    meeting_id: int | None
    version: int


class ActivityOut(Schema):
    id: int
    partnership_id: int
    kind: str
    title: str
    starts_on: dt.date | None
    ends_on: dt.date | None
    year: int | None
    place: str
    organiser_id: int | None
    count: int | None
    field: str
    description: str
    version: int


class RequestOut(Schema):
    id: int
    partnership_id: int
    meeting_id: int | None
    from_locality_id: int
    to_locality_id: int
    text: str
    field: str
    made_on: dt.date | None
    status: str
    answer: str
    answered_on: dt.date | None


class FactOut(Schema):
    id: int
    kind: str
    value: dict | list | str | int | float | None
    evidence: list
    confidence: float
    state: str


class DocumentOut(Schema):
    id: int
    sha256: str
    size: int
    filename: str
    media_type: str
    title: str
    source_url: str
    published_on: dt.date | None


class DocumentDetailOut(DocumentOut):
    facts: list[FactOut]

    @staticmethod
    def resolve_facts(obj) -> list:
        return list(obj.facts.all())


class PersonOut(Schema):
    id: int
    full_name: str


class AgencyOut(Schema):
    id: int
    locality_id: int
    name: str
    short_name: str


# Writes ----------------------------------------------------------------------------------


class StatusIn(Schema):
    status: str
    note: str = ""
    expected_version: int | None = None


class ProjectIn(Schema):
    partnership_id: int | None = None
    name: str
    investor: str = ""
    origin_id: int
    host_id: int
    sector: str = ""
    capital_vnd: int | None = None
    stage: str = "location_approved"
    registered_on: dt.date | None = None
    external_id: str = ""
    notes: str = ""


class ProjectPatch(Schema):
    expected_version: int | None = None
    name: str | None = None
    investor: str | None = None
    sector: str | None = None
    capital_vnd: int | None = None
    stage: str | None = None
    registered_on: dt.date | None = None
    external_id: str | None = None
    notes: str | None = None


class GrantIn(Schema):
    partnership_id: int
    donor_id: int
    recipient_id: int
    amount_vnd: int
    purpose: str = ""
    field: str = ""
    given_on: dt.date | None = None
    year: int | None = None


class GrantPatch(Schema):
    expected_version: int | None = None
    amount_vnd: int | None = None
    purpose: str | None = None
    field: str | None = None
    given_on: dt.date | None = None
    year: int | None = None


class ActivityIn(Schema):
    partnership_id: int
    kind: str
    title: str
    starts_on: dt.date | None = None
    ends_on: dt.date | None = None
    year: int | None = None
    place: str = ""
    organiser_id: int | None = None
    count: int | None = None
    field: str = ""
    description: str = ""


class ActivityPatch(Schema):
    expected_version: int | None = None
    kind: str | None = None
    title: str | None = None
    starts_on: dt.date | None = None
    ends_on: dt.date | None = None
    year: int | None = None
    place: str | None = None
    count: int | None = None
    field: str | None = None
    description: str | None = None


class FieldError(Schema):
    field: str
    message: str


class ErrorOut(Schema):
    detail: str | list[FieldError]
