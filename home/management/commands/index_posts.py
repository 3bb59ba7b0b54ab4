"""Write every post's site-search vector (after migrating, or if the vectors are in doubt)."""

from django.core.management.base import BaseCommand
from django.db import connection

from home.search import index_posts


class Command(BaseCommand):
    help = (
        "Write the site search's stored vector of every post (PostgreSQL). Publishing keeps "
        "them current; run this after the migration that adds them, or after bulk writes."
    )

    def handle(self, *args, **options):
        if connection.vendor != "postgresql":
            self.stdout.write("SQLite: the site search reads Wagtail's index; nothing to do.")
            return
        self.stdout.write(f"Indexed {index_posts()} posts.")
