"""Admin views: "check first" results with dismissals, claiming reviews, the workflow report."""

import copy
from collections import defaultdict

import django_filters
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin import messages
from wagtail.admin.views.reports import workflows as wagtail_reports
from wagtail.models import Page, TaskState, WorkflowState, WorkflowTask

from kim.permissions import is_district_staff

from . import services
from .feedback import SubmissionState, SubmissionStatus, is_author, submission_status
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


def precheck_status(request, page_id):
    """Where the page's submission stands, for its author's edit page (JSON)."""
    page = get_object_or_404(Page, pk=page_id).specific
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    status = submission_status(page)
    if not is_author(page, request.user):
        # Reviewers read the flags in the review dialog; the banner speaks to the author.
        status = SubmissionStatus(SubmissionState.NONE)
    return JsonResponse(status.as_json(request), headers={"Cache-Control": "no-store"})


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
    """Wagtail's workflow report, a page of 20, with each row's tasks found for all at once."""

    paginate_by = 20
    filterset_class = WorkflowReportFilterSet

    def decorate_paginated_queryset(self, object_list):
        states = super().decorate_paginated_queryset(object_list)
        attach_tasks_with_status(states)
        return states


def attach_tasks_with_status(states):
    """Give each workflow state its all_tasks_with_status(), in two queries for all of them.

    Wagtail's method asks two queries per state (the latest revision, the tasks with their
    status), 40 for a page of the report. This gives the same list, by the same rule: a
    task's status is that of its latest task state on the state's latest revision (every
    revision's, without WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT).
    """
    if not states:
        return
    task_states = defaultdict(list)
    for task_state in (
        TaskState.objects.filter(workflow_state__in=states)
        .select_related("revision")
        .only("workflow_state_id", "task_id", "status", "revision__created_at")
        .order_by("-started_at", "-id")
    ):
        task_states[task_state.workflow_state_id].append(task_state)
    tasks = defaultdict(list)
    for link in (
        WorkflowTask.objects.filter(workflow__in={state.workflow_id for state in states})
        .select_related("task")
        .order_by("sort_order")
    ):
        tasks[link.workflow_id].append(link.task)
    status_names = dict(TaskState.STATUS_CHOICES)
    for state in states:
        applicable = task_states[state.id]
        if settings.WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT:
            revisions = [ts.revision for ts in applicable if ts.revision_id]
            latest = max(revisions, key=lambda r: (r.created_at, r.pk), default=None)
            latest_id = latest.pk if latest else None
            applicable = [ts for ts in applicable if ts.revision_id == latest_id]
        listed = []
        for task in tasks[state.workflow_id]:
            task = copy.copy(task)
            task.status = next((ts.status for ts in applicable if ts.task_id == task.pk), None)
            task.status_display = status_names.get(task.status, _("Not started"))
            listed.append(task)
        # The template calls workflow_state.all_tasks_with_status: this list answers it.
        state.all_tasks_with_status = listed
