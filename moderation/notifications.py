"""Moderation e-mail, sent by the task worker, never in a request.

Authors get one e-mail per decision, saying what happens next; the editors who may review a
post get one when it enters review, first or again after changes (Wagtail's "submitted"
notification, which each editor may turn off in their account settings).
"""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django_tasks import task
from wagtail.admin.mail import EmailNotificationMixin, Notifier
from wagtail.models import Page, TaskState, WorkflowState
from wagtail.users.models import UserProfile

from .workflow import ReviewState

DECISIONS = {
    WorkflowState.STATUS_NEEDS_CHANGES: "changes",
    WorkflowState.STATUS_APPROVED: "approved",
    WorkflowState.STATUS_CANCELLED: "rejected",
}


def queue_decision_email(sender, instance, user=None, **kwargs):
    """Signal receiver: mail the author once the transaction that decided has committed."""
    state_id = instance.pk
    transaction.on_commit(lambda: send_decision_email.enqueue(state_id))


def queue_rejection_email(sender, instance, user=None, **kwargs):
    # Cancelling is also how authors withdraw a post; only an editor's rejection is mailed.
    task_state = instance.current_task_state
    if task_state and task_state.status == task_state.STATUS_REJECTED:
        queue_decision_email(sender, instance, user=user)


def post_link(page):
    """Where an e-mail sends the author: the public page once it is live, else the editor."""
    if page.live:
        return page.get_full_url()
    return edit_link(page)


def edit_link(page):
    return f"{settings.WAGTAILADMIN_BASE_URL}/admin/pages/{page.pk}/edit/"


@task()
def send_decision_email(workflow_state_id):
    state = (
        WorkflowState.objects.select_related("requested_by", "current_task_state")
        .filter(pk=workflow_state_id)
        .first()
    )
    if state is None or state.requested_by is None or not state.requested_by.email:
        return False
    decision = DECISIONS.get(state.status)
    if decision is None:
        return False
    author = state.requested_by
    page = state.content_object.specific
    task_state = state.current_task_state.specific if state.current_task_state else None
    flags = getattr(task_state, "flags", [])
    if decision == "changes" and task_state and task_state.finished_by_id is None:
        # Nobody decided: the automatic check sent it back, before any editor saw it.
        decision = "returned"
    reasons = (
        [reason.text for reason in task_state.reasons.all()]
        if hasattr(task_state, "reasons")
        else []
    )
    profile = UserProfile.get_for_user(author)
    language = profile.get_preferred_language()
    with (
        translation.override(language or settings.LANGUAGE_CODE),
        timezone.override(profile.get_current_time_zone()),
    ):
        context = {
            "author": author,
            "page": page,
            "decision": decision,
            "task_state": task_state,
            "reasons": reasons,
            "comment": task_state.comment if task_state else "",
            "blocking_flags": [f for f in flags if f.get("severity") == "block"],
            "verdict": task_state.get_verdict_display()
            if decision == "rejected" and getattr(task_state, "verdict", "")
            else "",
            "post_url": post_link(page),
            "site_name": settings.WAGTAIL_SITE_NAME,
            # An approved post with a go-live time waits for it (publish_scheduled).
            "go_live_at": scheduled_go_live(page) if decision == "approved" else None,
        }
        subject = render_to_string("moderation/email/decision_subject.txt", context)
        body = render_to_string("moderation/email/decision.txt", context)
    send_mail(" ".join(subject.split()), body, settings.DEFAULT_FROM_EMAIL, [author.email])
    return True


def scheduled_go_live(page):
    """When the page's approved revision goes live, if it waits for a go-live time."""
    return (
        page.revisions.filter(approved_go_live_at__gt=timezone.now())
        .order_by("approved_go_live_at")
        .values_list("approved_go_live_at", flat=True)
        .first()
    )


def queue_went_live_email(sender, instance, revision=None, **kwargs):
    """Signal receiver: a scheduled revision went live; tell its author once committed.

    Wagtail sends page_published when it schedules a revision too; the revision that
    publish_scheduled publishes still carries its approved go-live time and is now live.
    """
    if (
        revision is not None
        and revision.approved_go_live_at is not None
        and instance.live
        and instance.live_revision_id == revision.pk
    ):
        page_id = instance.pk
        transaction.on_commit(lambda: send_went_live_email.enqueue(page_id))


@task()
def send_went_live_email(page_id):
    page = Page.objects.filter(pk=page_id, live=True).specific().first()
    if page is None:
        return False
    state = (
        WorkflowState.objects.for_instance(page)
        .filter(status=WorkflowState.STATUS_APPROVED)
        .select_related("requested_by")
        .order_by("-created_at")
        .first()
    )
    author = state.requested_by if state else page.owner
    if author is None or not author.email:
        return False
    profile = UserProfile.get_for_user(author)
    with (
        translation.override(profile.get_preferred_language() or settings.LANGUAGE_CODE),
        timezone.override(profile.get_current_time_zone()),
    ):
        context = {
            "author": author,
            "page": page,
            "published_at": page.last_published_at,
            "page_url": page.get_full_url(),
            "site_name": settings.WAGTAIL_SITE_NAME,
        }
        subject = render_to_string("moderation/email/went_live_subject.txt", context)
        body = render_to_string("moderation/email/went_live.txt", context)
    send_mail(" ".join(subject.split()), body, settings.DEFAULT_FROM_EMAIL, [author.email])
    return True


class ReviewRequestEmailNotifier(EmailNotificationMixin, Notifier):
    """Ask the editors who may review a post to review it, once it waits for them."""

    notification = "submitted"
    template_directory = "moderation/email/"

    def __init__(self):
        super().__init__((ReviewState,))

    def get_template_base_prefix(self, instance, **kwargs):
        return "review_"

    def get_recipient_users(self, task_state, **kwargs):
        return task_state.task.specific.reviewers(task_state.workflow_state.content_object)

    def get_context(self, task_state, **kwargs):
        context = super().get_context(task_state, **kwargs)
        workflow_state = task_state.workflow_state
        page = workflow_state.content_object.specific
        # The workflow resumed after an editor or the automatic check sent the post back.
        sent_back = (
            workflow_state.task_states.filter(status=TaskState.STATUS_REJECTED)
            .exclude(pk=task_state.pk)
            .order_by("-finished_at")
            .first()
        )
        context.update(
            {
                "page": page,
                "task": task_state.task,
                "author": workflow_state.requested_by,
                "resubmitted": sent_back is not None,
                "previous_comment": sent_back.comment
                if sent_back and sent_back.finished_by_id
                else "",
                "warnings": len(task_state.flags),
                "review_url": edit_link(page),
                "site_name": settings.WAGTAIL_SITE_NAME,
            }
        )
        return context


review_request_notifier = ReviewRequestEmailNotifier()


def queue_review_request_email(sender, instance, user=None, **kwargs):
    """Signal receiver (task_submitted): ask the reviewers once the review has begun."""
    state_id = instance.pk
    transaction.on_commit(lambda: send_review_request_email.enqueue(state_id))


@task()
def send_review_request_email(task_state_id):
    # The review may have ended at once: a resubmission the checks sent straight back.
    task_state = (
        ReviewState.objects.filter(pk=task_state_id, status=TaskState.STATUS_IN_PROGRESS)
        .select_related("workflow_state__requested_by", "task")
        .first()
    )
    if task_state is None:
        return False
    return review_request_notifier(task_state)
