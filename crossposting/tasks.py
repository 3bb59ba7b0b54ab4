"""Background tasks: the delivery worker, remote deletions and reconnection e-mails."""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from kim.roles import Role

logger = logging.getLogger(__name__)


@task()
def deliver_due():
    """Send every delivery that is due (publication, retries, claims left by a dead worker)."""
    from . import worker

    return worker.deliver_due()


@task()
def sweep():
    """Close task rows left RUNNING by a dead worker, wake a worker, and come back later."""
    from . import worker

    swept = worker.sweep()
    worker.schedule_follow_up()
    schedule_sweep()
    return swept


class WorkerDied(Exception):
    """The worker running this task was killed; the sweep closed its row."""


def _running_limit():
    from datetime import timedelta

    from .worker import lease_duration

    return timedelta(seconds=settings.CROSSPOSTING_WORKER_RUN_SECONDS) + lease_duration() * 2


def _db_backend(task_):
    from django_tasks_db import DatabaseBackend

    return isinstance(task_.get_backend(), DatabaseBackend)


def sweep_dead_task_rows(*, now=None):
    """Mark failed this app's task rows still RUNNING long after any live run would end."""
    if not _db_backend(deliver_due):
        return 0
    from django_tasks_db.models import DBTaskResult

    cutoff = (now or timezone.now()) - _running_limit()
    paths = [t.module_path for t in (deliver_due, delete_remote, sweep, notify_reconnect)]
    stale = DBTaskResult.objects.running().filter(task_path__in=paths, started_at__lt=cutoff)
    swept = 0
    for row in stale:
        row.set_failed(WorkerDied(f"No worker finished this task within {_running_limit()}."))
        swept += 1
    if swept:
        logger.warning("Closed %s cross-posting task rows left by a dead worker", swept)
    return swept


def schedule_sweep():
    """Keep one sweep queued, CROSSPOSTING_SWEEP_INTERVAL seconds ahead."""
    from datetime import timedelta

    if not _db_backend(sweep):
        return
    from django_tasks import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    if DBTaskResult.objects.filter(
        status=TaskResultStatus.READY, task_path=sweep.module_path
    ).exists():
        return
    when = timezone.now() + timedelta(seconds=settings.CROSSPOSTING_SWEEP_INTERVAL)
    sweep.using(run_after=when).enqueue()


def enqueue_worker(run_after=None):
    """Start the worker now, or at `run_after` where the task backend can defer."""
    if run_after is None:
        deliver_due.enqueue()
        return
    if not deliver_due.get_backend().supports_defer:
        # The immediate backend (tests) cannot wait: the next run picks the delivery up.
        return
    if _db_backend(deliver_due):
        from django_tasks import TaskResultStatus
        from django_tasks_db.models import DBTaskResult

        # One waiting run at or before that moment is enough: runs do not pile up.
        if DBTaskResult.objects.filter(
            status=TaskResultStatus.READY,
            task_path=deliver_due.module_path,
            run_after__lte=run_after,
        ).exists():
            return
    deliver_due.using(run_after=run_after).enqueue()


@task()
def delete_remote(delivery_ids):
    """Delete these deliveries' posts from their networks, where the API allows it."""
    from .clients import client_for
    from .clients.base import AuthError, DeliveryError
    from .models import Delivery, DeliveryStatus
    from .services import account_needs_reconnect

    deleted = 0
    for delivery in Delivery.objects.filter(pk__in=delivery_ids).select_related("account"):
        if not delivery.can_delete_remote:
            continue
        try:
            client_for(delivery.account).delete(delivery.remote_id)
        except DeliveryError as error:
            if isinstance(error, AuthError):
                account_needs_reconnect(account=delivery.account, reason=error.message)
            Delivery.objects.filter(pk=delivery.pk).update(
                last_error=_("Could not delete it from the network: %(error)s")
                % {"error": error.message}
            )
            continue
        Delivery.objects.filter(pk=delivery.pk).update(
            status=DeliveryStatus.DELETED, deleted_at=timezone.now(), last_error=""
        )
        deleted += 1
    return deleted


@task()
def notify_reconnect(account_id):
    """E-mail the people who manage an account that it must be reconnected."""
    from .models import SocialAccount

    account = SocialAccount.objects.select_related("group__admin_group").get(pk=account_id)
    people = Q(is_superuser=True) | Q(groups__name__in=[Role.EDITOR, Role.ADMINISTRATOR])
    if account.group_id and account.group.admin_group_id:
        people |= Q(groups=account.group.admin_group)
    recipients = sorted(
        set(
            get_user_model()
            .objects.filter(people, is_active=True)
            .exclude(email="")
            .values_list("email", flat=True)
        )
    )
    if not recipients:
        return 0
    link = settings.WAGTAILADMIN_BASE_URL + reverse("crossposting_account_edit", args=[account.pk])
    subject = _("Reconnect the social account %(account)s") % {"account": account}
    body = _(
        "The portal could not post to %(account)s of %(owner)s because the network refused "
        "its credentials:\n\n%(reason)s\n\nPosts for this account are waiting. Open the "
        "account, enter new credentials and save; the waiting posts are then sent:\n%(link)s\n"
    ) % {
        "account": account,
        "owner": account.owner_name,
        "reason": account.status_reason,
        "link": link,
    }
    return send_mail(subject, body, None, recipients)
