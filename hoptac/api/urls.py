"""The JSON API at /api/v1/ (django-ninja): reads for every register, token-authenticated
writes through the services, errors as JSON naming the field."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest
from ninja import NinjaAPI

from hoptac.api.auth import TokenRateThrottle
from hoptac.lib.services import ConcurrentEdit

api = NinjaAPI(
    title="hoptac API",
    version="1",
    urls_namespace="api",
    throttle=[TokenRateThrottle()],
    description="Dữ liệu hợp tác giữa các địa phương / cooperation records between Vietnamese "
    "localities. Reads are open (anonymous callers see published partnerships only); writes "
    "need `Authorization: Bearer <token>` (`hoptac api_token USERNAME NAME`).",
)


def _field_errors(exc: ValidationError) -> list[dict[str, str]]:
    if hasattr(exc, "error_dict"):
        return [
            {"field": f, "message": str(m)} for f, msgs in exc.message_dict.items() for m in msgs
        ]
    return [{"field": "__all__", "message": str(m)} for m in exc.messages]


@api.exception_handler(ConcurrentEdit)
def _concurrent(request: HttpRequest, exc: ConcurrentEdit):
    return api.create_response(request, {"detail": _field_errors(exc)}, status=409)


@api.exception_handler(ValidationError)
def _invalid(request: HttpRequest, exc: ValidationError):
    return api.create_response(request, {"detail": _field_errors(exc)}, status=422)


@api.exception_handler(PermissionDenied)
def _denied(request: HttpRequest, exc: PermissionDenied):
    return api.create_response(request, {"detail": str(exc) or "Forbidden"}, status=403)


from hoptac.api import reads, writes  # noqa: E402, F401  (writes add to the reads router)


@api.exception_handler(reads.FilterError)
def _bad_filter(request: HttpRequest, exc: reads.FilterError):
    detail = [{"field": f, "message": m} for f, msgs in exc.errors.items() for m in msgs]
    return api.create_response(request, {"detail": detail}, status=422)


api.add_router("/", reads.router)
