"""The periodic jobs, run by the task worker when the scheduler enqueues them."""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import translation
from django_tasks import task

from kim.roles import Role

from .scan import scan_site

logger = logging.getLogger(__name__)


def editors_emails():
    """Addresses of the people who can act on a defaced page: editors and administrators."""
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    users = users.filter(
        Q(is_superuser=True) | Q(groups__name__in=[Role.EDITOR.value, Role.ADMINISTRATOR.value])
    )
    return sorted(set(users.values_list("email", flat=True)))


@task()
def scan_public_pages_task():
    """Scan the public site at BASE_URL; e-mail the editors when it finds anything."""
    report = scan_site()
    if report.clean:
        logger.info("Public-page scan: %d pages, nothing found", len(report.pages))
        return 0
    recipients = editors_emails()
    logger.error(
        "Public-page scan: %d findings, %d pages not fetched; mailing %d editors",
        len(report.findings),
        len(report.errors),
        len(recipients),
    )
    if recipients:
        with translation.override(settings.LANGUAGE_CODE):
            context = {"report": report, "site_name": settings.WAGTAIL_SITE_NAME}
            subject = render_to_string("operations/email/scan_subject.txt", context)
            body = render_to_string("operations/email/scan.txt", context)
        send_mail(" ".join(subject.split()), body, settings.DEFAULT_FROM_EMAIL, recipients)
    return len(report.findings) + len(report.errors)


@task()
def backup_task():
    """Back up the database and media into BACKUP_DIR, keeping the BACKUP_KEEP newest."""
    from .backup import backup

    return str(backup())
