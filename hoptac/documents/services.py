"""Writes about documents and their facts: ingest, review (accept, edit, reject), conflicts.

Ingest stores a document and its proposed facts in one transaction; reviewing turns facts
into records through records.py/appliers.py. Permission: a reviewer of a side of the
partnership the document is about accepts, edits and rejects its facts.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from hoptac.accounts.models import Role
from hoptac.accounts.permissions import partnership_sides, require_any
from hoptac.documents import reading
from hoptac.documents.appliers import APPLIERS
from hoptac.documents.models import (
    Conflict,
    ConflictState,
    Document,
    Fact,
    FactKind,
    ReviewState,
    TextSource,
)
from hoptac.documents.records import Tally, ensure_event, mark_accepted, resolve_parties
from hoptac.documents.values import clean_value
from hoptac.lib.services import record_create, record_update

# The extraction JSON's lists, the kind of fact each holds, and the order facts are accepted in
# (parties and date first: every other record hangs on the meeting they make).
SECTIONS: tuple[tuple[str, str], ...] = (
    ("parties", FactKind.PARTY),
    ("people", FactKind.PERSON),
    ("investments", FactKind.INVESTMENT),
    ("grants", FactKind.GRANT),
    ("commitment_counts", FactKind.COMMITMENT_COUNT),
    ("fields", FactKind.FIELD),
    ("agreements", FactKind.AGREEMENT),
    ("requests", FactKind.REQUEST),
    ("activities", FactKind.ACTIVITY),
    ("assignments", FactKind.ASSIGNMENT),
    ("statistics", FactKind.STATISTIC),
)
ACCEPT_ORDER = [FactKind.PARTY, FactKind.EVENT_DATE] + [
    k for _s, k in SECTIONS if k != FactKind.PARTY
]

Extractor = Callable[[str, str, dt.date | None], dict[str, Any]]


@dataclass
class IngestResult:
    """What ingesting one file did. `status` is "new", "unchanged" or "failed"."""

    filename: str
    status: str
    document: Document | None = None
    message: str = ""
    facts_proposed: int = 0
    tally: Tally = field(default_factory=Tally)
    errors: list[str] = field(default_factory=list)  # facts auto-accept left proposed, and why


def _default_extractor(text: str, source: str, published: dt.date | None) -> dict[str, Any]:
    return reading.extract_facts(text, source=source, published=published)


def document_ingest(
    *, data: bytes, filename: str, by, source_url: str | None = None,
    published: dt.date | None = None, auto_accept: bool = False,
    extractor: Extractor | None = None,
) -> IngestResult:  # fmt: skip
    """Store a document and its proposed facts; return what happened.

    The same bytes again change nothing ("unchanged"). A file that cannot be read, is empty or
    too large stores nothing ("failed", with the reason in `message`). With `auto_accept`,
    facts at or above HOPTAC_AUTO_ACCEPT_THRESHOLD are accepted as `by`.
    """
    filename = (filename or "").strip()[:255] or "document.txt"
    if len(data) > settings.HOPTAC_MAX_DOCUMENT_BYTES:
        return IngestResult(filename, "failed", message=too_large_message(len(data)))
    sha = hashlib.sha256(data).hexdigest()
    existing = Document.all_objects.filter(sha256=sha).first()
    if existing is not None:
        return IngestResult(filename, "unchanged", document=existing)
    try:
        read = reading.read_bytes(data, filename)
        published = published or read.published
        extraction = (extractor or _default_extractor)(read.text, filename, published)
    except reading.UnreadableDocument as exc:
        return IngestResult(filename, "failed", message=str(exc))
    text = extraction.get("text") or read.text
    try:
        with transaction.atomic():
            document = record_create(
                Document, by=by, sha256=sha, original=data, size=len(data), filename=filename,
                media_type=read.media_type, encoding=read.encoding[:40],
                title=(extraction.get("title") or read.title or "")[:500], text=text,
                text_source=TextSource.OCR if read.ocr else TextSource.TEXT,
                ocr_confidence=read.confidence if read.ocr else None,
                source_url=source_url or "", published_on=published,
                extracted_at=timezone.now(), extractor=str(extraction.get("extractor") or ""),
            )  # fmt: skip
            proposed = _facts_create(document, extraction, by=by)
    except IntegrityError:
        # Another process stored the same bytes a moment ago.
        found = Document.all_objects.filter(sha256=sha).first()
        if found is None:
            raise
        return IngestResult(filename, "unchanged", document=found)
    except ValidationError as exc:
        return IngestResult(filename, "failed", message=_messages(exc))
    result = IngestResult(filename, "new", document=document, facts_proposed=proposed)
    if auto_accept:
        threshold = settings.HOPTAC_AUTO_ACCEPT_THRESHOLD
        result.tally, result.errors = _accept_many(document, by=by, min_confidence=threshold)
    return result


def too_large_message(size: int) -> str:
    return _("Tệp quá lớn: %(size)s MB, giới hạn là %(limit)s MB.") % {
        "size": _mb(size),
        "limit": _mb(settings.HOPTAC_MAX_DOCUMENT_BYTES),
    }


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.1f}".rstrip("0").rstrip(".")


def _facts_create(document: Document, extraction: Mapping[str, Any], *, by) -> int:
    n = 0
    text_len = len(document.text)

    def spans(raw: Any) -> list[list[int]]:
        out = []
        for span in raw or []:
            if isinstance(span, list | tuple) and len(span) == 2:
                s, e = int(span[0]), int(span[1])
                if 0 <= s < e <= text_len:
                    out.append([s, e])
        return out

    if extraction.get("event_date"):
        record_create(
            Fact, by=by, document=document, kind=FactKind.EVENT_DATE, position=n,
            value={"event_date": extraction["event_date"]},
            proposed_value={"event_date": extraction["event_date"]},
            evidence=spans(extraction.get("event_date_evidence")),
            confidence=float(extraction.get("event_date_confidence") or 0.0),
        )  # fmt: skip
        n += 1
    for section, kind in SECTIONS:
        for item in extraction.get(section) or []:
            if not isinstance(item, dict):
                continue
            value = {k: v for k, v in item.items() if k not in ("evidence", "confidence")}
            record_create(
                Fact, by=by, document=document, kind=kind, position=n, value=value,
                proposed_value=value, evidence=spans(item.get("evidence")),
                confidence=float(item.get("confidence") or 0.0),
            )  # fmt: skip
            n += 1
    return n


def _messages(exc: ValidationError) -> str:
    return " ".join(str(m) for m in exc.messages)


# --- review -------------------------------------------------------------------------------


def require_reviewer(user, document: Document) -> None:
    """Raise PermissionDenied unless `user` reviews a side this document is about.

    The sides are those of the partnership the document's facts already point to, else the
    parties it names. A document naming no resolvable sides can be reviewed by superusers.
    """
    from hoptac.documents.records import document_meeting

    meeting = document_meeting(document)
    if meeting is not None:
        sides = partnership_sides(meeting.partnership)
    else:
        try:
            sides, _on = resolve_parties(document)
        except ValidationError:
            sides = []
    if not sides:
        if user is not None and user.is_authenticated and user.is_superuser:
            return
        raise PermissionDenied(_("Tài liệu chưa có bên hợp tác: chỉ quản trị viên được duyệt."))
    require_any(user, Role.REVIEWER, sides)


def _require_proposed(fact: Fact) -> None:
    if fact.state != ReviewState.PROPOSED:
        raise ValidationError(
            _("Dữ kiện này đã được duyệt (%(state)s).") % {"state": fact.get_state_display()}
        )


@transaction.atomic
def fact_accept(*, fact: Fact, by, tally: Tally | None = None) -> Tally:
    """Accept a proposed fact: create or update its records, link them; return the tally."""
    fact = Fact.objects.select_for_update().select_related("document").get(pk=fact.pk)
    _require_proposed(fact)
    require_reviewer(by, fact.document)
    tally = tally if tally is not None else Tally()
    event = ensure_event(fact.document, by=by, tally=tally)
    fact.refresh_from_db()
    if fact.state == ReviewState.PROPOSED:
        APPLIERS[fact.kind](fact, event, by=by, tally=tally)
        mark_accepted(fact, by=by)
        tally.accepted += 1
    return tally


@transaction.atomic
def fact_edit(
    *, fact: Fact, by, data: Mapping[str, Any], expected_version: int | None = None
) -> Fact:
    """Change a proposed fact's value (validated per kind; the proposal is kept); return it."""
    _require_proposed(fact)
    require_reviewer(by, fact.document)
    value = clean_value(fact.kind, data, base=fact.value)
    return record_update(fact, by=by, expected_version=expected_version, value=value)


@transaction.atomic
def fact_reject(*, fact: Fact, by, note: str = "") -> Fact:
    """Reject a proposed fact: nothing is written from it; return it."""
    _require_proposed(fact)
    require_reviewer(by, fact.document)
    return record_update(
        fact, by=by, state=ReviewState.REJECTED, reviewed_at=timezone.now(),
        reviewed_by=by if by and by.is_authenticated else None, note=note.strip(),
    )  # fmt: skip


def document_accept_all(*, document: Document, by) -> tuple[Tally, list[str]]:
    """Accept every proposed fact of a document; return the tally and the facts left, and why.

    Each fact is accepted on its own: one that cannot be (an unknown locality) stays proposed
    and is named in the returned messages, the others go through.
    """
    require_reviewer(by, document)
    return _accept_many(document, by=by, min_confidence=None)


def _accept_many(
    document: Document, *, by, min_confidence: float | None
) -> tuple[Tally, list[str]]:
    tally, errors = Tally(), []
    facts = list(document.facts.filter(state=ReviewState.PROPOSED))
    facts.sort(key=lambda f: (ACCEPT_ORDER.index(f.kind), f.position))
    if min_confidence is not None:
        facts = [f for f in facts if f.confidence >= min_confidence]
        parties = [f for f in facts if f.kind == FactKind.PARTY]
        if len(parties) < 2:
            return tally, [_("Không đủ hai bên hợp tác đủ tin cậy: không tự động chấp nhận.")]
    for fact in facts:
        try:
            with transaction.atomic():
                fact.refresh_from_db()
                if fact.state == ReviewState.PROPOSED:
                    fact_accept(fact=fact, by=by, tally=tally)
        except (ValidationError, PermissionDenied) as exc:
            msg = _messages(exc) if isinstance(exc, ValidationError) else str(exc)
            errors.append(f"{fact.get_kind_display()} #{fact.pk}: {msg}")
    return tally, errors


# --- conflicts ----------------------------------------------------------------------------


@transaction.atomic
def conflict_resolve(*, conflict: Conflict, by, choice: str, note: str = "") -> Conflict:
    """Record the reviewer's decision: keep the record's value, or replace it with the new one."""
    from hoptac.documents.records import update_record

    conflict = Conflict.objects.select_for_update().get(pk=conflict.pk)
    if conflict.state != ConflictState.OPEN:
        raise ValidationError(_("Đã có quyết định cho khác biệt này."))
    if choice not in (ConflictState.KEPT, ConflictState.REPLACED):
        raise ValidationError({"choice": _("Lựa chọn không hợp lệ: %(v)s") % {"v": choice}})
    record = conflict.record
    if record is None:
        raise ValidationError(_("Bản ghi của khác biệt này không còn nữa."))
    require_any(by, Role.REVIEWER, partnership_sides(record.partnership))
    if choice == ConflictState.REPLACED:
        update_record(record, by=by, **{conflict.field: conflict.proposed_value})
    return record_update(
        conflict, by=by, state=choice, resolved_at=timezone.now(),
        resolved_by=by if by and by.is_authenticated else None, note=note.strip(),
    )  # fmt: skip
