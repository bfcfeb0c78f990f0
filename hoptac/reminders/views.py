"""The "Việc của tôi" page: the signed-in user's commitments to chase, as the digest lists them."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from hoptac.lib.http import HttpRequest
from hoptac.reminders.digests import tasks_for_user
from hoptac.reminders.models import UserPreference
from hoptac.reminders.services import preference_set


@login_required
def my_tasks(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    tasks = tasks_for_user(request.user, today)
    for c in [c for _kind, c in tasks.items()]:
        c.stale = c.stale_days(today)  # type: ignore[attr-defined]
    user = request.user
    assert user.is_authenticated  # login_required
    pref = UserPreference.objects.filter(user=user).first()
    context = {
        "nav": "tasks", "tasks": tasks, "today": today,
        "language": pref.language if pref else "vi", "languages": settings.LANGUAGES,
        "has_email": bool(user.email),
        "stale_days": settings.HOPTAC_STALE_DAYS,
    }  # fmt: skip
    return render(request, "reminders/my_tasks.html", context)


@login_required
@require_POST
def set_language(request: HttpRequest) -> HttpResponse:
    language = request.POST.get("language", "")
    if language not in dict(settings.LANGUAGES):
        messages.error(request, _("Ngôn ngữ thư nhắc không hợp lệ."))
    else:
        preference_set(user=request.user, language=language)
        messages.success(request, _("Đã lưu ngôn ngữ thư nhắc."))
    return redirect("reminders:my_tasks")
