"""Build the demo portal: three districts, groups, accounts, posts and illustrations."""

import logging
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django_tasks import TaskResultStatus

from demo import content
from demo.services import demo_load, renditions_ensure
from demo.tasks import demo_renditions_make


def positive(value):
    number = int(value)
    if number < 1:
        raise ValueError(value)
    return number


class Command(BaseCommand):
    help = (
        "Load a demo portal (Klaten, Sleman and Karanganyar; KIM groups, partner communities, "
        "posts, illustrations and one account per role). Safe to run again. Development only."
    )

    def add_arguments(self, parser):
        parser.add_argument("--posts", type=int, default=300, help="Number of posts (300).")
        parser.add_argument(
            "--groups",
            type=positive,
            default=len(content.KIM_GROUPS),
            help=f"Number of KIM groups ({len(content.KIM_GROUPS)}); partner communities "
            "are always added.",
        )
        parser.add_argument(
            "--photos", type=positive, default=3, help="Illustrations per category (3)."
        )
        parser.add_argument(
            "--renditions-now",
            action="store_true",
            help="Draw the image renditions before returning instead of in the task worker.",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run even though DEBUG is off. The accounts then get random passwords.",
        )

    def handle(self, *args, posts, groups, photos, renditions_now, force, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "DEBUG is off: this looks like a production server. The demo creates accounts "
                "with known passwords; use --force only if you are sure."
            )
        started = time.monotonic()
        # Wagtail logs every page save at INFO; thousands of lines would hide the summary.
        wagtail_logger = logging.getLogger("wagtail")
        level = wagtail_logger.level
        wagtail_logger.setLevel(logging.WARNING)
        try:
            result = demo_load(
                posts=posts, groups=groups, photos=photos, fixed_passwords=settings.DEBUG
            )
            loaded = time.monotonic() - started
            if renditions_now:
                renditions = f"Renditions made: {renditions_ensure()}."
            else:
                # Drawing AVIF renditions takes longer than loading everything else.
                result_ref = demo_renditions_make.enqueue()
                renditions = (
                    "Image renditions queued for the task worker (manage.py db_worker)."
                    if result_ref.status != TaskResultStatus.SUCCESSFUL
                    else f"Renditions made: {result_ref.return_value}."
                )
        finally:
            wagtail_logger.setLevel(level)
        elapsed = time.monotonic() - started
        regions = result.regions
        self.stdout.write(
            f"Regions: {regions.created} created, {regions.updated} updated, "
            f"{regions.unchanged} unchanged.\n"
            f"Site: {result.site.hostname}:{result.site.port} ({result.site.site_name}).\n"
            f"Categories: {result.categories}. Illustrations created: {result.photos_created}. "
            f"Groups created: {result.groups_created}.\n"
            f"Posts created: {result.posts_created} (posts in total: {result.posts_total}).\n"
            f"Data loaded in {loaded:.1f} s. {renditions}"
        )
        self.stdout.write("")
        self.stdout.write(
            self.style.WARNING(
                "Demo accounts: FOR DEVELOPMENT ONLY. Never load demo data on a public server."
            )
        )
        for account in result.accounts:
            password = account.password or "(existing account, password unchanged)"
            role = account.spec.role or "-"
            line = f"  {account.spec.username:<10} {password:<40} {role}"
            if account.spec.superuser:
                line += " + superuser"
            self.stdout.write(line)
            if account.recovery_codes:
                codes = " ".join(account.recovery_codes[:3])
                self.stdout.write(f"    two-step sign-in, one-time codes: {codes}")
            for missing in account.missing_roles:
                self.stdout.write(
                    self.style.ERROR(
                        f"    Role '{missing}' not found: {account.spec.username} was created "
                        "without it (run the migrations that create the roles, then load again)."
                    )
                )
        self.stdout.write(self.style.SUCCESS(f"Demo loaded in {elapsed:.1f} s."))
