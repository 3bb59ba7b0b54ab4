"""Monitoring and evaluation (monev): each real group's and sub-district's activity in a period.

Read from the posts, the moderation workflow's task states and the workshops' records, in a
constant number of queries whatever the number of groups. Training sandboxes are left out.
"""

import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Max
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, TaskState, WorkflowState

from kim.models import ContributorGroup, PostPage, RegionLevel
from moderation.workflow import PreCheckState, ReviewState

from .models import Participant

DECIDED = (
    WorkflowState.STATUS_APPROVED,
    WorkflowState.STATUS_CANCELLED,
    WorkflowState.STATUS_NEEDS_CHANGES,
)
TOP = 5


@dataclass(frozen=True)
class Period:
    start: date
    end: date

    @classmethod
    def default(cls, today=None):
        """The last six months, this one included."""
        today = today or timezone.localdate()
        year, month = today.year, today.month - 5
        while month < 1:
            month += 12
            year -= 1
        return cls(date(year, month, 1), today)

    @property
    def months(self):
        year, month, result = self.start.year, self.start.month, []
        while (year, month) <= (self.end.year, self.end.month):
            result.append((year, month))
            month += 1
            if month > 12:
                year, month = year + 1, 1
        return result

    def bounds(self):
        """Aware datetimes: from the start of the first day to the start of the day after."""
        zone = timezone.get_current_timezone()
        return (
            datetime.combine(self.start, time.min, zone),
            datetime.combine(self.end + timedelta(days=1), time.min, zone),
        )


def month_label(month):
    year, number = month
    return f"{number:02d}/{year % 100:02d}"


@dataclass
class Stats:
    """What the report shows for one group or one area."""

    posts_by_month: Counter = field(default_factory=Counter)
    approved: int = 0
    decided: int = 0
    review_hours: list = field(default_factory=list)
    reasons: Counter = field(default_factory=Counter)
    flags: Counter = field(default_factory=Counter)
    categories: Counter = field(default_factory=Counter)
    event_delays: list = field(default_factory=list)
    last_activity: datetime | None = None
    workshops: int = 0

    @property
    def posts(self):
        return sum(self.posts_by_month.values())

    @property
    def approval_rate(self):
        return round(100 * self.approved / self.decided) if self.decided else None

    @property
    def median_review_hours(self):
        return round(statistics.median(self.review_hours), 1) if self.review_hours else None

    @property
    def median_event_delay_days(self):
        """Days from the event to publication: how timely the group reports."""
        return statistics.median(self.event_delays) if self.event_delays else None

    @property
    def active_months(self):
        return sum(1 for count in self.posts_by_month.values() if count)

    def top_reasons(self):
        return self.reasons.most_common(TOP)

    def top_flags(self):
        return self.flags.most_common(TOP)

    def add(self, other):
        self.posts_by_month.update(other.posts_by_month)
        self.approved += other.approved
        self.decided += other.decided
        self.review_hours += other.review_hours
        self.reasons.update(other.reasons)
        self.flags.update(other.flags)
        self.categories.update(other.categories)
        self.event_delays += other.event_delays
        self.workshops += other.workshops
        if other.last_activity and (
            not self.last_activity or other.last_activity > self.last_activity
        ):
            self.last_activity = other.last_activity


@dataclass
class GroupRow:
    group: ContributorGroup
    stats: Stats
    month_counts: list = field(default_factory=list)

    @property
    def subdistrict(self):
        return subdistrict_of(self.group.region)


@dataclass
class AreaRow:
    region: object  # a sub-district, or None for groups filed at district level
    groups: int
    stats: Stats


@dataclass
class Report:
    period: Period
    groups: list
    areas: list
    total: Stats
    # The office's district-wide messages: published under no village's name, counted apart.
    district_messages: int = 0

    @property
    def months(self):
        return self.period.months


def subdistrict_of(region):
    if region is None:
        return None
    if region.level == RegionLevel.VILLAGE:
        return region.parent
    if region.level == RegionLevel.SUBDISTRICT:
        return region
    return None


def flag_label(code):
    from moderation.checks.types import FlagCode

    try:
        return str(FlagCode(code).label)
    except ValueError:
        return code


def report(*, period, groups=None):
    """Build the report for these registry groups (default: every real group with a page)."""
    if groups is None:
        groups = ContributorGroup.objects.all()
    groups = list(
        groups.filter(is_training=False, page__isnull=False)
        .select_related("region__parent")
        .order_by("name")
    )
    by_page = {group.page_id: Stats() for group in groups}
    start, end = period.bounds()
    page_ids = list(by_page)

    posts = PostPage.objects.filter(group_id__in=page_ids, is_district_message=False)
    post_group = dict(posts.values_list("pk", "group_id"))
    for group_id, published, category, event_date in posts.filter(
        first_published_at__gte=start, first_published_at__lt=end
    ).values_list("group_id", "first_published_at", "category__name", "event_date"):
        stats = by_page[group_id]
        local = timezone.localtime(published)
        stats.posts_by_month[(local.year, local.month)] += 1
        stats.categories[category or str(_("No category"))] += 1
        if event_date and event_date <= local.date():
            stats.event_delays.append((local.date() - event_date).days)
    for group_id, latest in (
        posts.values_list("group_id")
        .annotate(latest=Max("latest_revision_created_at"))
        .values_list("group_id", "latest")
    ):
        by_page[group_id].last_activity = latest

    page_type = ContentType.objects.get_for_model(Page)
    in_period = {
        "workflow_state__base_content_type": page_type,
        "workflow_state__created_at__gte": start,
        "workflow_state__created_at__lt": end,
    }
    for object_id, status, created, finished in WorkflowState.objects.filter(
        base_content_type=page_type,
        created_at__gte=start,
        created_at__lt=end,
        status__in=DECIDED,
    ).values_list("object_id", "status", "created_at", "current_task_state__finished_at"):
        group_id = post_group.get(int(object_id))
        if group_id is None:
            continue
        stats = by_page[group_id]
        stats.decided += 1
        stats.approved += status == WorkflowState.STATUS_APPROVED
        if finished and status != WorkflowState.STATUS_NEEDS_CHANGES:
            stats.review_hours.append((finished - created).total_seconds() / 3600)
    for object_id, reason in ReviewState.objects.filter(
        status=TaskState.STATUS_REJECTED, reasons__isnull=False, **in_period
    ).values_list("workflow_state__object_id", "reasons__text"):
        if (group_id := post_group.get(int(object_id))) is not None:
            by_page[group_id].reasons[reason] += 1
    for object_id, flags in PreCheckState.objects.filter(**in_period).values_list(
        "workflow_state__object_id", "flags"
    ):
        if (group_id := post_group.get(int(object_id))) is not None:
            codes = {flag.get("code") for flag in flags or [] if isinstance(flag, dict)}
            by_page[group_id].flags.update(flag_label(code) for code in codes if code)

    page_of = {group.pk: group.page_id for group in groups}
    for home_group_id, count in (
        Participant.objects.filter(
            home_group__in=[g.pk for g in groups],
            workshop__date__gte=period.start,
            workshop__date__lte=period.end,
        )
        .attended()
        .values_list("home_group_id")
        .annotate(n=Count("workshop", distinct=True))
        .values_list("home_group_id", "n")
    ):
        by_page[page_of[home_group_id]].workshops = count

    rows = [
        GroupRow(group, stats, [(m, stats.posts_by_month.get(m, 0)) for m in period.months])
        for group in groups
        for stats in [by_page[group.page_id]]
    ]
    areas = defaultdict(lambda: AreaRow(None, 0, Stats()))
    total = Stats()
    for row in rows:
        region = row.subdistrict
        area = areas[region.pk if region else None]
        area.region = region
        area.groups += 1
        area.stats.add(row.stats)
        total.add(row.stats)
    area_rows = sorted(
        areas.values(), key=lambda a: (a.region is None, a.region.name if a.region else "")
    )
    district_messages = PostPage.objects.filter(
        is_district_message=True, first_published_at__gte=start, first_published_at__lt=end
    ).count()
    return Report(
        period=period,
        groups=rows,
        areas=area_rows,
        total=total,
        district_messages=district_messages,
    )
