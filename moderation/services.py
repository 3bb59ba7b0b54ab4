"""Moderation's writes and its bridge from Wagtail pages to the pre-check functions."""

import statistics
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import TaskState

from kim.models import GroupPage, PostPage

from .checks import (
    FlagCode,
    ReferenceSet,
    Rules,
    post_input_from_page,
    post_input_from_text,
    run_checks,
)
from .checks.mask import mask_personal_data
from .checks.pages import group_input_from_page
from .forms import bound_again, review_form
from .models import FlagDismissal
from .workflow import (
    AccuracyReviewState,
    PreCheckState,
    PreCheckTask,
    ReviewReason,
    ReviewState,
)

# Pages other than posts (a group's profile) are checked for planted links, hidden text,
# abuse and personal data; sources, hoaxes, length and duplicates concern posts only.
PROFILE_CHECKS = frozenset(
    {
        FlagCode.GAMBLING,
        FlagCode.SUSPICIOUS_LINK,
        FlagCode.HATE_SPEECH,
        FlagCode.PROFANITY,
        FlagCode.PERSONAL_DATA,
        FlagCode.HIDDEN_TEXT,
    }
)
ID_NUMBER_DIGITS = 16


def precheck_revision(revision):
    """Run the checks on a page revision, leaving out flags an editor dismissed."""
    page = revision.as_object()
    if isinstance(page, PostPage):
        post, codes = post_input_from_page(revision), None
    elif isinstance(page, GroupPage):
        post, codes = group_input_from_page(revision), PROFILE_CHECKS
    else:
        post = post_input_from_text(
            page.title, str(getattr(page, "description", "") or ""), page_id=page.pk
        )
        codes = PROFILE_CHECKS
    flags = run_checks(
        post,
        reference=ReferenceSet.from_database(),
        rules=Rules.from_database(),
        dismissed=FlagDismissal.objects.fingerprints(page),
        codes=codes,
    )
    return [flag for flag in flags if not _office_phone(flag)]


def _office_phone(flag):
    """A phone number in the group's office phone field is published on purpose."""
    digits = sum(c.isdigit() for c in flag.excerpt)
    return (
        flag.field == "phone" and flag.code == FlagCode.PERSONAL_DATA and digits != ID_NUMBER_DIGITS
    )


@transaction.atomic
def precheck_decide(*, task_state_id):
    """Run the pre-check of a submission and send the post back or on to review.

    Returns the task state, or None when it was decided already (or withdrawn): the task
    may be enqueued twice, and an author may cancel while it waits.
    """
    task_state = (
        PreCheckState.objects.select_for_update()
        .filter(pk=task_state_id, status=TaskState.STATUS_IN_PROGRESS)
        .select_related("revision", "workflow_state")
        .first()
    )
    if task_state is None:
        return None
    flags = precheck_revision(task_state.revision)
    task_state.flags = [flag.as_dict() for flag in flags]
    task_state.save(update_fields=["flags"])
    if any(flag.blocks for flag in flags):
        task_state.reject(user=None, comment=str(PreCheckTask.RETURN_COMMENT))
    else:
        task_state.approve(user=None)
    return task_state


def network_text_problems(*, post, network, text):
    """The blocking flags' messages for a text a social network is to get for ``post``."""
    if not text.strip():
        return []
    checked = post_input_from_text("", text, page_id=post.pk)
    flags = run_checks(
        checked,
        rules=Rules.from_database(),
        dismissed=FlagDismissal.objects.fingerprints(post),
        codes=PROFILE_CHECKS,
    )
    return [
        _("%(message)s “%(excerpt)s”")
        % {"message": flag.message, "excerpt": mask_personal_data(flag.excerpt)}
        for flag in flags
        if flag.blocks
    ]


def precheck_page(page):
    """Check the page's latest revision (the draft being written)."""
    revision = page.get_latest_revision()
    if revision is None:
        revision = page.save_revision()
    return precheck_revision(revision)


@transaction.atomic
def review_decide(*, task_state: ReviewState, user, action, data):
    """Record a reviewer's checklist, reasons and verdict, then approve or send back.

    The form is validated again here: the editor's own "approve while editing" path hands
    over data from the browser.
    """
    form = bound_again(review_form(task_state.task.specific.stage, action), data)
    if not form.is_valid():
        raise ValidationError(form.errors.as_text())
    cleaned = form.cleaned_data
    for name in getattr(type(task_state), "CHECKLIST", ()):
        setattr(task_state, name, bool(cleaned.get(name)))
    if isinstance(task_state, AccuracyReviewState):
        task_state.verdict = cleaned.get("verdict") or ("accurate" if action == "approve" else "")
    task_state.save()
    reasons = list(ReviewReason.objects.filter(pk__in=cleaned.get("reasons", [])))
    task_state.reasons.set(reasons)
    comment = compose_comment(reasons, cleaned.get("comment", ""))
    page = task_state.workflow_state.content_object
    log(
        instance=page.specific,
        action="moderation.review",
        user=user,
        revision=task_state.revision,
        data=review_log_data(task_state, action, reasons),
    )
    if action == "approve":
        task_state.approve(user=user, comment=comment)
    elif action == "decline":
        # Straight to cancelled: passing through "needs changes" would tell the author twice.
        task_state.reject(user=user, update=False, comment=comment)
        task_state.workflow_state.cancel(user=user)
    else:
        task_state.reject(user=user, comment=comment)


def compose_comment(reasons, comment):
    lines = [f"• {reason.text}" for reason in reasons]
    if comment.strip():
        # Kept in the audit log and mailed to the author: never a full NIK or phone number.
        lines.append(mask_personal_data(comment.strip()))
    return "\n".join(lines)


def review_log_data(task_state, action, reasons):
    data = {
        "action": action,
        "task": task_state.task.name,
        "reasons": [reason.text for reason in reasons],
        "flags": [flag["code"] for flag in task_state.flags],
    }
    for name in getattr(type(task_state), "CHECKLIST", ()):
        data[name] = getattr(task_state, name)
    if isinstance(task_state, AccuracyReviewState):
        data["verdict"] = task_state.verdict
    return data


@transaction.atomic
def review_claim(*, task_state: ReviewState, user, release=False):
    """Claim a review so that two editors do not review the same post (or release it)."""
    task_state = type(task_state).objects.select_for_update().get(pk=task_state.pk)
    if task_state.status != TaskState.STATUS_IN_PROGRESS:
        raise PermissionDenied
    if release:
        if task_state.claimed_by_id not in (user.pk, None) and not user.is_superuser:
            raise PermissionDenied
        task_state.claimed_by, task_state.claimed_at = None, None
    else:
        if task_state.claimed_by_id not in (None, user.pk):
            raise PermissionDenied
        task_state.claimed_by, task_state.claimed_at = user, timezone.now()
    task_state.save(update_fields=["claimed_by", "claimed_at"])
    return task_state


def review_target():
    return timedelta(hours=getattr(settings, "MODERATION_TARGET_HOURS", 24))


def median_decision_hours(*, since):
    """Median hours from submission to the final decision, for workflows decided since."""
    from wagtail.models import WorkflowState

    # Only the two times: a month of decisions is thousands of rows at provincial scale.
    durations = [
        (finished - created).total_seconds() / 3600
        for created, finished in WorkflowState.objects.filter(
            status__in=[
                WorkflowState.STATUS_APPROVED,
                WorkflowState.STATUS_CANCELLED,
                WorkflowState.STATUS_NEEDS_CHANGES,
            ],
            current_task_state__finished_at__gte=since,
        ).values_list("created_at", "current_task_state__finished_at")
        if finished
    ]
    return round(statistics.median(durations), 1) if durations else None


def dismiss_flag(*, page, flag, user, reason):
    if not reason.strip():
        raise ValidationError(_("Give a reason for dismissing the flag."))
    dismissal = FlagDismissal.for_flag(flag, page=page, user=user, reason=reason.strip())
    dismissal.save()
    log(
        instance=page.specific,
        action="moderation.dismiss_flag",
        user=user,
        data={
            "code": flag.code,
            "excerpt": mask_personal_data(flag.excerpt),
            "reason": mask_personal_data(dismissal.reason),
        },
    )
    return dismissal
