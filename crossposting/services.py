"""Writes: plans, deliveries, retries, account state and manual shares."""

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from . import compose
from .models import (
    MANUAL_NETWORKS,
    RETRYABLE,
    AccountStatus,
    CrossPostPlan,
    Delivery,
    DeliveryStatus,
    ErrorKind,
    ManualShare,
    SocialAccount,
)
from .permissions import selectable_accounts


def plan_for(post):
    return CrossPostPlan.objects.filter(post=post).first() or CrossPostPlan(post=post)


def text_for(post, network, *, plan=None):
    plan = plan or plan_for(post)
    return plan.texts.get(network) or compose.default_text(network, post)


@transaction.atomic
def plan_save(*, post, user, accounts, texts):
    """Store the user's choice of accounts and texts; other people's choices stay as they were."""
    plan, _ = CrossPostPlan.objects.select_for_update().get_or_create(post=post)
    mine = selectable_accounts(user, post)
    kept = list(plan.accounts.exclude(pk__in=mine.values("pk")))
    plan.accounts.set(kept + list(accounts))
    plan.texts = {**plan.texts, **texts}
    plan.updated_by = user
    plan.save()
    return plan


@transaction.atomic
def deliveries_create(*, post, accounts, created_by=None, again=False):
    """Write one delivery per account (a new round when `again`) and start the worker on commit.

    Without `again`, an account that already has a delivery for this post is skipped, so
    publishing twice, or a signal sent twice, never queues a second post.
    """
    from .tasks import enqueue_worker

    plan = plan_for(post)
    link = compose.post_link(post)
    rounds = dict(
        Delivery.objects.filter(post=post)
        .values("account")
        .annotate(last=Max("round"))
        .values_list("account", "last")
    )
    created = []
    for account in accounts:
        if account.network in MANUAL_NETWORKS or not account.enabled:
            continue
        last = rounds.get(account.pk, 0)
        if last and not again:
            continue
        delivery = Delivery(
            post=post,
            account=account,
            round=last + 1,
            link=link,
            text=text_for(post, account.network, plan=plan),
            created_by=created_by,
        )
        if account.dry_run:
            delivery.status, delivery.next_attempt_at = DeliveryStatus.DRY_RUN, None
        elif account.needs_reconnect:
            delivery.status, delivery.next_attempt_at = DeliveryStatus.FAILED, None
            delivery.error_kind = ErrorKind.AUTH
            delivery.last_error = account.status_reason or str(AccountStatus.NEEDS_RECONNECT.label)
        delivery.save()
        created.append(delivery)
    if any(d.status == DeliveryStatus.QUEUED for d in created):
        transaction.on_commit(enqueue_worker)
    return created


def deliveries_for_first_publication(*, post):
    """Queue the post for every chosen, enabled account: called when it first goes live."""
    plan = CrossPostPlan.objects.filter(post=post).first()
    if plan is None:
        return []
    accounts = plan.accounts.automatic().enabled().order_by("pk")
    return deliveries_create(post=post, accounts=accounts, created_by=plan.updated_by)


@transaction.atomic
def delivery_retry(*, delivery):
    """Queue a failed, dead-lettered or uncertain delivery again, from a first attempt.

    An uncertain delivery on a network that can list posts looks for its copy again before
    sending. Where the network cannot (Telegram), the person pressing Retry has looked at the
    channel and found nothing, so the worker sends.
    """
    from .clients import client_class
    from .tasks import enqueue_worker

    fields = {
        "status": DeliveryStatus.QUEUED,
        "attempts": 0,
        "next_attempt_at": timezone.now(),
        "error_kind": ErrorKind.NONE,
        "last_error": "",
    }
    look_first = (
        delivery.status == DeliveryStatus.UNCERTAIN
        and client_class(delivery.account.network).supports_lookup
    )
    if not look_first:
        fields.update(uncertain=False, uncertain_since=None)
    updated = Delivery.objects.filter(pk=delivery.pk, status__in=RETRYABLE).update(**fields)
    if updated:
        transaction.on_commit(enqueue_worker)
    return bool(updated)


def delivery_mark_sent(*, delivery, remote_id="", remote_url=""):
    """Record a copy a person found on the network, with what is needed to delete it later."""
    return Delivery.objects.filter(pk=delivery.pk, status__in=RETRYABLE).update(
        status=DeliveryStatus.SENT,
        remote_id=remote_id[:120],
        remote_url=remote_url[:500],
        sent_at=timezone.now(),
        error_kind=ErrorKind.NONE,
        last_error="",
        uncertain=False,
        marked_by_hand=True,
        next_attempt_at=None,
    )


def deliveries_resume(*, post):
    """Queue again what unpublishing cancelled, now that the post is live again."""
    from .tasks import enqueue_worker

    resumed = (
        Delivery.objects.for_post(post)
        .filter(status=DeliveryStatus.CANCELLED, remote_id="")
        .update(
            status=DeliveryStatus.QUEUED,
            attempts=0,
            next_attempt_at=timezone.now(),
            last_error="",
            uncertain=False,
            uncertain_since=None,
        )
    )
    if resumed:
        transaction.on_commit(enqueue_worker)
    return resumed


def deliveries_cancel_for_unpublished(*, post):
    """Cancel what has not reached the network; what may have stays listed for deletion."""
    return (
        Delivery.objects.for_post(post)
        .waiting()
        .update(
            status=DeliveryStatus.CANCELLED,
            next_attempt_at=None,
            error_kind=ErrorKind.NONE,
            last_error="",
        )
    )


def deliveries_delete_remote(*, deliveries):
    """Ask the worker to delete these posts from their networks; return those it will try."""
    from .tasks import delete_remote

    chosen = [d.pk for d in deliveries if d.can_delete_remote]
    if chosen:
        transaction.on_commit(lambda: delete_remote.enqueue(chosen))
    return chosen


@transaction.atomic
def account_needs_reconnect(*, account, reason):
    from .tasks import notify_reconnect

    updated = (
        SocialAccount.objects.filter(pk=account.pk)
        .exclude(status=AccountStatus.NEEDS_RECONNECT)
        .update(
            status=AccountStatus.NEEDS_RECONNECT,
            status_reason=reason[:500],
            status_changed_at=timezone.now(),
        )
    )
    if updated:
        transaction.on_commit(lambda: notify_reconnect.enqueue(account.pk))
    return bool(updated)


@transaction.atomic
def account_save(*, account, credentials=None):
    """Save an account; new credentials reconnect it and requeue what failed for want of them."""
    from .tasks import enqueue_worker

    reconnected = False
    if credentials:
        account.set_credentials(credentials)
        if account.status != AccountStatus.CONNECTED:
            account.status = AccountStatus.CONNECTED
            account.status_reason = ""
            account.status_changed_at = timezone.now()
            reconnected = True
    account.save()
    if reconnected:
        requeued = Delivery.objects.filter(
            account=account,
            status__in=[DeliveryStatus.FAILED, DeliveryStatus.UNCERTAIN],
            error_kind=ErrorKind.AUTH,
        ).update(
            status=DeliveryStatus.QUEUED,
            attempts=0,
            next_attempt_at=timezone.now(),
            error_kind=ErrorKind.NONE,
            last_error="",
        )
        if requeued:
            transaction.on_commit(enqueue_worker)
    return account


def manual_share_record(*, post, account, user):
    return ManualShare.objects.create(post=post, account=account, shared_by=user)
