"""Rehearse a workshop on this machine: bench/locustfile.py against a throwaway server.

1. creates a PostgreSQL database (or a SQLite file with --sqlite), migrates it, collects static
   files, fills it with public posts for the readers (generate_data) and creates a workshop
   with the participants' accounts (workshop_bench_setup);
2. starts gunicorn with the production settings and the task worker (run_worker), as the
   image does;
3. runs locust headless: participants and readers arriving over --ramp-up seconds, for
   --minutes; --burst instead starts everyone at the same instant with no think time;
4. prints each step's count, failures, median, p95 and max against the targets (p95 at most
   1 s, 3 s for the photo upload; no failure), with the machine's load average, writes them
   as JSON, stops the servers and drops the database.

    .venv/bin/python bench/workshop_rehearsal.py                   # 150 + 100, 5 min ramp, 20 min
    .venv/bin/python bench/workshop_rehearsal.py --burst --readers 0
    .venv/bin/python bench/workshop_rehearsal.py --participants 20 --readers 10 --minutes 3 \
        --ramp-up 30 --think-scale 0.1                           # a quick try

Against a staging server, run bench/locustfile.py directly (its docstring says how).
"""

import argparse
import csv
import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
PYTHON = sys.executable
TARGET_MS = 1000
UPLOAD_TARGET_MS = 3000


def log(message):
    print(message, flush=True)


def run(command, env, **kwargs):
    log("$ " + " ".join(str(part) for part in command))
    return subprocess.run(command, env=env, cwd=ROOT, check=True, **kwargs)  # noqa: S603


def psql(postgres, statement):
    """Run one statement on the server's maintenance database."""
    run(
        [
            PYTHON,
            "-c",
            "import psycopg,sys; psycopg.connect(sys.argv[1] + '/postgres',"
            " autocommit=True).execute(sys.argv[2])",
            postgres,
            statement,
        ],
        os.environ,
    )


def wait_until_up(url, server, seconds=90):
    ready_by = time.monotonic() + seconds
    while time.monotonic() < ready_by:
        if server.poll() is not None:
            raise RuntimeError("gunicorn exited")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 (loopback)
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.5)
    raise RuntimeError("gunicorn did not start")


def read_stats(prefix):
    """Each step's figures from locust's CSV (times in ms)."""
    steps = {}
    with open(f"{prefix}_stats.csv", newline="") as file:
        for row in csv.DictReader(file):
            if row["Name"] == "Aggregated":
                continue
            count = int(row["Request Count"])
            steps[row["Name"]] = {
                "count": count,
                "failures": int(row["Failure Count"]),
                "median_ms": round(float(row["Median Response Time"] or 0)),
                "p95_ms": round(float(row["95%"] or 0)) if count else None,
                "max_ms": round(float(row["Max Response Time"] or 0)),
            }
    failures = []
    failures_file = Path(f"{prefix}_failures.csv")
    if failures_file.exists():
        with failures_file.open(newline="") as file:
            failures = [
                f"{row['Name']}: {row['Error']} (x{row['Occurrences']})"
                for row in csv.DictReader(file)
            ]
    return steps, failures


def target_for(step):
    if step.startswith("reader: sitemap"):
        return None  # once per reader process, to find addresses
    return UPLOAD_TARGET_MS if step.startswith("7 ") else TARGET_MS


def table(steps):
    lines = [
        "| step | requests | failures | median ms | p95 ms | max ms | target p95 | met |",
        "| --- | --: | --: | --: | --: | --: | --: | --- |",
    ]
    for name in sorted(steps):
        figures, target = steps[name], target_for(name)
        met = "-" if target is None else ("yes" if (figures["p95_ms"] or 0) <= target else "no")
        lines.append(
            f"| {name} | {figures['count']} | {figures['failures']} | {figures['median_ms']} | "
            f"{figures['p95_ms']} | {figures['max_ms']} | {target or '-'} | {met} |"
        )
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=150)
    parser.add_argument("--readers", type=int, default=100)
    parser.add_argument("--ramp-up", type=float, default=300, help="seconds for all to arrive")
    parser.add_argument("--minutes", type=float, default=20, help="length of the run")
    parser.add_argument("--burst", action="store_true", help="everyone at once, no think time")
    parser.add_argument("--think-scale", type=float, default=1.0)
    parser.add_argument("--posts", type=int, default=2000, help="public posts for the readers")
    parser.add_argument("--port", type=int, default=8766)
    parser.add_argument("--workers", type=int, default=4, help="gunicorn worker processes")
    parser.add_argument("--threads", type=int, default=4, help="threads per worker")
    parser.add_argument("--postgres", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument("--sqlite", action="store_true", help="use a throwaway SQLite file")
    parser.add_argument("--output", default=str(ROOT / "var" / "bench-workshop-rehearsal.json"))
    args = parser.parse_args()
    if args.burst:
        args.ramp_up, args.think_scale = 0, 0.0
    if args.readers and args.participants * 2 != args.readers * 3:
        # locust hands out users by weight: 3 participants to 2 readers.
        parser.error("participants and readers must be in the proportion 3 to 2 (or no readers)")

    workdir = Path(tempfile.mkdtemp(prefix="workshop-rehearsal-"))
    db_name = f"portal_rehearsal_{os.getpid()}"
    base = f"http://127.0.0.1:{args.port}"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": (
            f"sqlite:///{workdir / 'rehearsal.sqlite3'}"
            if args.sqlite
            else f"{args.postgres}/{db_name}"
        ),
        "SECURE_SSL_REDIRECT": "0",
        "STATIC_ROOT": str(workdir / "static"),
        "MEDIA_ROOT": str(workdir / "media"),
        "PAGECACHE_GENERATION_FILE": str(workdir / "pagecache-generation"),
        "BASE_URL": base,
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
    }
    env.pop("REDIS_URL", None)
    processes = []
    try:
        if not args.sqlite:
            psql(args.postgres, f"CREATE DATABASE {db_name}")
        run([PYTHON, "manage.py", "migrate", "--noinput", "-v", "0"], env)
        run([PYTHON, "manage.py", "collectstatic", "--noinput", "-v", "0"], env)
        if args.posts:
            groups = max(1, args.posts // 50)
            run(
                [PYTHON, "manage.py", "generate_data", "--force", "--posts", str(args.posts)]
                + ["--groups", str(groups), "--members", str(groups * 10)],
                env,
                stdout=subprocess.DEVNULL,
            )
        accounts = workdir / "accounts.json"
        run(
            [PYTHON, "manage.py", "workshop_bench_setup"]
            + ["--participants", str(args.participants), "--output", str(accounts)],
            env,
        )
        server = subprocess.Popen(  # noqa: S603
            [PYTHON, "-m", "gunicorn", "portal.wsgi:application", "--bind", base[7:]]
            + ["--workers", str(args.workers), "--threads", str(args.threads)]
            + ["--timeout", "120", "--log-level", "warning"],
            env=env,
            cwd=ROOT,
            start_new_session=True,
        )
        processes.append(server)
        processes.append(
            subprocess.Popen(  # noqa: S603
                [PYTHON, "manage.py", "run_worker"],
                env=env,
                cwd=ROOT,
                start_new_session=True,
                stdout=subprocess.DEVNULL,
            )
        )
        wait_until_up(f"{base}/healthz/", server)

        users = args.participants + args.readers
        spawn_rate = users if args.burst else max(users / max(args.ramp_up, 1), 0.01)
        prefix = workdir / "locust"
        load_before = os.getloadavg()
        started = time.monotonic()
        locust = subprocess.run(  # noqa: S603
            [str(BIN / "locust"), "-f", "bench/locustfile.py", "--headless", "--only-summary"]
            + ["--host", base, "--users", str(users), "--spawn-rate", f"{spawn_rate:.4f}"]
            + ["--run-time", f"{int(args.minutes * 60)}s", "--csv", str(prefix)]
            + ["--stop-timeout", "120", "--loglevel", "WARNING"]
            + (["Participant"] if not args.readers else []),
            env={
                **os.environ,
                "PORTAL_ACCOUNTS": str(accounts),
                "THINK_SCALE": str(args.think_scale),
                "BEHIND_PROXY": "1",
            },
            cwd=ROOT,
            check=False,
        )
        wall = time.monotonic() - started
        steps, failures = read_stats(prefix)
        missed = [
            name
            for name, figures in steps.items()
            if target_for(name) is not None and (figures["p95_ms"] or 0) > target_for(name)
        ]
        summary = {
            "participants": args.participants,
            "readers": args.readers,
            "ramp_up_seconds": args.ramp_up,
            "minutes": args.minutes,
            "burst": args.burst,
            "think_scale": args.think_scale,
            "database": "sqlite" if args.sqlite else "postgresql",
            "public_posts": args.posts,
            "workers": args.workers,
            "threads": args.threads,
            "cpus": os.cpu_count(),
            "wall_seconds": round(wall),
            "locust_exit_code": locust.returncode,
            "failures": sum(figures["failures"] for figures in steps.values()),
            "failure_samples": failures[:10],
            "steps_missing_target": missed,
            # The machine may be shared: the 1-minute load average around the run.
            "load_average_before": round(load_before[0], 2),
            "load_average_after": round(os.getloadavg()[0], 2),
            "steps": steps,
        }
        Path(args.output).parent.mkdir(parents=True, exist_ok=True)
        Path(args.output).write_text(json.dumps(summary, indent=2))
        log(table(steps))
        log(json.dumps({k: v for k, v in summary.items() if k != "steps"}, indent=2))
        return 1 if summary["failures"] or missed else 0
    finally:
        for process in processes:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
                try:
                    process.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    os.killpg(process.pid, signal.SIGKILL)
        if not args.sqlite:
            psql(args.postgres, f"DROP DATABASE IF EXISTS {db_name} WITH (FORCE)")
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
