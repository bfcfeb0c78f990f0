"""Error reporting through Sentry (or a compatible server such as GlitchTip), off unless asked."""

from __future__ import annotations

import importlib.metadata
import logging


def sentry_init(dsn: str, *, environment: str) -> None:
    """Send unhandled errors (requests, jobs, commands) and ERROR log lines to `dsn`.

    No personal data is sent (no user names, addresses or bodies): only the error, its stack
    and the request id, which leads to the log lines of the same request or job.
    """
    import sentry_sdk
    from sentry_sdk.integrations.django import DjangoIntegration
    from sentry_sdk.integrations.logging import LoggingIntegration

    sentry_sdk.init(
        dsn=dsn,
        environment=environment,
        release=f"hoptac@{version()}",
        send_default_pii=False,
        integrations=[DjangoIntegration(), LoggingIntegration(event_level=logging.ERROR)],
        traces_sample_rate=0.0,
        before_send=_tag_request,
    )


def _tag_request(event, hint):
    from hoptac.lib.logging import current_request_id

    if request_id := current_request_id():
        event.setdefault("tags", {})["request_id"] = request_id
    return event


def version() -> str:
    try:
        return importlib.metadata.version("hoptac")
    except importlib.metadata.PackageNotFoundError:
        return "0+unknown"
