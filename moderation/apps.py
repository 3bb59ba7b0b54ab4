from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ModerationConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "moderation"
    verbose_name = _("Moderation")

    def ready(self):
        from wagtail.models import WorkflowState
        from wagtail.signals import (
            page_published,
            task_submitted,
            workflow_approved,
            workflow_cancelled,
            workflow_rejected,
            workflow_submitted,
        )

        from . import signals
        from .notifications import (
            queue_decision_email,
            queue_rejection_email,
            queue_review_request_email,
            queue_went_live_email,
        )
        from .tasks import enqueue_on_submission
        from .workflow import AccuracyReviewState

        signals.connect()

        # Wagtail mails these decisions inside the reviewer's request; ours go through the
        # task worker and carry the reasons.
        for signal, uid in (
            (workflow_rejected, "workflow_state_rejected_email_notification"),
            (workflow_approved, "workflow_state_approved_email_notification"),
        ):
            signal.disconnect(sender=WorkflowState, dispatch_uid=uid)
        workflow_rejected.connect(
            queue_decision_email, sender=WorkflowState, dispatch_uid="moderation_rejected_email"
        )
        workflow_approved.connect(
            queue_decision_email, sender=WorkflowState, dispatch_uid="moderation_approved_email"
        )
        workflow_cancelled.connect(
            queue_rejection_email, sender=WorkflowState, dispatch_uid="moderation_cancelled_email"
        )
        page_published.connect(queue_went_live_email, dispatch_uid="moderation_went_live_email")
        # A post enters review at its accuracy check, first or after changes: its reviewers
        # are asked then (WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS keeps Wagtail's own
        # "submitted" e-mail from going to every superuser instead).
        task_submitted.connect(
            queue_review_request_email,
            sender=AccuracyReviewState,
            dispatch_uid="moderation_review_request_email",
        )
        # Sent once a new workflow and its first task state are saved: the pre-check can run.
        workflow_submitted.connect(
            enqueue_on_submission, sender=WorkflowState, dispatch_uid="moderation_precheck_task"
        )
