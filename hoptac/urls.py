"""URL map: the web application, the admin, accounts and the JSON API."""

from django.conf.urls.i18n import i18n_patterns  # noqa: F401 - kept for a future /en/ prefix
from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "hoptac – quản trị"
admin.site.site_title = "hoptac"
admin.site.index_title = "Quản trị dữ liệu hợp tác"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("accounts/", include("django.contrib.auth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
]
