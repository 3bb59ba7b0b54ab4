"""Measure one delivery worker's throughput against the fake network servers on 127.0.0.1.

Creates a throw-away live group, posts, accounts and deliveries in the configured database,
runs ONE worker (this process, its thread pool of CROSSPOSTING_WORKER_THREADS, the rate
limits from the settings) over them only, checks from the fakes' own records that every
delivery was posted exactly once, prints deliveries per second, and removes what it created.
The fakes answer each request after `--latency` seconds (50 ms by default, a fast real API);
there are enough accounts per network that the per-account limit (a minute's worth each) is
never the bottleneck, and the per-network limit applies as configured. On a throw-away
PostgreSQL database:

    createdb -h 127.0.0.1 -U postgres crosspost_bench
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/crosspost_bench python manage.py migrate
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/crosspost_bench \
        python manage.py crosspost_benchmark --deliveries 1000
"""

import math
import multiprocessing
import re
import time
from collections import Counter
from io import BytesIO

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test.utils import override_settings
from PIL import Image as PILImage
from wagtail.models import Collection

from crossposting import worker
from crossposting.models import Delivery, DeliveryStatus, Network, SocialAccount
from crossposting.testing.fakes import serve_in_process
from kim.models import GroupDirectoryPage, GroupPage, PostPage, Region, RegionLevel
from photos.models import Photo

NETWORKS = [Network.FACEBOOK_PAGE, Network.INSTAGRAM, Network.X, Network.TELEGRAM]
POSTS = 10
PAGE_TOKEN, IG_TOKEN = "bench-page-token", "bench-ig-token"  # noqa: S105 (fake)
MARKER = re.compile(r"kim=([0-9a-f]+)")


def page_id(n):
    return f"9000{n:03d}1"


def instagram_id(n):
    return f"9000{n:03d}2"


class Command(BaseCommand):
    help = (
        "Run the cross-posting worker against fake network servers on 127.0.0.1 and print "
        "deliveries/s. Use a throw-away database (DATABASE_URL): it adds and removes rows."
    )

    def add_arguments(self, parser):
        parser.add_argument("--deliveries", type=int, default=500)
        parser.add_argument(
            "--threads",
            type=int,
            default=None,
            help="Requests in flight in the one worker (default CROSSPOSTING_WORKER_THREADS).",
        )
        parser.add_argument(
            "--latency", type=float, default=0.05, help="Seconds each fake takes to answer."
        )
        parser.add_argument(
            "--no-photo", action="store_true", help="Text-only posts (no photo upload to X)."
        )

    def handle(self, *args, deliveries, threads, latency, no_photo, **options):
        if deliveries < len(NETWORKS):
            raise CommandError(f"Give at least {len(NETWORKS)} deliveries.")
        threads = threads or settings.CROSSPOSTING_WORKER_THREADS
        # Enough accounts that none is asked for more than its minute's worth.
        per_network = math.ceil(deliveries / len(NETWORKS))
        accounts = math.ceil(per_network / settings.CROSSPOSTING_ACCOUNT_POSTS_PER_MINUTE)
        # The fakes run in a process of their own, so that they do not share the worker's
        # interpreter (and its lock) as no real network would.
        pipe, child_pipe = multiprocessing.Pipe()
        networks = {
            "pages": [(page_id(n), PAGE_TOKEN) for n in range(accounts)],
            "instagram": [(instagram_id(n), IG_TOKEN) for n in range(accounts)],
            "channels": [(-1009000000000 - n, f"benchkanal{n}") for n in range(accounts)],
        }
        # A fresh interpreter: a forked one would share this process's database connection.
        fakes = multiprocessing.get_context("spawn").Process(
            target=serve_in_process, args=(latency, networks, child_pipe), daemon=True
        )
        fakes.start()
        made = None
        try:
            fake = pipe.recv()
            urls = {
                "CROSSPOSTING_GRAPH_API_URL": fake["graph"],
                "CROSSPOSTING_INSTAGRAM_API_URL": fake["graph"],
                "CROSSPOSTING_X_API_URL": fake["x"],
                "CROSSPOSTING_TELEGRAM_API_URL": fake["telegram"],
                "CROSSPOSTING_GRAPH_API_VERSION": fake["version"],
                "CROSSPOSTING_READ_TIMEOUT": 10,
            }
            with override_settings(**urls):
                made = self.setup(deliveries, accounts, photo=not no_photo, fake=fake)
                scope = Delivery.objects.filter(account__in=made["accounts"])
                started = time.perf_counter()
                worker.deliver_due(scope=scope, threads=threads)
                elapsed = time.perf_counter() - started
                pipe.send("report")
                self.report(scope, elapsed, threads, latency, posted=pipe.recv())
        finally:
            fakes.kill()
            fakes.join()
            if made:
                self.cleanup(made)

    def setup(self, count, accounts_per_network, *, photo, fake):
        region, _ = Region.objects.get_or_create(
            code="99.99", defaults={"name": "Benchmark", "level": RegionLevel.DISTRICT}
        )
        directory = GroupDirectoryPage.objects.first()
        if directory is None:
            raise CommandError("No group directory page: run migrations first.")
        group = directory.add_child(
            instance=GroupPage(
                title="Benchmark group",
                slug=f"benchmark-{int(time.time())}",
                region=region,
                live=True,
            )
        )
        image = None
        if photo:
            buffer = BytesIO()
            PILImage.new("RGB", (1200, 900), "green").save(buffer, "JPEG")
            image = Photo.objects.create(
                title="Benchmark photo",
                collection=Collection.get_first_root_node(),
                file=ContentFile(buffer.getvalue(), "benchmark.jpg"),
            )
        posts = [
            group.add_child(
                instance=PostPage(
                    title=f"Benchmark post {n}",
                    slug=f"benchmark-post-{n}",
                    live=True,
                    summary="Benchmark.",
                    body=[],
                    hero_image=image,
                    hero_alt="Benchmark." if image else "",
                )
            )
            for n in range(POSTS)
        ]
        accounts = []
        for n in range(accounts_per_network):
            credentials = {
                Network.FACEBOOK_PAGE: (page_id(n), {"page_access_token": PAGE_TOKEN}),
                Network.INSTAGRAM: (instagram_id(n), {"access_token": IG_TOKEN}),
                Network.X: ("", fake["x_credentials"]),
                Network.TELEGRAM: (f"@benchkanal{n}", {"bot_token": fake["bot_token"]}),
            }
            for network in NETWORKS:
                remote_id, secret = credentials[network]
                account = SocialAccount(
                    network=network,
                    name=f"Benchmark {network} {n}",
                    remote_id=remote_id,
                    handle="bench",
                )
                account.set_credentials(secret)
                account.save()
                accounts.append(account)
        rounds = math.ceil(count / (len(posts) * len(accounts)))
        rows = []
        for round_number in range(1, rounds + 1):
            for post in posts:
                for account in accounts:
                    if len(rows) == count:
                        break
                    link = f"https://portal.example/{post.slug}/{round_number}/"
                    rows.append(
                        Delivery(
                            post=post,
                            account=account,
                            round=round_number,
                            link=link,
                            text=f"{post.title}, round {round_number}\n\n{link}",
                        )
                    )
        Delivery.objects.bulk_create(rows, batch_size=500)
        return {"region": region, "group": group, "image": image, "accounts": accounts}

    def report(self, scope, elapsed, threads, latency, posted):
        total = scope.count()
        sent = scope.filter(status=DeliveryStatus.SENT).count()
        copies = Counter(
            marker for texts in posted.values() for text in texts for marker in MARKER.findall(text)
        )
        exactly_once = all(copies[m] == 1 for m in scope.values_list("marker", flat=True))
        remote = sum(len(texts) for texts in posted.values())
        self.stdout.write(
            f"{sent}/{total} deliveries sent by 1 worker ({threads} threads) in {elapsed:.2f} s: "
            f"{sent / elapsed:.1f} deliveries/s ({connection.vendor}, fakes answering in "
            f"{latency * 1000:.0f} ms, at most "
            f"{settings.CROSSPOSTING_NETWORK_POSTS_PER_SECOND}/s per network and "
            f"{settings.CROSSPOSTING_ACCOUNT_POSTS_PER_MINUTE}/min per account); "
            f"{remote} posts on the fake networks"
        )
        for status, error in scope.exclude(status=DeliveryStatus.SENT).values_list(
            "status", "last_error"
        )[:10]:
            self.stdout.write(f"not sent: {status} {error}")
        if sent != total or remote != total or not exactly_once:
            raise CommandError("Not every delivery was posted exactly once.")

    def cleanup(self, made):
        Delivery.objects.filter(account__in=made["accounts"]).delete()
        for account in made["accounts"]:
            account.delete()
        made["group"].refresh_from_db()
        made["group"].delete()
        if made["image"]:
            made["image"].delete()
        if not made["region"].groups.exists():
            made["region"].delete()
