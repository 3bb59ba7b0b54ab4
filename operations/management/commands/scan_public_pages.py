"""Report outbound links off the allow-list and hidden text or links on the public site."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from operations.scan import scan_site


class Command(BaseCommand):
    help = (
        "Fetch sitemap.xml and every page it lists over HTTP; report links to domains not on "
        "the allow-list and hidden text or links. Exits with status 1 when it finds any."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--base-url",
            help="Where to fetch the site (default: BASE_URL); listed pages are fetched there.",
        )

    def handle(self, *args, base_url=None, **options):
        report = scan_site(base_url)
        for finding in report.findings:
            self.stdout.write(str(finding))
        for error in report.errors:
            self.stderr.write(_("could not fetch %(error)s") % {"error": error})
        summary = _(
            "%(pages)d pages scanned, %(findings)d findings, %(errors)d pages not fetched"
        ) % {
            "pages": len(report.pages),
            "findings": len(report.findings),
            "errors": len(report.errors),
        }
        if not report.clean:
            raise CommandError(summary)
        self.stdout.write(self.style.SUCCESS(summary))
