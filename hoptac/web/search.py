"""Accent-, case- and tone-placement-insensitive search over an index of unaccented tokens.

Each searchable record has a `SearchEntry` and one `SearchToken` per distinct word, written
without diacritics ("Thanh Hoá" → "thanh", "hoa"; "Đà" → "da"). A query word matches every
token it begins ("hoa" finds "hoa", "hoang"), as a range `token >= 'hoa' AND token < 'hob'`
on a B-tree index, which SQLite and PostgreSQL both answer without scanning the records.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.db import models, transaction
from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from hoptac.lib.text import fold, unaccent
from hoptac.web.models import SearchEntry, SearchToken

MAX_TOKEN = 40
_WORD_RE = re.compile(r"[a-z0-9]+")

# Kinds in the order results are shown, with their group headings.
KINDS: dict[str, Any] = {
    "locality": _("Địa phương"),
    "partnership": _("Quan hệ hợp tác"),
    "person": _("Cá nhân"),
    "agency": _("Cơ quan"),
    "agreement": _("Văn bản hợp tác"),
    "commitment": _("Nội dung cam kết"),
    "meeting": _("Cuộc họp"),
    "project": _("Dự án đầu tư"),
    "document": _("Tài liệu"),
}


def tokens_of(text: str) -> list[str]:
    """Return the distinct unaccented words of `text`, in order of first appearance."""
    seen: dict[str, None] = {}
    for word in _WORD_RE.findall(unaccent(fold(text or ""))):
        seen.setdefault(word[:MAX_TOKEN], None)
    return list(seen)


def _upper_bound(prefix: str) -> str:
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)


# --- what each kind of record looks like in the index -------------------------------------


@dataclass
class Doc:
    title: str
    subtitle: str
    url: str
    text: str
    partnership_id: int | None = None
    needs_login: bool = False


def _locality(obj) -> Doc:
    from hoptac.web.queries import locality_label

    label = locality_label(obj)
    return Doc(
        title=label,
        subtitle=str(obj.get_generation_display()),
        url=reverse("web:dashboard") + f"?locality={obj.key}",
        text=" ".join([label, obj.name]),
    )


def _partnership(obj) -> Doc:
    return Doc(
        title=str(obj), subtitle=obj.description[:200],
        url=reverse("web:partnership", args=[obj.pk]), text=f"{obj} {obj.description}",
        partnership_id=obj.pk,
    )  # fmt: skip


def _person(obj) -> Doc:
    return Doc(
        title=obj.full_name, subtitle="", url=reverse("web:detail", args=["people", obj.pk]),
        text=obj.full_name,
    )  # fmt: skip


def _agency(obj) -> Doc:
    return Doc(
        title=obj.name, subtitle=obj.locality.name,
        url=reverse("web:detail", args=["agencies", obj.pk]),
        text=f"{obj.name} {obj.short_name} {obj.locality.name}",
    )  # fmt: skip


def _agreement(obj) -> Doc:
    return Doc(
        title=obj.title, subtitle=str(obj.partnership),
        url=reverse("web:detail", args=["agreements", obj.pk]), text=obj.title,
        partnership_id=obj.partnership_id,
    )  # fmt: skip


def _commitment(obj) -> Doc:
    text = obj.text or str(_("(chưa ghi nội dung)"))
    return Doc(
        title=f"{obj.number}. {text[:200]}", subtitle=obj.agreement.title[:200],
        url=reverse("web:commitment", args=[obj.pk]), text=obj.text,
        partnership_id=obj.agreement.partnership_id,
    )  # fmt: skip


def _meeting(obj) -> Doc:
    return Doc(
        title=obj.title, subtitle=f"{obj.date_display} {obj.place}".strip(),
        url=reverse("web:detail", args=["meetings", obj.pk]),
        text=f"{obj.title} {obj.place} {obj.summary}", partnership_id=obj.partnership_id,
    )  # fmt: skip


def _project(obj) -> Doc:
    return Doc(
        title=obj.name, subtitle=obj.investor,
        url=reverse("web:detail", args=["projects", obj.pk]),
        text=f"{obj.name} {obj.investor} {obj.external_id}", partnership_id=obj.partnership_id,
        needs_login=obj.partnership_id is None,
    )  # fmt: skip


def _document(obj) -> Doc:
    return Doc(
        title=str(obj), subtitle=obj.published_on.strftime("%d/%m/%Y") if obj.published_on else "",
        url=reverse("web:documents_link", args=[obj.pk]), text=f"{obj.title} {obj.text}",
        needs_login=True,
    )  # fmt: skip


def _registry() -> dict[type[models.Model], tuple[str, Callable[[Any], Doc], list[str]]]:
    """Return model → (kind, builder, select_related) for every indexed model."""
    from hoptac.documents.models import Document
    from hoptac.investments.models import InvestmentProject
    from hoptac.localities.models import Locality
    from hoptac.partnerships.models import (
        Agency,
        Agreement,
        Commitment,
        Meeting,
        Partnership,
        Person,
    )

    return {
        Locality: ("locality", _locality, ["successor"]),
        Partnership: ("partnership", _partnership, []),
        Person: ("person", _person, []),
        Agency: ("agency", _agency, ["locality"]),
        Agreement: ("agreement", _agreement, ["partnership"]),
        Commitment: ("commitment", _commitment, ["agreement"]),
        Meeting: ("meeting", _meeting, []),
        InvestmentProject: ("project", _project, []),
        Document: ("document", _document, []),
    }


def indexed_models() -> list[type[models.Model]]:
    return list(_registry())


# --- writing the index ---------------------------------------------------------------------


@transaction.atomic
def search_index_update(obj: models.Model) -> SearchEntry | None:
    """Index one record (or drop it when it is soft-deleted); return its entry or None."""
    kind, build, _related = _registry()[type(obj)]
    SearchEntry.objects.filter(kind=kind, object_id=obj.pk).delete()
    if getattr(obj, "deleted_at", None) is not None:
        return None
    doc = build(obj)
    entry = SearchEntry.objects.create(kind=kind, object_id=obj.pk, **_entry_values(obj, doc))
    SearchToken.objects.bulk_create(
        SearchToken(entry=entry, token=t) for t in tokens_of(f"{doc.title} {doc.text}")
    )
    return entry


def _entry_values(obj, doc: Doc) -> dict[str, Any]:
    return {
        "title": doc.title[:500], "subtitle": doc.subtitle[:500], "url": doc.url,
        "partnership_id": doc.partnership_id, "needs_login": doc.needs_login,
        "source_updated_at": getattr(obj, "updated_at", None),
    }  # fmt: skip


@transaction.atomic
def search_index_rebuild(batch: int = 500) -> int:
    """Drop the index and index every live record again; return the number of entries."""
    SearchToken.objects.all().delete()
    SearchEntry.objects.all().delete()
    total = 0
    for model, (kind, build, related) in _registry().items():
        qs = model._default_manager.select_related(*related).order_by("pk")
        pending: list[tuple[SearchEntry, list[str]]] = []
        for obj in qs.iterator(chunk_size=batch):
            doc = build(obj)
            entry = SearchEntry(kind=kind, object_id=obj.pk, **_entry_values(obj, doc))
            pending.append((entry, tokens_of(f"{doc.title} {doc.text}")))
            if len(pending) >= batch:
                total += _flush(pending)
        total += _flush(pending)
    return total


def _flush(pending: list[tuple[SearchEntry, list[str]]]) -> int:
    if not pending:
        return 0
    entries = SearchEntry.objects.bulk_create([e for e, _t in pending])
    SearchToken.objects.bulk_create(
        (
            SearchToken(entry=e, token=t)
            for e, (_e, toks) in zip(entries, pending, strict=True)
            for t in toks
        ),
        batch_size=2000,
    )
    n = len(pending)
    pending.clear()
    return n


def ensure_localities_indexed() -> None:
    """Index the units when they are missing (they are loaded by a migration, not services)."""
    if SearchEntry.objects.filter(kind="locality").exists():
        return
    from hoptac.localities.models import Locality

    for loc in Locality.objects.select_related("successor"):
        search_index_update(loc)


# --- reading it ------------------------------------------------------------------------------


@dataclass
class Group:
    kind: str
    label: str
    entries: list[SearchEntry]
    total: int


def search(
    query: str, *, user, per_kind: int = 10, kinds: Iterable[str] | None = None
) -> list[Group]:
    """Return the entries matching every word of `query` that `user` may see, by kind."""
    from hoptac.web.queries import visible_partnership_ids

    words = tokens_of(query)[:8]
    if not words:
        return []
    qs = SearchEntry.objects.all()
    for w in words:
        matching = SearchToken.objects.filter(token__gte=w, token__lt=_upper_bound(w))
        qs = qs.filter(id__in=matching.values("entry_id"))
    qs = qs.filter(
        Q(partnership_id__isnull=True) | Q(partnership_id__in=visible_partnership_ids(user))
    )
    if not user.is_authenticated:
        qs = qs.filter(needs_login=False)
    wanted = [k for k in KINDS if kinds is None or k in set(kinds)]
    counts = dict(qs.filter(kind__in=wanted).values_list("kind").annotate(n=Count("id")))
    groups = []
    for kind in wanted:
        if not counts.get(kind):
            continue
        entries = list(qs.filter(kind=kind).order_by("title", "id")[:per_kind])
        groups.append(Group(kind, str(KINDS[kind]), entries, counts[kind]))
    return groups
