"""Report how many of Wagtail's messages come out in Indonesian at run time."""

from django.core.management.base import BaseCommand, CommandError

from admin_i18n.catalogues import DOMAINS, Entry, format_entry, measure


def _tsv_field(text: str | None) -> str:
    return (text or "").replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")


# Enough of a header for msgcat and msgfmt to read the untranslated entries as UTF-8.
PO_HEADER = (
    'msgid ""\n'
    'msgstr ""\n'
    '"Content-Type: text/plain; charset=UTF-8\\n"\n'
    '"Plural-Forms: nplurals=1; plural=0;\\n"\n'
)


class Command(BaseCommand):
    help = (
        "Pass every message of Wagtail's English catalogues through Django's gettext with "
        "Indonesian active and report the share that comes out translated."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--domain",
            choices=[*DOMAINS, "all"],
            default="django",
            help="Which catalogues to measure: server-side (django), JavaScript, or all.",
        )
        parser.add_argument(
            "--missing", action="store_true", help="Also list the untranslated messages."
        )
        parser.add_argument(
            "--format",
            choices=["text", "tsv", "po"],
            default="text",
            help="How --missing lists them: plain text, TSV, or PO entries to translate.",
        )
        parser.add_argument(
            "--min-percent",
            type=float,
            default=None,
            help="Exit with an error when the overall coverage is below this percentage.",
        )

    def handle(self, *args, domain, missing, format, min_percent, **options):
        domains = DOMAINS if domain == "all" else (domain,)
        if missing and format != "text" and len(domains) > 1:
            raise CommandError("--format tsv/po lists one catalogue: choose --domain.")
        failed = []
        for name in domains:
            coverage = measure(name)
            if missing and format != "text":
                self._write_missing(coverage.missing, format)
                continue
            self.stdout.write(f"Wagtail '{name}' catalogues with Indonesian active:")
            width = max(len(app.app) for app in coverage.apps)
            for app in coverage.apps:
                self.stdout.write(
                    f"  {app.app:<{width}}  {app.translated:>4} / {app.total:<4}"
                    f"  {app.percent:5.1f}%"
                )
            self.stdout.write(
                f"  {'total (distinct messages)':<{width}}  {coverage.translated:>4} / "
                f"{coverage.total:<4}  {coverage.percent:5.1f}%"
            )
            if missing:
                for app in coverage.apps:
                    for entry in app.missing:
                        context = f" [{entry.msgctxt}]" if entry.msgctxt else ""
                        self.stdout.write(f"    {app.app}{context}: {entry.msgid!r}")
            if min_percent is not None and coverage.percent < min_percent:
                failed.append(f"{name}: {coverage.percent:.1f}% < {min_percent}%")
        if failed:
            self.stderr.write("Coverage below the minimum: " + "; ".join(failed))
            raise SystemExit(1)

    def _write_missing(self, entries: list[Entry], format: str):
        if format == "po":
            self.stdout.write(PO_HEADER)
        for entry in entries:
            if format == "tsv":
                fields = (entry.msgctxt, entry.msgid, entry.msgid_plural)
                self.stdout.write("\t".join(_tsv_field(value) for value in fields))
            else:
                self.stdout.write(format_entry(entry))
