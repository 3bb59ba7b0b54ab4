"""The worker's rules: evidence before resending, live at send time, leases, sweeps, limits."""

from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from crossposting import services, worker
from crossposting.models import Delivery, DeliveryStatus, ErrorKind, Network

from .conftest import IG_USER, PAGE_ID, publish
from .test_delivery import AUTOMATIC, queue, remote_counts

pytestmark = pytest.mark.django_db


def later(seconds):
    return timezone.now() + timedelta(seconds=seconds)


def test_an_answer_landing_after_the_client_gave_up_is_found_not_posted_twice(
    people, fakes, accounts, django_capture_on_commit_callbacks, settings
):
    post = people.draft()
    queue(people, post, [Network.FACEBOOK_PAGE], accounts, django_capture_on_commit_callbacks)
    fakes["graph"].fail_next("late_accept", path_contains="/photos", sleep=1.3)

    worker.deliver_due()
    delivery = Delivery.objects.get()
    # The look-up waits until the lost request can no longer land: it is not due yet.
    assert delivery.status == DeliveryStatus.QUEUED and delivery.uncertain
    assert delivery.next_attempt_at >= timezone.now() + timedelta(seconds=1)
    worker.deliver_due()
    assert Delivery.objects.get().status == DeliveryStatus.QUEUED

    worker.deliver_due(now=later(60))

    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.SENT
    assert remote_counts(fakes)[Network.FACEBOOK_PAGE] == 1
    assert delivery.remote_id in fakes["graph"].posts


def test_a_failing_lookup_leaves_the_delivery_uncertain_never_rejected(
    people, fakes, accounts, django_capture_on_commit_callbacks
):
    post = people.draft()
    queue(people, post, [Network.X], accounts, django_capture_on_commit_callbacks)
    fakes["x"].fail_next("drop_after_accept", path_contains="/2/tweets")
    worker.deliver_due()
    fakes["x"].fail_next("expired_token", method="GET")

    worker.deliver_due(now=later(60))

    delivery = Delivery.objects.get()
    assert delivery.status == DeliveryStatus.UNCERTAIN
    assert delivery.error_kind != ErrorKind.PERMANENT
    assert remote_counts(fakes)[Network.X] == 1


def test_retrying_an_uncertain_delivery_looks_again_before_sending(
    people, fakes, accounts, django_capture_on_commit_callbacks
):
    post = people.draft()
    queue(people, post, [Network.FACEBOOK_PAGE], accounts, django_capture_on_commit_callbacks)
    fakes["graph"].fail_next("drop_after_accept", path_contains="/photos")
    worker.deliver_due()
    fakes["graph"].fail_next("http500", method="GET", times=10)
    worker.deliver_due(now=later(60))
    for step in range(2, 10):
        worker.deliver_due(now=later(60 * step * 60))
    delivery = Delivery.objects.get()
    assert delivery.status == DeliveryStatus.UNCERTAIN
    fakes["graph"].faults.clear()

    with django_capture_on_commit_callbacks(execute=True):
        assert services.delivery_retry(delivery=delivery)

    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.SENT
    assert len(fakes["graph"].page_posts(PAGE_ID)) == 1


def test_unpublishing_cancels_what_is_queued_and_publishing_again_resumes_it(
    people, fakes, accounts, django_capture_on_commit_callbacks
):
    post = people.draft()
    queue(people, post, AUTOMATIC, accounts, django_capture_on_commit_callbacks)

    post.unpublish()
    worker.deliver_due()

    assert set(Delivery.objects.values_list("status", flat=True)) == {DeliveryStatus.CANCELLED}
    assert remote_counts(fakes) == dict.fromkeys(AUTOMATIC, 0)

    with django_capture_on_commit_callbacks(execute=True):
        publish(post, people.editor)
    assert remote_counts(fakes) == dict.fromkeys(AUTOMATIC, 1)


@pytest.mark.parametrize("change", ["view restriction", "unpublished without signal"])
def test_the_worker_reads_the_post_again_and_cancels_when_it_is_no_longer_public(
    people, fakes, accounts, django_capture_on_commit_callbacks, change
):
    post = people.draft()
    queue(people, post, AUTOMATIC, accounts, django_capture_on_commit_callbacks)
    if change == "view restriction":
        PageViewRestriction.objects.create(page=post, restriction_type="login")
    else:
        type(post).objects.filter(pk=post.pk).update(live=False)

    worker.deliver_due()

    assert set(Delivery.objects.values_list("status", flat=True)) == {DeliveryStatus.CANCELLED}
    assert remote_counts(fakes) == dict.fromkeys(AUTOMATIC, 0)


def test_an_uncertain_delivery_of_a_post_no_longer_public_is_only_looked_up(
    people, fakes, accounts, django_capture_on_commit_callbacks
):
    post = people.draft()
    queue(people, post, [Network.INSTAGRAM], accounts, django_capture_on_commit_callbacks)
    fakes["graph"].fail_next("drop_after_accept", path_contains="/media_publish")
    worker.deliver_due()
    post.unpublish()

    worker.deliver_due(now=later(60))

    delivery = Delivery.objects.get()
    assert delivery.status == DeliveryStatus.SENT, "its copy exists: listed for deletion"
    assert len(fakes["graph"].instagram_media(IG_USER)) == 1


def test_a_dead_workers_claim_is_taken_over_whatever_its_place_in_the_queue(
    people, fakes, accounts, django_capture_on_commit_callbacks
):
    post = people.draft()
    deliveries = queue(people, post, AUTOMATIC, accounts, django_capture_on_commit_callbacks)
    # A later delivery was claimed by a worker that died after its request left.
    held = deliveries[Network.TELEGRAM]
    Delivery.objects.filter(pk=held.pk).update(
        status=DeliveryStatus.SENDING,
        lease_until=timezone.now() - timedelta(seconds=1),
        claimed_at=timezone.now() - timedelta(minutes=5),
        request_started_at=timezone.now() - timedelta(minutes=5),
        next_attempt_at=timezone.now() + timedelta(days=1),
    )

    worker.deliver_due()

    held.refresh_from_db()
    assert held.status == DeliveryStatus.UNCERTAIN, "Telegram cannot be checked: a person looks"
    assert remote_counts(fakes)[Network.TELEGRAM] == 0
    others = Delivery.objects.exclude(pk=held.pk).values_list("status", flat=True)
    assert set(others) == {DeliveryStatus.SENT}


def test_the_sweep_closes_task_rows_left_running_by_a_killed_worker(settings):
    from django_tasks import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    from crossposting import tasks

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    dead = tasks.deliver_due.enqueue()
    alive = tasks.deliver_due.enqueue()
    DBTaskResult.objects.filter(id=dead.id).update(
        status=TaskResultStatus.RUNNING, started_at=timezone.now() - timedelta(hours=2)
    )
    DBTaskResult.objects.filter(id=alive.id).update(
        status=TaskResultStatus.RUNNING, started_at=timezone.now()
    )

    assert worker.sweep() == 1

    assert DBTaskResult.objects.get(id=dead.id).status == TaskResultStatus.FAILED
    assert DBTaskResult.objects.get(id=alive.id).status == TaskResultStatus.RUNNING
    # A sweep stays scheduled, and a worker is woken for the dead one's work.
    ready = DBTaskResult.objects.filter(status=TaskResultStatus.READY)
    assert ready.filter(task_path=tasks.sweep.module_path).count() == 1
    assert ready.filter(task_path=tasks.deliver_due.module_path).exists()
    worker.sweep()
    assert ready.filter(task_path=tasks.sweep.module_path).count() == 1


def test_the_rate_limits_hold_per_account_and_per_network(
    people, fakes, accounts, django_capture_on_commit_callbacks
):
    posts = [people.draft() for _ in range(3)]
    for post in posts:
        queue(
            people,
            post,
            [Network.TELEGRAM, Network.X],
            accounts,
            django_capture_on_commit_callbacks,
        )

    limiter = worker.RateLimiter(per_account=2, per_network=100)
    worker.deliver_due(limiter=limiter, limit=6)

    sent = Delivery.objects.filter(status=DeliveryStatus.SENT)
    assert sent.filter(account__network=Network.TELEGRAM).count() == 2
    assert sent.filter(account__network=Network.X).count() == 2

    limiter = worker.RateLimiter(per_account=100, per_network=1)
    Delivery.objects.filter(status=DeliveryStatus.SENT).update(status=DeliveryStatus.DRY_RUN)
    worker.deliver_due(limiter=limiter, limit=2)
    assert Delivery.objects.filter(status=DeliveryStatus.SENT).count() == 2


def test_follow_up_runs_do_not_pile_up_in_the_task_queue(settings):
    from django_tasks_db.models import DBTaskResult

    from crossposting import tasks

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    soon = timezone.now() + timedelta(minutes=5)

    tasks.enqueue_worker(run_after=soon)
    tasks.enqueue_worker(run_after=soon + timedelta(minutes=1))
    tasks.enqueue_worker(run_after=soon - timedelta(minutes=1))

    waiting = DBTaskResult.objects.filter(task_path=tasks.deliver_due.module_path)
    assert waiting.count() == 2, "a later run is covered by the one already waiting"
