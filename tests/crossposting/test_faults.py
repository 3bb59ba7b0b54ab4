"""200 posts to four networks through every fault the fakes know, with a worker killed by -9.

The worker runs as a real subprocess against the test database and the fake servers on
127.0.0.1; it is killed with SIGKILL while a request is in flight. A worker in this process
then finishes the work, and a "person" settles the Telegram deliveries left uncertain (the
Bot API cannot list a channel) by looking at the channel, as the admin page asks. The fakes'
own records then must hold exactly one copy of every delivery: none lost, none twice.
"""

import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import timedelta

import pytest
from django.conf import settings as django_settings
from django.db import connection, connections, transaction
from django.utils import timezone

from crossposting import services, worker
from crossposting.clients.telegram import TelegramClient
from crossposting.models import AttemptOutcome, Delivery, DeliveryAttempt, DeliveryStatus, Network
from portal.settings import test as test_settings
from tests.factories import PhotoFactory, PostPageFactory

from .conftest import CHANNEL, make_account
from .test_delivery import AUTOMATIC, plan

# Serialized rollback puts back what migrations created, for the tests that run after.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

POSTS = 200
TIMING = {
    "CROSSPOSTING_CONNECT_TIMEOUT": 0.5,
    "CROSSPOSTING_READ_TIMEOUT": 1.0,
    "CROSSPOSTING_LOOKUP_MARGIN": 0.3,
    "CROSSPOSTING_LEASE_SECONDS": 3.0,
    "CROSSPOSTING_RETRY_BASE_DELAY": 0.2,
    "CROSSPOSTING_RETRY_MAX_DELAY": 1.0,
    "CROSSPOSTING_MAX_ATTEMPTS": 10,
    "CROSSPOSTING_ACCOUNT_POSTS_PER_MINUTE": 100000,
    "CROSSPOSTING_NETWORK_POSTS_PER_SECOND": 100000,
    "CROSSPOSTING_WORKER_THREADS": 16,
}
FAULTS = [
    "http500",
    "drop_after_accept",
    "late_accept",
    "accept_then_timeout",
    "slow",
]
KILL_AFTER_REQUESTS = 400
WORKER_SCRIPT = """
import time
import django
django.setup()
from django.db.backends.signals import connection_created
from crossposting import worker

def fast_sqlite(sender, connection, **kwargs):
    if connection.vendor == "sqlite":
        connection.cursor().execute("PRAGMA synchronous=OFF")

connection_created.connect(fast_sqlite)
while True:
    worker.deliver_due()
    time.sleep(0.1)
"""


@pytest.fixture
def shared_database():
    """The test database, reachable from another process: its DATABASE_URL.

    PostgreSQL's test database already is. SQLite's lives in this process's memory, so it is
    copied to a file, and this test's connection is switched to the file until it ends.
    """
    info = connection.settings_dict
    if connection.vendor != "sqlite":
        host, port = info.get("HOST") or "127.0.0.1", info.get("PORT") or 5432
        yield f"postgres://{info.get('USER') or 'postgres'}@{host}:{port}/{info['NAME']}"
        return
    path = django_settings.BASE_DIR / "var" / f"test-faults-{os.getpid()}.sqlite3"
    path.parent.mkdir(exist_ok=True)
    path.unlink(missing_ok=True)
    connection.ensure_connection()
    target = sqlite3.connect(path)
    connection.connection.backup(target)
    # Two processes write to it: WAL lets readers and the writer overlap; nothing here needs
    # to survive a power cut.
    target.execute("PRAGMA journal_mode=WAL")
    target.close()
    memory = connections["default"]
    options = {**info.get("OPTIONS", {}), "init_command": "PRAGMA synchronous=OFF"}
    on_file = memory.__class__({**info, "NAME": str(path), "OPTIONS": options}, alias="default")
    connections["default"] = on_file
    try:
        yield f"sqlite:///{path}"
    finally:
        on_file.close()
        connections["default"] = memory
        path.unlink(missing_ok=True)


def settle(deadline):
    """Run the worker here until nothing is queued or held, waiting for what is scheduled."""
    while time.monotonic() < deadline:
        worker.deliver_due()
        busy = Delivery.objects.filter(status__in=[DeliveryStatus.QUEUED, DeliveryStatus.SENDING])
        if not busy.exists():
            return
        time.sleep(0.1)
    raise AssertionError("deliveries still queued or held at the deadline")


def telegram_message(telegram, marker):
    return next(
        m
        for m in list(telegram.messages.values())
        if f"kim={marker}" in (m.get("text") or m.get("caption") or "")
    )


def test_200_posts_with_faults_and_a_killed_worker_are_each_posted_exactly_once(
    people, fakes, settings, shared_database, request
):
    for name, value in TIMING.items():
        setattr(settings, name, value)
    # The worker subprocess reads photos where the test settings keep media.
    settings.MEDIA_ROOT = test_settings.MEDIA_ROOT
    # Deliveries are written as publication writes them, but no worker runs in this process
    # until the subprocess has been killed.
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    graph, x_api, telegram = fakes["graph"], fakes["x"], fakes["telegram"]
    graph.chaos(0.12, [*FAULTS, "processing", "throttle_4"], seed=1, method=None)
    graph.faults_options = {"throttle_4": {"minutes": 0.005}, "processing": {"seconds": 0.5}}
    x_api.chaos(0.12, [*FAULTS, "http429"], seed=2, method=None)
    x_api.faults_options = {"http429": {"reset_in": 1}}
    telegram.chaos(0.08, [*FAULTS, "http429"], seed=3)
    telegram.faults_options = {"http429": {"retry_after": 1}}

    accounts = [make_account(network, group=people.group_a) for network in AUTOMATIC]
    photo = PhotoFactory()
    request.addfinalizer(photo.delete)
    with transaction.atomic():
        for n in range(POSTS):
            post = PostPageFactory(
                parent=people.group_a.page,
                title=f"Pengumuman {n}",
                slug=f"pengumuman-{n}",
                hero_image=photo,
                hero_alt="Warga bekerja bakti.",
            )
            plan(post, accounts)
            services.deliveries_for_first_publication(post=post)
    assert Delivery.objects.filter(status=DeliveryStatus.QUEUED).count() == POSTS * 4

    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.test",
        "DATABASE_URL": shared_database,
        "CROSSPOSTING_GRAPH_API_URL": graph.url,
        "CROSSPOSTING_INSTAGRAM_API_URL": graph.url,
        "CROSSPOSTING_GRAPH_API_VERSION": settings.CROSSPOSTING_GRAPH_API_VERSION,
        "CROSSPOSTING_X_API_URL": x_api.url,
        "CROSSPOSTING_TELEGRAM_API_URL": telegram.url,
        **{name: str(value) for name, value in TIMING.items()},
    }
    process = subprocess.Popen(  # noqa: S603 (our own interpreter and script)
        [sys.executable, "-c", WORKER_SCRIPT], env=env, cwd=django_settings.BASE_DIR
    )
    try:
        deadline = time.monotonic() + 60
        servers = (graph, x_api, telegram)
        while sum(len(s.requests) for s in servers) < KILL_AFTER_REQUESTS:
            assert process.poll() is None, "the worker stopped on its own"
            assert time.monotonic() < deadline, "the worker sent too little"
            time.sleep(0.02)
        # The next post to Facebook is recorded and its answer held back: kill mid-request.
        graph.fail_next("hang_after_accept", path_contains="/feed")
        graph.fail_next("hang_after_accept", path_contains="/photos")
        assert graph.hung.wait(20), "no request was in flight to kill the worker in"
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait()
    killed_at = timezone.now()
    held = Delivery.objects.filter(status=DeliveryStatus.SENDING).count()
    assert held >= 1

    settle(time.monotonic() + 90)

    # A person settles what the network could not tell, with the channel open.
    for _round in range(5):
        uncertain = Delivery.objects.filter(status=DeliveryStatus.UNCERTAIN)
        assert set(uncertain.values_list("account__network", flat=True)) <= {Network.TELEGRAM}
        if not uncertain.exists():
            break
        for delivery in uncertain.select_related("account"):
            if telegram.copies(delivery.marker):
                message = telegram_message(telegram, delivery.marker)
                link = f"https://t.me/{CHANNEL}/{message['message_id']}"
                services.delivery_mark_sent(
                    delivery=delivery,
                    remote_id=TelegramClient.remote_id_from(link),
                    remote_url=link,
                )
            else:
                services.delivery_retry(delivery=delivery)
        settle(time.monotonic() + 30)

    deliveries = list(Delivery.objects.select_related("account"))
    fake_of = {
        Network.FACEBOOK_PAGE: graph,
        Network.INSTAGRAM: graph,
        Network.X: x_api,
        Network.TELEGRAM: telegram,
    }
    copies = {d.pk: fake_of[d.account.network].copies(d.marker) for d in deliveries}
    assert [d.status for d in deliveries] == [DeliveryStatus.SENT] * (POSTS * 4)
    assert sorted(set(copies.values())) == [1], "each delivery has exactly one copy"
    on_networks = len(graph.posts) + len(x_api.tweets) + len(telegram.messages)
    assert on_networks == POSTS * 4, "no copy without a delivery"
    # The faults did happen: copies found by a look-up, and claims taken over after the kill.
    assert DeliveryAttempt.objects.filter(outcome=AttemptOutcome.FOUND).exists()
    assert DeliveryAttempt.objects.filter(
        started_at__gte=killed_at - timedelta(seconds=1), number__gte=2
    ).exists()
