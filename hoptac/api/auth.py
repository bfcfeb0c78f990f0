"""Bearer tokens (accounts.ApiToken, SHA-256 digest stored) and the user a request acts as."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest
from django.utils import timezone
from ninja.errors import AuthenticationError
from ninja.security import HttpBearer
from ninja.throttling import SimpleRateThrottle

from hoptac.accounts.models import ApiToken


def user_for_token(raw: str):
    """Return the active user owning the unrevoked token `raw`, or None."""
    token = (
        ApiToken.objects.select_related("user")
        .filter(digest=ApiToken.digest_of(raw), revoked_at__isnull=True)
        .first()
    )
    if token is None or token.is_expired or not token.user.is_active:
        return None
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
    return token.user


class TokenAuth(HttpBearer):
    """Writes need `Authorization: Bearer <token>`."""

    def authenticate(self, request: HttpRequest, token: str):
        user = user_for_token(token)
        if user is not None:
            request.user = user
        return user


def reader(request: HttpRequest):
    """Return who reads: the token's user, else the session user (anonymous allowed).

    A token that is sent but unknown is refused rather than read as anonymous.
    """
    header = request.headers.get("Authorization", "")
    if header.lower().startswith("bearer "):
        user = user_for_token(header[7:].strip())
        if user is None:
            raise AuthenticationError()
        return user
    return getattr(request, "user", None) or AnonymousUser()


class TokenRateThrottle(SimpleRateThrottle):
    """At most HOPTAC_API_RATE requests per token, or per address without a known token.

    Unknown tokens count against the address, so guessing tokens is throttled as well.
    """

    scope = "hoptac"

    def __init__(self) -> None:
        super().__init__(settings.HOPTAC_API_RATE)

    def allow_request(self, request: HttpRequest) -> bool:
        # Read the rate on each request: a setting changed at run time (tests) applies.
        self.num_requests, self.duration = self.parse_rate(settings.HOPTAC_API_RATE)
        return super().allow_request(request)

    def get_cache_key(self, request: HttpRequest) -> str | None:
        header = request.headers.get("Authorization", "")
        if header.lower().startswith("bearer "):
            digest = ApiToken.digest_of(header[7:].strip())
            if ApiToken.objects.filter(digest=digest).exists():
                return f"throttle_token_{digest}"
        return f"throttle_addr_{self.get_ident(request)}"
