from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import permissions, views
from .factcheck import claim_review_json_ld
from .models import Agency, NonWorkingDay
from .panels import PostBackPanel


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("aduan/", views.intake, name="complaints_intake"),
        path("aduan/triase/", views.complaint_list, {"scope": "triage"}, name="complaints_triage"),
        path("aduan/semua/", views.complaint_list, {"scope": "all"}, name="complaints_all"),
        path(
            "aduan/terbitkan/",
            views.complaint_list,
            {"scope": "approve"},
            name="complaints_approve",
        ),
        path("aduan/opd/", views.complaint_list, {"scope": "desk"}, name="complaints_desk"),
        path("aduan/saya/", views.complaint_list, {"scope": "mine"}, name="complaints_mine"),
        path("aduan/<int:pk>/", views.detail, name="complaints_detail"),
        path("aduan/<int:pk>/kontak/", views.show_contact, name="complaints_contact"),
        path("aduan/<int:pk>/berkas/", views.private_file, name="complaints_screenshot"),
        path(
            "aduan/<int:pk>/berkas/<int:answer>/",
            views.private_file,
            name="complaints_attachment",
        ),
        path("aduan/<int:pk>/<slug:name>/", views.action, name="complaints_action"),
        path("aduan/cek-fakta/", views.fact_checks, name="complaints_fact_checks"),
        path("aduan/laporan/", views.reports, name="complaints_reports"),
    ]


class ShownIf(MenuItem):
    def __init__(self, *args, test, **kwargs):
        super().__init__(*args, **kwargs)
        self.test = test

    def is_shown(self, request):
        return self.test(request.user)


def _is_officer(user):
    return user.complaint_agencies.exists()


class ComplaintsMenuItem(SubmenuMenuItem):
    def is_shown(self, request):
        user = request.user
        return (
            permissions.can_log(user)
            or permissions.can_see_reports(user)
            or permissions.can_approve_public(user)
            or _is_officer(user)
        )


@hooks.register("register_admin_menu_item")
def register_complaints_menu():
    items = [
        ShownIf(_("Log a complaint"), reverse("complaints_intake"), icon_name="plus",
                order=100, test=permissions.can_log),
        ShownIf(_("Logged by me"), reverse("complaints_mine"), icon_name="user",
                order=110, test=permissions.can_log),
        ShownIf(_("Triage queue"), reverse("complaints_triage"), icon_name="list-ul",
                order=120, test=permissions.is_triage),
        ShownIf(_("All complaints"), reverse("complaints_all"), icon_name="list-ul",
                order=130, test=permissions.is_triage),
        ShownIf(_("Agency desk"), reverse("complaints_desk"), icon_name="folder-open-inverse",
                order=140, test=_is_officer),
        ShownIf(_("Answers to publish"), reverse("complaints_approve"), icon_name="globe",
                order=145, test=permissions.can_approve_public),
        ShownIf(_("Hoax reports to check"), reverse("complaints_fact_checks"),
                icon_name="warning", order=150, test=permissions.can_approve_public),
        ShownIf(_("Complaint reports"), reverse("complaints_reports"), icon_name="doc-full",
                order=160, test=permissions.can_see_reports),
    ]  # fmt: skip
    return ComplaintsMenuItem(_("Complaints"), Menu(items=items), icon_name="mail", order=215)


@hooks.register("kim_post_structured_data")
def claim_review(page):
    return claim_review_json_ld(page)


@hooks.register("construct_homepage_panels")
def add_post_back_panel(request, panels):
    panels.append(PostBackPanel(request.user))


class AgencyViewSet(SnippetViewSet):
    model = Agency
    icon = "group"
    menu_label = _("Agencies (OPD)")
    menu_name = "complaint_agencies"
    list_display = ["name", "slug", "head_email", "active"]
    search_fields = ["name"]
    add_to_admin_menu = False


class NonWorkingDayViewSet(SnippetViewSet):
    model = NonWorkingDay
    icon = "date"
    list_display = ["date", "name"]
    add_to_admin_menu = False


register_snippet(AgencyViewSet)
register_snippet(NonWorkingDayViewSet)
