"""The delivery worker: claim due deliveries, call the network, record what happened.

Exactly once rests on three rules. A delivery is claimed by a conditional UPDATE (one
worker wins) and the claim is committed before the network is called, with a lease longer
than any request can last. The remote id is recorded as soon as the network answers (and
Instagram's container id between its two calls). A claim whose lease ran out, or a request
that timed out after it was sent, marks the delivery `uncertain`: before sending again the
worker looks for the post on the network where the API allows (Facebook, Instagram, X) and
records it instead of posting twice; where it does not (Telegram) it stops and asks a person.
"""

import logging
import random
import uuid
from datetime import timedelta

import requests
from django.conf import settings
from django.db import transaction
from django.db.models import Case, F, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import compose
from .clients import client_for
from .clients.base import AuthError, LookupUnsupported, Outgoing, UncertainError
from .crypto import CredentialsUnreadable
from .models import AttemptOutcome, Delivery, DeliveryAttempt, DeliveryStatus, ErrorKind

logger = logging.getLogger(__name__)

CLAIM_BATCH = 50
# Calls one delivery may make (Instagram: container, status, publish, permalink) plus margin.
CALLS_PER_DELIVERY = 5


def lease_duration():
    per_call = settings.CROSSPOSTING_CONNECT_TIMEOUT + settings.CROSSPOSTING_READ_TIMEOUT
    return timedelta(seconds=per_call * CALLS_PER_DELIVERY + 60)


def backoff(attempt, retry_after=None):
    """Seconds before the next attempt: exponential with jitter, or the network's own hint."""
    base = settings.CROSSPOSTING_RETRY_BASE_DELAY
    cap = settings.CROSSPOSTING_RETRY_MAX_DELAY
    delay = min(cap, base * 2 ** max(0, attempt - 1))
    delay = random.uniform(delay / 2, delay)  # noqa: S311 (jitter, not secrecy)
    if retry_after is not None:
        # The network's hint is a floor; a little jitter keeps workers from returning at once.
        delay = max(float(retry_after), 1.0) + random.uniform(0, min(base, 5))  # noqa: S311
    return max(1.0, delay)


def deliver_due(*, now=None, limit=None, session=None, scope=None):
    """Send every delivery that is due; return how many were attempted.

    `now` fixes the clock (tests); by default each claim reads the time. `scope` limits the
    run to some deliveries (the benchmark), and such a run leaves no follow-up task behind.
    """
    from .tasks import enqueue_worker

    session = session or requests.Session()
    deliveries = Delivery.objects.all() if scope is None else scope
    images = {}
    done = 0
    while limit is None or done < limit:
        moment = now or timezone.now()
        ids = list(
            deliveries.due(moment)
            .order_by("next_attempt_at", "pk")
            .values_list("pk", flat=True)[:CLAIM_BATCH]
        )
        claimed_any = False
        for pk in ids:
            if limit is not None and done >= limit:
                break
            token = claim(pk, now or timezone.now())
            if token is None:
                continue
            if not claimed_any and scope is None:
                # If this worker dies holding claims, a later run takes them over.
                enqueue_worker(
                    run_after=(now or timezone.now()) + lease_duration() + timedelta(seconds=1)
                )
            claimed_any = True
            attempt(pk, token, now=now, session=session, images=images)
            done += 1
        if not claimed_any:
            break
    return done


def claim(pk, now):
    """Take a due delivery for this worker; None when another worker has it."""
    token = uuid.uuid4()
    claimed = (
        Delivery.objects.filter(pk=pk)
        .due(now)
        .update(
            status=DeliveryStatus.SENDING,
            claim_token=token,
            lease_until=now + lease_duration(),
            attempts=F("attempts") + 1,
            # A claim taken over from a dead worker may already have reached the network.
            uncertain=Case(When(status=DeliveryStatus.SENDING, then=True), default=F("uncertain")),
        )
    )
    return token if claimed else None


def outgoing_for(delivery, *, images=None):
    """What to send; `images` caches each post's rendition for the length of a worker run."""
    known = frozenset()
    if delivery.uncertain or delivery.container_id:
        # Only a lookup needs them: remote posts recorded for this post's earlier rounds.
        known = frozenset(
            Delivery.objects.filter(post_id=delivery.post_id, account_id=delivery.account_id)
            .exclude(pk=delivery.pk)
            .exclude(remote_id="")
            .values_list("remote_id", flat=True)
        )
    images = {} if images is None else images
    key = delivery.post.hero_image_id
    if key not in images:
        images[key] = compose.post_image(delivery.post)
    return Outgoing(
        text=delivery.text, link=delivery.link, image=images[key], known_remote_ids=known
    )


def attempt(pk, token, *, now=None, session=None, images=None):
    delivery = Delivery.objects.select_related("account", "post__hero_image").get(pk=pk)
    started_at = now or timezone.now()
    mine = Delivery.objects.filter(pk=pk, claim_token=token)

    def finish(outcome, error=""):
        DeliveryAttempt.objects.create(
            delivery=delivery,
            number=delivery.attempts,
            started_at=started_at,
            finished_at=now or timezone.now(),
            outcome=outcome,
            error=error[:2000],
        )

    try:
        client = client_for(delivery.account, session=session)
        outgoing = outgoing_for(delivery, images=images)
        if delivery.uncertain:
            try:
                found = client.find_existing(outgoing)
            except LookupUnsupported:
                message = str(UNCERTAIN_MESSAGE)
                _fail(mine, ErrorKind.UNCERTAIN, message)
                finish(AttemptOutcome.FAILED, message)
                return
            if found:
                with transaction.atomic():
                    _record_sent(mine, found, now)
                    finish(AttemptOutcome.FOUND)
                return
        remote = client.publish(
            outgoing,
            container_id=delivery.container_id,
            save_progress=lambda **fields: mine.update(**fields),
        )
    except AuthError as error:
        _fail(mine, ErrorKind.AUTH, error.message)
        _account_needs_reconnect(delivery.account, error.message)
        finish(AttemptOutcome.FAILED, error.message)
    except CredentialsUnreadable:
        message = str(_("The stored credentials cannot be read with the current encryption key."))
        _fail(mine, ErrorKind.AUTH, message)
        _account_needs_reconnect(delivery.account, message)
        finish(AttemptOutcome.FAILED, message)
    except UncertainError as error:
        if not client.supports_lookup:
            message = f"{error.message} {UNCERTAIN_MESSAGE}"
            _fail(mine, ErrorKind.UNCERTAIN, message)
            finish(AttemptOutcome.FAILED, message)
        else:
            finish(
                _retry_or_give_up(mine, delivery, error, ErrorKind.UNCERTAIN, now=now),
                error.message,
            )
    except Exception as error:  # noqa: BLE001 (every failure is recorded on the delivery)
        kind = _error_kind(error)
        message = getattr(error, "message", None) or repr(error)
        if kind in (ErrorKind.TRANSIENT, ErrorKind.RATE_LIMITED):
            finish(_retry_or_give_up(mine, delivery, error, kind, now=now), message)
        else:
            if not hasattr(error, "retry"):
                logger.exception("Delivery %s failed unexpectedly", pk)
            _fail(mine, ErrorKind.PERMANENT, message)
            finish(AttemptOutcome.FAILED, message)
    else:
        with transaction.atomic():
            _record_sent(mine, remote, now)
            finish(AttemptOutcome.SENT)


UNCERTAIN_MESSAGE = _(
    "The network may have posted it, and its API cannot tell: look at the account, then "
    "press Retry to send it, or Mark as sent."
)


def _error_kind(error):
    from .clients.base import RateLimited, TransientError

    if isinstance(error, RateLimited):
        return ErrorKind.RATE_LIMITED
    if isinstance(error, TransientError):
        return ErrorKind.TRANSIENT
    return ErrorKind.PERMANENT


def _record_sent(mine, remote, now):
    updated = mine.update(
        status=DeliveryStatus.SENT,
        remote_id=remote.id,
        remote_url=remote.url or "",
        sent_at=now or timezone.now(),
        lease_until=None,
        claim_token=None,
        uncertain=False,
        error_kind=ErrorKind.NONE,
        last_error="",
        next_attempt_at=None,
    )
    if not updated:
        logger.error("Delivery sent as %s after its claim was taken over", remote.id)


def _fail(mine, kind, message):
    mine.update(
        status=DeliveryStatus.FAILED,
        error_kind=kind,
        last_error=message[:2000],
        lease_until=None,
        claim_token=None,
        next_attempt_at=None,
    )


def _retry_or_give_up(mine, delivery, error, kind, *, now=None):
    from .tasks import enqueue_worker

    if delivery.attempts >= settings.CROSSPOSTING_MAX_ATTEMPTS:
        mine.update(
            status=DeliveryStatus.DEAD,
            error_kind=kind,
            last_error=error.message[:2000],
            lease_until=None,
            claim_token=None,
            next_attempt_at=None,
            uncertain=delivery.uncertain or error.uncertain,
        )
        return AttemptOutcome.DEAD
    when = (now or timezone.now()) + timedelta(
        seconds=backoff(delivery.attempts, getattr(error, "retry_after", None))
    )
    mine.update(
        status=DeliveryStatus.QUEUED,
        error_kind=kind,
        last_error=error.message[:2000],
        lease_until=None,
        claim_token=None,
        next_attempt_at=when,
        uncertain=delivery.uncertain or error.uncertain,
    )
    enqueue_worker(run_after=when)
    return AttemptOutcome.RETRY


def _account_needs_reconnect(account, reason):
    from .services import account_needs_reconnect

    account_needs_reconnect(account=account, reason=reason)
