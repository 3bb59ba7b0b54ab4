"""Erase residents' names, contacts and screenshots from complaints closed long enough ago."""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from complaints.services import erase_due_personal_data


class Command(BaseCommand):
    help = (
        "Erase residents' personal data from complaints closed more than "
        "COMPLAINTS_ERASE_AFTER_MONTHS months ago."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--months",
            type=int,
            default=None,
            help=f"Months after closure (default {settings.COMPLAINTS_ERASE_AFTER_MONTHS}).",
        )

    def handle(self, *args, months, **options):
        count = erase_due_personal_data(months=months)
        self.stdout.write(
            self.style.SUCCESS(
                _("Personal data erased from %(count)d complaint(s).") % {"count": count}
            )
        )
