"""How a finished moderation workflow publishes: the only way a reviewed page goes live.

Settings name `publish_reviewed` as Wagtail's WAGTAIL_FINISH_WORKFLOW_ACTION. Wagtail imports
it while defining its own models, so models are imported inside the functions.
"""

from django.core.exceptions import PermissionDenied


def reviews_complete(*, workflow_state, revision):
    """Whether both reviews approved this revision in this workflow, every checklist item ticked."""
    from wagtail.models import TaskState

    from .workflow import AccuracyReviewState, UsefulnessReviewState

    for state_class in (AccuracyReviewState, UsefulnessReviewState):
        approved = state_class.objects.filter(
            workflow_state=workflow_state, revision=revision, status=TaskState.STATUS_APPROVED
        ).filter(**dict.fromkeys(state_class.CHECKLIST, True))
        if not approved.exists():
            return False
    return True


def publish_reviewed(workflow_state, user=None):
    """Publish the revision both reviews approved, without the approver's publish right.

    Nobody holds the right to publish a post or group page directly (kim.permissions), so
    Wagtail's own finish action, which publishes as the last approver, would be refused.
    Completion of the workflow is the authority instead, and it is checked here again: an
    approved accuracy review and an approved usefulness review of the very revision that goes
    live, with every checklist item ticked. Other page types keep Wagtail's behaviour.
    """
    from wagtail.workflows import publish_workflow_state

    from kim.permissions import publishes_through_review

    page = workflow_state.content_object
    if not publishes_through_review(getattr(page, "specific_class", type(page))):
        return publish_workflow_state(workflow_state, user=user)
    revision = workflow_state.current_task_state.revision
    if not reviews_complete(workflow_state=workflow_state, revision=revision):
        raise PermissionDenied("A reviewed page goes live only after both reviews approve it.")
    return revision.publish(user=user, skip_permission_checks=True)
