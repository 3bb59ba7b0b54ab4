"""Print the complaint report for a date range, as JSON or as a short table."""

import json
from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.translation import gettext as _

from complaints.reports import JAKARTA, complaint_report


def iso_date(value):
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CommandError(
            _("%(value)r is not a date in the form YYYY-MM-DD.") % {"value": value}
        ) from None


class Command(BaseCommand):
    help = (
        "Report on complaints received from --from to --to (Asia/Jakarta dates, inclusive), "
        "counting overdue ones as of --as-of (default: today)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--from", dest="date_from", required=True, metavar="YYYY-MM-DD")
        parser.add_argument("--to", dest="date_to", required=True, metavar="YYYY-MM-DD")
        parser.add_argument("--as-of", dest="as_of", metavar="YYYY-MM-DD")
        parser.add_argument(
            "--json", dest="as_json", action="store_true", help="Print one JSON object."
        )

    def handle(self, *args, date_from, date_to, as_of, as_json, **options):
        report = complaint_report(
            date_from=iso_date(date_from),
            date_to=iso_date(date_to),
            as_of=iso_date(as_of) if as_of else timezone.now().astimezone(JAKARTA).date(),
        )
        if as_json:
            self.stdout.write(json.dumps(report, ensure_ascii=False))
            return
        self.stdout.write(self.as_text(report))

    def as_text(self, report):
        lines = [
            _("Received: %(n)d") % {"n": report["received"]},
            _("Resolved: %(n)d") % {"n": report["resolved"]},
            _("In progress: %(n)d") % {"n": report["in_progress"]},
            _("Social media share: %(share).3f") % {"share": report["social_media_share"]},
        ]
        for title, key in (
            (_("By channel"), "by_channel"),
            (_("By kind"), "by_kind"),
            (_("By status"), "by_status"),
        ):
            lines.append(title + ": " + ", ".join(f"{k} {v}" for k, v in report[key].items()))
        for line in report["agencies"]:
            lines.append(
                "{agency}: {received} / {resolved} / {in_progress} / {overdue} / "
                "{median_first_response_hours} / {median_resolution_hours}".format(**line)
            )
        return "\n".join(lines)
