"""E-mail to authors about moderation decisions, sent by the task worker, never in a request."""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation
from django_tasks import task
from wagtail.models import WorkflowState
from wagtail.users.models import UserProfile

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
    reasons = (
        [reason.text for reason in task_state.reasons.all()]
        if hasattr(task_state, "reasons")
        else []
    )
    flags = getattr(task_state, "flags", [])
    language = UserProfile.get_for_user(author).get_preferred_language()
    with translation.override(language or settings.LANGUAGE_CODE):
        context = {
            "author": author,
            "page": page,
            "decision": decision,
            "task_state": task_state,
            "reasons": reasons,
            "comment": task_state.comment if task_state else "",
            "blocking_flags": [f for f in flags if f.get("severity") == "block"],
            "edit_url": f"{settings.WAGTAILADMIN_BASE_URL}/admin/pages/{page.pk}/edit/",
            "site_name": settings.WAGTAIL_SITE_NAME,
        }
        subject = render_to_string("moderation/email/decision_subject.txt", context)
        body = render_to_string("moderation/email/decision.txt", context)
    send_mail(" ".join(subject.split()), body, settings.DEFAULT_FROM_EMAIL, [author.email])
    return True
