"""Periodic jobs run by the task worker's own process, so there is no cron to remember.

`manage.py run_worker` starts django-tasks' db_worker and, every SCHEDULER_INTERVAL seconds,
calls tick(): Wagtail's publish_scheduled (scheduled posts go live, expired ones go offline)
and, when due, the daily jobs (the public-page scan, backups), which it enqueues as tasks for
the worker. A failing job is logged and the next tick runs as usual.
"""

import logging
from datetime import timedelta
from functools import partial
from io import StringIO

from django.conf import settings
from django.core.management import call_command
from django.utils import timezone

from .models import ScheduledJob

logger = logging.getLogger(__name__)


def publish_scheduled():
    """Publish pages whose go-live time has come; unpublish expired ones (Wagtail's command)."""
    call_command("publish_scheduled", stdout=StringIO())


def enqueue_scan():
    from .tasks import scan_public_pages_task

    scan_public_pages_task.enqueue()


def enqueue_backup():
    from .tasks import backup_task

    backup_task.enqueue()


def periodic_jobs():
    """(name, every, job): jobs run when `every` has passed since their last run."""
    jobs = []
    if settings.SCAN_PUBLIC_PAGES_EVERY_HOURS > 0:
        jobs.append(
            (
                "scan_public_pages",
                timedelta(hours=settings.SCAN_PUBLIC_PAGES_EVERY_HOURS),
                enqueue_scan,
            )
        )
    if settings.BACKUP_EVERY_HOURS > 0:
        jobs.append(("backup", timedelta(hours=settings.BACKUP_EVERY_HOURS), enqueue_backup))
    # Other apps' periodic commands (the complaint desk's daily reminders and erasure), named
    # in settings so that this app imports none of them.
    for command, hours in settings.SCHEDULED_COMMANDS:
        jobs.append((f"command:{command}", timedelta(hours=hours), partial(run_command, command)))
    return jobs


def run_command(name):
    call_command(name, stdout=StringIO())


def tick(*, now=None):
    """Run what is due now; return the names of the jobs that failed."""
    now = now or timezone.now()
    failed = []
    try:
        publish_scheduled()
    except Exception:
        logger.exception("Publishing scheduled pages failed; trying again at the next tick")
        failed.append("publish_scheduled")
    for name, every, job in periodic_jobs():
        try:
            last = ScheduledJob.objects.filter(name=name).values_list("last_run_at", flat=True)
            last = last.first()
            if last is not None and now - last < every:
                continue
            job()
            ScheduledJob.objects.update_or_create(name=name, defaults={"last_run_at": now})
        except Exception:
            logger.exception("Scheduled job %s failed; trying again at the next tick", name)
            failed.append(name)
    return failed
