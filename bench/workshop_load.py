"""Load benchmark: N workshop participants sign in and save drafts at once, on one server.

Runs entirely on loopback against a throwaway database:

1. creates a PostgreSQL database (or a SQLite file with --sqlite), migrates it, collects static
   files, and creates a workshop with N participant accounts (workshop_bench_setup);
2. starts gunicorn with the production settings on 127.0.0.1;
3. releases N client threads together; each one signs in with its temporary password, chooses
   its own password, opens the new-post form, saves a draft, then saves it again;
4. prints errors, timings (median, p95, max) per step, throughput and the machine's load
   average, writes them as JSON, stops gunicorn and drops the database.

    .venv/bin/python bench/workshop_load.py                 # 150 participants, PostgreSQL
    .venv/bin/python bench/workshop_load.py --participants 20 --sqlite
    .venv/bin/python bench/workshop_load.py --ramp-up 120    # arrivals spread over 2 minutes

Every request has a timeout and the whole run a deadline, so it always stops by itself.
"""

import argparse
import http.client
import json
import os
import re
import secrets
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
LOOPBACK = ("127.0.0.1", "localhost", "::1")
CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
STEPS = ("login_page", "login", "choose_password", "new_post_form", "save_draft", "save_again")

BODY = (
    "<p>Warga RW 03 bergotong royong membersihkan saluran air pada Minggu pagi. Sampah plastik "
    "dan lumpur yang menyumbat gorong-gorong diangkut ke tempat pembuangan sementara.</p>"
)


def log(message):
    print(message, flush=True)


class Client:
    """A minimal browser: one keep-alive connection, cookies kept by hand.

    The production settings mark cookies Secure and trust X-Forwarded-Proto from a proxy;
    this client plays the proxy's part on loopback so that nothing in the settings changes.
    """

    def __init__(self, host, port, timeout):
        self.host, self.port, self.timeout = host, port, timeout
        self.cookies = {}
        self.connection = None

    def request(self, method, path, data=None):
        headers = {
            "Host": f"{self.host}:{self.port}",
            "X-Forwarded-Proto": "https",
            "User-Agent": "workshop-load-bench",
        }
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if data is not None:
            body = urllib.parse.urlencode(data, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Referer"] = f"https://{self.host}:{self.port}{path}"
            headers["Origin"] = f"https://{self.host}:{self.port}"
        for attempt in (1, 2):
            if self.connection is None:
                self.connection = http.client.HTTPConnection(
                    self.host, self.port, timeout=self.timeout
                )
            try:
                self.connection.request(method, path, body=body, headers=headers)
                response = self.connection.getresponse()
                content = response.read()
                break
            except (ConnectionError, http.client.HTTPException):
                self.connection.close()
                self.connection = None
                if attempt == 2:
                    raise
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name.strip()] = rest.split(";", 1)[0]
        return (
            response.status,
            response.getheader("Location") or "",
            content.decode("utf-8", "replace"),
        )

    def close(self):
        if self.connection is not None:
            self.connection.close()


def csrf(html):
    match = CSRF_INPUT.search(html)
    if not match:
        raise RuntimeError("no CSRF token in the page")
    return match.group(1)


def base_post_form():
    """The new-post form as the admin's editor sends it (built once, with Wagtail's helpers)."""
    import django

    # Run as a script, Python puts bench/ on the path, not the project.
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    django.setup()
    from wagtail.test.utils.form_data import (
        inline_formset,
        nested_form_data,
        rich_text,
        streamfield,
    )

    return nested_form_data(
        {
            "title": "",
            "slug": "",
            "summary": "Warga membersihkan saluran air sebelum musim hujan.",
            "body": streamfield([("paragraph", rich_text(BODY))]),
            "hero_image": "",
            "hero_alt": "",
            "category": "",
            "tags": "",
            "event_date": "",
            "event_place": "",
            "go_live_at": "",
            "expire_at": "",
            "sources": inline_formset(
                [
                    {
                        "title": "Pemerintah Desa",
                        "kind": "official",
                        "url": "",
                        "description": "Pengumuman kepala desa",
                    }
                ]
            ),
            "comments": inline_formset([]),
            "seo_title": "",
            "search_description": "",
        }
    )


def post_form(base, token, title, slug):
    return {**base, "title": title, "slug": slug, "csrfmiddlewaretoken": token, "action-save": "1"}


def participant_story(number, account, ctx, results, start_barrier):
    """One participant: sign in, choose a password, write a draft, save it again."""
    client = Client(ctx["host"], ctx["port"], ctx["timeout"])
    timings = {}
    failed = None

    def step(name, method, path, data=None, expect=(200,)):
        started = time.perf_counter()
        status, location, html = client.request(method, path, data)
        timings[name] = time.perf_counter() - started
        if status not in expect:
            raise RuntimeError(f"{name}: HTTP {status} {location}")
        return location, html

    try:
        start_barrier.wait(timeout=ctx["timeout"])
        time.sleep(ctx["ramp_up"] * (number - 1) / ctx["participants"])
        _, html = step("login_page", "GET", "/admin/login/")
        location, _ = step(
            "login",
            "POST",
            "/admin/login/",
            {
                "csrfmiddlewaretoken": csrf(html),
                "username": account["username"],
                "password": account["password"],
                "next": "/admin/",
            },
            expect=(302,),
        )
        _, html = client.request("GET", "/admin/kim/ganti-sandi/")[1:]
        new_password = f"Gotong-royong-{secrets.token_hex(4)}"
        step(
            "choose_password",
            "POST",
            "/admin/kim/ganti-sandi/",
            {
                "csrfmiddlewaretoken": csrf(html),
                "new_password1": new_password,
                "new_password2": new_password,
            },
            expect=(302,),
        )
        add_path = f"/admin/pages/add/kim/postpage/{ctx['sandbox_page']}/"
        _, html = step("new_post_form", "GET", add_path)
        slug = f"latihan-{account['username']}"
        location, _ = step(
            "save_draft",
            "POST",
            add_path,
            post_form(ctx["form"], csrf(html), f"Kerja bakti {number}", slug),
            expect=(302,),
        )
        match = re.search(r"/admin/pages/(\d+)/edit/", location)
        if not match:
            raise RuntimeError(f"save_draft: unexpected redirect {location}")
        edit_path = match.group(0)
        _, html = client.request("GET", edit_path)[1:]
        step(
            "save_again",
            "POST",
            edit_path,
            post_form(ctx["form"], csrf(html), f"Kerja bakti {number} (revisi)", slug),
            expect=(302,),
        )
    except Exception as error:  # noqa: BLE001  (every failure is counted, none stops the run)
        failed = f"{type(error).__name__}: {error}"
    finally:
        client.close()
    results[number] = {"timings": timings, "error": failed}


def percentile(values, fraction):
    ordered = sorted(values)
    index = max(0, min(len(ordered) - 1, round(fraction * len(ordered) + 0.5) - 1))
    return ordered[index]


def summarise(results, wall):
    summary = {"participants": len(results), "wall_seconds": round(wall, 1), "steps": {}}
    errors = [r["error"] for r in results.values() if r["error"]]
    summary["errors"] = len(errors)
    summary["error_samples"] = sorted(set(errors))[:5]
    for name in STEPS:
        values = [r["timings"][name] for r in results.values() if name in r["timings"]]
        if values:
            summary["steps"][name] = {
                "count": len(values),
                "median_ms": round(1000 * statistics.median(values)),
                "p95_ms": round(1000 * percentile(values, 0.95)),
                "max_ms": round(1000 * max(values)),
            }
    saves = [
        r["timings"][n]
        for r in results.values()
        for n in ("save_draft", "save_again")
        if n in r["timings"]
    ]
    if saves:
        summary["save_p95_ms"] = round(1000 * percentile(saves, 0.95))
    # Timed requests only; the untimed form fetches before each POST are not counted.
    requests = sum(len(r["timings"]) for r in results.values())
    summary["requests_per_second"] = round(requests / wall, 1) if wall else None
    summary["saves_per_second"] = round(len(saves) / wall, 2) if wall else None
    return summary


def run(command, env, **kwargs):
    log("$ " + " ".join(command))
    return subprocess.run(command, env=env, cwd=ROOT, check=True, **kwargs)  # noqa: S603


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=150)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--workers", type=int, default=4, help="gunicorn worker processes")
    parser.add_argument("--threads", type=int, default=4, help="threads per worker")
    parser.add_argument("--timeout", type=float, default=120, help="seconds per request")
    parser.add_argument("--deadline", type=float, default=900, help="seconds for the run")
    parser.add_argument(
        "--ramp-up",
        type=float,
        default=0,
        help="spread the arrivals over this many seconds (default 0: all at once)",
    )
    parser.add_argument(
        "--postgres",
        default="postgres://postgres@127.0.0.1:5432",
        help="server for the throwaway database",
    )
    parser.add_argument("--sqlite", action="store_true", help="use a throwaway SQLite file")
    parser.add_argument("--output", default=str(ROOT / "var" / "bench-workshop-load.json"))
    args = parser.parse_args()
    if args.host not in LOOPBACK:
        parser.error("the benchmark only runs against this machine (127.0.0.1)")

    workdir = Path(tempfile.mkdtemp(prefix="workshop-bench-"))
    db_name = f"portal_bench_{os.getpid()}"
    database_url = (
        f"sqlite:///{workdir / 'bench.sqlite3'}" if args.sqlite else f"{args.postgres}/{db_name}"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": database_url,
        "SECURE_SSL_REDIRECT": "0",
        "STATIC_ROOT": str(workdir / "static"),
        "MEDIA_ROOT": str(workdir / "media"),
        "PAGECACHE_GENERATION_FILE": str(workdir / "pagecache-generation"),
        "BASE_URL": f"http://{args.host}:{args.port}",
    }
    env.pop("REDIS_URL", None)
    server = None
    try:
        if not args.sqlite:
            run(
                [
                    PYTHON,
                    "-c",
                    "import psycopg,sys; c=psycopg.connect(sys.argv[1]+'/postgres',"
                    " autocommit=True); c.execute('CREATE DATABASE ' + sys.argv[2])",
                    args.postgres,
                    db_name,
                ],
                env,
            )
        run([PYTHON, "manage.py", "migrate", "--noinput", "-v", "0"], env)
        run([PYTHON, "manage.py", "collectstatic", "--noinput", "-v", "0"], env)
        accounts_file = workdir / "accounts.json"
        run(
            [
                PYTHON,
                "manage.py",
                "workshop_bench_setup",
                "--participants",
                str(args.participants),
                "--output",
                str(accounts_file),
            ],
            env,
        )
        setup = json.loads(accounts_file.read_text())

        server = subprocess.Popen(  # noqa: S603
            [
                PYTHON,
                "-m",
                "gunicorn",
                "portal.wsgi:application",
                "--bind",
                f"{args.host}:{args.port}",
                "--workers",
                str(args.workers),
                "--threads",
                str(args.threads),
                "--timeout",
                str(int(args.timeout)),
                "--log-level",
                "warning",
            ],
            env=env,
            cwd=ROOT,
            start_new_session=True,
        )
        ready_by = time.monotonic() + 60
        while True:
            try:
                status = Client(args.host, args.port, 5).request("GET", "/admin/login/")[0]
                if status == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > ready_by or server.poll() is not None:
                raise RuntimeError("gunicorn did not start")
            time.sleep(0.5)

        os.environ.update(env)
        ctx = {
            "host": args.host,
            "port": args.port,
            "timeout": args.timeout,
            "sandbox_page": setup["sandbox_page"],
            "form": base_post_form(),
            "ramp_up": args.ramp_up,
            "participants": len(setup["participants"]),
        }
        results = {}
        barrier = threading.Barrier(len(setup["participants"]))
        threads = [
            threading.Thread(
                target=participant_story, daemon=True, args=(n, account, ctx, results, barrier)
            )
            for n, account in enumerate(setup["participants"], start=1)
        ]
        log(
            f"{len(threads)} participants start together against "
            f"{args.workers} workers x {args.threads} threads ..."
        )
        load_before = os.getloadavg()
        started = time.perf_counter()
        for thread in threads:
            thread.start()
        deadline = time.monotonic() + args.deadline
        for thread in threads:
            thread.join(timeout=max(0.0, deadline - time.monotonic()))
        wall = time.perf_counter() - started
        for number in range(1, len(threads) + 1):
            results.setdefault(number, {"timings": {}, "error": "did not finish in time"})
        summary = summarise(results, wall)
        summary.update(
            account_creation_seconds=setup["create_seconds"],
            database="sqlite" if args.sqlite else "postgresql",
            workers=args.workers,
            threads=args.threads,
            ramp_up_seconds=args.ramp_up,
            cpus=os.cpu_count(),
            # The machine may be shared: the 1-minute load average around the run.
            load_average_before=round(load_before[0], 2),
            load_average_after=round(os.getloadavg()[0], 2),
        )
        Path(args.output).parent.mkdir(parents=True, exist_ok=True)
        Path(args.output).write_text(json.dumps(summary, indent=2))
        log(json.dumps(summary, indent=2))
        return 1 if summary["errors"] else 0
    finally:
        if server is not None and server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
        if not args.sqlite:
            subprocess.run(  # noqa: S603
                [
                    PYTHON,
                    "-c",
                    "import psycopg,sys; c=psycopg.connect(sys.argv[1]+'/postgres',"
                    " autocommit=True); c.execute('DROP DATABASE IF EXISTS ' + sys.argv[2] +"
                    " ' WITH (FORCE)')",
                    args.postgres,
                    db_name,
                ],
                cwd=ROOT,
                check=False,
            )
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
