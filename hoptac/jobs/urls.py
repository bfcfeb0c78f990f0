"""Jobs: the "Công việc" page, one job (page, htmx fragment, JSON), its file."""

from django.urls import path

from hoptac.jobs import views

app_name = "jobs"
urlpatterns = [
    path("", views.job_list, name="list"),
    path("reindex/", views.reindex_start, name="reindex"),
    path("<int:pk>/", views.job_detail, name="detail"),
    path("<int:pk>/status.json", views.job_status, name="status"),
    path("<int:pk>/download/", views.job_download, name="download"),
]
