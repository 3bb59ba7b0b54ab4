"""A member's writing desk: each of their posts with its state in words, and why it came back."""

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import CharField, OuterRef, Subquery
from django.db.models.functions import Cast
from django.utils import formats, timezone
from django.utils.translation import pgettext, pgettext_lazy
from wagtail.models import Page, Revision, WorkflowState

from crossposting.models import Delivery, DeliveryStatus, ManualShare, Network
from kim.models import PostPage

from .checks.fields import field_label
from .checks.mask import mask_personal_data
from .feedback import blocking_flags, note_lines, was_returned
from .workflow import PreCheckState

DESK_LENGTH = 20


class PostState(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("post state", "draft")
    CHECKING = "checking", pgettext_lazy("post state", "being checked automatically")
    IN_REVIEW = "in_review", pgettext_lazy("post state", "waiting for verification")
    RETURNED = "returned", pgettext_lazy("post state", "returned with reasons")
    SCHEDULED = "scheduled", pgettext_lazy("post state", "scheduled")
    LIVE = "live", pgettext_lazy("post state", "published")


# The networks' short names: the state line says where a post went, not how.
NETWORK_NAMES = {
    Network.FACEBOOK_PAGE: "Facebook",
    Network.FACEBOOK_GROUP: pgettext_lazy("network", "Facebook group"),
    Network.INSTAGRAM: "Instagram",
    Network.X: "X",
    Network.TELEGRAM: "Telegram",
    Network.WHATSAPP_GROUP: pgettext_lazy("network", "WhatsApp group"),
}


@dataclass
class DeskRow:
    post: PostPage
    state: str
    words: str
    reasons: list = field(default_factory=list)


def post_state(post, workflow_state, *, go_live_at=None, networks=()):
    """The post's state and how the desk says it, from its latest workflow and deliveries.

    ``workflow_state`` is the post's latest (its current_task_state fetched with it), so a
    post sent back stays "returned" until its author submits it again.
    """
    if workflow_state is not None and workflow_state.status == WorkflowState.STATUS_IN_PROGRESS:
        task_state = workflow_state.current_task_state
        checking = task_state is not None and task_state.content_type_id == _precheck_type_id()
        state = PostState.CHECKING if checking else PostState.IN_REVIEW
        return state, state.label
    if was_returned(workflow_state):
        return PostState.RETURNED, PostState.RETURNED.label
    if go_live_at is not None:
        time = formats.date_format(timezone.localtime(go_live_at), "j M Y, H:i")
        words = pgettext("post state", "scheduled to go live %(time)s") % {"time": time}
        return PostState.SCHEDULED, words
    if post.live:
        if networks:
            names = ", ".join(str(NETWORK_NAMES[network]) for network in sorted(networks))
            words = pgettext("post state", "published, shared to %(networks)s") % {
                "networks": names
            }
            return PostState.LIVE, words
        return PostState.LIVE, PostState.LIVE.label
    return PostState.DRAFT, PostState.DRAFT.label


def return_reasons(task_state, checked=None):
    """Why the post came back, as lines: the blocking flags, or else the editor's notes.

    ``checked`` is the specific task state that holds the flags, when it is not ``task_state``.
    """
    flags = blocking_flags(checked or task_state)
    if not flags:
        return note_lines(task_state.comment)
    lines = []
    for flag in flags:
        label = field_label(flag.get("field") or "", flag.get("block_index"))
        line = mask_personal_data(flag.get("message", ""))
        if flag.get("excerpt"):
            line += f" “{mask_personal_data(flag['excerpt'])}”"
        lines.append(f"{label}: {line}" if label else line)
    return lines


def desk_rows(user, limit=DESK_LENGTH):
    """The user's own latest posts with their states, in a fixed number of queries."""
    latest_workflow_state = (
        WorkflowState.objects.filter(
            base_content_type=_page_type_id(),
            object_id=Cast(OuterRef("pk"), output_field=CharField()),
        )
        .order_by("-created_at", "-pk")
        .values("pk")[:1]
    )
    posts = list(
        PostPage.objects.filter(owner=user)
        .annotate(latest_workflow_state_id=Subquery(latest_workflow_state))
        .order_by("-latest_revision_created_at", "-pk")[:limit]
    )
    # The flags live on the task state's own table: fetched with it, for every kind at once.
    workflow_states = {
        state.pk: state
        for state in WorkflowState.objects.filter(
            pk__in=[post.latest_workflow_state_id for post in posts]
        ).select_related("current_task_state__precheckstate", "current_task_state__reviewstate")
    }
    ids = [str(post.pk) for post in posts]
    # Approved revisions waiting for their go-live time (Wagtail's scheduled publishing).
    scheduled = dict(
        Revision.page_revisions.filter(
            object_id__in=ids, approved_go_live_at__isnull=False
        ).values_list("object_id", "approved_go_live_at")
    )
    live = [post.pk for post in posts if post.live]
    networks = {}
    for post_id, network in (
        Delivery.objects.filter(post__in=live, status=DeliveryStatus.SENT)
        .order_by()
        .values_list("post_id", "account__network")
        .union(
            ManualShare.objects.filter(post__in=live)
            .order_by()
            .values_list("post_id", "account__network")
        )
    ):
        networks.setdefault(post_id, set()).add(network)
    rows = []
    for post in posts:
        workflow_state = workflow_states.get(post.latest_workflow_state_id)
        state, words = post_state(
            post,
            workflow_state,
            go_live_at=scheduled.get(str(post.pk)),
            networks=networks.get(post.pk, ()),
        )
        reasons = []
        if state == PostState.RETURNED:
            task_state = workflow_state.current_task_state
            reasons = return_reasons(task_state, _with_flags(task_state))
        rows.append(DeskRow(post, state, words, reasons))
    return rows


def _with_flags(task_state):
    """The pre-check's or review's own row, which select_related joined (no query)."""
    for name in ("precheckstate", "reviewstate"):
        child = getattr(task_state, name, None)
        if child is not None:
            return child
    return None


def _page_type_id():
    return ContentType.objects.get_for_model(Page).pk


def _precheck_type_id():
    return ContentType.objects.get_for_model(PreCheckState).pk
