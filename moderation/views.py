"""Admin views: "check first" results with dismissals, and claiming reviews."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin import messages
from wagtail.models import Page, TaskState

from kim.permissions import is_district_staff

from . import services
from .forms import DismissFlagForm
from .workflow import ReviewState


def precheck(request, page_id):
    """Show the automatic check of the latest draft, next to the text each flag concerns."""
    page = get_object_or_404(Page, pk=page_id).specific
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    flags = services.precheck_page(page)
    can_dismiss = is_district_staff(request.user)
    if request.method == "POST":
        if not can_dismiss:
            raise PermissionDenied
        form = DismissFlagForm(request.POST)
        flag = next(
            (
                f
                for f in flags
                if form.is_valid() and f.fingerprint == form.cleaned_data["fingerprint"]
            ),
            None,
        )
        if form.is_valid() and flag:
            services.dismiss_flag(
                page=page, flag=flag, user=request.user, reason=form.cleaned_data["reason"]
            )
            messages.success(request, _("The flag is dismissed for this post."))
            return redirect("moderation_precheck", page_id=page.pk)
        messages.error(request, _("Give a reason for dismissing the flag."))
    title = _("Check first")
    return render(
        request,
        "moderation/precheck.html",
        {
            "page_title": title,
            "header_title": title,
            "page_subtitle": page.get_admin_display_title(),
            "header_icon": "tick-inverse",
            "page": page,
            "flags": [flag.as_dict() for flag in flags],
            "blocking": any(flag.blocks for flag in flags),
            "can_dismiss": can_dismiss,
        },
    )


@require_POST
def claim(request, task_state_id):
    task_state = get_object_or_404(TaskState, pk=task_state_id).specific
    if not isinstance(task_state, ReviewState):
        raise PermissionDenied
    page = task_state.workflow_state.content_object
    if not task_state.task.specific.get_actions(page, request.user) and not request.POST.get(
        "release"
    ):
        raise PermissionDenied
    try:
        services.review_claim(
            task_state=task_state, user=request.user, release=bool(request.POST.get("release"))
        )
    except (PermissionDenied, ValidationError):
        messages.error(request, _("Another editor has already claimed this review."))
    return redirect("wagtailadmin_home")
