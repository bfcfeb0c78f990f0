from django.urls import path

from hoptac.web.views import (
    agreements,
    commitments,
    dashboard,
    followup,
    meetings,
    partnerships,
    registers,
    search,
)

app_name = "web"
urlpatterns = [
    path("", dashboard.dashboard, name="dashboard"),
    path("search/", search.search_page, name="search"),
    path("partnerships/<int:pk>/", partnerships.partnership_page, name="partnership"),
    path(
        "partnerships/<int:pk>/publish/",
        partnerships.partnership_publish,
        name="partnership_publish",
    ),  # fmt: skip
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
    # The programme pages (meetings with participants, agreements with commitments) come
    # before the generic register views, which still serve their lists.
    path("meetings/new/", meetings.meeting_create, name="meeting_create"),
    path("meetings/<int:pk>/", meetings.meeting_page, name="meeting"),
    path("meetings/<int:pk>/edit/", meetings.meeting_edit, name="meeting_edit"),
    path("meetings/<int:pk>/participants/", meetings.participant_add, name="participant_add"),
    path("participants/<int:pk>/edit/", meetings.participant_edit, name="participant_edit"),
    path(
        "participants/<int:pk>/remove/", meetings.participant_remove, name="participant_remove"
    ),  # fmt: skip
    path("participants/<int:pk>/move/", meetings.participant_move, name="participant_move"),
    path("people/search/", meetings.person_search, name="person_search"),
    path("people/<int:pk>/", meetings.person_page, name="person"),
    path("agreements/new/", agreements.agreement_create, name="agreement_create"),
    path("agreements/<int:pk>/", agreements.agreement_page, name="agreement"),
    path("agreements/<int:pk>/edit/", agreements.agreement_edit, name="agreement_edit"),
    path("agreements/<int:pk>/file/", agreements.agreement_file, name="agreement_file"),
    path("agreements/<int:pk>/signatories/", agreements.signatory_add, name="signatory_add"),
    path("signatories/<int:pk>/remove/", agreements.signatory_remove, name="signatory_remove"),
    path("agreements/<int:pk>/items/", agreements.item_add, name="item_add"),
    path(
        "agreements/<int:pk>/placeholders/", agreements.placeholders_add, name="placeholders_add"
    ),  # fmt: skip
    path("items/<int:pk>/edit/", agreements.item_edit, name="item_edit"),
    path("items/<int:pk>/move/", agreements.item_move, name="item_move"),
    path("items/<int:pk>/remove/", agreements.item_remove, name="item_remove"),
    path("registers/documents/<int:pk>/", registers.document_link, name="documents_link"),
    path("<slug:register>/", registers.register_list, name="list"),
    path("<slug:register>/new/", registers.register_create, name="create"),
    path("<slug:register>/<int:pk>/", registers.register_detail, name="detail"),
    path("<slug:register>/<int:pk>/edit/", registers.register_edit, name="edit"),
]
