"""Documents: the review queue, a document's review page, its fact actions, and upload."""

from django.urls import path

from hoptac.documents import views

app_name = "documents"
urlpatterns = [
    path("review/", views.review_queue, name="queue"),
    path("upload/", views.upload, name="upload"),
    path("<int:pk>/", views.document_detail, name="detail"),
    path("<int:pk>/accept-all/", views.document_accept_all_view, name="accept_all"),
    path("facts/<int:pk>/accept/", views.fact_accept_view, name="fact_accept"),
    path("facts/<int:pk>/reject/", views.fact_reject_view, name="fact_reject"),
    path("facts/<int:pk>/edit/", views.fact_edit_view, name="fact_edit"),
    path("conflicts/<int:pk>/resolve/", views.conflict_resolve_view, name="conflict_resolve"),
]
