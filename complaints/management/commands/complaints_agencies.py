"""Create or update agencies (OPD) from a CSV file with the header slug,name."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from complaints.imports import agencies_import

from .complaints_import import run_import


class Command(BaseCommand):
    help = (
        "Create or update agencies from a UTF-8 CSV file with the header slug,name "
        "(all or nothing)."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", metavar="FILE.csv")

    def handle(self, *args, file, **options):
        run_import(
            self, agencies_import, file, _("Agencies: %(created)d created, %(updated)d updated.")
        )
