"""Backups of the database and the media files, and their restore, checked against a manifest.

One backup is one tar file in BACKUP_DIR:
- the database: PostgreSQL's custom-format dump (pg_dump -Fc, restored by pg_restore) or a
  copy of the SQLite file made with SQLite's online backup API (consistent while the portal
  runs, unlike copying the file);
- media/: every file under MEDIA_ROOT (uploads and renditions);
- manifest.json: when, from which engine, every table's row count in the copied database and
  every media file's SHA-256.
A restore refuses a database that already holds content unless forced, and checks the result
against the manifest: every table's row count and every file's checksum.
"""

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.db import connections

PREFIX = "portal-backup-"
MANIFEST = "manifest.json"
SQLITE_FILE = "database.sqlite3"
POSTGRES_FILE = "database.pgdump"
MEDIA = "media"


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why."""


def backup(*, directory=None, alias="default", media_root=None, keep=None):
    """Write a backup into `directory` and prune old ones; return the new file's path."""
    directory = Path(directory or settings.BACKUP_DIR)
    media_root = Path(media_root or settings.MEDIA_ROOT)
    directory.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S-%f")
    target = directory / f"{PREFIX}{stamp}.tar"
    database = connections[alias].settings_dict
    with tempfile.TemporaryDirectory(dir=directory, prefix=".backup-") as work:
        work = Path(work)
        if is_postgres(database):
            dump, tables = _dump_postgres(database, work / POSTGRES_FILE)
        else:
            dump, tables = _copy_sqlite(connections[alias], work / SQLITE_FILE)
        files = media_checksums(media_root)
        manifest = {
            "created_at": datetime.now(UTC).isoformat(),
            "engine": "postgresql" if is_postgres(database) else "sqlite",
            "database": dump.name,
            "tables": tables,
            "media": files,
        }
        (work / MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True))
        partial = target.with_suffix(".tar.partial")
        with tarfile.open(partial, "w") as archive:
            archive.add(work / MANIFEST, arcname=MANIFEST)
            archive.add(dump, arcname=dump.name)
            for name in files:
                archive.add(media_root / name, arcname=f"{MEDIA}/{name}")
        partial.rename(target)  # never a half-written backup under a backup's name
    prune(directory, keep=settings.BACKUP_KEEP if keep is None else keep)
    return target


def prune(directory, *, keep):
    """Delete all but the `keep` newest backups in `directory`; return the deleted paths."""
    backups = sorted(Path(directory).glob(f"{PREFIX}*.tar"))
    old = backups[: max(len(backups) - keep, 0)]
    for path in old:
        path.unlink()
    return old


def restore(archive, *, alias="default", media_root=None, force=False):
    """Restore `archive` into the database `alias` and MEDIA_ROOT; return the manifest.

    Refuses a database holding content, or media files, unless `force`. Raises BackupError
    when the result differs from the manifest.
    """
    media_root = Path(media_root or settings.MEDIA_ROOT)
    database = connections[alias].settings_dict
    if not is_postgres(database) and not _in_memory(database):
        Path(database["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    if not force and (holds_content(alias) or any(media_checksums(media_root))):
        raise BackupError(
            "The database or the media folder is not empty: restoring would overwrite them. "
            "Use --force to replace them with the backup."
        )
    with tempfile.TemporaryDirectory(prefix="portal-restore-") as work:
        work = Path(work)
        with tarfile.open(archive) as tar:
            tar.extractall(work, filter="data")
        manifest = json.loads((work / MANIFEST).read_text())
        engine = "postgresql" if is_postgres(database) else "sqlite"
        if manifest["engine"] != engine:
            raise BackupError(
                f"This backup is of a {manifest['engine']} database; the portal uses {engine}."
            )
        connections[alias].close()
        if engine == "postgresql":
            _restore_postgres(database, work / POSTGRES_FILE, clean=force)
        else:
            _restore_sqlite(database, work / SQLITE_FILE)
        if force and media_root.exists():
            shutil.rmtree(media_root)
        media_root.mkdir(parents=True, exist_ok=True)
        source = work / MEDIA
        if source.exists():
            shutil.copytree(source, media_root, dirs_exist_ok=True)
    problems = verify(manifest, alias=alias, media_root=media_root)
    if problems:
        raise BackupError("The restored data differs from the backup: " + "; ".join(problems))
    return manifest


def verify(manifest, *, alias="default", media_root=None):
    """What differs between the manifest and the database and media now (empty: nothing)."""
    media_root = Path(media_root or settings.MEDIA_ROOT)
    problems = []
    counts = table_row_counts(connections[alias])
    for table, expected in manifest["tables"].items():
        if counts.get(table) != expected:
            problems.append(f"table {table}: {counts.get(table)} rows, backup {expected}")
    files = media_checksums(media_root)
    for name, checksum in manifest["media"].items():
        if files.get(name) != checksum:
            problems.append(f"media file {name}: missing or changed")
    return problems


def holds_content(alias="default"):
    """Whether the database has anything a restore would destroy: users or pages of its own."""
    connection = connections[alias]
    tables = set(connection.introspection.table_names())
    if not tables:
        return False
    with connection.cursor() as cursor:
        for table, condition in (("auth_user", ""), ("wagtailcore_page", " WHERE depth > 2")):
            if table in tables:
                name = connection.ops.quote_name(table)
                cursor.execute(f"SELECT COUNT(*) FROM {name}{condition}")  # noqa: S608
                if cursor.fetchone()[0]:
                    return True
    return False


def table_row_counts(connection):
    """{table: rows} for every table of the database."""
    with connection.cursor() as cursor:
        return _count(cursor, connection.introspection.table_names(cursor), connection.ops)


def _count(cursor, tables, ops):
    counts = {}
    for table in sorted(tables):
        cursor.execute(f"SELECT COUNT(*) FROM {ops.quote_name(table)}")  # noqa: S608
        counts[table] = cursor.fetchone()[0]
    return counts


def media_checksums(media_root):
    """{relative path: SHA-256} of every file under media_root."""
    media_root = Path(media_root)
    if not media_root.exists():
        return {}
    checksums = {}
    for path in sorted(media_root.rglob("*")):
        if path.is_file():
            digest = hashlib.sha256()
            with path.open("rb") as file:
                for block in iter(lambda file=file: file.read(1 << 20), b""):
                    digest.update(block)
            checksums[path.relative_to(media_root).as_posix()] = digest.hexdigest()
    return checksums


def is_postgres(database):
    return database["ENGINE"] == "django.db.backends.postgresql"


# --- SQLite --------------------------------------------------------------------------------


def _copy_sqlite(connection, target):
    connection.ensure_connection()
    destination = sqlite3.connect(target)
    try:
        connection.connection.backup(destination)
    finally:
        destination.close()
    with _sqlite_cursor(target) as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        tables = [name for (name,) in cursor.fetchall() if not name.startswith("sqlite_")]
        return target, _count(cursor, tables, connection.ops)


def _restore_sqlite(database, source):
    """Copy the backed-up file into the database with SQLite's backup API (page by page)."""
    name = str(database["NAME"])
    origin = sqlite3.connect(source)
    destination = sqlite3.connect(name, uri=name.startswith("file:"))
    try:
        origin.backup(destination)
    finally:
        origin.close()
        destination.close()


def _in_memory(database):
    name = str(database["NAME"])
    return name == ":memory:" or "mode=memory" in name


@contextmanager
def _sqlite_cursor(path):
    connection = sqlite3.connect(path)
    try:
        yield connection.cursor()
    finally:
        connection.close()


# --- PostgreSQL ----------------------------------------------------------------------------


def _libpq_environment(database):
    env = dict(os.environ)
    for key, variable in (
        ("HOST", "PGHOST"),
        ("PORT", "PGPORT"),
        ("USER", "PGUSER"),
        ("PASSWORD", "PGPASSWORD"),
    ):
        if database.get(key):
            env[variable] = str(database[key])
    env["PGDATABASE"] = database["NAME"]
    return env


def _run(command, database):
    executable = shutil.which(command[0])
    if executable is None:
        raise BackupError(
            f"{command[0]} is not installed (Debian: apt-get install postgresql-client)."
        )
    result = subprocess.run(  # noqa: S603 (pg_dump/pg_restore with our own arguments)
        [executable, *command[1:]],
        env=_libpq_environment(database),
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()}")
    return result


def _dump_postgres(database, target):
    """pg_dump -Fc of the snapshot in which the rows were counted, so both agree exactly."""
    import psycopg

    env = _libpq_environment(database)
    with psycopg.connect(
        dbname=env["PGDATABASE"],
        host=env.get("PGHOST"),
        port=env.get("PGPORT"),
        user=env.get("PGUSER"),
        password=env.get("PGPASSWORD"),
        autocommit=True,
    ) as connection:
        connection.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        snapshot = connection.execute("SELECT pg_export_snapshot()").fetchone()[0]
        tables = [
            name
            for (name,) in connection.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
            )
        ]
        counts = {}
        for table in sorted(tables):
            query = f'SELECT COUNT(*) FROM "{table}"'  # noqa: S608 (names from the catalogue)
            counts[table] = connection.execute(query).fetchone()[0]
        _run(
            ["pg_dump", "-Fc", "--no-owner", f"--snapshot={snapshot}", "-f", str(target)], database
        )
        connection.execute("ROLLBACK")
    return target, counts


def _restore_postgres(database, source, *, clean):
    options = ["--clean", "--if-exists"] if clean else []
    _run(
        [
            "pg_restore",
            "--no-owner",
            "--no-privileges",
            "--exit-on-error",
            *options,
            "-d",
            database["NAME"],
            str(source),
        ],
        database,
    )
