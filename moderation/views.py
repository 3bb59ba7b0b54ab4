"""Admin views: "check first" results with dismissals, claiming reviews, the workflow report."""

import django_filters
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin import messages
from wagtail.admin.views.reports import workflows as wagtail_reports
from wagtail.models import Page, TaskState, WorkflowState

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


class WorkflowReportFilterSet(wagtail_reports.WorkflowReportFilterSet):
    """Find requesters by name: Wagtail lists everyone who ever submitted anything.

    In a province that is thousands of names in one drop-down, other groups' members too.
    """

    requested_by = django_filters.CharFilter(
        label=WorkflowState._meta.get_field("requested_by").verbose_name,
        method="filter_requested_by",
    )

    def filter_requested_by(self, queryset, name, value):
        for word in value.split():
            queryset = queryset.filter(
                Q(requested_by__username__icontains=word)
                | Q(requested_by__first_name__icontains=word)
                | Q(requested_by__last_name__icontains=word)
            )
        return queryset


class WorkflowReportView(wagtail_reports.WorkflowView):
    """Wagtail's workflow report, a page of 20 (it asks two queries per row)."""

    paginate_by = 20
    filterset_class = WorkflowReportFilterSet
