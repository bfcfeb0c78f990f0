"""The register: one description per record kind, used by every surface.

Each app declares its kinds in its own `register.py` (grants/register.py, ...): the rows a
user may see (`visible_to`), a django-filter FilterSet, the web list's columns, the form and
services that write, the spreadsheet columns, the API schemas and the search document. The
web lists, the commitment tracker, the review queue, the API, the exports, IATI and the
search index all take their rows from `Register.rows(user, params)`, that is
`filterset(params, visible_to(user)).qs` sorted, so visibility and filters cannot drift.

Domain-free: this module knows no app; the apps' modules are found by autodiscovery.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.db import models
from django.db.models import QuerySet
from django.utils.module_loading import autodiscover_modules


@dataclass
class Column:
    """A column of a web list: its heading, how a record's cell reads, how it sorts."""

    label: Any
    value: Callable[[Any, Any], Any]  # (record, list context) → cell
    sort: str | None = None
    numeric: bool = False
    link: bool = False  # the cell links to the record's page


@dataclass
class SearchDoc:
    """A record as the search index shows it, and the text its words come from."""

    title: str
    subtitle: str
    url: str
    text: str
    partnership_id: int | None = None


@dataclass
class Filtered:
    """The rows a request asked for, the filters it set, and its bad filters (field → msg)."""

    qs: QuerySet
    active: dict[str, str]
    errors: dict[str, list[str]]
    sort: str


@dataclass
class Register:
    slug: str
    model: type[models.Model]
    label: Any  # plural, for pages, headings and file names
    singular: Any
    visible_to: Callable[[Any], QuerySet]
    filterset: Any  # a django_filters.FilterSet class over `model`
    columns: list[Column] = field(default_factory=list)
    default_sort: str = "-pk"
    detail_fields: list[str] = field(default_factory=list)
    sheet: list[Any] = field(default_factory=list)  # lib.sheets.SheetColumn; [] = every field
    importable: bool = False
    schemas: tuple[Any, Any] | None = None  # API (list item, detail)
    search_kind: str | None = None
    search: Callable[[Any], SearchDoc] | None = None
    search_related: tuple[str, ...] = ()
    form: Any = None  # a ModelForm class
    create: Callable[..., Any] | None = None
    update: Callable[..., Any] | None = None
    web_list: bool = True  # served by the generic list pages (the tracker has its own page)
    login_required: bool = False
    # (queryset, sort) → ordered queryset, for registers with their own order (the tracker)
    sorter: Callable[[QuerySet, str], QuerySet] | None = None
    sorts: tuple[str, ...] = ()  # sort keys besides the columns' (the tracker's)

    @property
    def filter_names(self) -> list[str]:
        return list(self.filterset.base_filters)

    def sort_keys(self) -> set[str]:
        return {c.sort for c in self.columns if c.sort} | set(self.sorts)

    def filter(self, user, params: Mapping[str, Any] | None = None) -> Filtered:
        """Return the rows of this kind `user` may see, filtered by `params` and sorted.

        A bad filter value (an unknown locality, a year that is no number) gives no rows and
        an error naming the filter, never all rows."""
        params = params or {}
        data = {k: _one(params, k) for k in params}
        data = {k: v.strip() if isinstance(v, str) else v for k, v in data.items()}
        fs = self.filterset(data, queryset=self.visible_to(user), request=None)
        active = {n: str(data[n]) for n in self.filter_names if data.get(n) not in (None, "")}
        sort = str(data.get("sort") or self.default_sort)
        if sort.lstrip("-") not in self.sort_keys():
            sort = self.default_sort
        if not fs.is_valid():
            errors = {k: [str(m) for m in v] for k, v in fs.errors.items()}
            return Filtered(self.model._default_manager.none(), active, errors, sort)
        return Filtered(self._order(fs.qs, sort), active, {}, sort)

    def rows(self, user, params: Mapping[str, Any] | None = None) -> QuerySet:
        """Return `filter(user, params).qs` (no rows when a filter is bad)."""
        return self.filter(user, params).qs

    def get_for_user(self, user, pk: int) -> Any | None:
        """Return the record `pk` if `user` may see it, else None."""
        return self.visible_to(user).filter(pk=pk).first()

    def _order(self, qs: QuerySet, sort: str) -> QuerySet:
        if self.sorter is not None:
            return self.sorter(qs, sort)
        name = sort.lstrip("-")
        if name == "pk":
            return qs.order_by(sort)
        expr = models.F(name)
        order = expr.desc(nulls_last=True) if sort.startswith("-") else expr.asc(nulls_last=True)
        return qs.order_by(order, "-pk")


def _one(params: Mapping[str, Any], key: str) -> Any:
    getter = getattr(params, "get", None)
    value = getter(key) if getter else params[key]
    return value


REGISTRY: dict[str, Register] = {}
_discovered = False


def register(reg: Register) -> Register:
    """Add a register (called by the apps' register modules at import)."""
    REGISTRY[reg.slug] = reg
    return reg


def registers() -> dict[str, Register]:
    """Return every register by slug, in the order the apps are installed."""
    global _discovered
    if not _discovered:
        _discovered = True
        autodiscover_modules("register")
    return REGISTRY


def get(slug: str) -> Register | None:
    return registers().get(slug)


def for_model(model: type[models.Model]) -> Register | None:
    return next((r for r in registers().values() if r.model is model), None)
