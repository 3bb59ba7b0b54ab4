"""Wagtail hooks for the moderation workflow (imported by wagtail_hooks)."""

from django.shortcuts import redirect
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.action_menu import ActionMenuItem
from wagtail.snippets.models import register_snippet

from . import panels, views
from .workflow import ReviewReason

register_snippet(ReviewReason)

PRECHECK_ACTION = "action-precheck"


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("moderasi/periksa/<int:page_id>/", views.precheck, name="moderation_precheck"),
        path("moderasi/klaim/<int:task_state_id>/", views.claim, name="moderation_claim"),
    ]


hooks.register("construct_homepage_panels", panels.construct_homepage_panels)


class CheckFirstMenuItem(ActionMenuItem):
    """Save the draft, then show the automatic check ("periksa dulu")."""

    label = _("Save and check first")
    name = PRECHECK_ACTION
    icon_name = "tick-inverse"

    def is_shown(self, context):
        return context["view"] in ("create", "edit") and not context.get("locked_for_user")


@hooks.register("register_page_action_menu_item")
def register_check_first_menu_item():
    return CheckFirstMenuItem(order=5)


@hooks.register("after_edit_page")
@hooks.register("after_create_page")
def show_precheck_after_saving(request, page):
    if request.POST.get(PRECHECK_ACTION):
        return redirect("moderation_precheck", page_id=page.pk)
    return None


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action("moderation.review", _("Review recorded"), _("Review recorded"))
    actions.register_action("moderation.dismiss_flag", _("Flag dismissed"), _("Flag dismissed"))
