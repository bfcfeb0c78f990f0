"""Upload size limits: a request body too large is answered 413 before anything reads it.

Django parses a multipart body as soon as anything touches `request.POST` (the CSRF check
does, before any view), and `DATA_UPLOAD_MAX_MEMORY_SIZE` does not count files. So the
declared length is checked here, first; each file is then checked against
HOPTAC_MAX_DOCUMENT_BYTES by the views before it is read (`file_too_large`).
"""

from __future__ import annotations

import json
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.html import escape
from django.utils.translation import gettext as _


def mb(n: int) -> str:
    """Return `n` bytes in MB, as people write it ("20", "1,5")."""
    return f"{n / (1024 * 1024):.1f}".rstrip("0").rstrip(".").replace(".", ",")


def body_too_large_message(size: int) -> str:
    return _(
        "Dữ liệu gửi lên quá lớn: %(size)s MB, giới hạn là %(limit)s MB cho một lần tải lên."
    ) % {"size": mb(size), "limit": mb(settings.HOPTAC_MAX_UPLOAD_BYTES)}


def file_too_large_message(name: str, size: int) -> str:
    return _("Tệp %(name)s quá lớn: %(size)s MB, giới hạn là %(limit)s MB.") % {
        "name": name,
        "size": mb(size),
        "limit": mb(settings.HOPTAC_MAX_DOCUMENT_BYTES),
    }


def too_large_response(request: HttpRequest, message: str) -> HttpResponse:
    """Return a 413 saying `message`: JSON for the API, a short page otherwise."""
    if request.path.startswith("/api/"):
        return HttpResponse(
            json.dumps({"detail": message}, ensure_ascii=False),
            status=413, content_type="application/json; charset=utf-8",
        )  # fmt: skip
    title = _("Tệp quá lớn")
    page = (
        f'<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>{escape(title)}'
        f"</title></head><body><main><h1>{escape(title)}</h1><p>{escape(message)}</p>"
        f'<p><a href="/">{escape(_("Về trang tổng quan"))}</a></p></main></body></html>'
    )
    return HttpResponse(page, status=413, content_type="text/html; charset=utf-8")


class UploadSizeMiddleware:
    """Answer 413 to a request whose declared body is over HOPTAC_MAX_UPLOAD_BYTES."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > settings.HOPTAC_MAX_UPLOAD_BYTES:
            return too_large_response(request, body_too_large_message(length))
        return self.get_response(request)
