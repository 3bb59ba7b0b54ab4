"""The moderation workflow's tasks and the data each review stores on its task state.

Submit > pre-check (automatic) > accuracy review > usefulness review > publish. The review
tasks are Wagtail group-approval tasks for district editors, with a checklist form per action.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.models import AbstractGroupApprovalTask, Page, Task, TaskState, WorkflowState
from wagtail.permissions import page_permission_policy
from wagtail.search import index

# Other apps may let more people review some pages: a function registered under this hook
# name takes (page, user) and returns True to allow (workshops: trainers, their sandbox).
EXTRA_REVIEWER_HOOK = "moderation_is_extra_reviewer"


class ReviewStage(models.TextChoices):
    ACCURACY = "accuracy", _("Accuracy review")
    USEFULNESS = "usefulness", _("Usefulness review")


class ReviewReason(index.Indexed, models.Model):
    """An editor-managed reason for sending a post back or rejecting it."""

    stage = models.CharField(_("review"), max_length=12, choices=ReviewStage.choices)
    text = models.CharField(_("reason"), max_length=200)
    active = models.BooleanField(_("active"), default=True)
    sort_order = models.PositiveIntegerField(_("order"), default=0)

    search_fields = [index.SearchField("text")]

    class Meta:
        ordering = ["stage", "sort_order", "text"]
        verbose_name = _("review reason")
        verbose_name_plural = _("review reasons")

    def __str__(self):
        return self.text


class Verdict(models.TextChoices):
    ACCURATE = "accurate", _("Accurate")
    MISLEADING = "misleading", _("Misleading")
    HOAX = "hoax", _("Hoax")
    UNVERIFIABLE = "unverifiable", _("Cannot be verified")


class PreCheckTask(Task):
    """Run the automatic checks on the submitted revision.

    Blocking flags send the post straight back to its author with the messages; warnings
    travel on to the reviewers. Nobody acts on this task by hand: the task worker decides
    (``moderation.tasks.run_precheck``).
    """

    RETURN_COMMENT = _("The automatic check found problems that must be fixed before review.")

    def start(self, workflow_state, user=None):
        # The checks take a moment on a long post against many published ones: they run in
        # the task worker (moderation.tasks) while the editor shows "being checked".
        from .tasks import schedule_precheck

        task_state = super().start(workflow_state, user=user)
        schedule_precheck(task_state.pk)
        return task_state

    @classmethod
    def get_task_state_class(cls):
        return PreCheckState

    @classmethod
    def get_description(cls):
        return _("Checks the post automatically and returns it when a blocking flag is found")

    class Meta:
        verbose_name = _("automatic pre-check")
        verbose_name_plural = _("automatic pre-checks")


class PreCheckState(TaskState):
    flags = models.JSONField(_("flags"), default=list, blank=True)

    class Meta:
        verbose_name = _("pre-check result")

    @property
    def blocking_flags(self):
        return [flag for flag in self.flags if flag.get("severity") == "block"]


class ReviewState(TaskState):
    """What every human review keeps: who claimed it, the reasons given, the flags seen."""

    claimed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("claimed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    claimed_at = models.DateTimeField(_("claimed at"), null=True, blank=True)
    reasons = models.ManyToManyField(
        ReviewReason, verbose_name=_("reasons"), blank=True, related_name="+"
    )
    flags = models.JSONField(_("pre-check flags seen"), default=list, blank=True)

    class Meta:
        verbose_name = _("review")


class AccuracyReviewState(ReviewState):
    sources_verified = models.BooleanField(_("sources verified"), default=False)
    cross_checked = models.BooleanField(
        _("cross-checked with the responsible agency or an official source"), default=False
    )
    not_known_hoax = models.BooleanField(_("not a known hoax"), default=False)
    no_sara_or_insult = models.BooleanField(_("no SARA or insult"), default=False)
    photos_authentic = models.BooleanField(_("photos authentic and consented"), default=False)
    personal_data_removed = models.BooleanField(_("personal data removed"), default=False)
    verdict = models.CharField(_("verdict"), max_length=12, choices=Verdict.choices, blank=True)

    CHECKLIST = (
        "sources_verified",
        "cross_checked",
        "not_known_hoax",
        "no_sara_or_insult",
        "photos_authentic",
        "personal_data_removed",
    )

    class Meta:
        verbose_name = _("accuracy review")


class UsefulnessReviewState(ReviewState):
    relevant = models.BooleanField(_("relevant to residents"), default=False)
    timely = models.BooleanField(_("timely"), default=False)
    clear = models.BooleanField(_("clear"), default=False)
    actionable = models.BooleanField(_("says what readers should do or know"), default=False)

    CHECKLIST = ("relevant", "timely", "clear", "actionable")

    class Meta:
        verbose_name = _("usefulness review")


class ReviewTask(AbstractGroupApprovalTask):
    """A review by the task's groups, each member only where their page permissions reach.

    An editor group given the pages of one district reviews that district's posts only;
    nobody may approve a post they wrote or submitted.
    """

    stage = None

    def is_author(self, obj, user):
        if getattr(obj, "owner_id", None) == user.pk:
            return True
        return WorkflowState.objects.for_instance(obj).filter(requested_by=user).exists()

    def may_review(self, obj, user):
        return (
            user.is_superuser
            or (self._user_in_groups(user) and _may_edit(user, obj))
            or any(fn(obj, user) for fn in hooks.get_hooks(EXTRA_REVIEWER_HOOK))
        )

    def reviewers(self, obj):
        """Who is asked to review ``obj``: by role and page permission, never its authors.

        Superuser status alone is not a role: such accounts review when they choose to, but
        are not mailed about every post.
        """
        may_edit = page_permission_policy.users_with_permission_for_instance(
            "change", obj, include_superusers=False
        )
        authors = WorkflowState.objects.for_instance(obj).values("requested_by")
        return (
            get_user_model()
            .objects.filter(is_active=True, groups__in=self.groups.all(), pk__in=may_edit)
            .exclude(pk=getattr(obj, "owner_id", None))
            .exclude(pk__in=authors.exclude(requested_by=None))
            .distinct()
        )

    def user_can_access_editor(self, obj, user):
        return self.may_review(obj, user)

    def locked_for_user(self, obj, user):
        return not self.may_review(obj, user)

    def get_actions(self, obj, user):
        if not self.may_review(obj, user) or self.is_author(obj, user):
            return []
        state = obj.current_workflow_task_state
        if state and state.specific.claimed_by_id not in (None, user.pk):
            return []
        return self.ACTIONS

    def get_form_for_action(self, action):
        from .forms import review_form

        return review_form(self.stage, action)

    def get_template_for_action(self, action):
        return "moderation/review_modal.html"

    def on_action(self, task_state, user, action_name, **kwargs):
        from .services import review_decide

        obj = task_state.workflow_state.content_object
        if action_name not in {name for name, *_ in self.get_actions(obj, user)}:
            raise PermissionDenied
        return review_decide(
            task_state=task_state.specific, user=user, action=action_name, data=kwargs
        )

    @transaction.atomic
    def start(self, workflow_state, user=None):
        # In one transaction: what Wagtail's task_submitted signal queues on commit (the
        # reviewers' e-mail) sees whether the checks below let the review begin.
        from .services import precheck_revision

        task_state = super().start(workflow_state, user=user).specific
        checked = (
            PreCheckState.objects.filter(
                workflow_state=workflow_state,
                revision=task_state.revision,
                status=TaskState.STATUS_APPROVED,
            )
            .order_by("-pk")
            .values_list("flags", flat=True)
            .first()
        )
        if checked is not None:
            # Just checked by the pre-check, on this very revision: its flags travel on.
            task_state.flags = checked
        else:
            task_state.flags = [flag.as_dict() for flag in precheck_revision(task_state.revision)]
        task_state.save(update_fields=["flags"])
        if any(flag.get("severity") == "block" for flag in task_state.flags):
            # A resubmitted post is checked again: blocking problems never reach a reviewer.
            task_state.reject(
                user=None,
                update=False,
                comment=str(
                    _("The automatic check found problems that must be fixed before review.")
                ),
            )
        return task_state

    def get_task_states_user_can_moderate(self, user, **kwargs):
        return (
            super()
            .get_task_states_user_can_moderate(user, **kwargs)
            .select_related("workflow_state")
        )

    class Meta:
        abstract = True


class AccuracyReviewTask(ReviewTask):
    """Check that the post is true, sourced, free of SARA, insults and personal data.

    Approval needs every checklist item ticked; the verdict is stored on the task state.
    """

    stage = ReviewStage.ACCURACY
    task_state_class = AccuracyReviewState
    ACTIONS = [
        ("reject", _("Request changes"), True),
        ("decline", _("Reject"), True),
        ("approve", _("Approve"), True),
    ]

    @classmethod
    def get_description(cls):
        return _("District editors verify accuracy with a checklist (cek dan ricek)")

    class Meta:
        verbose_name = _("accuracy review")
        verbose_name_plural = _("accuracy reviews")


class UsefulnessReviewTask(ReviewTask):
    """Check that the post is relevant, timely and clear, and tells readers what to do."""

    stage = ReviewStage.USEFULNESS
    task_state_class = UsefulnessReviewState
    ACTIONS = [
        ("reject", _("Request changes"), True),
        ("approve", _("Approve"), True),
    ]

    @transaction.atomic
    def start(self, workflow_state, user=None):
        task_state = super().start(workflow_state, user=user)
        if task_state.status == TaskState.STATUS_IN_PROGRESS and not _accuracy_approved(task_state):
            # The post changed since its accuracy review: the workflow starts over from the
            # pre-check so that what is published is what was verified.
            task_state.status = TaskState.STATUS_CANCELLED
            task_state.finished_at = timezone.now()
            task_state.save(update_fields=["status", "finished_at"])
        return task_state

    @classmethod
    def get_description(cls):
        return _("District editors judge usefulness for residents")

    class Meta:
        verbose_name = _("usefulness review")
        verbose_name_plural = _("usefulness reviews")


def _may_edit(user, obj):
    if not isinstance(obj, Page):
        return True
    return page_permission_policy.user_has_permission_for_instance(user, "change", obj)


def _accuracy_approved(task_state):
    return AccuracyReviewState.objects.filter(
        workflow_state=task_state.workflow_state,
        revision=task_state.revision,
        status=TaskState.STATUS_APPROVED,
    ).exists()
