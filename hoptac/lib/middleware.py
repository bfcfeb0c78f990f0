"""Requests refused before any view runs: malformed query parameters (lib.params)."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from hoptac.lib.errors import error_response
from hoptac.lib.params import BadParameter, check_query


class QueryGuardMiddleware:
    """Answer 400 (pages) or 422 (API) naming the query parameter no view could use."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            check_query(request.GET, max_chars=settings.HOPTAC_MAX_QUERY_VALUE_CHARS)
        except BadParameter as exc:
            return error_response(request, 400, exc.message, field=exc.name, api_status=422)
        return self.get_response(request)
