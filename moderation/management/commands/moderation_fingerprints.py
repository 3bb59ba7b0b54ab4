"""Write the fingerprints the duplicate check compares submissions with."""

from django.core.management.base import BaseCommand

from moderation.fingerprints import fingerprints_backfill


class Command(BaseCommand):
    help = (
        "Fingerprint every live post that has no fingerprint yet and drop those of posts no "
        "longer live (after an import, or once after upgrading). Publishing keeps them "
        "current afterwards. --rebuild recomputes all of them."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--rebuild", action="store_true", help="Recompute every fingerprint and count."
        )

    def handle(self, *args, rebuild=False, **options):
        stored, removed = fingerprints_backfill(rebuild=rebuild, log=self.stdout.write)
        self.stdout.write(f"Fingerprinted {stored} posts; removed {removed} stale fingerprints.")
