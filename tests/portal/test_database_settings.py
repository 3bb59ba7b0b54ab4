"""The database under the web process and its task worker at once: no "database is locked"."""

import json
import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

from portal.settings.base import DATABASES
from tests.factories import GroupPageFactory, PostPageFactory, UserFactory

ROOT = Path(__file__).resolve().parents[2]
WRITERS = 50


def test_sqlite_is_configured_for_a_web_process_and_a_worker():
    """Whenever DATABASE_URL names SQLite: WAL, a busy timeout, write-locking transactions."""
    if DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3":
        pytest.skip("DATABASE_URL names another database")
    options = DATABASES["default"]["OPTIONS"]

    assert "PRAGMA journal_mode=WAL" in options["init_command"]
    assert options["transaction_mode"] == "IMMEDIATE"
    assert options["timeout"] >= 10


def _database_url(tmp_path):
    """The test database as a URL other processes can open (SQLite: copied to a file)."""
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        # pytest-django keeps SQLite test databases in memory: copy it, migrated and filled.
        path = tmp_path / "portal.sqlite3"
        connection.ensure_connection()
        with sqlite3.connect(path) as copy:
            connection.connection.backup(copy)
        copy.close()
        return f"sqlite:///{path}"
    host = settings["HOST"] or "127.0.0.1"
    return (
        f"postgres://{settings['USER']}:{settings['PASSWORD']}@{host}:{settings['PORT'] or 5432}"
        f"/{settings['NAME']}"
    )


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_fifty_saves_and_publishes_beside_the_task_worker_meet_no_error(tmp_path):
    """The development setup (make run): the worker and web requests share the database.

    Half the writers save a draft, half publish; each write queues Wagtail's index tasks,
    which the worker runs while the others write.
    """
    group = GroupPageFactory()
    for _ in range(WRITERS // 2):
        PostPageFactory(parent=group)
    editor = UserFactory(username="editor-concurrency", superuser=True)
    env = {
        **os.environ,
        # The development settings: the database task backend, as `make run` uses.
        "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
        "DATABASE_URL": _database_url(tmp_path),
        "PAGECACHE_GENERATION_FILE": str(tmp_path / "generation"),
        "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
    }
    worker = subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--no-reload", "--no-startup-delay"]
        + ["--interval", "0.05", "--queue-name", "*"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        writes = subprocess.run(
            [sys.executable, "-m", "tests.portal.concurrent_writes", str(WRITERS), editor.username],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
        )
    finally:
        worker.send_signal(signal.SIGINT)
        worker_log, _ = worker.communicate(timeout=30)

    outcome = json.loads(writes.stdout.strip().splitlines()[-1])
    assert outcome["errors"] == []
    assert outcome["tasks"].keys() == {"SUCCESSFUL"}, outcome["tasks"]
    assert "database is locked" not in worker_log
