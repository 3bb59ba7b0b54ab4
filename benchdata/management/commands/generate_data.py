"""Fill a fresh database with synthetic groups, members, photos and posts for benchmarks."""

import logging

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from benchdata.services import (
    EDITOR_USERNAME,
    GeneratorRefused,
    bench_data_generate,
    bench_data_moderation,
)


class Command(BaseCommand):
    help = (
        "Generate benchmark data (groups with pages, user groups, collections and permissions; "
        "members; photos; posts) with bulk inserts. Refuses databases with real groups or "
        "posts. For benchmarks only."
    )

    def add_arguments(self, parser):
        parser.add_argument("--groups", type=int, default=200, help="Active groups (200).")
        parser.add_argument("--members", type=int, default=2000, help="Member accounts (2000).")
        parser.add_argument("--posts", type=int, default=10_000, help="Posts (10,000).")
        parser.add_argument(
            "--images", type=int, default=200, help="Photos shared by the posts (200)."
        )
        parser.add_argument("--seed", type=int, default=1, help="Random seed (1).")
        parser.add_argument(
            "--no-index",
            action="store_true",
            help="Skip the search index (site search then finds nothing).",
        )
        parser.add_argument(
            "--moderation-only",
            action="store_true",
            help="Only add the moderation workflows to data generated without them.",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run even though DEBUG is off (a benchmark server).",
        )

    def handle(self, *args, groups, members, posts, images, seed, no_index, force, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "DEBUG is off: this looks like a production server. Generated data is for "
                "benchmark databases only; use --force on a throw-away database."
            )
        if options["moderation_only"]:
            try:
                bench_data_moderation(seed=seed, log=self.stdout.write)
            except GeneratorRefused as refusal:
                raise CommandError(f"Refused: {refusal}.") from refusal
            return
        if groups < 1:
            raise CommandError("--groups must be at least 1.")
        logging.getLogger("wagtail").setLevel(logging.WARNING)
        self.stdout.write(
            f"Generating {groups} groups, {members} members, {posts} posts, {images} photos..."
        )
        try:
            result = bench_data_generate(
                groups=groups,
                members=members,
                posts=posts,
                images=images,
                seed=seed,
                index=not no_index,
                log=self.stdout.write,
            )
        except GeneratorRefused as refusal:
            raise CommandError(f"Refused: {refusal}.") from refusal
        self.stdout.write(
            self.style.SUCCESS(
                f"Generated {result.groups} groups, {result.members} members, {result.posts} "
                f"posts ({result.in_review} in review) and {result.photos} photos in "
                f"{result.timings['total']:.1f} s."
            )
        )
        self.stdout.write(
            f"Every generated account (bench-000001..., editor {EDITOR_USERNAME}) has the "
            f"password {result.password}"
        )
