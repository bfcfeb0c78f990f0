"""Accent-, case- and tone-placement-insensitive phrase search over an index of unaccented words.

Each searchable record has a `SearchEntry`, holding its words in order without diacritics
(" ha noi thanh hoa "; "Đà" → "da"), and one `SearchToken` per distinct word. A query is a
phrase: its words in that order, next to each other, the last one possibly unfinished
("ha nam" finds "Hà Nam" but not "Hải Phòng … năm"; "thanh ho" finds "Thanh Hóa"). The tokens
narrow the candidates on a B-tree index (every word but the last equal, the last a range
`token >= 'ho' AND token < 'hp'`), which SQLite and PostgreSQL both answer without scanning the
records; the phrase is then checked on the candidates' word strings. Results are ranked: a
phrase in the title before one in the text, a whole last word before a begun one, a title that
starts with it first. `snippet` shows where a document says it, highlighted.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.db import models, transaction
from django.db.models import Case, IntegerField, Q, QuerySet, Value, When
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from hoptac.lib.registers import SearchDoc
from hoptac.lib.text import fold, unaccent
from hoptac.web.models import SearchEntry, SearchToken

MAX_TOKEN = 40
MAX_QUERY_WORDS = 8
# A record's text is indexed up to this many characters (a long document's first ~40 pages).
MAX_TEXT = 200_000
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


def words_of(text: str) -> list[str]:
    """Return the unaccented words of `text` in order, repeats kept."""
    return [w[:MAX_TOKEN] for w in _WORD_RE.findall(unaccent(fold(text or "")))]


def tokens_of(text: str) -> list[str]:
    """Return the distinct unaccented words of `text`, in order of first appearance."""
    return list(dict.fromkeys(words_of(text)))


def _spaced(words: list[str]) -> str:
    # Never empty (a title without a word is " "): "" marks an entry from before this field.
    return f" {' '.join(words)} " if words else " "


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
    values = _entry_values(obj, build(obj))
    entry = SearchEntry.objects.create(kind=kind, object_id=obj.pk, **values)
    SearchToken.objects.bulk_create(SearchToken(entry=entry, token=t) for t in _tokens(values))
    return entry


def _entry_values(obj, doc: SearchDoc) -> dict[str, Any]:
    # partnership_id and needs_login are informative only: who sees an entry is decided by
    # its register's visible_to() at query time.
    text = doc.text[:MAX_TEXT]
    return {
        "title": doc.title[:500], "subtitle": doc.subtitle[:500], "url": doc.url,
        "partnership_id": doc.partnership_id, "needs_login": False,
        "source_updated_at": getattr(obj, "updated_at", None),
        "title_words": _spaced(words_of(doc.title)), "words": _spaced(words_of(text)),
        "text": text,
    }  # fmt: skip


def _tokens(values: dict[str, Any]) -> list[str]:
    return list(dict.fromkeys(f"{values['title_words']} {values['words']}".split()))


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
            values = _entry_values(obj, build(obj))
            pending.append((SearchEntry(kind=kind, object_id=obj.pk, **values), _tokens(values)))
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
    if SearchEntry.objects.filter(kind="locality", title_words__gt="").exists():
        return
    SearchEntry.objects.filter(kind="locality").delete()
    from hoptac.localities.models import Locality

    for loc in Locality.objects.select_related("successor"):
        search_index_update(loc)


def ensure_index_current() -> None:
    """Rebuild the index when it holds entries written before words were kept in order
    (an upgraded database): derived data, so a rebuild after `migrate` loses nothing."""
    if SearchEntry.objects.filter(title_words="").exists():
        search_index_rebuild()
    ensure_localities_indexed()


# --- reading it ------------------------------------------------------------------------------


@dataclass
class Group:
    kind: str
    label: str
    entries: list[SearchEntry]
    total: int


@dataclass
class Results:
    groups: list[Group]
    # False when no record has the words as a phrase and these are the records that have
    # every word somewhere (the page says so).
    phrase: bool = True

    @property
    def total(self) -> int:
        return sum(g.total for g in self.groups)


def _query_words(query: str) -> list[str]:
    return words_of(query)[:MAX_QUERY_WORDS]


def _candidates(kind: str, words: list[str]) -> QuerySet:
    """Entries of `kind` having every word but the last, and a word the last one begins."""
    qs = SearchEntry.objects.filter(kind=kind)
    *whole, last = words
    for w in dict.fromkeys(whole):
        qs = qs.filter(id__in=SearchToken.objects.filter(token=w).values("entry_id"))
    begun = SearchToken.objects.filter(token__gte=last, token__lt=_upper_bound(last))
    return qs.filter(id__in=begun.values("entry_id"))


def _matching(kind: str, words: list[str], *, phrase: bool = True) -> QuerySet:
    qs = _candidates(kind, words)
    if phrase:
        spaced = " " + " ".join(words)
        qs = qs.filter(Q(title_words__contains=spaced) | Q(words__contains=spaced))
    return qs


def matching_ids(kind: str, query: str) -> QuerySet:
    """Return a subquery of the ids of `kind` whose title or text has the words of `query` as
    a phrase, the last word possibly begun (accent-, case- and tone-blind)."""
    words = _query_words(query)
    if not words:
        return SearchEntry.objects.filter(kind=kind).values("object_id")
    return _matching(kind, words).values("object_id")


def _ranked(qs: QuerySet, words: list[str]) -> QuerySet:
    """Order by rank: the phrase as whole words in the title, begun in the title, at the
    title's start, as whole words in the text; then the most recently changed."""
    spaced = " " + " ".join(words)
    rank = sum(
        (
            Case(When(cond, then=Value(points)), default=Value(0), output_field=IntegerField())
            for cond, points in (
                (Q(title_words__contains=spaced + " "), 8),
                (Q(title_words__contains=spaced), 4),
                (Q(title_words__startswith=spaced), 2),
                (Q(words__contains=spaced + " "), 1),
            )
        ),
        Value(0),
    )
    return qs.annotate(rank=rank).order_by("-rank", "-source_updated_at", "title", "id")


def search(query: str, *, user, per_kind: int = 10, kinds: Iterable[str] | None = None) -> Results:
    """Return the entries that `user` may see having the words of `query` as a phrase, by
    kind and ranked; when none has the phrase, those having every word (`phrase=False`).

    Who sees an entry is its register's `visible_to(user)`: the same rule as the lists."""
    words = _query_words(query)
    if not words:
        return Results([])
    results = Results(_groups(words, user, per_kind, kinds, phrase=True))
    if not results.groups and len(set(words)) > 1:
        results = Results(_groups(words, user, per_kind, kinds, phrase=False), phrase=False)
    for group in results.groups:
        for entry in group.entries:
            entry.title_html = highlight(entry.title, words)  # type: ignore[attr-defined]
            entry.snippet = snippet(entry, words)  # type: ignore[attr-defined]
    return results


def _groups(words, user, per_kind, kinds, *, phrase: bool) -> list[Group]:
    searchable = _searchable()
    wanted = [k for k in searchable if kinds is None or k in set(kinds)]
    groups = []
    for kind in wanted:
        reg = searchable[kind]
        qs = _matching(kind, words, phrase=phrase).filter(
            object_id__in=reg.visible_to(user).values("pk")
        )
        total = qs.count()
        if not total:
            continue
        entries = list(_ranked(qs, words).defer("words")[:per_kind])
        groups.append(Group(kind, str(reg.label), entries, total))
    return groups


# --- showing where it matched ------------------------------------------------------------


def _folded_with_offsets(text: str) -> tuple[str, list[int]]:
    """Return `text` unaccented and lower-cased, one character per character of the NFC
    text (non-word characters as spaces), and the offset in `text` of each of them."""
    out: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(text):
        plain = unaccent(ch) if ch.strip() else " "
        plain = plain if len(plain) == 1 and plain.isascii() and plain.isalnum() else " "
        out.append(plain)
        offsets.append(i)
    return "".join(out), offsets


def _phrase_re(words: list[str], *, phrase: bool = True) -> re.Pattern[str]:
    *whole, last = [re.escape(w) for w in words]
    if phrase:
        body = "".join(f"{w} +" for w in whole) + f"{last}[a-z0-9]*"
        return re.compile(rf"(?<![a-z0-9]){body}")
    alts = "|".join([*(f"{w}(?![a-z0-9])" for w in whole), f"{last}[a-z0-9]*"])
    return re.compile(rf"(?<![a-z0-9])(?:{alts})")


def _marked(text: str, spans: list[tuple[int, int]]) -> SafeString:
    parts, at = [], 0
    for start, end in spans:
        parts += [escape(text[at:start]), "<mark>", escape(text[start:end]), "</mark>"]
        at = end
    parts.append(escape(text[at:]))
    return mark_safe("".join(parts))  # noqa: S308 - every piece of text is escaped above


def _spans(text: str, words: list[str], *, phrase: bool = True) -> list[tuple[int, int]]:
    folded, _offsets = _folded_with_offsets(text)
    found = [m.span() for m in _phrase_re(words).finditer(folded)]
    if not found and not phrase:
        found = [m.span() for m in _phrase_re(words, phrase=False).finditer(folded)]
    return found


def highlight(text: str, words: list[str]) -> SafeString:
    """Return `text` escaped, with the phrase (or else its words) marked."""
    return _marked(text, _spans(text, words, phrase=False))


def snippet(entry: SearchEntry, words: list[str], width: int = 220) -> SafeString | None:
    """Return the passage of the entry's text around the first place the phrase (or else a
    word of it) appears, marked; None when the text says it only in a copy of the title."""
    text = entry.text
    if text.startswith(entry.title):  # most documents repeat their title: skip that copy
        text = text[len(entry.title) :]
    spans = _spans(text, words, phrase=False)
    if not spans:
        return None
    start = max(0, spans[0][0] - width // 3)
    if start:  # begin at a word
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < spans[0][0] else start
    end = min(len(text), start + width)
    if end < len(text):
        space = text.rfind(" ", spans[0][1], end)
        end = space if space > 0 else end
    shown = [(a - start, b - start) for a, b in spans if a >= start and b <= end]
    body = _marked(text[start:end], shown)
    return mark_safe(("… " if start else "") + body + (" …" if end < len(text) else ""))  # noqa: S308
