"""Benchmark the portal on this machine and print one table.

    .venv/bin/python bench/run.py --database-url postgres://postgres@127.0.0.1:5432/portal_bench

The database must hold data from `manage.py generate_data`; or give --posts (with --groups and
--members) and the script creates a throw-away PostgreSQL database portal_bench_<pid> on
127.0.0.1, migrates it, generates the data, benchmarks, and drops it (`make bench`).
It collects static files into a temporary folder, measures SQL queries and page weight per
page in-process (Django's test client, page cache off), then starts gunicorn with the
production settings on loopback twice (page cache off, then on) and loads each address with
wrk (Debian's `wrk`), or, when wrk is missing, a small threaded Python client. Every run is
bounded: `--duration` seconds per address, loopback only. Figures are meant as ratios within
one run: the load generator
shares the cores with the server.
"""

import argparse
import contextlib
import gzip
import os
import random
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from http.client import HTTPConnection
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
STATIC = "static file (whitenoise)"
# The static file asked for the way many addresses are (wrk runs a script per request, on the
# same cores): what rows of many addresses are compared with.
STATIC_MANY = "static file (as many addresses)"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_environment(args, static_root, *, cached):
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY=args.secret_key,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        # Production requires it; only absolute links (canonical, feeds) show it.
        BASE_URL=env.get("BASE_URL") or "http://127.0.0.1:8000",
        DATABASE_URL=args.database_url,
        SECURE_SSL_REDIRECT="false",
        STATIC_ROOT=str(static_root),
        MEDIA_ROOT=str(args.media_root),
        LOG_LEVEL="WARNING",
        PAGECACHE_ENABLED="true" if cached else "false",
        PAGECACHE_FRAGMENTS="false" if args.no_fragments else "true",
        PAGECACHE_GENERATION_FILE=str(static_root.parent / "pagecache-generation"),
    )
    if args.redis_url:
        env["REDIS_URL"] = args.redis_url
    else:
        env.pop("REDIS_URL", None)
    return env


# --- in-process measurements -----------------------------------------------------------


def setup_django(args, static_root):
    os.environ.update(server_environment(args, static_root, cached=False))
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def collect_static(args, static_root):
    subprocess.run(  # noqa: S603
        [PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=server_environment(args, static_root, cached=False),
        check=True,
    )


def pick_addresses(many):
    """Addresses of each kind of page, chosen from the data: the busiest group and so on.

    With `many`, also that many posts' addresses, newest first, loaded in a random order: one
    address per page kind only ever hits what a cache holds, many show what it forgets.
    """
    from wagtail.models import WorkflowState

    from kim.models import Category, GroupDirectoryPage, GroupPage, PostPage

    directory = GroupDirectoryPage.objects.get()
    group = GroupPage.objects.public_groups().order_by("-numchild").first()
    post = PostPage.objects.published().for_group(group).order_by("-first_published_at").first()
    category = Category.objects.order_by("pk").first()
    static = _static_file()
    public = {
        STATIC: static,
        "home": "/",
        "group": group.url,
        "post": post.url,
        "listing (category)": f"/kategori/{category.slug}/",
        "group directory": directory.url,
        "search": "/cari/?q=posyandu",
    }
    if many:
        posts = PostPage.objects.published().order_by("-first_published_at")[:many]
        urls = [post.url for post in posts.specific(defer=True)]
        public[STATIC_MANY] = [static] * len(urls)
        public[f"posts ({len(urls):,} addresses)"] = urls
    admin = {
        "admin dashboard (moderation queue)": "/admin/",
        "admin explorer (directory)": f"/admin/pages/{directory.pk}/",
        "admin explorer (group)": f"/admin/pages/{group.pk}/",
        "admin editor (post)": f"/admin/pages/{post.pk}/edit/",
        "admin page chooser": "/admin/choose-page/",
    }
    # What a reviewing editor opens from the queue (its oldest post), and Wagtail's list of
    # workflows in the Reports menu.
    waiting = (
        WorkflowState.objects.active()
        .filter(status=WorkflowState.STATUS_IN_PROGRESS)
        .order_by("created_at")
        .first()
    )
    if waiting:
        admin["admin editor (post in review)"] = f"/admin/pages/{waiting.object_id}/edit/"
        admin["admin workflow report"] = "/admin/reports/workflow/"
    # The same group's explorer seen by its own admin: permission checks scoped to one group.
    group_admin = group.contributor.admin_group.user_set.order_by("pk").first()
    as_group_admin = {}
    if group_admin:
        as_group_admin = {
            "admin dashboard (group admin)": "/admin/",
            "admin explorer (group, group admin)": f"/admin/pages/{group.pk}/",
        }
    return public, admin, as_group_admin, group_admin


def _static_file():
    from django.contrib.staticfiles.storage import staticfiles_storage

    return staticfiles_storage.url("css/portal.css")


def session_cookie(user=None):
    """A signed-in session (the generated editor by default), without a password round trip."""
    from django.conf import settings
    from django.contrib.auth import (
        BACKEND_SESSION_KEY,
        HASH_SESSION_KEY,
        SESSION_KEY,
        get_user_model,
        load_backend,
    )
    from django.contrib.sessions.backends.db import SessionStore
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_static.models import StaticDevice

    from benchdata.services import EDITOR_USERNAME

    if user is None:
        user = get_user_model().objects.get(username=EDITOR_USERNAME)
    # Editors and group admins use the admin only after a second factor (signin): a device
    # of the benchmark's own, as if its code had been given at sign-in.
    device, _ = StaticDevice.objects.get_or_create(user=user, name="benchmark", confirmed=True)
    session = SessionStore()
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session[SESSION_KEY] = str(user.pk)
    # The first backend that can find a signed-in user (django-axes' comes first and cannot).
    session[BACKEND_SESSION_KEY] = next(
        path for path in settings.AUTHENTICATION_BACKENDS if hasattr(load_backend(path), "get_user")
    )
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}"


def page_costs(addresses, cookies):
    """SQL queries (second request, warm caches), server CPU time and weight of each page.

    The CPU time is this process's (median of three requests): unlike latency it hardly
    depends on what else the machine runs, so it shows what a page costs on an idle core.
    """
    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    costs = {}
    for name, url in addresses.items():
        if isinstance(url, list):
            url = url[0]  # what one of them costs
        client = Client(HTTP_HOST="127.0.0.1")
        if cookie := cookies.get(name):
            key, _, value = cookie.partition("=")
            client.cookies[key] = value
        client.get(url)
        # Each request empties the connection's query log as it starts: count from zero.
        reset_queries()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        # Count now: the next request empties the log the captured slice points into.
        query_count = len(queries.captured_queries)
        cpu = []
        for _ in range(3):
            started = time.process_time()
            client.get(url)
            cpu.append((time.process_time() - started) * 1000)
        body = b"".join(response) if response.streaming else response.content
        assets = []
        if "html" in response.get("Content-Type", ""):
            for asset in re.findall(
                rb'<(?:link[^>]+rel="(?:stylesheet|icon)"[^>]+href|script[^>]+src)="(/static/[^"]+)"',
                body,
            ):
                asset_response = client.get(asset.decode())
                assets.append(
                    b"".join(asset_response) if asset_response.streaming else asset_response.content
                )
        if response.status_code != 200:
            raise SystemExit(f"{name} ({url}) answered {response.status_code}, not 200")
        costs[name] = {
            "queries": query_count,
            "cpu": statistics.median(cpu),
            "html": len(body),
            "gzip": len(gzip.compress(body)) + sum(len(gzip.compress(a)) for a in assets),
            "requests": 1 + len(assets),
        }
    return costs


# --- load generation ---------------------------------------------------------------------


@contextlib.contextmanager
def gunicorn(args, static_root, *, cached):
    port = free_port()
    process = subprocess.Popen(  # noqa: S603
        [
            str(Path(PYTHON).parent / "gunicorn"),
            "portal.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(args.workers),
            "--timeout",
            "60",
            "--error-logfile",
            "-",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=server_environment(args, static_root, cached=cached),
        stdout=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/robots.txt", timeout=2)  # noqa: S310
                break
            except OSError:
                if process.poll() is not None:
                    raise SystemExit("gunicorn exited; see its log above") from None
                time.sleep(0.5)
        yield f"http://127.0.0.1:{port}"
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)


# wrk's own summary has no 95th percentile: print the ones the table shows (microseconds).
WRK_SCRIPT = """
done = function(summary, latency, requests)
  io.write(string.format("percentiles %d %d %d\\n",
    latency:percentile(50), latency:percentile(95), latency:percentile(99)))
end
"""


# What every browser sends: pages and static files are then served compressed, as readers get
# them.
ACCEPT_ENCODING = "gzip, deflate, br"


def request_headers(cookie):
    return {"Accept-Encoding": ACCEPT_ENCODING} | ({"Cookie": cookie} if cookie else {})


# Many addresses: each request asks for one of them at random.
WRK_MANY_SCRIPT = """
paths = {%s}
request = function()
  return wrk.format(nil, paths[math.random(#paths)])
end
"""


def load_wrk(url, args, cookie):
    with tempfile.NamedTemporaryFile("w", suffix=".lua", prefix="portal-bench-") as script:
        script.write(WRK_SCRIPT)
        if isinstance(url, list):
            base, paths = split_addresses(url)
            script.write(WRK_MANY_SCRIPT % ", ".join(f'"{path}"' for path in paths))
            url = base + paths[0]
        script.flush()
        command = [
            "wrk",
            "-t1",
            f"-c{args.connections}",
            f"-d{args.duration}s",
            "--timeout",
            "10s",
            "-s",
            script.name,
            url,
        ]
        for name, value in request_headers(cookie).items():
            command[1:1] = ["-H", f"{name}: {value}"]
        output = subprocess.run(  # noqa: S603
            command, capture_output=True, text=True, check=True
        ).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    p50, p95, p99 = (
        int(v) / 1000 for v in re.search(r"percentiles (\d+) (\d+) (\d+)", output).groups()
    )
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    # A page slower than the timeout completes no request: count those as errors too.
    timeouts = re.search(r"Socket errors:.* timeout (\d+)", output)
    return (
        rate,
        p50,
        p95,
        p99,
        sum(int(found.group(1)) for found in (errors, timeouts) if found),
    )


def split_addresses(urls):
    """The server's base address and the paths of full addresses on it."""
    base = re.match(r"http://[^/]+", urls[0]).group(0)
    return base, [url.removeprefix(base) for url in urls]


def load_python(url, args, cookie):
    """A bounded threaded client for machines without wrk."""
    base, paths = split_addresses(url if isinstance(url, list) else [url])
    host = base.removeprefix("http://")
    latencies, errors, stop = [], [0], time.monotonic() + args.duration
    lock = threading.Lock()

    def worker():
        connection = HTTPConnection(host, timeout=10)
        headers = request_headers(cookie)
        chooser = random.Random()  # noqa: S311 (which page to ask for next)
        while time.monotonic() < stop:
            started = time.perf_counter()
            connection.request("GET", chooser.choice(paths), headers=headers)
            response = connection.getresponse()
            response.read()
            elapsed = (time.perf_counter() - started) * 1000
            with lock:
                latencies.append(elapsed)
                errors[0] += response.status >= 400
        connection.close()

    threads = [threading.Thread(target=worker) for _ in range(args.connections)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    if len(latencies) < 2:
        latencies = latencies * 2 or [float("nan")] * 2
    cuts = statistics.quantiles(latencies, n=100)
    return len(latencies) / elapsed, cuts[49], cuts[94], cuts[98], errors[0]


def use_wrk(args):
    return bool(shutil.which("wrk")) and not args.python_client


# At most this many unmeasured rounds before addresses are measured (see measure()).
WARM_ROUNDS = 6


def measure(base, addresses, args, cookies=None):
    load = load_wrk if use_wrk(args) else load_python
    results = {}
    for name, url in addresses.items():
        cookie = (cookies or {}).get(name)
        # Warm up: renditions, Wagtail's caches, the page cache, connections; each of many
        # addresses once (on as many threads as the server has workers).
        urls = [base + each for each in url] if isinstance(url, list) else [base + url] * 3
        with ThreadPoolExecutor(args.workers if isinstance(url, list) else 1) as pool:
            list(pool.map(lambda address, cookie=cookie: fetch(address, cookie), urls))
        if isinstance(url, list):
            # Each worker process has its own local-memory cache, and an address read once
            # was read by one of them (the kernel hands most connections to the worker that
            # accepted last): unmeasured rounds let the others read it too, until the rate
            # stops rising (each round's rate is printed: the first minutes after a
            # publication look like the first rounds).
            previous = 0
            for _ in range(WARM_ROUNDS):
                rate = load(urls, args, cookie)[0]
                print(f"  {name}: unmeasured round, {rate:.0f} req/s", file=sys.stderr)
                if rate < previous * 1.05:
                    break
                previous = rate
        results[name] = load(urls if isinstance(url, list) else base + url, args, cookie)
        print(f"  {name}: {results[name][0]:.0f} req/s", file=sys.stderr)
    return results


def fetch(url, cookie):
    request = urllib.request.Request(url, headers=request_headers(cookie))  # noqa: S310
    with contextlib.suppress(OSError):
        urllib.request.urlopen(request, timeout=30).read()  # noqa: S310


# --- report ------------------------------------------------------------------------------


def table(costs, uncached, cached, many):
    """One row per page; ratios against the static file measured by the same server.

    Rows named in `many` (many addresses) are compared with the static file asked for the
    same way.
    """
    lines = [
        "| page | SQL queries | server CPU ms | HTML KiB | gzip KiB (requests) "
        "| uncached req/s | p50 / p95 / p99 ms | uncached / static "
        "| cached req/s | p50 / p95 / p99 ms | cached / static |",
        "| --- | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: |",
    ]
    for name, cost in costs.items():
        row = [
            name,
            str(cost["queries"]),
            f"{cost['cpu']:.0f}",
            f"{cost['html'] / 1024:.1f}",
            f"{cost['gzip'] / 1024:.1f} ({cost['requests']})",
        ]
        for results in (uncached, cached):
            if name in results:
                rate, p50, p95, p99, errors = results[name]
                row += [
                    f"{rate:.0f}" + (f" ({errors} errors)" if errors else ""),
                    f"{p50:.0f} / {p95:.0f} / {p99:.0f}",
                    f"{rate / results[STATIC_MANY if name in many else STATIC][0]:.2f}",
                ]
            else:
                row += ["-", "-", "-"]
        lines.append("| " + " | ".join(row) + " |")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL"))
    parser.add_argument(
        "--posts",
        type=int,
        help="Create a throw-away database with this many posts (groups and members in "
        "proportion unless given) and drop it afterwards.",
    )
    parser.add_argument("--groups", type=int, help="With --posts: groups (posts / 50).")
    parser.add_argument("--members", type=int, help="With --posts: members (groups x 10).")
    parser.add_argument(
        "--redis-url",
        default=os.environ.get("REDIS_URL", ""),
        help="Shared cache for the page cache (default: $REDIS_URL or none).",
    )
    parser.add_argument(
        "--media-root",
        type=Path,
        default=Path(os.environ.get("MEDIA_ROOT", ROOT / "var" / "media")),
    )
    parser.add_argument("--duration", type=int, default=8, help="Seconds per address (8).")
    parser.add_argument("--connections", type=int, default=8, help="Open connections (8).")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (2).")
    parser.add_argument("--python-client", action="store_true", help="Do not use wrk.")
    parser.add_argument(
        "--many",
        type=int,
        default=2000,
        help="Also load this many posts' addresses at random (2000; 0: none).",
    )
    parser.add_argument(
        "--no-fragments",
        action="store_true",
        help="Keep no post article between requests either (every page from scratch).",
    )
    pages = parser.add_mutually_exclusive_group()
    pages.add_argument("--skip-admin", action="store_true", help="Public pages only.")
    pages.add_argument(
        "--only-admin",
        action="store_true",
        help="Admin pages only (with the static file, for the ratio), page cache off only.",
    )
    args = parser.parse_args()
    args.secret_key = secrets.token_urlsafe(50)
    args.duration = max(1, min(args.duration, 60))
    args.connections = max(1, min(args.connections, 64))
    if args.posts:
        with throwaway_database(args):
            run(args)
    elif args.database_url:
        run(args)
    else:
        parser.error("give --database-url (or DATABASE_URL), or --posts to generate data")


PG = ["-h", "127.0.0.1", "-p", "5432", "-U", "postgres"]


@contextlib.contextmanager
def throwaway_database(args):
    name = f"portal_bench_{os.getpid()}"
    groups = args.groups or max(1, args.posts // 50)
    members = args.members or groups * 10
    subprocess.run(["createdb", *PG, name], check=True)  # noqa: S603, S607
    media = Path(tempfile.mkdtemp(prefix="portal-bench-media-"))
    try:
        args.database_url = f"postgres://postgres@127.0.0.1:5432/{name}"
        args.media_root = media
        env = server_environment(args, media / "static", cached=False)
        env["DJANGO_SETTINGS_MODULE"] = "portal.settings.dev"
        for command in (
            ["migrate", "--noinput", "-v0"],
            [
                "generate_data",
                f"--groups={groups}",
                f"--members={members}",
                f"--posts={args.posts}",
            ],
        ):
            subprocess.run([PYTHON, "manage.py", *command], cwd=ROOT, env=env, check=True)  # noqa: S603
        yield
    finally:
        close_connections()
        # --force: a gunicorn killed mid-request may leave a connection behind.
        subprocess.run(["dropdb", *PG, "--if-exists", "--force", name], check=False)  # noqa: S603, S607
        shutil.rmtree(media, ignore_errors=True)


def close_connections():
    """Close this process's own connection to the benchmark database (set up by run())."""
    if "django" in sys.modules:
        from django.db import connections

        connections.close_all()


def run(args):
    if not use_wrk(args):
        print(
            "wrk not found (Debian: apt-get install -y wrk): using the slower Python client; "
            "its figures are lower and not comparable with wrk's.",
            file=sys.stderr,
        )
    with tempfile.TemporaryDirectory(prefix="portal-bench-") as workdir:
        static_root = Path(workdir) / "static"
        collect_static(args, static_root)
        setup_django(args, static_root)
        public, admin, as_group_admin, group_admin = pick_addresses(args.many)
        if args.skip_admin:
            admin, as_group_admin = {}, {}
        if args.only_admin:
            public = {name: url for name, url in public.items() if name == STATIC}
        cookies = {}
        if admin:
            editor = session_cookie()
            cookies |= dict.fromkeys(admin, editor)
        if as_group_admin:
            cookies |= dict.fromkeys(as_group_admin, session_cookie(group_admin))
        admin |= as_group_admin
        costs = page_costs(public | admin, cookies)
        load_before = os.getloadavg()
        # One editor at a time: the admin's latency is its own, not a queue's.
        one_at_a_time = argparse.Namespace(**{**vars(args), "connections": 1})
        print("Page cache off:", file=sys.stderr)
        with gunicorn(args, static_root, cached=False) as base:
            uncached = measure(base, public, args)
            uncached |= measure(base, admin, one_at_a_time, cookies)
        cached = {}
        if not args.only_admin:
            print("Page cache on:", file=sys.stderr)
            with gunicorn(args, static_root, cached=True) as base:
                # The static file again: the machine's load drifts between the two servers.
                cached = measure(base, public, args)
        load_after = os.getloadavg()

    from django.db import connection

    from kim.models import GroupPage, PostPage

    tool = "wrk" if use_wrk(args) else "Python client"
    print(
        f"\n{PostPage.objects.count()} posts, {GroupPage.objects.count()} groups on "
        f"{connection.vendor}; gunicorn {args.workers} workers, {tool} with "
        f"{args.connections} connections for {args.duration} s per address (admin: 1); "
        f"page cache: {'Redis' if args.redis_url else 'per-process memory'}, post articles "
        f"{'not kept' if args.no_fragments else 'kept'} when it is off; load average "
        f"before {load_before[0]:.2f}, after {load_after[0]:.2f} on {os.cpu_count()} cores.\n"
    )
    many = {name for name, url in public.items() if isinstance(url, list)}
    print(table(costs, uncached, cached, many))
    close_connections()


if __name__ == "__main__":
    main()
