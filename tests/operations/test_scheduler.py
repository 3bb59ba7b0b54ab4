"""Scheduled posts go live by themselves, and their authors hear of it, twice."""

import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest
from django.core import mail
from django.db import connection
from django.utils import timezone

from kim.models import PostPage
from operations import scheduler
from operations.models import ScheduledJob
from tests.moderation.test_workflow import (
    ACCURACY_OK,
    USEFULNESS_OK,
    World,
    act,
    draft,
    refresh,
    submit,
)

BASE_DIR = Path(__file__).resolve().parents[2]


@pytest.fixture
def world(db):
    return World()


def let_the_clock_pass(post):
    """Move the approved go-live time a minute into the past, as waiting for it would."""
    past = timezone.now() - timedelta(minutes=1)
    revision = post.scheduled_revision
    revision.approved_go_live_at = past
    revision.content["go_live_at"] = past.isoformat()
    revision.save()


def test_an_approved_scheduled_post_is_shown_scheduled_then_goes_live_and_mails_its_author(
    client, world, django_capture_on_commit_callbacks
):
    go_live = timezone.localtime() + timedelta(days=2)
    post = submit(client, world.member, draft(world), go_live_at=go_live.strftime("%Y-%m-%d %H:%M"))
    act(client, world.editor, post, "approve", ACCURACY_OK)
    with django_capture_on_commit_callbacks(execute=True):
        act(client, world.editor, post, "approve", USEFULNESS_OK)
    post = refresh(post)
    assert not post.live

    [approval] = mail.outbox
    assert approval.subject.startswith("Disetujui, terjadwal:")
    assert go_live.strftime("%H:%M") in approval.body
    assert "akan tayang" in approval.body

    client.force_login(world.member)
    dashboard = client.get("/admin/").content.decode()
    assert 'data-post-state="scheduled"' in dashboard and "dijadwalkan terbit" in dashboard
    assert 'data-post-state="draft"' not in dashboard

    let_the_clock_pass(post)
    with django_capture_on_commit_callbacks(execute=True):
        assert scheduler.tick() == []

    post = refresh(post)
    assert post.live
    assert client.get(post.url).status_code == 200
    [went_live] = [m for m in mail.outbox[1:] if m.subject.startswith("Sudah tayang:")]
    assert went_live.to == [world.member.email]
    assert post.get_full_url() in went_live.body
    assert 'data-post-state="live"' in client.get("/admin/").content.decode()


def test_a_post_published_at_once_sends_no_went_live_mail(
    client, world, django_capture_on_commit_callbacks
):
    post = submit(client, world.member, draft(world))
    act(client, world.editor, post, "approve", ACCURACY_OK)
    with django_capture_on_commit_callbacks(execute=True):
        act(client, world.editor, post, "approve", USEFULNESS_OK)

    assert refresh(post).live
    [approval] = mail.outbox
    assert approval.subject.startswith("Diterbitkan:")


def test_the_scheduler_goes_on_after_a_failing_job_and_runs_daily_jobs_once_a_day(
    db, monkeypatch, settings
):
    settings.SCAN_PUBLIC_PAGES_EVERY_HOURS = 24
    settings.BACKUP_EVERY_HOURS = 0
    scans = []

    def broken():
        raise RuntimeError("database is locked")

    monkeypatch.setattr(scheduler, "publish_scheduled", broken)
    monkeypatch.setattr(scheduler, "enqueue_scan", lambda: scans.append(1))
    now = timezone.now()

    assert scheduler.tick(now=now) == ["publish_scheduled"]
    assert scheduler.tick(now=now + timedelta(minutes=1)) == ["publish_scheduled"]
    assert len(scans) == 1
    assert ScheduledJob.objects.get(name="scan_public_pages").last_run_at == now

    scheduler.tick(now=now + timedelta(hours=24))
    assert len(scans) == 2


def test_a_failing_daily_job_is_tried_again_at_the_next_tick(db, monkeypatch, settings):
    settings.SCAN_PUBLIC_PAGES_EVERY_HOURS = 24
    calls = []

    def flaky():
        calls.append(1)
        if len(calls) == 1:
            raise ConnectionError("worker queue unavailable")

    monkeypatch.setattr(scheduler, "publish_scheduled", lambda: None)
    monkeypatch.setattr(scheduler, "enqueue_scan", flaky)

    assert scheduler.tick() == ["scan_public_pages"]
    assert scheduler.tick() == []
    assert len(calls) == 2


def test_other_apps_daily_commands_run_once_a_day_without_cron(db, monkeypatch, settings):
    settings.SCAN_PUBLIC_PAGES_EVERY_HOURS = 0
    settings.BACKUP_EVERY_HOURS = 0
    assert ("complaints_daily", 24) in settings.SCHEDULED_COMMANDS
    ran = []
    monkeypatch.setattr(scheduler, "publish_scheduled", lambda: None)
    monkeypatch.setattr(scheduler, "run_command", ran.append)
    now = timezone.now()

    assert scheduler.tick(now=now) == []
    scheduler.tick(now=now + timedelta(hours=23))
    assert ran == ["complaints_daily"]
    scheduler.tick(now=now + timedelta(hours=24))
    assert ran == ["complaints_daily", "complaints_daily"]


def test_the_complaint_desks_daily_command_exists_for_the_scheduler(db, settings):
    for command, _hours in settings.SCHEDULED_COMMANDS:
        scheduler.run_command(command)  # raises CommandError for an unknown command


# --- the real worker command ----------------------------------------------------------------


def worker_database(tmp_path):
    """The test database as the worker process can open it: PostgreSQL's, or a SQLite copy."""
    settings_dict = connection.settings_dict
    if connection.vendor == "postgresql":
        user = f"{settings_dict['USER']}@" if settings_dict["USER"] else ""
        host = f"{settings_dict['HOST'] or '127.0.0.1'}:{settings_dict['PORT'] or 5432}"
        return f"postgres://{user}{host}/{settings_dict['NAME']}", None
    path = tmp_path / "worker.sqlite3"
    connection.ensure_connection()
    copy = sqlite3.connect(path)
    connection.connection.backup(copy)
    copy.close()
    return f"sqlite:///{path}", path


def is_live(post, sqlite_path):
    if sqlite_path is None:
        return PostPage.objects.filter(pk=post.pk, live=True).exists()
    with sqlite3.connect(sqlite_path) as db:
        [(live,)] = db.execute("SELECT live FROM wagtailcore_page WHERE id = ?", [post.pk])
        return bool(live)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_worker_command_publishes_a_scheduled_post_without_any_other_command(tmp_path):
    world = World()
    post = draft(world)
    post.go_live_at = timezone.now() + timedelta(seconds=3)
    revision = post.save_revision(user=world.member)
    revision.publish()  # what the workflow does when the last reviewer approves
    post = refresh(post)
    assert not post.live and post.scheduled_revision is not None
    database_url, sqlite_path = worker_database(tmp_path)

    env = {
        "PATH": os.environ.get("PATH", ""),
        "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
        "DATABASE_URL": database_url,
        "PAGECACHE_GENERATION_FILE": str(tmp_path / "generation"),
        "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
        "SCAN_PUBLIC_PAGES_EVERY_HOURS": "0",
        "LOG_LEVEL": "WARNING",
    }
    worker = subprocess.Popen(  # noqa: S603 (our own interpreter and manage.py)
        [sys.executable, "manage.py", "run_worker", "--interval", "0.5"],
        cwd=BASE_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 90
        while not is_live(post, sqlite_path) and time.monotonic() < deadline:
            assert worker.poll() is None, worker.stdout.read()
            time.sleep(0.25)
        assert is_live(post, sqlite_path)
    finally:
        worker.send_signal(signal.SIGTERM)
        output = worker.communicate(timeout=60)[0]
    assert worker.returncode == 0, output
