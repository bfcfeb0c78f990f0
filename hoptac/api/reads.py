"""List (filtered, paginated) and detail endpoints for every register.

Each endpoint takes its rows from the register (`<app>/register.py`): the same visibility
and the same FilterSet as the web list and the export, so the same query string gives the
same rows everywhere. The query parameters of each list are its FilterSet's (docs/api.md).
"""

from typing import Any

from django.http import Http404, HttpRequest
from ninja import Query, Router, Schema
from ninja.pagination import LimitOffsetPagination, paginate
from pydantic import create_model

from hoptac.api.auth import reader
from hoptac.lib.registers import Register, registers

router = Router(tags=["registers"])

FILTER_DOC = (
    "Filters (all optional) are this register's, with the names the web list uses (see "
    "docs/api.md): `q` matches words without regard to accents, case or tone placement; "
    "`locality` takes a unit's key (`2025-38`) or id and counts its predecessors and "
    "successors; `units=historic` reads units of the time. A bad filter value is answered "
    "with 422 naming the filter. Anonymous callers see only published partnerships' data. "
    "Paginated with `limit` and `offset`; the answer has `items` and `count`."
)


class FilterError(Exception):
    def __init__(self, errors: dict[str, list[str]]):
        super().__init__("bad filter")
        self.errors = errors


def _filters_schema(reg: Register) -> type[Schema]:
    fields: dict[str, Any] = {name: (str | None, None) for name in reg.filter_names}
    fields["sort"] = (str | None, None)
    return create_model(f"{reg.slug.title()}Filters", __base__=Schema, **fields)


def _add(reg: Register) -> None:
    assert reg.schemas is not None
    list_schema, detail_schema = reg.schemas
    filters_schema = _filters_schema(reg)

    @router.get(
        f"/{reg.slug}", response=list[list_schema], operation_id=f"list_{reg.slug}",  # type: ignore[valid-type]
        summary=f"List {reg.slug}", description=f"{reg.label}: the list. {FILTER_DOC} "
        f"Filters: {', '.join(f'`{n}`' for n in reg.filter_names if n != 'units')}.",
    )  # fmt: skip
    @paginate(LimitOffsetPagination)
    def list_view(request: HttpRequest, filters: Query[filters_schema]):  # type: ignore[valid-type]
        params = {k: v for k, v in filters.dict().items() if v not in (None, "")}  # type: ignore[attr-defined]
        found = reg.filter(reader(request), params)
        if found.errors:
            raise FilterError(found.errors)
        return found.qs

    @router.get(
        f"/{reg.slug}/{{int:pk}}", response=detail_schema, operation_id=f"get_{reg.slug}",
        summary=f"One of {reg.slug}",
        description=f"{reg.label}: one record by id; 404 when it does not exist or is not visible.",
    )  # fmt: skip
    def detail_view(request: HttpRequest, pk: int):
        obj = reg.get_for_user(reader(request), pk)
        if obj is None:
            raise Http404
        return obj


for _reg in registers().values():
    if _reg.schemas is not None:
        _add(_reg)
