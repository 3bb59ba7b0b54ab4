"""Profile a workshop participant saving a draft: where the request's CPU goes.

On a throwaway PostgreSQL database (migrated, one benchmark workshop), one participant signs in
and saves the same draft --saves times in-process under cProfile; prints the CPU per save
(median) and the functions with the most cumulative time, so work that belongs in a task
rather than the request shows up by name.

    .venv/bin/python bench/profile_save.py --saves 20
"""

import argparse
import cProfile
import io
import json
import os
import pstats
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--saves", type=int, default=20)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--postgres", default="postgres://postgres@127.0.0.1:5432")
    args = parser.parse_args()

    db_name = f"portal_profile_{os.getpid()}"
    workdir = Path(tempfile.mkdtemp(prefix="profile-save-"))
    os.environ.update(
        DJANGO_SETTINGS_MODULE="portal.settings.dev",
        DATABASE_URL=f"{args.postgres}/{db_name}",
        MEDIA_ROOT=str(workdir / "media"),
        PAGECACHE_GENERATION_FILE=str(workdir / "generation"),
    )
    os.environ.pop("REDIS_URL", None)
    sys.path.insert(0, str(ROOT))
    maintenance = [sys.executable, "-c", _STATEMENT, args.postgres]
    subprocess.run([*maintenance, f"CREATE DATABASE {db_name}"], check=True)  # noqa: S603
    try:
        import django

        django.setup()
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        accounts = workdir / "accounts.json"
        call_command("workshop_bench_setup", participants=1, output=str(accounts))
        profile(json.loads(accounts.read_text()), args.saves, args.top)
    finally:
        from django.db import connections

        connections.close_all()
        subprocess.run(  # noqa: S603
            [*maintenance, f"DROP DATABASE IF EXISTS {db_name} WITH (FORCE)"], check=False
        )


_STATEMENT = (
    "import psycopg,sys; psycopg.connect(sys.argv[1] + '/postgres', autocommit=True)"
    ".execute(sys.argv[2])"
)


def profile(setup, saves, top):
    from django.test import Client

    sys.path.insert(0, str(ROOT / "bench"))
    from workshop_post import BODY, post_form

    account = setup["participants"][0]
    client = Client()
    client.post("/admin/login/", {"username": account["username"], "password": account["password"]})
    password = "Gotong-royong-profil-1"  # noqa: S105 (a throwaway account)
    client.post("/admin/kim/ganti-sandi/", {"new_password1": password, "new_password2": password})
    add_path = f"/admin/pages/add/kim/postpage/{setup['sandbox_page']}/"
    response = client.post(add_path, post_form("Kerja bakti profil", BODY, **{"action-save": 1}))
    if response.status_code != 302:
        raise SystemExit(f"the first save failed: HTTP {response.status_code}")
    edit_path = response["Location"]
    profiler = cProfile.Profile()
    cpu = []
    for number in range(saves):
        data = post_form(
            "Kerja bakti profil", BODY + f"<p>Revisi {number}.</p>", **{"action-save": 1}
        )
        started = time.process_time()
        profiler.enable()
        response = client.post(edit_path, data)
        profiler.disable()
        cpu.append(time.process_time() - started)
        if response.status_code != 302:
            raise SystemExit(f"save {number} failed: HTTP {response.status_code}")
    print(f"CPU per save: median {1000 * statistics.median(cpu):.1f} ms over {saves} saves")
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(top)
    print(out.getvalue())


if __name__ == "__main__":
    main()
