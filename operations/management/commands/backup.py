"""Back up the database and the media files into BACKUP_DIR, keeping the newest BACKUP_KEEP."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from operations.backup import BackupError, backup


class Command(BaseCommand):
    help = (
        "Back up the database (pg_dump -Fc or SQLite's online backup) and MEDIA_ROOT into one "
        "tar file with a manifest of row counts and SHA-256 checksums; delete the oldest "
        "backups beyond BACKUP_KEEP."
    )

    def add_arguments(self, parser):
        parser.add_argument("--directory", help="Where to write (default: BACKUP_DIR).")
        parser.add_argument(
            "--keep", type=int, help="How many backups to keep (default: BACKUP_KEEP)."
        )

    def handle(self, *args, directory=None, keep=None, **options):
        try:
            path = backup(directory=directory or settings.BACKUP_DIR, keep=keep)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Backup written: {path}"))
