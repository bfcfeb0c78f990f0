"""Writes through the services, with a bearer token: commitment status, projects, grants,
activities. Services raise PermissionDenied (→ 403) and ValidationError (→ 422)."""

from typing import Any

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _

from hoptac.activities.models import Activity
from hoptac.activities.services import activity_create, activity_update
from hoptac.api import schemas as s
from hoptac.api.auth import TokenAuth
from hoptac.api.reads import router
from hoptac.grants.models import Grant
from hoptac.grants.services import grant_create, grant_update
from hoptac.investments.models import InvestmentProject
from hoptac.investments.services import project_create, project_update
from hoptac.localities.models import Locality
from hoptac.partnerships.models import Commitment, Partnership
from hoptac.partnerships.services import commitment_set_status

# The same router as the reads: Django routes a path to one view, so GET and POST of
# /projects must live on one router. Each write names its authentication.
AUTH = TokenAuth()
ERRORS: dict[int, Any] = {
    401: s.ErrorOut,
    403: s.ErrorOut,
    404: s.ErrorOut,
    409: s.ErrorOut,
    422: s.ErrorOut,
}


def _get(model, pk: int, field: str):
    if pk is None:
        return None
    obj = model.objects.filter(pk=pk).first()
    if obj is None:
        raise ValidationError({field: _("Không tìm thấy bản ghi có mã %(id)s.") % {"id": pk}})
    return obj


def _refs(data: dict[str, Any]) -> dict[str, Any]:
    """Replace `<x>_id` keys by the objects, naming the field when one does not exist."""
    models = {"partnership_id": Partnership, "origin_id": Locality, "host_id": Locality,
              "donor_id": Locality, "recipient_id": Locality, "organiser_id": Locality}  # fmt: skip
    out = {}
    for key, value in data.items():
        if key in models:
            out[key[:-3]] = _get(models[key], value, key)
        else:
            out[key] = value
    return out


def _patch(data: s.Schema) -> tuple[int | None, dict[str, Any]]:
    values = data.dict(exclude_unset=True)
    return values.pop("expected_version", None), values


@router.post(
    "/commitments/{int:pk}/status", auth=AUTH, response={200: s.CommitmentOut, **ERRORS},
    operation_id="set_commitment_status",
    description="Change a commitment's status (planned, in_progress, done, suspended, "
    "cancelled) if the transition is allowed; an editor of the responsible side may (either "
    "side's for joint items). Send `expected_version` to refuse a save over someone else's.",
)  # fmt: skip
def set_status(request: HttpRequest, pk: int, data: s.StatusIn):
    commitment = Commitment.objects.select_related("agreement").filter(pk=pk).first()
    if commitment is None:
        raise Http404
    commitment_set_status(
        commitment=commitment, new=data.status, by=request.user, note=data.note,
        expected_version=data.expected_version,
    )  # fmt: skip
    commitment.refresh_from_db()
    return commitment


@router.post(
    "/projects", auth=AUTH, response={201: s.ProjectOut, **ERRORS}, operation_id="create_project",
    description="Create an investment project; an editor of the investor's or the host's side may.",
)  # fmt: skip
def create_project(request: HttpRequest, data: s.ProjectIn):
    return 201, project_create(by=request.user, **_refs(data.dict()))


@router.patch(
    "/projects/{int:pk}", auth=AUTH, response={200: s.ProjectOut, **ERRORS}, operation_id="update_project",
    description="Change some of a project's fields (a new `stage` is recorded as a stage change).",
)  # fmt: skip
def update_project(request: HttpRequest, pk: int, data: s.ProjectPatch):
    project = InvestmentProject.objects.filter(pk=pk).first()
    if project is None:
        raise Http404
    version, values = _patch(data)
    return project_update(project, by=request.user, expected_version=version, **values)


@router.post(
    "/grants", auth=AUTH, response={201: s.GrantOut, **ERRORS}, operation_id="create_grant",
    description="Record a grant (amount in đồng); an editor of the donor's or recipient's side may.",
)  # fmt: skip
def create_grant(request: HttpRequest, data: s.GrantIn):
    values = _refs(data.dict())
    partnership = values.pop("partnership")
    return 201, grant_create(partnership=partnership, by=request.user, **values)


@router.patch(
    "/grants/{int:pk}", auth=AUTH, response={200: s.GrantOut, **ERRORS}, operation_id="update_grant",
    description="Change some of a grant's fields.",
)  # fmt: skip
def update_grant(request: HttpRequest, pk: int, data: s.GrantPatch):
    grant = Grant.objects.select_related("donor", "recipient").filter(pk=pk).first()
    if grant is None:
        raise Http404
    version, values = _patch(data)
    return grant_update(grant, by=request.user, expected_version=version, **values)


@router.post(
    "/activities", auth=AUTH, response={201: s.ActivityOut, **ERRORS}, operation_id="create_activity",
    description="Record an activity; the organiser's side may, or any side when none is named.",
)  # fmt: skip
def create_activity(request: HttpRequest, data: s.ActivityIn):
    values = _refs(data.dict())
    partnership = values.pop("partnership")
    return 201, activity_create(partnership=partnership, by=request.user, **values)


@router.patch(
    "/activities/{int:pk}", auth=AUTH, response={200: s.ActivityOut, **ERRORS},
    operation_id="update_activity", description="Change some of an activity's fields.",
)  # fmt: skip
def update_activity(request: HttpRequest, pk: int, data: s.ActivityPatch):
    activity = Activity.objects.filter(pk=pk).first()
    if activity is None:
        raise Http404
    version, values = _patch(data)
    return activity_update(activity, by=request.user, expected_version=version, **values)
