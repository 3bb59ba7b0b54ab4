"""Queue the complaint desk's daily work: overdue e-mails and the erasure of personal data."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from complaints.tasks import erase_personal_data, send_overdue_reminders


class Command(BaseCommand):
    help = (
        "Queue the overdue reminders and the personal-data erasure for the task worker "
        "(run once a day, e.g. from cron)."
    )

    def handle(self, *args, **options):
        send_overdue_reminders.enqueue()
        erase_personal_data.enqueue()
        self.stdout.write(self.style.SUCCESS(_("Daily complaint tasks queued.")))
