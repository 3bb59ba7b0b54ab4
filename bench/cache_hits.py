"""CPU per page-cache hit, in-process: the local cache against Redis.

    REDIS_URL=redis://127.0.0.1:6379/7 .venv/bin/python bench/cache_hits.py --addresses 2000

Runs pagecache's middleware around a view that answers a 13 KB page, with each cache
configuration in turn: Django's local-memory cache, Redis with the per-process layer in front
(PAGECACHE_LOCAL_ENTRIES), and Redis alone. Every address is first read once (a miss, which
stores it), then all are read `--rounds` times in a shuffled order; the figure is CPU time
(time.process_time, this process only: Redis's own CPU is not counted) per hit. With more
addresses than the layer holds, the layer evicts and the Redis figure shows through.
"""

import argparse
import os
import random
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")


def caches_for(kind, redis_url, prefix, local_entries):
    local = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    if kind == "local":
        return {
            alias: {**local, "LOCATION": f"{prefix}-{alias}", "OPTIONS": {"MAX_ENTRIES": 100_000}}
            for alias in ("default", "pages")
        }
    caches = {
        alias: {
            "BACKEND": "pagecache.backends.ResilientRedisCache",
            "LOCATION": redis_url,
            "KEY_PREFIX": f"{prefix}:{alias}",
        }
        for alias in ("default", "pages")
    }
    if local_entries:
        caches["pages-local"] = {
            **local,
            "LOCATION": f"{prefix}-pages-local",
            "OPTIONS": {"MAX_ENTRIES": local_entries},
        }
    return caches


def measure(kind, local_entries, args, page):
    from django.core.cache import caches
    from django.http import HttpResponse
    from django.test import RequestFactory, override_settings

    from pagecache import generation
    from pagecache.middleware import HIT_HEADER, PageCacheMiddleware

    prefix = f"sharedcache-helper:bench-{uuid.uuid4().hex[:8]}"
    with override_settings(
        CACHES=caches_for(kind, args.redis_url, prefix, local_entries),
        PAGECACHE_ENABLED=True,
        PAGECACHE_LOCAL_ENTRIES=local_entries,
    ):
        generation.forget()
        middleware = PageCacheMiddleware(lambda request: HttpResponse(page))
        factory = RequestFactory()
        requests = [
            factory.get(f"/kelompok/kim-{n}/tulisan-{n}/", HTTP_ACCEPT_ENCODING="gzip")
            for n in range(args.addresses)
        ]
        for request in requests:
            middleware(request)
        order = requests * args.rounds
        random.Random(1).shuffle(order)  # noqa: S311 (an order, no secret)
        hits = 0
        start = time.process_time()
        for request in order:
            hits += middleware(request)[HIT_HEADER] == "hit"
        spent = time.process_time() - start
        if kind != "local":
            caches["pages"].clear()
            caches["default"].clear()
    return spent / len(order) * 1e6, hits / len(order)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--addresses", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--local-entries", type=int, default=None, help="layer size")
    parser.add_argument("--redis-url", default=os.environ.get("REDIS_URL", ""))
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings

    local_entries = args.local_entries or settings.PAGECACHE_LOCAL_ENTRIES
    # A post page's size (13 KB of HTML, about 4 KB gzip-compressed).
    vocabulary = ["warga", "desa", "kelompok", "jalan", "bambu"]
    words = random.Random(0).choices(vocabulary, k=2200)  # noqa: S311
    page = "<html><body>" + " ".join(words) + "</body></html>"
    runs = [("local memory", "local", 0)]
    if args.redis_url:
        runs += [
            (f"Redis + layer of {local_entries}", "redis", local_entries),
            ("Redis alone", "redis", 0),
        ]
    print(f"{args.addresses} addresses, {args.rounds} rounds; load {os.getloadavg()[0]:.2f}")
    for name, kind, entries in runs:
        micros, hit_rate = measure(kind, entries, args, page)
        print(f"{name:28} {micros:7.1f} µs CPU per request  ({hit_rate:.0%} hits)")


if __name__ == "__main__":
    main()
