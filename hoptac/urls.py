"""URL map: the web application, documents and review, reports, the admin and the JSON API."""

from django.contrib import admin
from django.urls import include, path

from hoptac.accounts.views import password_reset
from hoptac.api.urls import api
from hoptac.jobs.health import healthz

admin.site.site_header = "hoptac – quản trị"
admin.site.site_title = "hoptac"
admin.site.index_title = "Quản trị dữ liệu hợp tác"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("accounts/password_reset/", password_reset, name="password_reset"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/v1/", api.urls),
    path("documents/", include("hoptac.documents.urls")),
    path("reports/", include("hoptac.reports.urls")),
    path("tasks/", include("hoptac.reminders.urls")),
    path("jobs/", include("hoptac.jobs.urls")),
    path("healthz", healthz, name="healthz"),
    path("", include("hoptac.web.urls")),
]

# 400 and 500 (503 with Retry-After when the database is busy; JSON under /api/) from
# lib.errors, 403 and 404 with the service's reason from web.errors.
handler400 = "hoptac.lib.errors.bad_request"
handler403 = "hoptac.web.errors.permission_denied"
handler404 = "hoptac.web.errors.page_not_found"
handler500 = "hoptac.lib.errors.server_error"
