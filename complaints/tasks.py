"""E-mail from the complaint desk, sent by the task worker, never inside a request."""

from collections import defaultdict

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django_tasks import task

from .models import Agency, Complaint, Status
from .targets import late_steps
from .workdays import WorkingCalendar


def admin_url(name, *args):
    return settings.WAGTAILADMIN_BASE_URL + reverse(name, args=args)


def public_url(complaint):
    with translation.override(settings.LANGUAGE_CODE):
        return settings.WAGTAILADMIN_BASE_URL + reverse(
            "complaints_public_detail", args=[complaint.reference]
        )


def _mail(template, context, recipients):
    recipients = sorted({r for r in recipients if r})
    if not recipients:
        return False
    with translation.override(settings.LANGUAGE_CODE):
        context = {"site_name": settings.WAGTAIL_SITE_NAME, **context}
        subject = render_to_string(f"complaints/email/{template}_subject.txt", context)
        body = render_to_string(f"complaints/email/{template}.txt", context)
    send_mail(" ".join(subject.split()), body, settings.DEFAULT_FROM_EMAIL, recipients)
    return True


@task()
def notify_logger(complaint_id):
    """Tell whoever logged it (and whoever logged its repeats) that it has an answer."""
    from .replies import channel_reply

    complaint = Complaint.objects.select_related("agency", "logged_by").filter(pk=complaint_id)
    complaint = complaint.first()
    if complaint is None:
        return False
    sent = False
    for item in [complaint, *complaint.duplicates.select_related("logged_by")]:
        if item.logged_by and item.logged_by.email:
            sent |= _mail(
                "answered",
                {
                    "complaint": complaint,
                    "reply": channel_reply(complaint),
                    "url": admin_url("complaints_detail", item.pk),
                },
                [item.logged_by.email],
            )
    return sent


@task()
def notify_agency(complaint_id):
    complaint = Complaint.objects.select_related("agency").filter(pk=complaint_id).first()
    if complaint is None or complaint.agency is None:
        return False
    emails = complaint.agency.officers.values_list("email", flat=True)
    return _mail(
        "routed",
        {"complaint": complaint, "url": admin_url("complaints_detail", complaint.pk)},
        emails,
    )


@task()
def notify_fact_check_queue(complaint_id):
    """A verified hoax report waits in the editors' fact-check queue."""
    from django.contrib.auth import get_user_model

    complaint = Complaint.objects.filter(pk=complaint_id).first()
    if complaint is None:
        return False
    editors = get_user_model().objects.filter(
        is_active=True, groups__permissions__codename="approve_public_answer"
    )
    return _mail(
        "fact_check",
        {"complaint": complaint, "url": admin_url("complaints_fact_checks")},
        editors.values_list("email", flat=True),
    )


@task()
def send_overdue_reminders():
    """E-mail each agency's head, and Diskominfo, the complaints past their answer target."""
    calendar = WorkingCalendar()
    by_agency = defaultdict(list)
    open_ones = (
        Complaint.objects.open()
        .filter(agency__isnull=False, first_response_at__isnull=True)
        .exclude(status=Status.NEW)
        .select_related("agency")
        .order_by("received_at")
    )
    for complaint in open_ones:
        if "answer" in late_steps(complaint, calendar=calendar):
            by_agency[complaint.agency_id].append(complaint)
    sent = 0
    agencies = Agency.objects.in_bulk(list(by_agency))
    for agency_id, complaints in by_agency.items():
        agency = agencies[agency_id]
        sent += _mail(
            "overdue",
            {
                "agency": agency,
                "complaints": complaints,
                "url": admin_url("complaints_desk"),
            },
            [agency.head_email, settings.COMPLAINTS_DISKOMINFO_EMAIL],
        )
    return sent


@task()
def erase_personal_data():
    from .services import erase_due_personal_data

    return erase_due_personal_data()
