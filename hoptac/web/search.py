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
from django.db.models import QuerySet

from hoptac.lib.registers import SearchDoc
from hoptac.lib.text import fold, unaccent
from hoptac.web.models import SearchEntry, SearchToken

MAX_TOKEN = 40
_WORD_RE = re.compile(r"[a-z0-9]+")

# Kinds in the order results are shown; every register with a search document is indexed
# (its `search_kind`), and kinds not named here come after these.
ORDER = ["locality", "partnership", "person", "agency", "agreement", "commitment", "meeting",
         "project", "grant", "activity", "request", "snapshot", "document"]  # fmt: skip


def _searchable() -> dict[str, Any]:
    """Return search kind → register, in the order results are shown."""
    from hoptac.lib.registers import registers

    found = {r.search_kind: r for r in registers().values() if r.search_kind and r.search}
    ordered = [k for k in ORDER if k in found] + [k for k in found if k not in ORDER]
    return {k: found[k] for k in ordered}


def kinds() -> list[str]:
    """Return the indexed kinds in the order results are shown."""
    return list(_searchable())


def tokens_of(text: str) -> list[str]:
    """Return the distinct unaccented words of `text`, in order of first appearance."""
    seen: dict[str, None] = {}
    for word in _WORD_RE.findall(unaccent(fold(text or ""))):
        seen.setdefault(word[:MAX_TOKEN], None)
    return list(seen)


def _upper_bound(prefix: str) -> str:
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)


def _registry() -> dict[type[models.Model], tuple[str, Callable[[Any], Any], tuple[str, ...]]]:
    """Return model → (kind, search document builder, select_related) of every indexed kind."""
    return {r.model: (k, r.search, r.search_related) for k, r in _searchable().items()}  # type: ignore[misc]


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


def _entry_values(obj, doc: SearchDoc) -> dict[str, Any]:
    # partnership_id and needs_login are informative only: who sees an entry is decided by
    # its register's visible_to() at query time.
    return {
        "title": doc.title[:500], "subtitle": doc.subtitle[:500], "url": doc.url,
        "partnership_id": doc.partnership_id, "needs_login": False,
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


def matching_ids(kind: str, query: str) -> QuerySet:
    """Return a subquery of the ids of `kind` whose search document has every word of
    `query` as the beginning of one of its words (accent-, case- and tone-blind)."""
    words = tokens_of(query)[:8]
    qs = SearchEntry.objects.filter(kind=kind)
    for w in words:
        matching = SearchToken.objects.filter(token__gte=w, token__lt=_upper_bound(w))
        qs = qs.filter(id__in=matching.values("entry_id"))
    return qs.values("object_id")


def search(
    query: str, *, user, per_kind: int = 10, kinds: Iterable[str] | None = None
) -> list[Group]:
    """Return the entries matching every word of `query` that `user` may see, by kind.

    Who sees an entry is its register's `visible_to(user)`: the same rule as the lists."""
    words = tokens_of(query)[:8]
    if not words:
        return []
    searchable = _searchable()
    wanted = [k for k in searchable if kinds is None or k in set(kinds)]
    groups = []
    for kind in wanted:
        reg = searchable[kind]
        qs = SearchEntry.objects.filter(
            kind=kind,
            object_id__in=matching_ids(kind, query),
        ).filter(object_id__in=reg.visible_to(user).values("pk"))
        total = qs.count()
        if not total:
            continue
        entries = list(qs.order_by("title", "id")[:per_kind])
        groups.append(Group(kind, str(reg.label), entries, total))
    return groups
