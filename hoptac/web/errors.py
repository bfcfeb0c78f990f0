"""Error pages people can read: 403, 404, 500 and 503 in the site's layout and the user's
language, with the reason the service gave ("Bạn không có quyền biên tập cho Thanh Hóa.").

An htmx request gets the reason alone as a small fragment; the site's script shows it in
place of the control that failed (static/js/hoptac.js, `htmx:responseError`).
"""

from __future__ import annotations

import logging

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import Resolver404
from django.utils.html import escape
from django.utils.translation import gettext as _

log = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 5


def _reason(exception: Exception | None) -> str:
    """Return the message a service or view wrote for people, or ""."""
    if exception is None or isinstance(exception, Resolver404):
        return ""  # the resolver's message lists URL patterns: not for people
    if isinstance(exception, Http404) and not exception.args:
        return ""
    args = getattr(exception, "args", ())
    text = str(args[0]) if args and isinstance(args[0], str) else ""
    return text[:500]


def _error(request: HttpRequest, status: int, title: str, reason: str, hint: str) -> HttpResponse:
    if getattr(request, "htmx", False):
        body = f'<p class="htmx-error" role="alert">{escape(reason or title)}</p>'
        response = HttpResponse(body, status=status)
    else:
        context = {"status": status, "title": title, "reason": reason, "hint": hint}
        response = render(request, f"{status}.html", context, status=status)
    response["Vary"] = "HX-Request"
    return response


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _error(
        request, 403, _("Bạn không có quyền làm việc này"), _reason(exception),
        _("Nếu anh/chị cần quyền này, hãy đề nghị người quản trị của địa phương mình cấp."),
    )  # fmt: skip


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _error(
        request, 404, _("Không tìm thấy trang"), _reason(exception),
        _("Địa chỉ có thể đã sai, hoặc bản ghi đã bị xóa, hoặc anh/chị chưa có quyền xem."),
    )  # fmt: skip


def server_error(request: HttpRequest) -> HttpResponse:
    try:
        return _error(
            request, 500, _("Hệ thống gặp lỗi"), "",
            _("Lỗi đã được ghi lại. Hãy thử lại sau ít phút; nếu vẫn lỗi, hãy báo người quản trị."),
        )  # fmt: skip
    except Exception:  # the layout itself failed: answer in plain HTML rather than not at all
        log.exception("the 500 page could not be rendered")
        return HttpResponse(
            "<!doctype html><title>500</title><h1>Hệ thống gặp lỗi / Server error</h1>",
            status=500,
        )


def service_unavailable(request: HttpRequest, reason: str = "") -> HttpResponse:
    """Return the 503 page (the database is busy, maintenance), asking to retry shortly."""
    response = _error(
        request, 503, _("Hệ thống đang bận"), reason,
        _("Hãy thử lại sau vài giây; dữ liệu anh/chị nhập chưa được lưu."),
    )  # fmt: skip
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response
