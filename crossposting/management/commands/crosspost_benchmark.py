"""Measure the delivery worker's throughput against the fake network servers on 127.0.0.1.

Creates a throw-away group, posts, accounts (one per automatic network) and deliveries in the
configured database, runs the worker code over them only, checks that every delivery was
posted exactly once, prints deliveries per second, and removes what it created. The fake
servers run in the same process as the workers, so the figure is a floor for real networks'
latency and a ceiling for one process's bookkeeping. On a throw-away PostgreSQL database:

    createdb -h 127.0.0.1 -U postgres crosspost_bench
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/crosspost_bench python manage.py migrate
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/crosspost_bench \
        python manage.py crosspost_benchmark --deliveries 500 --workers 4
"""

import math
import threading
import time
from io import BytesIO

import requests
from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test.utils import override_settings
from PIL import Image as PILImage
from wagtail.models import Collection

from crossposting import worker
from crossposting.models import Delivery, DeliveryStatus, Network, SocialAccount
from crossposting.testing.fakes import FakeGraphAPI, FakeTelegramAPI, FakeXAPI
from kim.models import GroupDirectoryPage, GroupPage, PostPage, Region, RegionLevel
from photos.models import Photo

NETWORKS = [Network.FACEBOOK_PAGE, Network.INSTAGRAM, Network.X, Network.TELEGRAM]
POSTS = 10


class Command(BaseCommand):
    help = (
        "Run the cross-posting worker against fake network servers on 127.0.0.1 and print "
        "deliveries/s. Use a throw-away database (DATABASE_URL): it adds and removes rows."
    )

    def add_arguments(self, parser):
        parser.add_argument("--deliveries", type=int, default=500)
        parser.add_argument(
            "--workers",
            type=int,
            default=1,
            help="Worker threads (use 1 on SQLite, which serialises writes).",
        )
        parser.add_argument(
            "--no-photo", action="store_true", help="Text-only posts (no photo upload to X)."
        )

    def handle(self, *args, deliveries, workers, no_photo, **options):
        if deliveries < len(NETWORKS):
            raise CommandError(f"Give at least {len(NETWORKS)} deliveries.")
        graph, x_api, telegram = FakeGraphAPI(), FakeXAPI(), FakeTelegramAPI()
        servers = (graph, x_api, telegram)
        for server in servers:
            server.start()
        graph.add_page("900001", "bench-page-token")
        graph.add_instagram("900002", "bench-ig-token")
        telegram.add_channel(-1009000000003, username="benchkanal")
        urls = {
            "CROSSPOSTING_GRAPH_API_URL": graph.url,
            "CROSSPOSTING_INSTAGRAM_API_URL": graph.url,
            "CROSSPOSTING_X_API_URL": x_api.url,
            "CROSSPOSTING_TELEGRAM_API_URL": telegram.url,
            "CROSSPOSTING_READ_TIMEOUT": 10,
        }
        made = None
        try:
            with override_settings(**urls, CROSSPOSTING_GRAPH_API_VERSION=graph.version):
                made = self.setup(deliveries, photo=not no_photo, x_api=x_api, telegram=telegram)
                scope = Delivery.objects.filter(account__in=made["accounts"])
                elapsed = self.run_workers(scope, workers)
                self.report(scope, elapsed, workers, servers=(graph, x_api, telegram))
        finally:
            for server in servers:
                server.stop()
            if made:
                self.cleanup(made)

    def setup(self, count, *, photo, x_api, telegram):
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
                live=False,
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
                    live=False,
                    summary="Benchmark.",
                    body=[],
                    hero_image=image,
                    hero_alt="Benchmark." if image else "",
                )
            )
            for n in range(POSTS)
        ]
        accounts = []
        credentials = {
            Network.FACEBOOK_PAGE: ("900001", {"page_access_token": "bench-page-token"}),
            Network.INSTAGRAM: ("900002", {"access_token": "bench-ig-token"}),
            Network.X: ("", x_api.credentials()),
            Network.TELEGRAM: ("@benchkanal", {"bot_token": telegram.bot_token}),
        }
        for network in NETWORKS:
            remote_id, secret = credentials[network]
            account = SocialAccount(
                network=network, name=f"Benchmark {network}", remote_id=remote_id, handle="bench"
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

    def run_workers(self, scope, workers):
        errors = []

        def run():
            try:
                worker.deliver_due(scope=scope, session=requests.Session())
            except Exception as error:  # noqa: BLE001
                errors.append(error)
            finally:
                connection.close()

        started = time.perf_counter()
        if workers == 1:
            worker.deliver_due(scope=scope, session=requests.Session())
            return time.perf_counter() - started
        threads = [threading.Thread(target=run) for _ in range(workers)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.perf_counter() - started
        if errors:
            raise CommandError(f"A worker failed: {errors[0]!r}")
        return elapsed

    def report(self, scope, elapsed, workers, servers):
        graph, x_api, telegram = servers
        total = scope.count()
        sent = scope.filter(status=DeliveryStatus.SENT).count()
        remote = len(graph.posts) + len(x_api.tweets) + len(telegram.messages)
        self.stdout.write(
            f"{sent}/{total} deliveries sent by {workers} worker(s) in {elapsed:.2f} s: "
            f"{sent / elapsed:.1f} deliveries/s ({connection.vendor}); "
            f"{remote} posts on the fake networks"
        )
        if sent != total or remote != total:
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
