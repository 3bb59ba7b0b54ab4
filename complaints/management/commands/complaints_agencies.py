"""Create or update agencies (OPD) from a CSV file with the header slug,name."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from complaints.imports import ImportFileError, InvalidImport, agencies_import

from .complaints_import import invalid_rows_error, read_file


class Command(BaseCommand):
    help = (
        "Create or update agencies from a UTF-8 CSV file with the header slug,name "
        "(all or nothing)."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", metavar="FILE.csv")

    def handle(self, *args, file, **options):
        data = read_file(file)
        try:
            result = agencies_import(data=data)
        except ImportFileError as error:
            raise CommandError(str(error)) from error
        except InvalidImport as error:
            raise invalid_rows_error(error.errors) from error
        for warning in result.warnings:
            self.stderr.write(warning)
        self.stdout.write(
            self.style.SUCCESS(
                _("Agencies: %(created)d created, %(updated)d updated.")
                % {"created": result.created, "updated": result.updated}
            )
        )
