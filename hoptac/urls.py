"""URL map: the web application, documents and review, reports, the admin and the JSON API."""

from django.contrib import admin
from django.urls import include, path

from hoptac.api.urls import api
from hoptac.jobs.health import healthz

admin.site.site_header = "hoptac – quản trị"
admin.site.site_title = "hoptac"
admin.site.index_title = "Quản trị dữ liệu hợp tác"

urlpatterns = [
    path("admin/", admin.site.urls),
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

handler403 = "hoptac.web.errors.permission_denied"
handler404 = "hoptac.web.errors.page_not_found"
handler500 = "hoptac.web.errors.server_error"
