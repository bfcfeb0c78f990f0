"""Log lines as JSON with the request id and the user, and the middleware that sets them.

Every line carries `request_id` and `user`: the middleware sets them for a request, a job sets
them while it runs (the job keeps the id of the request that asked for it, so the lines of an
upload and of its extraction share one id). `JsonFormatter` writes one JSON object per line;
whatever a call passes in `extra=` (model, pk, job, ...) becomes a key of its own.
"""

from __future__ import annotations

import contextlib
import contextvars
import datetime as dt
import json
import logging
import re
import uuid
from collections.abc import Callable, Iterator

from django.http import HttpRequest, HttpResponse

_request_id: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="")
_user: contextvars.ContextVar[str] = contextvars.ContextVar("user", default="")
_GOOD_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")
_STANDARD = set(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {"message", "asctime"}
# Answers that refuse what was asked (bad input, no permission, too large, too many): logged.
REFUSALS = {400, 403, 405, 409, 413, 422, 429}

request_logger = logging.getLogger("hoptac.request")


def current_request_id() -> str:
    return _request_id.get()


@contextlib.contextmanager
def context(*, request_id: str, user: str = "") -> Iterator[None]:
    """Tag every log line written inside the block with this request id and user."""
    t1, t2 = _request_id.set(request_id), _user.set(user)
    try:
        yield
    finally:
        _request_id.reset(t1)
        _user.reset(t2)


class ContextFilter(logging.Filter):
    """Adds `request_id` and `user` to every record (empty outside a request or job)."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = getattr(record, "request_id", None) or _request_id.get()
        record.user = getattr(record, "user", None) or _user.get()
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time (UTC), level, logger, message, request_id, user, extras."""

    def format(self, record: logging.LogRecord) -> str:
        out = {
            "time": dt.datetime.fromtimestamp(record.created, dt.UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", ""),
            "user": getattr(record, "user", ""),
        }
        for key, value in vars(record).items():
            if key not in _STANDARD and key not in out:
                out[key] = (
                    value if isinstance(value, str | int | float | bool | None) else str(value)
                )
        if record.exc_info:
            out["exception"] = self.formatException(record.exc_info)
        return json.dumps(out, ensure_ascii=False)


class RequestContextMiddleware:
    """Gives each request an id (the proxy's X-Request-ID when sane), tags its log lines with it
    and the user, answers it in X-Request-ID, and logs every refusal (400, 403, 413, ...).

    Placed after AuthenticationMiddleware, so that the user is known.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        given = request.headers.get("X-Request-ID", "")
        request_id = given if _GOOD_ID.fullmatch(given) else uuid.uuid4().hex
        user = getattr(request, "user", None)
        name = user.get_username() if user is not None and user.is_authenticated else ""
        with context(request_id=request_id, user=name):
            response = self.get_response(request)
            if response.status_code in REFUSALS:
                request_logger.warning(
                    "refused %s %s: %s", request.method, request.path, response.status_code,
                    extra={"status": response.status_code, "method": request.method,
                           "path": request.path},
                )  # fmt: skip
        response["X-Request-ID"] = request_id
        return response
