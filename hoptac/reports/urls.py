from django.urls import path

from hoptac.reports import views
from hoptac.reports.exchange import views as exchange

app_name = "reports"
urlpatterns = [
    path("annual/", views.annual, name="annual"),
    path("export/<slug:register>.<str:fmt>", exchange.export, name="export"),
    path("import/", exchange.import_page, name="import"),
    path("import/<slug:register>/template.<str:fmt>", exchange.template, name="template"),
    path("iati.xml", views.iati, name="iati"),
]
