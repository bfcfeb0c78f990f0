"""Error answers in the site's language and layout, and JSON under /api/.

Django's defaults are a bare English "Server Error (500)" page, also for the API. A database
still busy after the wait (SQLite "database is locked") is not a bug but a moment: it answers
503 with Retry-After, so that people and scripts try again.
"""

from __future__ import annotations

import logging
import sys

from django.db import OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils.html import escape
from django.utils.translation import gettext as _

log = logging.getLogger(__name__)
RETRY_AFTER_SECONDS = 5


def is_api(request: HttpRequest) -> bool:
    return request.path.startswith("/api/")


def error_response(
    request: HttpRequest,
    status: int,
    message: str,
    *,
    field: str | None = None,
    api_status: int | None = None,
    headers: dict[str, str] | None = None,
) -> HttpResponse:
    """Return the error as JSON `{"detail": ...}` under /api/, else as a page of the site."""
    response: HttpResponse
    if is_api(request):
        detail: object = [{"field": field, "message": message}] if field else message
        response = JsonResponse({"detail": detail}, status=api_status or status)
    else:
        response = HttpResponse(_page(request, status, message), status=status)
    for key, value in (headers or {}).items():
        response[key] = value
    return response


def _page(request: HttpRequest, status: int, message: str) -> str:
    title = _("Hệ thống đang bận") if status == 503 else _("Không thực hiện được yêu cầu")
    context = {"status": status, "title": title, "message": message}
    try:
        return render_to_string("errors/error.html", context, request=request)
    except Exception:  # noqa: BLE001 - the layout itself may need the database that failed
        log.exception("the error page could not be rendered in the layout")
        return (
            f'<!doctype html><html lang="vi"><meta charset="utf-8"><title>{escape(title)}</title>'
            f"<h1>{escape(title)}</h1><p>{escape(message)}</p></html>"
        )


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """handler400: too many parameters, a suspicious request, a malformed query."""
    return error_response(
        request,
        400,
        _(
            "Yêu cầu không hợp lệ (ví dụ quá nhiều tham số trên địa chỉ). "
            "Hãy kiểm tra lại đường dẫn."
        ),
    )


def server_error(request: HttpRequest) -> HttpResponse:
    """handler500: 503 with Retry-After when the database is busy, else a 500 in our layout."""
    exc = sys.exc_info()[1]
    if isinstance(exc, OperationalError):
        return error_response(
            request,
            503,
            _(
                "Cơ sở dữ liệu đang bận vì nhiều người cùng ghi. Không có gì bị thay đổi; "
                "hãy thử lại sau ít giây."
            ),
            headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
        )
    return error_response(
        request,
        500,
        _("Đã có lỗi ở máy chủ; lỗi đã được ghi lại. Hãy thử lại sau hoặc báo quản trị viên."),
    )
