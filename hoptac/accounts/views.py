"""Account pages that differ from Django's: password reset says when mail is not set up."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponseBase
from django.shortcuts import render


def password_reset(request: HttpRequest) -> HttpResponseBase:
    """Django's reset form, or a page saying mail is not configured (rather than "sent")."""
    if not settings.HOPTAC_EMAIL_CONFIGURED:
        return render(request, "registration/password_reset_unavailable.html", status=503)
    return auth_views.PasswordResetView.as_view()(request)
