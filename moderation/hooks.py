"""Wagtail hooks for the moderation workflow (imported by wagtail_hooks)."""

from django.contrib.messages import get_messages
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.action_menu import ActionMenuItem
from wagtail.snippets.models import register_snippet

from . import panels, services, views
from .feedback import SubmissionState, submission_status
from .tasks import enqueue_pending_prechecks
from .workflow import ReviewReason

register_snippet(ReviewReason)

PRECHECK_ACTION = "action-precheck"


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("moderasi/periksa/<int:page_id>/", views.precheck, name="moderation_precheck"),
        path("moderasi/klaim/<int:task_state_id>/", views.claim, name="moderation_claim"),
        path(
            "moderasi/status/<int:page_id>/",
            views.precheck_status,
            name="moderation_precheck_status",
        ),
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


SUBMIT_ACTIONS = ("action-submit", "action-restart-workflow")


@hooks.register("after_edit_page")
@hooks.register("after_create_page")
def report_submission(request, page):
    """After a submission, start its pre-check and say honestly where the post stands.

    Wagtail's "submitted for moderation" is not yet true, and may never be: the message is
    replaced by the pre-check's state, and the author stays on the edit page, where each flag
    is shown next to its field.
    """
    if not any(request.POST.get(action) for action in SUBMIT_ACTIONS):
        return None
    enqueue_pending_prechecks()
    for _message in get_messages(request):
        pass  # iterating marks Wagtail's messages as read: only ours is shown
    status = submission_status(page)
    html = render_to_string(
        "moderation/includes/submission_status.html", {"status": status}, request=request
    )
    if status.state == SubmissionState.RETURNED:
        messages.error(request, html)
    elif status.state == SubmissionState.IN_REVIEW:
        messages.success(request, html)
    else:
        messages.info(request, html)
    return redirect("wagtailadmin_pages:edit", page.pk)


@hooks.register("insert_editor_js")
def precheck_status_js():
    return format_html(
        '<script src="{}" data-status-url="{}" defer></script>',
        static("moderation/precheck_status.js"),
        reverse("moderation_precheck_status", args=[0]),
    )


@hooks.register("insert_editor_js")
def field_errors_js():
    """A list of the fields with errors above the tabs, each linking to its field."""
    return format_html(
        '<script src="{}" data-heading="{}" data-tab="{}" data-field="{}" defer></script>',
        static("moderation/field_errors.js"),
        _("Not saved yet. Fix these fields, then save again:"),
        _("(on the “%(tab)s” tab)"),
        _("A field"),
    )


@hooks.register("insert_global_admin_css")
def desk_css():
    """The writing desk's layout, and word wrapping in Wagtail's page list, on phones."""
    return format_html('<link rel="stylesheet" href="{}">', static("moderation/desk.css"))


@hooks.register("crossposting_check_text")
def check_network_text(post, network, text):
    """A social network's text, changed after the pre-check, must pass its blocking checks."""
    return services.network_text_problems(post=post, network=network, text=text)


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action("moderation.review", _("Review recorded"), _("Review recorded"))
    actions.register_action("moderation.dismiss_flag", _("Flag dismissed"), _("Flag dismissed"))
