"""Public addresses, included in the site's language-prefixed patterns."""

from django.urls import path

from . import public_views

urlpatterns = [
    path("aduan/", public_views.complaint_form, name="complaints_public_form"),
    path("tanggapan/", public_views.answer_list, name="complaints_public_list"),
    path(
        "tanggapan/<str:reference>/",
        public_views.answer_detail,
        name="complaints_public_detail",
    ),
]
