"""The delivery worker: claim due deliveries, call the networks, record what happened.

Exactly once rests on these rules.

- A delivery is claimed by a conditional UPDATE (one worker wins), committed before the
  network is called, with a lease longer than any request can last. A lease that ran out
  means the worker died: any worker claims the delivery again, whatever its place in the
  queue, and treats it as uncertain.
- Every delivery posts its own marker: the post's address with `?kim=<token>`. After an
  unknown outcome (no answer, a dropped connection, a worker that died) the delivery waits
  until the lost request can no longer land (the read timeout and a margin after it failed;
  the worker never sleeps for it, it schedules the look-up), then reads the account's posts
  back to the attempt's start, page after page, and records the copy carrying its marker
  instead of posting again. Only a clean "not there" lets it send again.
- When the evidence stays unclear (the network cannot list posts, as Telegram's Bot API, or
  the look-up itself keeps failing) the delivery becomes "uncertain" and a person decides
  with the network's page open; it is never recorded as failed or rejected.
- Before each attempt the worker reads the post again: a post no longer live, in a workshop
  sandbox or behind view restrictions is not sent, and its delivery is cancelled.

Requests run concurrently in a thread pool; every database read and write stays in the
worker's own thread on its one connection (pool threads hand theirs over), and no
transaction is open while a request is in flight, on SQLite as on PostgreSQL. The outcomes
of jobs that finish together are recorded in one short transaction. Per-account and
per-network rate limits (settings) bound how fast one worker process posts.
"""

import logging
import queue
import random
import threading
import time
import uuid
from collections import defaultdict, deque
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import timedelta

import requests
from django.conf import settings
from django.db import transaction
from django.db.models import Case, F, Q, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import compose
from .clients import client_class, client_for
from .clients.base import (
    AuthError,
    DeliveryError,
    DuplicateContent,
    LookupIncomplete,
    LookupUnsupported,
    Outgoing,
    RateLimited,
    RemotePost,
    TransientError,
    UncertainError,
)
from .crypto import CredentialsUnreadable
from .models import AttemptOutcome, Delivery, DeliveryAttempt, DeliveryStatus, ErrorKind

logger = logging.getLogger(__name__)

__all__ = ["RemotePost", "WorkerRun", "deliver_due", "sweep"]

# Calls one delivery may make (Instagram: container, status, publish, permalink) plus margin.
CALLS_PER_DELIVERY = 5


def lease_duration():
    if settings.CROSSPOSTING_LEASE_SECONDS:
        return timedelta(seconds=settings.CROSSPOSTING_LEASE_SECONDS)
    per_call = settings.CROSSPOSTING_CONNECT_TIMEOUT + settings.CROSSPOSTING_READ_TIMEOUT
    return timedelta(seconds=per_call * CALLS_PER_DELIVERY + 60)


def lookup_delay():
    """How long after a request failed it can no longer land on the network."""
    return timedelta(
        seconds=settings.CROSSPOSTING_CONNECT_TIMEOUT
        + settings.CROSSPOSTING_READ_TIMEOUT
        + settings.CROSSPOSTING_LOOKUP_MARGIN
    )


def backoff(attempt, retry_after=None):
    """Seconds before the next attempt: exponential with jitter, or the network's own hint."""
    base = settings.CROSSPOSTING_RETRY_BASE_DELAY
    cap = settings.CROSSPOSTING_RETRY_MAX_DELAY
    delay = min(cap, base * 2 ** max(0, attempt - 1))
    delay = random.uniform(delay / 2, delay)  # noqa: S311 (jitter, not secrecy)
    if retry_after is not None:
        # The network's hint is a floor; a little jitter keeps workers from returning at once.
        delay = max(float(retry_after), min(1.0, base)) + random.uniform(0, min(base, 5))  # noqa: S311
    return max(min(1.0, base), delay)


class RateLimiter:
    """Sliding windows: at most N deliveries per account a minute and per network a second."""

    def __init__(self, *, per_account=None, per_network=None):
        self.limits = {
            "account": (per_account or settings.CROSSPOSTING_ACCOUNT_POSTS_PER_MINUTE, 60.0),
            "network": (per_network or settings.CROSSPOSTING_NETWORK_POSTS_PER_SECOND, 1.0),
        }
        self.sent = defaultdict(deque)

    def _window(self, kind, key, now):
        limit, seconds = self.limits[kind]
        window = self.sent[(kind, key)]
        while window and window[0] <= now - seconds:
            window.popleft()
        return window, limit

    def allows(self, account_id, network, now):
        return all(
            len(window) < limit
            for window, limit in (
                self._window("account", account_id, now),
                self._window("network", network, now),
            )
        )

    def take(self, account_id, network, now):
        self.sent[("account", account_id)].append(now)
        self.sent[("network", network)].append(now)

    def full(self, kind, now):
        return {
            key
            for (k, key) in list(self.sent)
            if k == kind and len(self._window(k, key, now)[0]) >= self.limits[k][0]
        }

    def next_free(self, now):
        """Seconds until a full window frees a place (0 when none is full)."""
        waits = []
        for (kind, key), window in self.sent.items():
            limit, seconds = self.limits[kind]
            self._window(kind, key, now)
            if len(window) >= limit:
                waits.append(window[0] + seconds - now)
        return max(0.0, min(waits)) if waits else 0.0


@dataclass
class Job:
    delivery: Delivery
    token: uuid.UUID
    outgoing: Outgoing
    started_at: object
    lookup_only: bool = False


@dataclass
class Result:
    kind: str  # sent, found, not_found, uncertain, error
    remote: object = None
    error: BaseException | None = None
    message: str = ""
    looked: bool = False
    extra: dict = field(default_factory=dict)


class Inbox:
    """What pool threads hand to the worker's thread: finished jobs and database work.

    A thread about to send its first request asks for `request_started_at` to be recorded
    and waits; the worker's thread records all such marks waiting at once in one UPDATE.
    """

    def __init__(self):
        self.items = queue.Queue()

    def started(self, pk, timeout=60):
        done = threading.Event()
        self.items.put(("started", pk, done))
        if not done.wait(timeout):
            raise TransientError("The worker did not record the start in time.")

    def call(self, function, timeout=60):
        done, box = threading.Event(), {}
        self.items.put(("call", (function, box), done))
        if not done.wait(timeout):
            raise TransientError("The worker did not record progress in time.")
        if "error" in box:
            raise box["error"]
        return box.get("value")

    def finished(self, future, job):
        self.items.put(("finished", (future, job), None))

    def take(self, timeout):
        """Everything waiting (at least one item unless `timeout` runs out)."""
        items = []
        try:
            items.append(self.items.get(timeout=timeout))
            while True:
                items.append(self.items.get_nowait())
        except queue.Empty:
            pass
        return items


def deliver_due(*, now=None, limit=None, session=None, scope=None, threads=None, limiter=None):
    """Send every delivery that is due; return how many were attempted.

    `now` fixes the clock (tests); `scope` limits the run to some deliveries (the benchmark);
    `session` makes every request go through one requests session (tests). A run stops
    claiming after CROSSPOSTING_WORKER_RUN_SECONDS and leaves a follow-up task for the rest.
    """
    if scope is None:
        sweep(now=now)
    run = WorkerRun(
        now=now,
        session=session,
        scope=scope,
        threads=threads or settings.CROSSPOSTING_WORKER_THREADS,
        limiter=limiter or RateLimiter(),
    )
    done = run.run(limit=limit)
    if scope is None:
        schedule_follow_up(now=now)
    return done


class WorkerRun:
    def __init__(self, *, now, session, scope, threads, limiter):
        self.fixed_now = now
        self.shared_session = session
        self.scope = Delivery.objects.all() if scope is None else scope
        self.threads = max(1, threads)
        self.limiter = limiter
        self.inbox = Inbox()
        self.local = threading.local()
        self.images = {}
        self.inflight = {}

    def now(self):
        return self.fixed_now or timezone.now()

    def session(self):
        if self.shared_session is not None:
            return self.shared_session
        if not hasattr(self.local, "session"):
            self.local.session = requests.Session()
        return self.local.session

    def run(self, *, limit=None):
        deadline = time.monotonic() + settings.CROSSPOSTING_WORKER_RUN_SECONDS
        claimed = 0
        look = True  # whether due deliveries may be waiting: at the start and after each finish
        pool = ThreadPoolExecutor(self.threads, thread_name_prefix="crosspost")
        try:
            while True:
                room = self.threads * 2 - len(self.inflight)
                if limit is not None:
                    room = min(room, limit - claimed)
                if look and room > 0 and time.monotonic() < deadline:
                    jobs, count = self.claim_batch(room)
                    claimed += count
                    look = count > 0
                    for job in jobs:
                        future = pool.submit(self.perform, job)
                        self.inflight[future] = job
                        future.add_done_callback(lambda f, job=job: self.inbox.finished(f, job))
                if not self.inflight:
                    if look and (limit is None or claimed < limit):
                        continue
                    wait_for = 0 if limit is not None else self.blocked_wait()
                    if not wait_for or time.monotonic() >= deadline:
                        break
                    time.sleep(min(wait_for, 1.0))
                    look = True
                    continue
                if self.handle(self.inbox.take(timeout=1.0)):
                    look = True
        finally:
            while self.inflight:
                try:
                    self.handle(self.inbox.take(timeout=0.5))
                except Exception:  # noqa: BLE001 (the lease lets another run take it)
                    logger.exception("Could not record a delivery")
            pool.shutdown(wait=True)
        return claimed

    def handle(self, items):
        """Record marks, calls and finished jobs from the pool; True if a job finished.

        Start marks and progress are committed before the waiting thread goes on. The
        outcomes of the jobs that finished together are written in one short transaction
        (no network call inside it): on SQLite one sync instead of one per delivery. Should
        it fail, those deliveries keep their claims, and the takeover after the lease looks
        for their copies; outcomes no look-up could find again are committed one by one.
        """
        starts = [(pk, done) for kind, pk, done in items if kind == "started"]
        if starts:
            Delivery.objects.filter(pk__in=[pk for pk, _done in starts]).update(
                request_started_at=timezone.now()
            )
            for _pk, done in starts:
                done.set()
        for kind, payload, done in items:
            if kind == "call":
                function, box = payload
                try:
                    box["value"] = function()
                except Exception as error:  # noqa: BLE001 (handed back to the waiting thread)
                    box["error"] = error
                finally:
                    done.set()
        finished = [
            payload
            for kind, payload, _done in items
            if kind == "finished" and self.inflight.pop(payload[0], None) is not None
        ]
        if not finished:
            return False
        # What no look-up can recover (Telegram) is committed delivery by delivery, first.
        batch = []
        for future, job in finished:
            if client_class(job.delivery.account.network).supports_lookup:
                batch.append((future, job))
            else:
                self.record(job, future.result())
        if batch:
            _attempt_log.pending = []
            try:
                with transaction.atomic():
                    for future, job in batch:
                        self.record(job, future.result())
                    DeliveryAttempt.objects.bulk_create(_attempt_log.pending)
            finally:
                _attempt_log.pending = None
        return True

    def blocked_wait(self):
        """Seconds to wait when due deliveries are held back only by the rate limits."""
        now = self.now()
        if not self.scope.due(now).exists():
            return 0
        return self.limiter.next_free(time.monotonic()) or 0

    # Claiming -----------------------------------------------------------------------------
    def claim_batch(self, room):
        now = self.now()
        clock = time.monotonic()
        # Never this run's own deliveries in flight, even past their lease.
        own = [job.delivery.pk for job in self.inflight.values()]
        candidates = (
            self.scope.due(now)
            .exclude(pk__in=own)
            .exclude(account_id__in=self.limiter.full("account", clock))
            .exclude(account__network__in=self.limiter.full("network", clock))
            .order_by("next_attempt_at", "pk")
            .values_list("pk", "account_id", "account__network")[: room * 4]
        )
        chosen, checkable = [], []
        for pk, account_id, network in candidates:
            if len(chosen) >= room:
                break
            if self.limiter.allows(account_id, network, clock):
                self.limiter.take(account_id, network, clock)
                chosen.append(pk)
                if client_class(network).supports_lookup:
                    checkable.append(pk)
        if not chosen:
            return [], 0
        token = uuid.uuid4()
        lease_until = now + lease_duration()
        # A claim taken over from a dead worker may already have reached the network, if
        # that worker had begun its request.
        taken_over = Q(status=DeliveryStatus.SENDING, request_started_at__isnull=False)
        Delivery.objects.filter(pk__in=chosen).due(now).update(
            status=DeliveryStatus.SENDING,
            claim_token=token,
            lease_until=lease_until,
            next_attempt_at=lease_until,
            attempts=F("attempts") + 1,
            uncertain=Case(When(taken_over, then=True), default=F("uncertain")),
            uncertain_since=Case(
                When(taken_over, then=Coalesce(F("uncertain_since"), F("request_started_at"))),
                default=F("uncertain_since"),
            ),
            claimed_at=now,
            # Where a look-up can settle a takeover, the claim counts as started (it costs a
            # look-up); elsewhere (Telegram) the thread records the moment it starts.
            request_started_at=Case(When(pk__in=checkable, then=Value(now)), default=None),
        )
        deliveries = list(
            Delivery.objects.filter(claim_token=token).select_related("account", "post__hero_image")
        )
        live = live_post_ids({d.post_id for d in deliveries})
        jobs = []
        for delivery in deliveries:
            mine = Delivery.objects.filter(pk=delivery.pk, claim_token=token)
            if delivery.post_id not in live and not delivery.uncertain:
                cancel(mine, delivery, now=now)
                continue
            try:
                outgoing = outgoing_for(delivery, images=self.images)
            except Exception as error:  # noqa: BLE001 (a broken photo must not stop the run)
                logger.exception("Could not prepare delivery %s", delivery.pk)
                _finish(mine, delivery, now, AttemptOutcome.FAILED, repr(error))
                _fail(mine, ErrorKind.PERMANENT, repr(error))
                continue
            jobs.append(
                Job(
                    delivery=delivery,
                    token=token,
                    outgoing=outgoing,
                    started_at=now,
                    lookup_only=delivery.post_id not in live,
                )
            )
        return jobs, len(deliveries)

    # In a pool thread: network only ------------------------------------------------------
    def perform(self, job):
        delivery = job.delivery
        looked = False
        mine = Delivery.objects.filter(pk=delivery.pk, claim_token=job.token)

        try:
            client = client_for(delivery.account, session=self.session())
            if not client.supports_lookup:
                # Recorded before the first request leaves, so a takeover knows it may have.
                self.inbox.started(delivery.pk)
            if delivery.uncertain:
                looked = True
                try:
                    found = client.find_existing(job.outgoing, since=delivery.uncertain_since)
                except LookupUnsupported:
                    return Result("uncertain", message=str(UNCERTAIN_MESSAGE), looked=True)
                except LookupIncomplete as error:
                    return Result("uncertain", message=error.message, looked=True)
                except DeliveryError as error:
                    return Result("lookup_failed", error=error, looked=True)
                if found:
                    return Result("found", remote=found, looked=True)
                if job.lookup_only or delivery.attempts > settings.CROSSPOSTING_MAX_ATTEMPTS:
                    return Result("not_found", looked=True)
            remote = client.publish(
                job.outgoing,
                container_id=delivery.container_id,
                since=delivery.uncertain_since or job.started_at,
                save_progress=lambda **fields: self.inbox.call(lambda: mine.update(**fields)),
            )
        except LookupIncomplete as error:
            return Result("uncertain", message=error.message, looked=looked)
        except Exception as error:  # noqa: BLE001 (every failure is recorded on the delivery)
            return Result("error", error=error, looked=looked)
        return Result("sent", remote=remote, looked=looked)

    # Back in the worker's thread: record ---------------------------------------------------
    def record(self, job, result):
        delivery = job.delivery
        mine = Delivery.objects.filter(pk=delivery.pk, claim_token=job.token)
        now = self.now()
        if result.kind in ("sent", "found"):
            # One UPDATE: the delivery's own transaction.
            _record_sent(mine, result.remote, now)
            outcome = AttemptOutcome.SENT if result.kind == "sent" else AttemptOutcome.FOUND
            _finish(mine, delivery, job.started_at, outcome, finished_at=now)
            return
        if result.kind == "not_found":
            if job.lookup_only:
                cancel(mine, delivery, now=now, message=str(NOT_FOUND_CANCELLED))
            else:
                message = str(NOT_FOUND_GAVE_UP)
                _finish(mine, delivery, job.started_at, AttemptOutcome.DEAD, message, now)
                _give_up(mine, ErrorKind.TRANSIENT, message, uncertain=False)
            return
        if result.kind == "uncertain":
            _needs_a_person(mine, delivery, job, result.message, now)
            return
        if result.kind == "lookup_failed":
            error = result.error
            message = str(LOOKUP_FAILED) % {"error": error.message}
            if isinstance(error, AuthError):
                _account_needs_reconnect(delivery.account, error.message)
            if (
                isinstance(error, TransientError)
                and delivery.attempts < settings.CROSSPOSTING_MAX_ATTEMPTS
            ):
                _finish(mine, delivery, job.started_at, AttemptOutcome.RETRY, message, now)
                _requeue(
                    mine,
                    now + _seconds(backoff(delivery.attempts, error.retry_after)),
                    ErrorKind.UNCERTAIN,
                    message,
                )
            else:
                kind = ErrorKind.AUTH if isinstance(error, AuthError) else ErrorKind.UNCERTAIN
                _needs_a_person(mine, delivery, job, message, now, kind=kind)
            return
        self.record_error(job, result.error, mine, now)

    def record_error(self, job, error, mine, now):
        delivery = job.delivery
        message = getattr(error, "message", None) or repr(error)
        since = delivery.uncertain_since or job.started_at
        if isinstance(error, UncertainError) or not isinstance(
            error, DeliveryError | CredentialsUnreadable
        ):
            # No answer, or an answer we could not read: the post may be there. Look once
            # the lost request can no longer land.
            if not isinstance(error, UncertainError):
                logger.exception("Delivery %s: unexpected error", delivery.pk, exc_info=error)
            _finish(mine, delivery, job.started_at, AttemptOutcome.RETRY, message, now)
            _requeue(mine, now + lookup_delay(), ErrorKind.UNCERTAIN, message, since=since)
            return
        if isinstance(error, DuplicateContent):
            if job.delivery.uncertain:
                # We looked and did not find ours, yet the network has this text.
                _needs_a_person(mine, delivery, job, message, now)
                return
            _finish(mine, delivery, job.started_at, AttemptOutcome.RETRY, message, now)
            _requeue(mine, now, ErrorKind.UNCERTAIN, message, since=since)
            return
        if isinstance(error, CredentialsUnreadable):
            message = str(
                _("The stored credentials cannot be read with the current encryption key.")
            )
        if isinstance(error, AuthError | CredentialsUnreadable):
            _finish(mine, delivery, job.started_at, AttemptOutcome.FAILED, message, now)
            _fail(mine, ErrorKind.AUTH, message)
            _account_needs_reconnect(delivery.account, message)
            return
        if isinstance(error, TransientError):
            kind = ErrorKind.RATE_LIMITED if isinstance(error, RateLimited) else ErrorKind.TRANSIENT
            if delivery.attempts >= settings.CROSSPOSTING_MAX_ATTEMPTS:
                _finish(mine, delivery, job.started_at, AttemptOutcome.DEAD, message, now)
                _give_up(mine, kind, message, uncertain=False)
                return
            _finish(mine, delivery, job.started_at, AttemptOutcome.RETRY, message, now)
            _requeue(
                mine, now + _seconds(backoff(delivery.attempts, error.retry_after)), kind, message
            )
            return
        _finish(mine, delivery, job.started_at, AttemptOutcome.FAILED, message, now)
        _fail(mine, ErrorKind.PERMANENT, message)


UNCERTAIN_MESSAGE = _(
    "The network may have posted it, and its API cannot tell: look at the account, then "
    "press Retry to send it, or Mark as sent."
)
LOOKUP_FAILED = _("Could not check the network for an earlier copy: %(error)s")
NOT_FOUND_GAVE_UP = _("Not on the network, and no attempts are left.")
NOT_FOUND_CANCELLED = _("The post is no longer public, and the network has no copy of it.")
CANCELLED_MESSAGE = _("Not sent: the post is no longer public.")


def live_post_ids(post_ids):
    """The posts among these that the public may read right now."""
    from kim.models import PostPage

    return set(PostPage.objects.filter(pk__in=post_ids).published().values_list("pk", flat=True))


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
        text=delivery.marked_text,
        link=delivery.marked_link,
        image=images[key],
        known_remote_ids=known,
        marker=delivery.marker,
    )


def cancel(mine, delivery, *, now, message=None):
    message = str(message or CANCELLED_MESSAGE)
    _finish(mine, delivery, now, AttemptOutcome.CANCELLED, message, now)
    mine.update(
        status=DeliveryStatus.CANCELLED,
        error_kind=ErrorKind.NONE,
        last_error=message,
        lease_until=None,
        claim_token=None,
        next_attempt_at=None,
        uncertain=False,
    )


def _seconds(value):
    return timedelta(seconds=value)


# While a worker run records a batch of finished jobs, their attempt lines are collected and
# written in one INSERT: the log is history, and one round trip per delivery is the budget.
_attempt_log = threading.local()


def _finish(mine, delivery, started_at, outcome, error="", finished_at=None):
    line = DeliveryAttempt(
        delivery=delivery,
        number=delivery.attempts,
        started_at=started_at,
        finished_at=finished_at or timezone.now(),
        outcome=outcome,
        error=error[:2000],
    )
    pending = getattr(_attempt_log, "pending", None)
    if pending is None:
        line.save()
    else:
        pending.append(line)


def _record_sent(mine, remote, now):
    updated = mine.update(
        status=DeliveryStatus.SENT,
        remote_id=remote.id,
        remote_url=remote.url or "",
        sent_at=now,
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


def _give_up(mine, kind, message, *, uncertain):
    mine.update(
        status=DeliveryStatus.DEAD,
        error_kind=kind,
        last_error=message[:2000],
        lease_until=None,
        claim_token=None,
        next_attempt_at=None,
        uncertain=uncertain,
    )


def _needs_a_person(mine, delivery, job, message, now, *, kind=ErrorKind.UNCERTAIN):
    _finish(mine, delivery, job.started_at, AttemptOutcome.UNCERTAIN, message, now)
    mine.update(
        status=DeliveryStatus.UNCERTAIN,
        error_kind=kind,
        last_error=message[:2000],
        lease_until=None,
        claim_token=None,
        next_attempt_at=None,
        uncertain=True,
        uncertain_since=Coalesce(F("uncertain_since"), F("request_started_at"), F("claimed_at")),
    )


def _requeue(mine, when, kind, message, *, since=None):
    fields = {
        "status": DeliveryStatus.QUEUED,
        "error_kind": kind,
        "last_error": message[:2000],
        "lease_until": None,
        "claim_token": None,
        "next_attempt_at": when,
    }
    if since is not None:
        fields["uncertain"] = True
        fields["uncertain_since"] = Coalesce(F("uncertain_since"), since)
    mine.update(**fields)


def _account_needs_reconnect(account, reason):
    from .services import account_needs_reconnect

    account_needs_reconnect(account=account, reason=reason)


def schedule_follow_up(*, now=None):
    """Wake a worker when the next delivery falls due or a claim's lease runs out."""
    from .tasks import enqueue_worker

    now = now or timezone.now()
    times = [
        Delivery.objects.filter(status=DeliveryStatus.QUEUED)
        .order_by("next_attempt_at")
        .values_list("next_attempt_at", flat=True)
        .first(),
        Delivery.objects.filter(status=DeliveryStatus.SENDING)
        .order_by("lease_until")
        .values_list("lease_until", flat=True)
        .first(),
    ]
    times = [t for t in times if t is not None]
    if times:
        enqueue_worker(run_after=max(min(times), now + timedelta(seconds=1)))


def sweep(*, now=None):
    """Close the task rows of runs whose worker died, and make sure a sweep stays scheduled.

    A delivery run stops claiming after CROSSPOSTING_WORKER_RUN_SECONDS and each claim it
    holds ends within its lease, so a crossposting task still RUNNING well after both was
    left by a killed worker: it is marked failed and a fresh run is queued for its work.
    Deliveries themselves need no sweep: an expired lease makes them due again.
    """
    from .tasks import schedule_sweep, sweep_dead_task_rows

    swept = sweep_dead_task_rows(now=now)
    schedule_sweep()
    if swept:
        from .tasks import enqueue_worker

        enqueue_worker(run_after=(now or timezone.now()) + timedelta(seconds=1))
    return swept
