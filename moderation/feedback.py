"""What the author of a submission is told: being checked, returned with flags, or in review.

The edit page shows it at once after submitting (a message), and keeps it up to date without
a reload (``static/moderation/precheck_status.js`` polls ``views.precheck_status``), placing
each flag next to the field it concerns.
"""

from dataclasses import dataclass, field

from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from wagtail.models import TaskState, WorkflowState

from .checks.fields import field_label
from .checks.mask import mask_personal_data
from .workflow import PreCheckState


class SubmissionState:
    NONE = "none"
    CHECKING = "checking"
    RETURNED = "returned"
    IN_REVIEW = "in_review"


@dataclass
class SubmissionStatus:
    state: str
    message: str = ""
    flags: list = field(default_factory=list)
    # The editor's notes on a returned post, line by line, with personal data masked.
    reasons: list = field(default_factory=list)

    @property
    def final(self):
        return self.state != SubmissionState.CHECKING

    def as_json(self, request=None):
        return {
            "state": self.state,
            "message": self.message,
            "flags": self.flags,
            "reasons": self.reasons,
            "html": render_to_string(
                "moderation/includes/submission_status.html", {"status": self}, request=request
            ),
        }


def _targets(page, revision):
    """Map (field, index) of a flag to the form input or StreamField block that holds it."""
    blocks = {}
    body = getattr(revision.as_object() if revision else page, "body", None)
    for index, block in enumerate(body or ()):
        blocks[index] = block.id
    return blocks


def _flag_entries(flags, blocks):
    entries = []
    for flag in flags:
        name, index = flag.get("field") or "", flag.get("block_index")
        base = name.removesuffix(".hidden")
        group = base.split(".")[0]
        if group == "body" and index is not None:
            target = {"block": blocks.get(index, "")}
        elif group in ("sources", "social_links") and index is not None:
            target = {"name": f"{group}-{index}-{base.split('.')[-1]}"}
        elif group == "crosspost" or not base:
            target = {}
        else:
            target = {"name": base}
        entries.append(
            {
                "code": flag.get("code", ""),
                "severity": flag.get("severity", ""),
                "field": name,
                "label": field_label(name, index),
                "message": mask_personal_data(flag.get("message", "")),
                "excerpt": mask_personal_data(flag.get("excerpt", "")),
                "target": target,
            }
        )
    return entries


def is_author(page, user):
    """The post's owner, or whoever submitted it: the one the submission's status speaks to."""
    return page.owner_id == user.pk or (
        WorkflowState.objects.for_instance(page).filter(requested_by=user).exists()
    )


def note_lines(comment):
    """The editor's notes, one reason a line, without the bullets the review form adds."""
    lines = (line.strip().removeprefix("•").strip() for line in (comment or "").splitlines())
    return [mask_personal_data(line) for line in lines if line]


def blocking_flags(task_state):
    """The flags that sent a post back, when an automatic check (not an editor) did."""
    flags = getattr(task_state, "flags", None) or []
    return [flag for flag in flags if flag.get("severity") == "block"]


def was_returned(workflow_state):
    """Sent back to its author and not submitted again since.

    "Request changes" leaves the workflow waiting for changes; "Reject" cancels it after
    rejecting the task, and the author may still fix the post and submit it again.
    """
    if workflow_state is None:
        return False
    if workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        return True
    task_state = workflow_state.current_task_state
    return (
        workflow_state.status == WorkflowState.STATUS_CANCELLED
        and task_state is not None
        and task_state.status == TaskState.STATUS_REJECTED
    )


def submission_status(page):
    """Tell the author where their latest submission stands."""
    workflow_state = (
        WorkflowState.objects.for_instance(page)
        .select_related("current_task_state")
        .order_by("-created_at", "-pk")
        .first()
    )
    task_state = workflow_state.current_task_state if workflow_state else None
    if task_state is None:
        return SubmissionStatus(SubmissionState.NONE)
    returned = was_returned(workflow_state)
    if not returned and workflow_state.status != WorkflowState.STATUS_IN_PROGRESS:
        return SubmissionStatus(SubmissionState.NONE)
    task_state = task_state.specific
    if isinstance(task_state, PreCheckState) and task_state.status == TaskState.STATUS_IN_PROGRESS:
        return SubmissionStatus(
            SubmissionState.CHECKING,
            _(
                "Your post is being checked automatically (sedang diperiksa). The result "
                "appears here in a moment; you need not reload the page."
            ),
        )
    flags = getattr(task_state, "flags", []) or []
    if returned:
        blocking = blocking_flags(task_state)
        if blocking:
            message = _(
                "Your post came back: the automatic check found problems that must be fixed "
                "before an editor can review it. Each is shown next to its field. Fix them, "
                "then submit again."
            )
            reasons = []
        else:
            message = _(
                "An editor returned your post with the reasons below. Fix the post, then "
                "submit it again."
            )
            reasons = note_lines(task_state.comment)
        return SubmissionStatus(
            SubmissionState.RETURNED,
            message,
            _flag_entries(blocking, _targets(page, task_state.revision)),
            reasons,
        )
    warnings = [f for f in flags if f.get("severity") != "block"]
    return SubmissionStatus(
        SubmissionState.IN_REVIEW,
        _(
            "Your post passed the automatic check and is waiting for an editor's review. You "
            "will get an e-mail when it is decided."
        ),
        _flag_entries(warnings, _targets(page, task_state.revision)),
    )
