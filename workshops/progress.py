"""The progress board: which steps each participant has done, read in a constant number of queries.

Draft content is read from each post's latest revision (a draft's changes live there, not on
the page row); submission, pre-check and review from the workflow's task states.
"""

import json
from dataclasses import asdict, dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, TaskState, WorkflowState

from kim.models import PostPage
from moderation.checks.types import FlagCode
from moderation.workflow import AccuracyReviewState, PreCheckState, UsefulnessReviewState

STEPS = [
    ("logged_in", _("Signed in")),
    ("changed_password", _("Chose a password")),
    ("saved_draft", _("Saved a draft")),
    ("image_with_alt", _("Added a photo with alt text")),
    ("added_source", _("Added a source")),
    ("submitted", _("Submitted")),
]


class Outcome:
    """What happened to the participant's most recent submission."""

    NONE = ""
    PRECHECK_BLOCKED = "precheck_blocked"
    IN_REVIEW = "in_review"
    CHANGES_REQUESTED = "changes_requested"
    REJECTED = "rejected"
    PUBLISHED = "published"

    LABELS = {
        NONE: _("Not submitted yet"),
        PRECHECK_BLOCKED: _("Sent back by the pre-check"),
        IN_REVIEW: _("Waiting for review"),
        CHANGES_REQUESTED: _("Changes requested"),
        REJECTED: _("Rejected"),
        PUBLISHED: _("Approved (published in the sandbox)"),
    }


@dataclass
class ParticipantProgress:
    number: int
    name: str
    username: str
    logged_in: bool = False
    changed_password: bool = False
    saved_draft: bool = False
    image_with_alt: bool = False
    added_source: bool = False
    submitted: bool = False
    precheck: str = ""  # "", "passed" or "blocked"
    precheck_flags: list = field(default_factory=list)
    outcome: str = Outcome.NONE
    posts: int = 0
    moved: bool = False
    review_url: str = ""

    @property
    def done(self):
        return sum(bool(getattr(self, name)) for name, _label in STEPS)

    def as_dict(self):
        data = asdict(self)
        data["outcome_label"] = str(Outcome.LABELS.get(self.outcome, ""))
        # Trainers read the flags' names in their language, never the codes.
        data["precheck_flag_labels"] = [
            str(FlagCode(code).label) if code in FlagCode.values else code
            for code in self.precheck_flags
        ]
        data["done"] = self.done
        return data


def _body(content):
    body = content.get("body") or []
    if isinstance(body, str):
        try:
            body = json.loads(body)
        except ValueError:
            return []
    return body if isinstance(body, list) else []


def _has_image_with_alt(content):
    if content.get("hero_image") and (content.get("hero_alt") or "").strip():
        return True
    for block in _body(content):
        value = block.get("value") if isinstance(block, dict) else None
        if block.get("type") == "image" and isinstance(value, dict):
            if value.get("image") and (value.get("alt_text") or "").strip():
                return True
        if block.get("type") == "gallery" and isinstance(value, dict):
            for item in value.get("images") or []:
                item = item.get("value", item) if isinstance(item, dict) else {}
                if item.get("image") and (item.get("alt_text") or "").strip():
                    return True
    return False


def _has_source(content):
    return any(
        (source.get("title") or "").strip()
        for source in content.get("sources") or []
        if isinstance(source, dict)
    )


def _outcome(workflow_state, precheck, reviews):
    if workflow_state.status == WorkflowState.STATUS_APPROVED:
        return Outcome.PUBLISHED
    if precheck is not None and precheck.status == TaskState.STATUS_REJECTED and not reviews:
        return Outcome.PRECHECK_BLOCKED
    if workflow_state.status == WorkflowState.STATUS_IN_PROGRESS:
        return Outcome.IN_REVIEW
    if workflow_state.status == WorkflowState.STATUS_CANCELLED:
        return Outcome.REJECTED
    latest = reviews[-1] if reviews else None
    if latest is not None and latest.status == TaskState.STATUS_REJECTED:
        return Outcome.CHANGES_REQUESTED
    if precheck is not None and precheck.status == TaskState.STATUS_REJECTED:
        return Outcome.PRECHECK_BLOCKED
    return Outcome.CHANGES_REQUESTED


def board(workshop):
    """Return one ParticipantProgress per participant, in seven queries whatever their number."""
    participants = list(workshop.participants.select_related("user__member_profile"))
    rows = {}
    by_user = {}
    for participant in participants:
        user = participant.user
        row = ParticipantProgress(
            number=participant.number,
            name=participant.full_name,
            username=participant.username,
            moved=participant.moved_at is not None,
        )
        if user is not None:
            profile = getattr(user, "member_profile", None)
            row.logged_in = user.last_login is not None
            row.changed_password = profile is not None and not profile.must_change_password
            by_user[user.pk] = row
        elif participant.results:
            row = ParticipantProgress(
                **{
                    key: value
                    for key, value in participant.results.items()
                    if key in ParticipantProgress.__dataclass_fields__
                }
            )
        rows[participant.pk] = row
    sandbox = workshop.sandbox
    if sandbox is None or sandbox.page_id is None or not by_user:
        return [rows[p.pk] for p in participants]

    posts = list(
        PostPage.objects.filter(group_id=sandbox.page_id, owner_id__in=by_user)
        .select_related("latest_revision")
        .only("pk", "owner_id", "latest_revision__content")
    )
    owner_of = {post.pk: post.owner_id for post in posts}
    for post in posts:
        row = by_user[post.owner_id]
        row.saved_draft = True
        row.posts += 1
        content = post.latest_revision.content if post.latest_revision else {}
        row.image_with_alt = row.image_with_alt or _has_image_with_alt(content)
        row.added_source = row.added_source or _has_source(content)

    page_type = ContentType.objects.get_for_model(Page)
    states = list(
        WorkflowState.objects.filter(
            base_content_type=page_type, object_id__in=[str(pk) for pk in owner_of]
        ).order_by("created_at", "pk")
    )
    state_ids = [state.pk for state in states]
    prechecks = {}
    for precheck in PreCheckState.objects.filter(workflow_state_id__in=state_ids).order_by(
        "started_at", "pk"
    ):
        prechecks[precheck.workflow_state_id] = precheck  # the latest run per workflow
    reviews = {}
    for model in (AccuracyReviewState, UsefulnessReviewState):
        for review in model.objects.filter(workflow_state_id__in=state_ids):
            reviews.setdefault(review.workflow_state_id, []).append(review)
    for state in states:  # oldest first: the latest submission wins
        row = by_user[owner_of[int(state.object_id)]]
        row.submitted = True
        precheck = prechecks.get(state.pk)
        if precheck is not None and precheck.status != TaskState.STATUS_IN_PROGRESS:
            row.precheck = "blocked" if precheck.status == TaskState.STATUS_REJECTED else "passed"
            row.precheck_flags = sorted({flag.get("code", "") for flag in precheck.flags})
        state_reviews = sorted(reviews.get(state.pk, []), key=lambda r: (r.started_at, r.pk))
        row.outcome = _outcome(state, precheck, state_reviews)
        row.review_url = (
            reverse("wagtailadmin_pages:edit", args=[state.object_id])
            if row.outcome == Outcome.IN_REVIEW
            else ""
        )
    return [rows[p.pk] for p in participants]


def summary(rows):
    """How many participants reached each step, for the board's header."""
    counts = {name: sum(1 for row in rows if getattr(row, name)) for name, _label in STEPS}
    counts["published"] = sum(1 for row in rows if row.outcome == Outcome.PUBLISHED)
    counts["total"] = len(rows)
    return counts
