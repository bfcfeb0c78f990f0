"""List (filtered, paginated) and detail endpoints for every register."""

from django.http import Http404, HttpRequest
from ninja import Query, Router, Schema
from ninja.pagination import LimitOffsetPagination, paginate

from hoptac.api import schemas as s
from hoptac.api.auth import reader
from hoptac.reports.exchange.registers import REGISTERS, register_queryset

router = Router(tags=["registers"])

OUT = {
    "partnerships": (s.PartnershipOut, s.PartnershipOut),
    "meetings": (s.MeetingOut, s.MeetingOut),
    "agreements": (s.AgreementOut, s.AgreementOut),
    "commitments": (s.CommitmentOut, s.CommitmentOut),
    "projects": (s.ProjectOut, s.ProjectOut),
    "snapshots": (s.SnapshotOut, s.SnapshotOut),
    "grants": (s.GrantOut, s.GrantOut),
    "activities": (s.ActivityOut, s.ActivityOut),
    "requests": (s.RequestOut, s.RequestOut),
    "documents": (s.DocumentOut, s.DocumentDetailOut),
    "people": (s.PersonOut, s.PersonOut),
    "agencies": (s.AgencyOut, s.AgencyOut),
    "localities": (s.LocalityOut, s.LocalityOut),
}

FILTER_DOC = (
    "Filters (all optional): `partnership` (id), `locality` (id; its predecessors and successor "
    "count too), `status`, `field` (cooperation field code), `year`, `q` (text contains). A "
    "filter the register has no column for is ignored. Anonymous callers see only published "
    "partnerships' data. Paginated with `limit` and `offset`; the answer has `items` and `count`."
)


class Filters(Schema):
    partnership: int | None = None
    locality: int | None = None
    status: str | None = None
    field: str | None = None
    year: int | None = None
    q: str | None = None


def _add(name: str) -> None:
    reg = REGISTERS[name]
    list_schema, detail_schema = OUT[name]

    @router.get(
        f"/{name}", response=list[list_schema], operation_id=f"list_{name}",  # type: ignore[valid-type]
        summary=f"List {name}", description=f"{reg.label}: the list. {FILTER_DOC}",
    )  # fmt: skip
    @paginate(LimitOffsetPagination)
    def list_view(request: HttpRequest, filters: Query[Filters]):
        return register_queryset(reg, reader(request), filters.dict())

    @router.get(
        f"/{name}/{{int:pk}}", response=detail_schema, operation_id=f"get_{name}",
        summary=f"One of {name}",
        description=f"{reg.label}: one record by id; 404 when it does not exist or is not visible.",
    )  # fmt: skip
    def detail_view(request: HttpRequest, pk: int):
        obj = register_queryset(reg, reader(request)).filter(pk=pk).first()
        if obj is None:
            raise Http404
        return obj


for _name in OUT:
    _add(_name)
