from django.urls import path

from hoptac.web.views import commitments, dashboard, followup, partnerships, registers, search

app_name = "web"
urlpatterns = [
    path("", dashboard.dashboard, name="dashboard"),
    path("search/", search.search_page, name="search"),
    path("partnerships/<int:pk>/", partnerships.partnership_page, name="partnership"),
    path("commitments/", commitments.tracker, name="commitments"),
    path("commitments/<int:pk>/", commitments.commitment_page, name="commitment"),
    path("commitments/<int:pk>/status/", commitments.set_status, name="commitment_status"),
    path("commitments/bulk/", followup.bulk_update, name="commitments_bulk"),
    path("commitments/<int:pk>/notes/", followup.note_add, name="commitment_note"),
    path("commitments/notes/<int:pk>/evidence/", followup.evidence_download, name="evidence"),
    path(
        "partnerships/<int:pk>/focal/<int:locality_id>/",
        followup.focal_point_edit,
        name="focal_point",
    ),  # fmt: skip
    path("registers/documents/<int:pk>/", registers.document_link, name="documents_link"),
    path("<slug:register>/", registers.register_list, name="list"),
    path("<slug:register>/new/", registers.register_create, name="create"),
    path("<slug:register>/<int:pk>/", registers.register_detail, name="detail"),
    path("<slug:register>/<int:pk>/edit/", registers.register_edit, name="edit"),
]
