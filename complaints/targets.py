"""Working-day targets per kind: verification by triage, first answer by the agency."""

from django.conf import settings
from django.utils import timezone

from .models import CLOSED_STATUSES, Status
from .reports import jakarta_date
from .workdays import WorkingCalendar

DEFAULT_TARGET = {"verify": 3, "answer": 5}


def target_days(kind, step):
    return settings.COMPLAINTS_TARGETS.get(kind, DEFAULT_TARGET)[step]


def deadlines(complaint, *, calendar):
    received = jakarta_date(complaint.received_at)
    return {
        "verify": calendar.add_working_days(received, target_days(complaint.kind, "verify")),
        "answer": calendar.add_working_days(received, target_days(complaint.kind, "answer")),
    }


def late_steps(complaint, *, calendar, today=None):
    """Which targets the complaint has missed as of ``today``: 'verify', 'answer' or none."""
    if complaint.status in CLOSED_STATUSES:
        return []
    today = today or jakarta_date(timezone.now())
    received = jakarta_date(complaint.received_at)
    elapsed = calendar.working_days_after(received, today)
    late = []
    if complaint.status == Status.NEW and elapsed > target_days(complaint.kind, "verify"):
        late.append("verify")
    if complaint.first_response_at is None and elapsed > target_days(complaint.kind, "answer"):
        late.append("answer")
    return late


def annotate_lateness(complaints, *, today=None):
    """Set ``late`` on each complaint of a page, with one calendar for all of them."""
    calendar = WorkingCalendar()
    for complaint in complaints:
        complaint.late = late_steps(complaint, calendar=calendar, today=today)
    return complaints
