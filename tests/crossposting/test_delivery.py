"""Publication to delivery: when posts go out, retries, dead letters and exactly-once."""

import uuid
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Workflow

from crossposting import services, worker
from crossposting.models import (
    AccountStatus,
    CrossPostPlan,
    Delivery,
    DeliveryStatus,
    ErrorKind,
    Network,
)
from moderation.services import review_decide
from moderation.workflow import AccuracyReviewState, UsefulnessReviewState

from .conftest import CHANNEL, IG_USER, PAGE_ID, make_account, publish

pytestmark = pytest.mark.django_db

AUTOMATIC = [Network.FACEBOOK_PAGE, Network.INSTAGRAM, Network.X, Network.TELEGRAM]


def plan(post, accounts, user=None):
    crosspost_plan, _ = CrossPostPlan.objects.get_or_create(post=post)
    crosspost_plan.accounts.set(accounts)
    crosspost_plan.updated_by = user
    crosspost_plan.save()
    return crosspost_plan


def remote_counts(fakes):
    return {
        Network.FACEBOOK_PAGE: len(fakes["graph"].page_posts(PAGE_ID)),
        Network.INSTAGRAM: len(fakes["graph"].instagram_media(IG_USER)),
        Network.X: len(fakes["x"].tweets),
        Network.TELEGRAM: len(fakes["telegram"].channel_messages(f"@{CHANNEL}")),
    }


def later(minutes=120):
    return timezone.now() + timedelta(minutes=minutes)


def test_first_publication_sends_to_each_chosen_enabled_account_once(
    people, fakes, accounts, django_capture_on_commit_callbacks
):
    post = people.draft()
    dry = make_account(Network.FACEBOOK_PAGE, group=people.group_a, dry_run=True, name="Latihan")
    off = make_account(Network.X, group=people.group_a, enabled=False, name="Lama")
    whatsapp = make_account(Network.WHATSAPP_GROUP, group=people.group_a)
    plan(post, [*accounts.values(), dry, off, whatsapp])

    with django_capture_on_commit_callbacks(execute=True):
        publish(post, people.editor)

    assert remote_counts(fakes) == dict.fromkeys(AUTOMATIC, 1)
    sent = Delivery.objects.filter(status=DeliveryStatus.SENT)
    assert {d.account.network for d in sent} == set(AUTOMATIC)
    assert all(d.remote_id and d.remote_url.startswith("https://") for d in sent)
    assert Delivery.objects.get(account=dry).status == DeliveryStatus.DRY_RUN
    assert not Delivery.objects.filter(account__in=[off, whatsapp]).exists()


def test_deliveries_are_written_with_the_publication_and_sent_after_commit(
    people, fakes, accounts, django_capture_on_commit_callbacks
):
    post = people.draft()
    plan(post, accounts.values())

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        publish(post, people.editor)

    assert Delivery.objects.filter(post=post, status=DeliveryStatus.QUEUED).count() == 4
    assert remote_counts(fakes) == dict.fromkeys(AUTOMATIC, 0)
    for callback in callbacks:
        callback()
    assert remote_counts(fakes) == dict.fromkeys(AUTOMATIC, 1)


def test_nothing_is_posted_while_the_post_waits_for_approval(
    people, fakes, accounts, django_capture_on_commit_callbacks
):
    post = people.draft()
    plan(post, accounts.values())

    with django_capture_on_commit_callbacks(execute=True):
        Workflow.objects.get(name="Moderasi KIM").start(post, people.member_a)
        post.refresh_from_db()
        assert not post.live and not Delivery.objects.exists()
        # Both reviews approve with their checklists: the finished workflow publishes.
        for state_class in (AccuracyReviewState, UsefulnessReviewState):
            state = post.current_workflow_task_state.specific
            assert isinstance(state, state_class), post.current_workflow_task_state
            review_decide(
                task_state=state,
                user=people.editor,
                action="approve",
                data=dict.fromkeys(state_class.CHECKLIST, "on"),
            )
            post.refresh_from_db()

    post.refresh_from_db()
    assert post.live
    assert remote_counts(fakes) == dict.fromkeys(AUTOMATIC, 1)


def test_a_scheduled_post_goes_out_only_when_it_goes_live(
    people, fakes, accounts, django_capture_on_commit_callbacks
):
    post = people.draft()
    post.go_live_at = timezone.now() + timedelta(days=1)
    revision = post.save_revision(user=people.member_a)
    plan(post, accounts.values())

    with django_capture_on_commit_callbacks(execute=True):
        revision.publish(user=people.editor, skip_permission_checks=True)  # as the review does
    assert not Delivery.objects.exists()
    assert remote_counts(fakes) == dict.fromkeys(AUTOMATIC, 0)

    # Time passes: the scheduled moment is now behind us.
    past = timezone.now() - timedelta(minutes=1)
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save(update_fields=["content", "approved_go_live_at"])
    type(post).objects.filter(pk=post.pk).update(go_live_at=past)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("publish_scheduled")

    post.refresh_from_db()
    assert post.live
    assert remote_counts(fakes) == dict.fromkeys(AUTOMATIC, 1)


def test_republishing_does_not_post_again_unless_asked(
    people, fakes, accounts, django_capture_on_commit_callbacks
):
    post = people.draft()
    plan(post, accounts.values())
    with django_capture_on_commit_callbacks(execute=True):
        publish(post, people.editor)
        post.title = "Kerja bakti (diperbarui)"
        post.save_revision(user=people.editor).publish(
            user=people.editor, skip_permission_checks=True
        )
        post.unpublish()
        post.save_revision(user=people.editor).publish(
            user=people.editor, skip_permission_checks=True
        )
    assert remote_counts(fakes) == dict.fromkeys(AUTOMATIC, 1)

    with django_capture_on_commit_callbacks(execute=True):
        again = services.deliveries_create(
            post=post, accounts=[accounts[Network.TELEGRAM]], again=True
        )

    assert [d.round for d in again] == [2]
    assert remote_counts(fakes)[Network.TELEGRAM] == 2


def queue(people, post, networks, accounts, django_capture_on_commit_callbacks):
    """Publish with the worker held back: deliveries are written but not sent."""
    plan(post, [accounts[n] for n in networks])
    with django_capture_on_commit_callbacks(execute=False):
        publish(post, people.editor)
    return {d.account.network: d for d in Delivery.objects.filter(post=post)}


def test_500_then_200_posts_once(people, fakes, accounts, django_capture_on_commit_callbacks):
    post = people.draft()
    deliveries = queue(people, post, AUTOMATIC, accounts, django_capture_on_commit_callbacks)
    for name in ("graph", "x", "telegram"):
        fakes[name].fail_next("http500", times=1 if name != "graph" else 2)

    worker.deliver_due()
    waiting = Delivery.objects.filter(status=DeliveryStatus.QUEUED)
    assert waiting.count() == 4 and all(d.next_attempt_at > timezone.now() for d in waiting)
    assert set(waiting.values_list("error_kind", flat=True)) == {ErrorKind.TRANSIENT}
    assert remote_counts(fakes) == dict.fromkeys(AUTOMATIC, 0)

    worker.deliver_due(now=later())

    assert remote_counts(fakes) == dict.fromkeys(AUTOMATIC, 1)
    for delivery in deliveries.values():
        delivery.refresh_from_db()
        assert delivery.status == DeliveryStatus.SENT and delivery.attempts == 2


@pytest.mark.parametrize("fault", ["accept_then_timeout", "drop_after_accept"])
@pytest.mark.parametrize(
    ("network", "fake", "path"),
    [
        (Network.FACEBOOK_PAGE, "graph", "/photos"),
        (Network.INSTAGRAM, "graph", "media_publish"),
        (Network.X, "x", "/2/tweets"),
    ],
)
def test_timeout_after_the_network_accepted_does_not_post_twice(
    people, fakes, accounts, django_capture_on_commit_callbacks, network, fake, path, fault
):
    post = people.draft()
    queue(people, post, [network], accounts, django_capture_on_commit_callbacks)
    fakes[fake].fail_next(fault, path_contains=path)

    worker.deliver_due()
    delivery = Delivery.objects.get()
    assert delivery.status == DeliveryStatus.QUEUED and delivery.uncertain
    assert remote_counts(fakes)[network] == 1

    worker.deliver_due(now=later())

    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.SENT and delivery.remote_id
    assert remote_counts(fakes)[network] == 1
    assert len(fakes[fake].calls("POST", path)) == 1


def test_timeout_before_the_network_accepted_sends_after_looking(
    people, fakes, accounts, django_capture_on_commit_callbacks
):
    post = people.draft()
    queue(people, post, [Network.FACEBOOK_PAGE], accounts, django_capture_on_commit_callbacks)
    fakes["graph"].fail_next("slow")

    worker.deliver_due()
    worker.deliver_due(now=later())

    assert Delivery.objects.get().status == DeliveryStatus.SENT
    assert remote_counts(fakes)[Network.FACEBOOK_PAGE] == 1
    assert fakes["graph"].calls("GET", "/feed"), "looked before sending again"


def test_telegram_timeout_after_accepting_asks_a_person_instead_of_resending(
    people, fakes, accounts, django_capture_on_commit_callbacks
):
    post = people.draft()
    queue(people, post, [Network.TELEGRAM], accounts, django_capture_on_commit_callbacks)
    fakes["telegram"].fail_next("accept_then_timeout")

    worker.deliver_due()
    worker.deliver_due(now=later())

    delivery = Delivery.objects.get()
    assert delivery.status == DeliveryStatus.UNCERTAIN
    assert delivery.error_kind == ErrorKind.UNCERTAIN and delivery.last_error
    assert remote_counts(fakes)[Network.TELEGRAM] == 1

    (message,) = fakes["telegram"].channel_messages(f"@{CHANNEL}")
    services.delivery_mark_sent(
        delivery=delivery, remote_id=str(message["message_id"]), remote_url="https://t.me/x/1"
    )
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.SENT and delivery.can_delete_remote


class WorkerKilled(BaseException):
    """Stands for the worker process dying: nothing in the worker may catch it."""


def test_worker_killed_mid_batch_resumes_without_double_posts(
    people, fakes, accounts, django_capture_on_commit_callbacks, monkeypatch
):
    post = people.draft()
    queue(people, post, AUTOMATIC, accounts, django_capture_on_commit_callbacks)
    recorded = []
    real_record = worker._record_sent

    def die_on_second(mine, remote, now):
        if len(recorded) == 1:
            raise WorkerKilled  # the network has posted it; our record never happens
        recorded.append(remote.id)
        real_record(mine, remote, now)

    monkeypatch.setattr(worker, "_record_sent", die_on_second)
    with pytest.raises(WorkerKilled):
        worker.deliver_due(threads=1)
    monkeypatch.setattr(worker, "_record_sent", real_record)
    statuses = sorted(Delivery.objects.values_list("status", flat=True))
    assert statuses.count("sent") == 1 and "sending" in statuses

    # A new worker before the lease runs out leaves the claimed deliveries alone...
    held = Delivery.objects.filter(status=DeliveryStatus.SENDING).count()
    worker.deliver_due()
    assert Delivery.objects.filter(status=DeliveryStatus.SENDING).count() == held
    # ...and takes it over once the lease has run out, looking before it sends.
    worker.deliver_due(now=timezone.now() + worker.lease_duration() + timedelta(seconds=5))

    assert remote_counts(fakes) == dict.fromkeys(AUTOMATIC, 1)
    assert set(Delivery.objects.values_list("status", flat=True)) == {DeliveryStatus.SENT}


def die_once(monkeypatch, owner, name, *, on_call=1):
    """Make `owner.name` kill the worker on its `on_call`-th call, and work as before after."""
    real = getattr(owner, name)
    calls = []

    def dying(*args, **kwargs):
        calls.append(1)
        if len(calls) == on_call:
            raise WorkerKilled
        return real(*args, **kwargs)

    monkeypatch.setattr(owner, name, dying)


@pytest.mark.parametrize(
    "moment",
    ["after claiming, before calling the network", "between Instagram's two calls"],
)
def test_worker_killed_at_any_moment_leaves_one_post_per_account(
    people, fakes, accounts, django_capture_on_commit_callbacks, monkeypatch, moment
):
    from crossposting.clients.instagram import InstagramClient

    post = people.draft()
    queue(people, post, AUTOMATIC, accounts, django_capture_on_commit_callbacks)
    if moment.startswith("after claiming"):
        die_once(monkeypatch, worker, "outgoing_for", on_call=2)  # the Instagram delivery
    else:
        # The container exists and its id is saved; the publish call never happens.
        die_once(monkeypatch, InstagramClient, "container_status")

    with pytest.raises(WorkerKilled):
        worker.deliver_due()
    assert Delivery.objects.get(account=accounts[Network.INSTAGRAM]).status == "sending"

    worker.deliver_due(now=timezone.now() + worker.lease_duration() + timedelta(seconds=5))

    assert remote_counts(fakes) == dict.fromkeys(AUTOMATIC, 1)
    assert set(Delivery.objects.values_list("status", flat=True)) == {DeliveryStatus.SENT}
    assert len(fakes["graph"].containers) == 1, "the saved container was published, not remade"


def test_two_workers_never_hold_the_same_delivery(
    people, fakes, accounts, django_capture_on_commit_callbacks
):
    post = people.draft()
    queue(people, post, [Network.X], accounts, django_capture_on_commit_callbacks)
    delivery = Delivery.objects.get()

    def run():
        return worker.WorkerRun(
            now=None, session=None, scope=None, threads=1, limiter=worker.RateLimiter()
        )

    (first,), _count = run().claim_batch(5)
    second, _count = run().claim_batch(5)

    assert second == []
    # A worker without the claim changes nothing.
    stranger = worker.Job(first.delivery, uuid.uuid4(), first.outgoing, timezone.now())
    run().record(stranger, worker.Result("sent", remote=worker.RemotePost(id="1")))
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.SENDING and delivery.claim_token == first.token


def test_publication_hands_deliveries_to_the_database_task_queue_after_commit(
    people, fakes, accounts, django_capture_on_commit_callbacks, settings, monkeypatch
):
    from django_tasks_db.management.commands import db_worker
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    # The worker drops connections between tasks; here that would end the test's transaction.
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
    post = people.draft()
    plan(post, accounts.values())
    ours = DBTaskResult.objects.filter(task_path="crossposting.tasks.deliver_due")

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        publish(post, people.editor)
    assert Delivery.objects.filter(status=DeliveryStatus.QUEUED).count() == 4
    assert not ours.exists(), "nothing is handed over before the commit"
    for callback in callbacks:
        callback()
    assert ours.count() == 1
    assert remote_counts(fakes) == dict.fromkeys(AUTOMATIC, 0)

    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)

    assert remote_counts(fakes) == dict.fromkeys(AUTOMATIC, 1)
    assert set(Delivery.objects.values_list("status", flat=True)) == {DeliveryStatus.SENT}


def test_rate_limits_wait_for_the_networks_reset_hint(
    people, fakes, accounts, django_capture_on_commit_callbacks
):
    post = people.draft()
    queue(people, post, [Network.X, Network.TELEGRAM], accounts, django_capture_on_commit_callbacks)
    fakes["x"].fail_next("http429", reset_in=600)
    fakes["telegram"].fail_next("http429", retry_after=300)
    start = timezone.now()

    worker.deliver_due(now=start)

    waits = {
        d.account.network: (d.next_attempt_at - start).total_seconds()
        for d in Delivery.objects.all()
    }
    assert 590 <= waits[Network.X] <= 610
    assert 300 <= waits[Network.TELEGRAM] <= 310
    assert set(Delivery.objects.values_list("error_kind", flat=True)) == {ErrorKind.RATE_LIMITED}


def test_after_the_last_attempt_a_delivery_is_dead_lettered_until_retried(
    people, fakes, accounts, django_capture_on_commit_callbacks, settings
):
    post = people.draft()
    queue(people, post, [Network.FACEBOOK_PAGE], accounts, django_capture_on_commit_callbacks)
    fakes["graph"].fail_next("http500", times=settings.CROSSPOSTING_MAX_ATTEMPTS)

    for hour in range(settings.CROSSPOSTING_MAX_ATTEMPTS):
        worker.deliver_due(now=later(60 * 5 * hour))

    delivery = Delivery.objects.get()
    assert delivery.status == DeliveryStatus.DEAD and delivery.can_retry
    assert "unknown error" in delivery.last_error
    assert delivery.log.count() == settings.CROSSPOSTING_MAX_ATTEMPTS

    with django_capture_on_commit_callbacks(execute=True):
        assert services.delivery_retry(delivery=delivery)

    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.SENT
    assert remote_counts(fakes)[Network.FACEBOOK_PAGE] == 1


def test_expired_token_stops_retrying_marks_the_account_and_tells_its_managers(
    people, fakes, accounts, django_capture_on_commit_callbacks
):
    post = people.draft()
    queue(people, post, [Network.FACEBOOK_PAGE], accounts, django_capture_on_commit_callbacks)
    fakes["graph"].fail_next("expired_token")

    with django_capture_on_commit_callbacks(execute=True):
        worker.deliver_due()

    delivery = Delivery.objects.get()
    account = accounts[Network.FACEBOOK_PAGE]
    account.refresh_from_db()
    assert delivery.status == DeliveryStatus.FAILED and delivery.error_kind == ErrorKind.AUTH
    assert account.status == AccountStatus.NEEDS_RECONNECT and "190" in account.status_reason
    [message] = mail.outbox
    assert set(message.to) == {"editor@diskominfo.test", "budi@kim.test"}
    assert f"/admin/crossposting/accounts/{account.pk}/" in message.body

    # The next post for that account waits as well, without calling the network.
    second = people.draft()
    plan(second, [account])
    with django_capture_on_commit_callbacks(execute=True):
        publish(second, people.editor)
    assert Delivery.objects.get(post=second).status == DeliveryStatus.FAILED

    with django_capture_on_commit_callbacks(execute=True):
        services.account_save(account=account, credentials={"page_access_token": "EAAB-page-token"})

    assert set(Delivery.objects.values_list("status", flat=True)) == {DeliveryStatus.SENT}
    assert remote_counts(fakes)[Network.FACEBOOK_PAGE] == 2
    assert len(mail.outbox) == 1


def test_unpublishing_can_delete_remote_posts_except_on_instagram(
    people, fakes, accounts, django_capture_on_commit_callbacks
):
    post = people.draft()
    plan(post, accounts.values())
    with django_capture_on_commit_callbacks(execute=True):
        publish(post, people.editor)
    post.unpublish()

    with django_capture_on_commit_callbacks(execute=True):
        chosen = services.deliveries_delete_remote(deliveries=Delivery.objects.all())

    assert len(chosen) == 3
    assert remote_counts(fakes) == {
        Network.FACEBOOK_PAGE: 0,
        Network.INSTAGRAM: 1,
        Network.X: 0,
        Network.TELEGRAM: 0,
    }
    statuses = dict(Delivery.objects.values_list("account__network", "status"))
    assert statuses[Network.INSTAGRAM] == DeliveryStatus.SENT
    assert {statuses[n] for n in (Network.FACEBOOK_PAGE, Network.X, Network.TELEGRAM)} == {
        DeliveryStatus.DELETED
    }


def test_a_refused_token_while_deleting_keeps_the_copy_and_asks_for_reconnecting(
    people, fakes, accounts, django_capture_on_commit_callbacks
):
    post = people.draft()
    plan(post, [accounts[Network.X]])
    with django_capture_on_commit_callbacks(execute=True):
        publish(post, people.editor)
    post.unpublish()
    fakes["x"].fail_next("expired_token", method="DELETE")

    with django_capture_on_commit_callbacks(execute=True):
        services.deliveries_delete_remote(deliveries=Delivery.objects.all())

    delivery = Delivery.objects.get()
    assert delivery.status == DeliveryStatus.SENT and "401" in delivery.last_error
    assert remote_counts(fakes)[Network.X] == 1
    accounts[Network.X].refresh_from_db()
    assert accounts[Network.X].status == AccountStatus.NEEDS_RECONNECT
    assert len(mail.outbox) == 1


def test_backoff_grows_exponentially_with_jitter_and_a_cap(settings):
    settings.CROSSPOSTING_RETRY_BASE_DELAY = 10
    settings.CROSSPOSTING_RETRY_MAX_DELAY = 100
    delays = {n: [worker.backoff(n) for _ in range(200)] for n in (1, 2, 3, 8)}

    assert 5 <= min(delays[1]) and max(delays[1]) <= 10
    assert 10 <= min(delays[2]) and max(delays[2]) <= 20
    assert 20 <= min(delays[3]) and max(delays[3]) <= 40
    assert 50 <= min(delays[8]) and max(delays[8]) <= 100
    assert len(set(delays[3])) > 100, "jitter spreads the retries"
    assert worker.backoff(1, retry_after=300) >= 300
