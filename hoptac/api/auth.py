"""Bearer tokens (accounts.ApiToken, SHA-256 digest stored) and the user a request acts as."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest
from django.utils import timezone
from ninja.errors import AuthenticationError
from ninja.security import HttpBearer

from hoptac.accounts.models import ApiToken


def user_for_token(raw: str):
    """Return the active user owning the unrevoked token `raw`, or None."""
    token = (
        ApiToken.objects.select_related("user")
        .filter(digest=ApiToken.digest_of(raw), revoked_at__isnull=True)
        .first()
    )
    if token is None or not token.user.is_active:
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
