"""Dashboard panels: the editors' review queue and each member's own posts by status."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component
from wagtail.models import Page, Revision, TaskState, WorkflowState

from kim.models import ContributorGroup, PostPage
from kim.permissions import is_district_staff

from .services import median_decision_hours, review_target
from .workflow import ReviewState

QUEUE_LENGTH = 50


class ReviewQueuePanel(Component):
    name = "moderation_queue"
    template_name = "moderation/panels/review_queue.html"
    order = 90

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        now = timezone.now()
        target = review_target()
        waiting = ReviewState.objects.filter(status=TaskState.STATUS_IN_PROGRESS)
        # The whole queue's size, though only its oldest posts are listed.
        counts = waiting.aggregate(
            waiting=Count("pk"),
            overdue=Count("pk", filter=Q(workflow_state__created_at__lt=now - target)),
        )
        states = waiting.select_related("workflow_state", "task", "claimed_by").order_by(
            "workflow_state__created_at"
        )[:QUEUE_LENGTH]
        ids = [int(state.workflow_state.object_id) for state in states]
        pages = {
            post.pk: post for post in PostPage.objects.filter(pk__in=ids).select_related("group")
        }
        pages |= {
            page.pk: page
            for page in Page.objects.filter(pk__in=ids).exclude(pk__in=pages).specific()
        }
        # The editor's own posts wait for another editor (ReviewTask.is_author, for all at once).
        submitted_by_user = {
            int(object_id)
            for object_id in WorkflowState.objects.filter(
                base_content_type=ContentType.objects.get_for_model(Page),
                object_id__in=[str(pk) for pk in ids],
                requested_by=request.user,
            ).values_list("object_id", flat=True)
        }
        items = []
        for state in states:
            page = pages.get(int(state.workflow_state.object_id))
            if page is None:
                continue
            age = now - state.workflow_state.created_at
            items.append(
                {
                    "state": state,
                    "page": page,
                    "age": age,
                    "overdue": age > target,
                    "group": getattr(page, "group", None),
                    "flags": state.flags,
                    "mine": state.claimed_by_id == request.user.pk,
                    "own_post": page.owner_id == request.user.pk or page.pk in submitted_by_user,
                }
            )
        month_start = now.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
        return {
            "items": items,
            "target_hours": int(target.total_seconds() // 3600),
            "waiting_count": counts["waiting"],
            "overdue_count": counts["overdue"],
            "median_hours": median_decision_hours(since=month_start),
            "csrf_token": parent_context.get("csrf_token"),
            "request": request,
        }


class MyPostsPanel(Component):
    name = "moderation_my_posts"
    template_name = "moderation/panels/my_posts.html"
    order = 80

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        posts = list(
            PostPage.objects.filter(owner=request.user)
            .select_related("group")
            .order_by("-latest_revision_created_at")[:20]
        )
        states = {
            int(state.object_id): state
            for state in WorkflowState.objects.active()
            .filter(
                base_content_type=ContentType.objects.get_for_model(Page),
                object_id__in=[str(post.pk) for post in posts],
            )
            .select_related("current_task_state__task")
        }
        # Approved revisions waiting for their go-live time (Wagtail's scheduled publishing).
        scheduled = dict(
            Revision.page_revisions.filter(
                object_id__in=[str(post.pk) for post in posts], approved_go_live_at__isnull=False
            ).values_list("object_id", "approved_go_live_at")
        )
        rows = []
        for post in posts:
            state = states.get(post.pk)
            status = _status(post, state, scheduled.get(str(post.pk)))
            rows.append({"post": post, "status": status, "state": state})
        # A "write a new post" button for each group the user writes for.
        groups = (
            ContributorGroup.objects.for_user(request.user)
            .filter(page__isnull=False)
            .order_by("name")
            .values("name", "page_id")
        )
        return {"rows": rows, "groups": list(groups)}


def _status(post, state, go_live_at=None):
    if state is not None:
        if state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            return _("Changes requested")
        task = state.current_task_state
        return _("In review: %(task)s") % {"task": task.task.name} if task else _("Submitted")
    if go_live_at is not None:
        time = formats.date_format(timezone.localtime(go_live_at), "j M Y, H:i")
        if post.live:
            return _("Published; approved changes scheduled for %(time)s") % {"time": time}
        return _("Scheduled: %(time)s") % {"time": time}
    if post.live:
        return (
            _("Published, with unpublished changes")
            if post.has_unpublished_changes
            else _("Published")
        )
    if post.go_live_at and post.go_live_at > timezone.now():
        return _("Scheduled")
    return _("Draft")


def construct_homepage_panels(request, panels):
    if is_district_staff(request.user):
        panels.insert(0, ReviewQueuePanel())
    # Also before a member's first post: the panel is where they start writing.
    if (
        PostPage.objects.filter(owner=request.user).exists()
        or ContributorGroup.objects.for_user(request.user).exists()
    ):
        panels.insert(0, MyPostsPanel())
