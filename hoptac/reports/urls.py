from django.urls import path

from hoptac.reports import views

app_name = "reports"
urlpatterns = [
    path("annual/", views.annual, name="annual"),
]
