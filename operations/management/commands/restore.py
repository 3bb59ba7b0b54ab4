"""Restore a backup made by `manage.py backup` into the database and MEDIA_ROOT."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from operations.backup import PREFIX, BackupError, restore


class Command(BaseCommand):
    help = (
        "Restore a backup (default: the newest in BACKUP_DIR) and check every table's row "
        "count and every media file's checksum against its manifest. Refuses a database that "
        "holds content unless --force."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", nargs="?", help="The backup's tar file.")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Replace the database's content and the media files with the backup.",
        )

    def handle(self, *args, archive=None, force=False, **options):
        if archive is None:
            backups = sorted(Path(settings.BACKUP_DIR).glob(f"{PREFIX}*.tar"))
            if not backups:
                raise CommandError(f"No backup in {settings.BACKUP_DIR}.")
            archive = backups[-1]
        try:
            manifest = restore(archive, force=force)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored {archive}: {len(manifest['tables'])} tables and "
                f"{len(manifest['media'])} media files match the backup."
            )
        )
