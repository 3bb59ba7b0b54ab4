"""The complaint report: one service for `complaints_report` and the head of office's page.

Dates are Asia/Jakarta dates whatever ``TIME_ZONE`` says, because the figures are the
district's official ones. Rounding is half away from zero on the exact value (hours are
computed from whole microseconds as fractions), so a figure computed by hand matches.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from zoneinfo import ZoneInfo

from .models import (
    CLOSED_STATUSES,
    IN_PROGRESS_STATUSES,
    SOCIAL_MEDIA_CHANNELS,
    Channel,
    Complaint,
    Kind,
    Status,
)
from .workdays import WorkingCalendar

JAKARTA = ZoneInfo("Asia/Jakarta")
# The report's overdue rule: no first answer after more than this many working days.
OVERDUE_WORKING_DAYS = 5


def jakarta_date(moment: datetime) -> date:
    return moment.astimezone(JAKARTA).date()


def day_start(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=JAKARTA)


def round_half_up(value: Fraction, places: int) -> float:
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    return float(exact.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP))


def hours_between(start: datetime, end: datetime) -> Fraction:
    return Fraction((end - start) // timedelta(microseconds=1), 3_600_000_000)


def median_hours(durations):
    """Median of exact hour fractions, rounded to 1 decimal; None when there are none."""
    values = sorted(durations)
    if not values:
        return None
    middle = len(values) // 2
    if len(values) % 2:
        median = values[middle]
    else:
        median = (values[middle - 1] + values[middle]) / 2
    return round_half_up(median, 1)


def is_overdue(complaint, *, as_of: date, calendar: WorkingCalendar) -> bool:
    """Open, never answered, and more than 5 working days after the day it arrived."""
    if complaint.status in CLOSED_STATUSES or complaint.first_response_at is not None:
        return False
    received = jakarta_date(complaint.received_at)
    return calendar.working_days_after(received, as_of) > OVERDUE_WORKING_DAYS


@dataclass
class AgencyLine:
    agency: str
    received: int = 0
    resolved: int = 0
    in_progress: int = 0
    overdue: int = 0


def complaints_in_range(*, date_from: date, date_to: date, queryset=None):
    queryset = Complaint.objects.all() if queryset is None else queryset
    if date_from > date_to:
        return queryset.none()
    return queryset.received_between(day_start(date_from), day_start(date_to + timedelta(days=1)))


def complaint_report(
    *, date_from: date, date_to: date, as_of: date, queryset=None, calendar=None
) -> dict:
    """The report of complaints received from ``date_from`` to ``date_to`` (inclusive)."""
    calendar = calendar or WorkingCalendar()
    rows = list(
        complaints_in_range(date_from=date_from, date_to=date_to, queryset=queryset)
        .select_related("agency")
        .only(
            "channel",
            "kind",
            "status",
            "received_at",
            "first_response_at",
            "resolved_at",
            "agency__slug",
        )
    )
    channels = Counter(c.channel for c in rows)
    kinds = Counter(c.kind for c in rows)
    statuses = Counter(c.status for c in rows)
    social = sum(channels[c] for c in SOCIAL_MEDIA_CHANNELS)

    lines = {}
    first_response = defaultdict(list)
    resolution = defaultdict(list)
    for c in rows:
        if c.agency is None:
            continue
        slug = c.agency.slug
        line = lines.setdefault(slug, AgencyLine(agency=slug))
        line.received += 1
        line.resolved += c.status == Status.RESOLVED
        line.in_progress += c.status in IN_PROGRESS_STATUSES
        line.overdue += is_overdue(c, as_of=as_of, calendar=calendar)
        if c.first_response_at:
            first_response[slug].append(hours_between(c.received_at, c.first_response_at))
        if c.resolved_at:
            resolution[slug].append(hours_between(c.received_at, c.resolved_at))

    return {
        "received": len(rows),
        "by_channel": {value: channels[value] for value in Channel.values},
        "by_kind": {value: kinds[value] for value in Kind.values},
        "by_status": {value: statuses[value] for value in Status.values},
        "resolved": statuses[Status.RESOLVED],
        "in_progress": sum(statuses[s] for s in IN_PROGRESS_STATUSES),
        "social_media_share": (round_half_up(Fraction(social, len(rows)), 3) if rows else 0.0),
        "agencies": [
            {
                "agency": slug,
                "received": lines[slug].received,
                "resolved": lines[slug].resolved,
                "in_progress": lines[slug].in_progress,
                "overdue": lines[slug].overdue,
                "median_first_response_hours": median_hours(first_response[slug]),
                "median_resolution_hours": median_hours(resolution[slug]),
            }
            for slug in sorted(lines)
        ],
    }
