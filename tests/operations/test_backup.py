"""A backup of a populated portal restores into an empty database, row for row, byte for byte."""

import hashlib
import os
import sqlite3
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from operations.backup import PREFIX, backup, media_checksums, prune, table_row_counts
from tests.factories import GroupPageFactory, PostPageFactory, UserFactory

BASE_DIR = Path(__file__).resolve().parents[2]


@pytest.fixture
def populated(db, region_tree, settings, tmp_path):
    """Groups, posts with photos (and their renditions), accounts, and a media file of note."""
    *_, village = region_tree
    group = GroupPageFactory(title="KIM Sengon", slug="kim-sengon", region=village)
    for number in range(3):
        PostPageFactory(parent=group, title=f"Kabar {number}", with_hero=True)
    UserFactory(username="anggota-sengon")
    notes = Path(settings.MEDIA_ROOT) / "documents" / "notulen rapat.txt"
    notes.parent.mkdir(parents=True, exist_ok=True)
    notes.write_text("Notulen rapat KIM Sengon, 3 Desember.")
    return group


def file_checksums(root):
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in Path(root).rglob("*")
        if path.is_file()
    }


@pytest.fixture
def empty_database(tmp_path):
    """An empty database of the suite's engine, as a DATABASE_URL, dropped afterwards."""
    if connection.vendor != "postgresql":
        yield f"sqlite:///{tmp_path / 'restored' / 'portal.sqlite3'}", "sqlite"
        return
    import psycopg

    source = connection.settings_dict
    name = f"{source['NAME']}_restore_{uuid.uuid4().hex[:8]}"
    params = {
        "host": source["HOST"] or None,
        "port": source["PORT"] or None,
        "user": source["USER"] or None,
        "password": source["PASSWORD"] or None,
        "dbname": "postgres",
        "autocommit": True,
    }
    with psycopg.connect(**params) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    user = f"{source['USER']}@" if source["USER"] else ""
    host = f"{source['HOST'] or '127.0.0.1'}:{source['PORT'] or 5432}"
    try:
        yield f"postgres://{user}{host}/{name}", name
    finally:
        with psycopg.connect(**params) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def restored_row_counts(url, name):
    if url.startswith("sqlite"):
        with sqlite3.connect(url.removeprefix("sqlite:///")) as db:
            tables = [
                t
                for (t,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
                if not t.startswith("sqlite_")
            ]
            return {t: db.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in tables}  # noqa: S608
    import psycopg

    with psycopg.connect(url.replace("postgres://", "postgresql://")) as db:
        tables = [
            t for (t,) in db.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
        ]
        return {t: db.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in tables}  # noqa: S608


def manage(*args, database_url, media_root):
    env = {
        "PATH": os.environ.get("PATH", ""),
        "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
        "DATABASE_URL": database_url,
        "MEDIA_ROOT": str(media_root),
    }
    return subprocess.run(  # noqa: S603 (our own interpreter and manage.py)
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_backup_restores_into_an_empty_database_with_every_row_and_file(
    populated, settings, tmp_path, empty_database
):
    media = Path(settings.MEDIA_ROOT)
    assert len(file_checksums(media)) >= 4  # three photos and the notes, at least
    source_rows = table_row_counts(connection)
    source_files = file_checksums(media)

    archive = backup(directory=tmp_path / "backups", media_root=media)

    url, name = empty_database
    restored_media = tmp_path / "restored-media"
    result = manage("restore", str(archive), database_url=url, media_root=restored_media)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "match the backup" in result.stdout

    assert restored_row_counts(url, name) == source_rows
    assert source_rows["kim_postpage"] == 3
    assert file_checksums(restored_media) == source_files


def test_restore_refuses_a_database_with_content_unless_forced(populated, tmp_path):
    archive = tmp_path / f"{PREFIX}20261203-000000-000000.tar"
    archive.write_bytes(b"")

    with pytest.raises(CommandError, match="not empty"):
        call_command("restore", str(archive))


def test_backups_beyond_the_retention_are_deleted_oldest_first(tmp_path):
    for stamp in ["20261201", "20261202", "20261203", "20261204"]:
        (tmp_path / f"{PREFIX}{stamp}-000000-000000.tar").write_bytes(b"")

    deleted = prune(tmp_path, keep=2)

    assert [path.name[len(PREFIX) : len(PREFIX) + 8] for path in deleted] == [
        "20261201",
        "20261202",
    ]
    assert len(list(tmp_path.glob(f"{PREFIX}*.tar"))) == 2


def test_media_checksums_see_a_changed_file(tmp_path):
    photo = tmp_path / "original_images" / "jembatan.jpg"
    photo.parent.mkdir()
    photo.write_bytes(b"\xff\xd8 photo")
    before = media_checksums(tmp_path)

    photo.write_bytes(b"\xff\xd8 another photo")

    assert media_checksums(tmp_path) != before
    assert list(before) == ["original_images/jembatan.jpg"]
