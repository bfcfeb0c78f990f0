from django.urls import path

from hoptac.web.views import commitments, dashboard, partnerships, registers, search

app_name = "web"
urlpatterns = [
    path("", dashboard.dashboard, name="dashboard"),
    path("search/", search.search_page, name="search"),
    path("partnerships/<int:pk>/", partnerships.partnership_page, name="partnership"),
    path("commitments/", commitments.tracker, name="commitments"),
    path("commitments/<int:pk>/", commitments.commitment_page, name="commitment"),
    path("commitments/<int:pk>/status/", commitments.set_status, name="commitment_status"),
    path("registers/documents/<int:pk>/", registers.document_link, name="documents_link"),
    path("<slug:register>/", registers.register_list, name="list"),
    path("<slug:register>/new/", registers.register_create, name="create"),
    path("<slug:register>/<int:pk>/", registers.register_detail, name="detail"),
    path("<slug:register>/<int:pk>/edit/", registers.register_edit, name="edit"),
]
