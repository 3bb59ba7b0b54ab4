"""Instructions this process spends on one uncached post page, counted by callgrind.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_bench \
        .venv/bin/python bench/post_instructions.py --requests 100

The database must hold published posts (`manage.py generate_data`). The page cache is off;
post pages still use the parts they keep per revision (README, Caching). The script runs
itself twice under `valgrind --tool=callgrind`: once requesting each of `--pages` posts once
(start-up, warm-up), once doing the same and then `--requests` more requests over those
posts; the difference, divided by `--requests`, is what one warm request costs this
process. Instruction counts do not depend on what else the machine is doing, so they
compare two versions of the code better than CPU time; PostgreSQL's own work is not in it.
With REDIS_URL set, each run gets a key prefix of its own, so both start with an empty
shared cache (the keys expire on their own).
"""

import argparse
import importlib
import os
import re
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def serve(pages, requests):
    """Inside valgrind: load the app as the web process does and request post pages."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
    os.environ["PAGECACHE_ENABLED"] = "false"
    sys.path.insert(0, str(ROOT))
    importlib.import_module("portal.wsgi")
    from django.conf import settings
    from django.test import Client

    from kim.models import PostPage

    settings.DEBUG = False  # no query log
    urls = [post.url for post in PostPage.objects.live().order_by("pk")[:pages]]
    if not urls:
        raise SystemExit("no published posts: run manage.py generate_data first")
    client = Client()
    for url in urls:  # warm-up: templates, the site, the parts kept per revision
        if client.get(url).status_code != 200:
            raise SystemExit(f"{url}: not 200")
    for number in range(requests):
        client.get(urls[number % len(urls)])


def counted(pages, requests):
    """Total instructions callgrind collected for one run of serve()."""
    valgrind = shutil.which("valgrind")
    if not valgrind:
        raise SystemExit("valgrind is missing: apt-get install valgrind")
    result = subprocess.run(  # noqa: S603
        [
            valgrind,
            "--tool=callgrind",
            "--callgrind-out-file=/dev/null",
            sys.executable,
            __file__,
            "--serve",
            f"--pages={pages}",
            f"--requests={requests}",
        ],
        capture_output=True,
        text=True,
        check=True,
        # Else the second run would find in Redis the articles the first one rendered.
        env={**os.environ, "CACHE_KEY_PREFIX": f"post-instructions-{uuid.uuid4().hex[:8]}"},
    )
    match = re.search(r"Collected : (\d+)", result.stderr)
    if not match:
        raise SystemExit(result.stderr[-2000:])
    return int(match.group(1))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=20, help="distinct posts requested")
    parser.add_argument("--requests", type=int, default=100, help="warm requests counted")
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(args.pages, args.requests)
        return
    base = counted(args.pages, 0)
    total = counted(args.pages, args.requests)
    per_request = (total - base) / args.requests
    print(
        f"{per_request / 1e6:.2f} million instructions per uncached post page "
        f"({args.requests} warm requests over {args.pages} posts; start-up and warm-up "
        f"{base / 1e6:.0f} million)"
    )


if __name__ == "__main__":
    main()
