"""Server CPU per request of the post listings, first page to last, in-process.

    .venv/bin/python bench/listings.py --database-url postgres://postgres@127.0.0.1:5432/kim_100k

For the biggest category, the most used tag, the district with most posts and the group with
most posts, it requests the first page, the middle one and the last one `--requests` times
each (Django's test client, production settings, page cache off, post cards kept, warm) and
prints the median and p95 of the CPU time spent by this process (`time.process_time()`) and
by the PostgreSQL server process answering its queries (`/proc/<pid>/schedstat`: the
database must run on this machine), and their sum: the server CPU a request costs.
"""

import argparse
import os
import secrets
import statistics
import sys
import tempfile
import time
from pathlib import Path

from run import ROOT, collect_static, setup_django


def pick_listings():
    """(name, address, queryset) of each listing, as its view filters it."""
    from django.db.models import Count
    from taggit.models import Tag

    from kim.models import Category, GroupPage, PostPage, Region

    published = PostPage.objects.published()
    category = Category.objects.annotate(n=Count("posts")).order_by("-n").first()
    tag = Tag.objects.annotate(n=Count("kim_postpagetag_items")).order_by("-n").first()
    district = max(
        Region.objects.districts(), key=lambda region: published.in_region(region).count()
    )
    group = GroupPage.objects.public_groups().order_by("-numchild").first()
    return [
        (
            f"category {category.slug}",
            f"/kategori/{category.slug}/",
            published.filter(category=category),
        ),
        (f"tag {tag.slug}", f"/tag/{tag.slug}/", published.filter(tagged_items__tag=tag)),
        (f"district {district.code}", f"/wilayah/{district.code}/", published.in_region(district)),
        (f"group {group.slug}", group.url, published.for_group_page(group)),
    ]


def page_address(address, posts, number, per_page):
    """The address of page `number` (from 1): a page number, or the cursor of the post before."""
    from kim import listings

    if number == 1:
        return address
    if not hasattr(listings, "paginate_posts"):
        return f"{address}?page={number}"
    before = posts.order_by("-first_published_at", "-pk")[(number - 1) * per_page - 1]
    return f"{address}?{listings.OLDER}={listings.PostsPage.cursor(before)}"


def backend_cpu_ns(pid):
    """CPU time the database server process has used so far (Linux schedstat, nanoseconds)."""
    return int(Path(f"/proc/{pid}/schedstat").read_text().split()[0])


def measure(client, address, requests, backend):
    app, database, wall = [], [], []
    for _ in range(3):
        if (status := client.get(address).status_code) != 200:
            raise SystemExit(f"{address} answered {status}")
    for _ in range(requests):
        database_before, app_before, wall_before = (
            backend_cpu_ns(backend),
            time.process_time(),
            time.perf_counter(),
        )
        client.get(address)
        app.append((time.process_time() - app_before) * 1000)
        wall.append((time.perf_counter() - wall_before) * 1000)
        database.append((backend_cpu_ns(backend) - database_before) / 1e6)
    total = [a + d for a, d in zip(app, database, strict=True)]
    return app, database, total, wall


def p95(values):
    return statistics.quantiles(values, n=20)[-1]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL"))
    parser.add_argument("--requests", type=int, default=50, help="Requests per page (50).")
    args = parser.parse_args()
    args.secret_key = secrets.token_urlsafe(50)
    args.redis_url = ""
    args.no_fragments = False
    args.media_root = Path(tempfile.mkdtemp(prefix="portal-bench-media-"))
    with tempfile.TemporaryDirectory(prefix="portal-bench-") as workdir:
        static_root = Path(workdir) / "static"
        collect_static(args, static_root)
        setup_django(args, static_root)
        run(args)


def run(args):
    from django.conf import settings
    from django.db import connection
    from django.test import Client

    per_page = settings.PORTAL_POSTS_PER_PAGE
    client = Client(HTTP_HOST="127.0.0.1")
    client.get("/")
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        (backend,) = cursor.fetchone()
    print(f"load average before: {os.getloadavg()}", file=sys.stderr)
    print(
        "| page | address | app CPU ms p50 / p95 | PostgreSQL CPU ms p50 / p95 "
        "| server CPU ms p50 / p95 | wall ms p50 |"
    )
    print("| --- | --- | --: | --: | --: | --: |")
    for name, address, posts in pick_listings():
        last = max(1, -(-posts.count() // per_page))
        for label, number in (("first", 1), ("middle", (last + 1) // 2), ("last", last)):
            url = page_address(address, posts, number, per_page)
            app, database, total, wall = measure(client, url, args.requests, backend)
            print(
                f"| {name}, {label} page ({number} of {last}) | `{url}` "
                f"| {statistics.median(app):.1f} / {p95(app):.1f} "
                f"| {statistics.median(database):.1f} / {p95(database):.1f} "
                f"| {statistics.median(total):.1f} / {p95(total):.1f} "
                f"| {statistics.median(wall):.1f} |",
                flush=True,
            )
    print(f"load average after: {os.getloadavg()}", file=sys.stderr)


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
