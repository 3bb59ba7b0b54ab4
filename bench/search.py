"""Time the public site search in-process, page cache off, against a generated database.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_bench \
        .venv/bin/python bench/search.py --rounds 20

The database must hold data from `manage.py generate_data` (and its search vectors: `manage.py
index_posts` after migrating an older one). Each query is requested through Django's test
client, uncached; one warm-up request each, then `--rounds`
rounds in turn. Per query it prints the p50 and p95 of the request's wall time (the database's
work included) and of this process's CPU time, the match count the page shows, and the load
average. `--explain` also prints PostgreSQL's EXPLAIN ANALYZE of the page's slowest query.
"""

import argparse
import importlib
import os
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# One or two words, common and rare; the last is a village name only a few posts carry.
QUERIES = ["warga", "desa", "posyandu", "kerja bakti", "pasar murah", "warga desa", "banjir"]


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--explain", action="store_true")
    parser.add_argument("queries", nargs="*")
    args = parser.parse_args()
    # Development settings (static files without a collected manifest), DEBUG off below.
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
    os.environ["PAGECACHE_ENABLED"] = "false"
    sys.path.insert(0, str(ROOT))

    # Loaded as the web process loads it (portal/wsgi.py), the start-up objects frozen.
    importlib.import_module("portal.wsgi")
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    settings.DEBUG = False  # no query log
    client = Client()
    queries = args.queries or [*QUERIES, _rare_word(connection)]
    wall = {query: [] for query in queries}
    cpu = {query: [] for query in queries}
    shown = {}
    for query in queries:  # warm-up: templates, the site, the cache of cards
        response = client.get("/cari/", {"q": query})
        if response.status_code != 200:
            raise SystemExit(f"{query}: status {response.status_code}")
        status = re.search(r'class="result-count"[^>]*>([^<]*)<', response.content.decode())
        shown[query] = status.group(1).split("“")[0].strip()
    for _ in range(args.rounds):
        for query in queries:
            started, started_cpu = time.perf_counter(), time.process_time()
            client.get("/cari/", {"q": query})
            wall[query].append((time.perf_counter() - started) * 1000)
            cpu[query].append((time.process_time() - started_cpu) * 1000)
    print(f"load average {os.getloadavg()}; {args.rounds} rounds; ms per request")
    print(
        f"{'query':<14}{'matches':>12}{'wall p50':>10}{'wall p95':>10}{'cpu p50':>9}{'cpu p95':>9}"
    )
    for query in queries:
        print(
            f"{query:<14}{shown[query][:11]:>12}"
            f"{statistics.median(wall[query]):>10.1f}{percentile(wall[query], 0.95):>10.1f}"
            f"{statistics.median(cpu[query]):>9.1f}{percentile(cpu[query], 0.95):>9.1f}"
        )
    if args.explain:
        for query in queries:
            with CaptureQueriesContext(connection) as captured:
                client.get("/cari/", {"q": query})
            slowest = max(captured.captured_queries, key=lambda item: float(item["time"]))
            with connection.cursor() as cursor:
                cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + slowest["sql"])
                plan = "\n".join(row[0] for row in cursor.fetchall())
            print(f"\n-- {query}: {slowest['sql'][:300]}...\n{plan}")


def _rare_word(connection):
    """A village's name: in the titles of its group's few posts."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM kim_region WHERE level = 'village' ORDER BY id LIMIT 1")
        row = cursor.fetchone()
    return row[0].split()[0].lower() if row else None


if __name__ == "__main__":
    main()
