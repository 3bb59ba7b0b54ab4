"""Import complaints from a CSV file, all or nothing."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from complaints.imports import (
    COMPLAINT_COLUMNS,
    ImportFileError,
    InvalidImport,
    complaints_import,
)


def read_file(path):
    try:
        return Path(path).read_bytes()
    except OSError as error:
        raise CommandError(
            _("Cannot read %(path)s: %(error)s") % {"path": path, "error": error.strerror}
        ) from error


def invalid_rows_error(errors):
    lines = [
        _("Nothing imported: %(count)d invalid row(s).") % {"count": len(errors)},
        *[str(error) for error in errors],
    ]
    return CommandError("\n".join(lines))


def run_import(command, importer, path, summary):
    """Read the file, import it all or nothing, print warnings and the summary."""
    data = read_file(path)
    try:
        result = importer(data=data)
    except ImportFileError as error:
        raise CommandError(str(error)) from error
    except InvalidImport as error:
        raise invalid_rows_error(error.errors) from error
    for warning in result.warnings:
        command.stderr.write(warning)
    command.stdout.write(
        command.style.SUCCESS(summary % {"created": result.created, "updated": result.updated})
    )


class Command(BaseCommand):
    help = (
        "Create or update complaints (by reference) from a UTF-8 CSV file with the columns "
        + ",".join(COMPLAINT_COLUMNS)
        + ". A file with any invalid row imports nothing and lists every invalid row."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", metavar="FILE.csv")

    def handle(self, *args, file, **options):
        run_import(
            self,
            complaints_import,
            file,
            _("Complaints: %(created)d created, %(updated)d updated."),
        )
