"""Index Wagtail's pages by full URL path, which routing looks posts and groups up by.

Routing (home.models.HomePage.route) asks for a group or post by URL path. Slugs repeat across groups
("kerja-bakti-...", "posyandu-..."): at 100,000 posts one slug matched 87 pages, all read
to find the one at the address. Wagtail's own table has no index on the URL path, so this
app adds one, by name, in SQL both SQLite and PostgreSQL accept.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("kim", "0009_post_category_index"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX kim_page_url_path ON wagtailcore_page (url_path)",
            reverse_sql="DROP INDEX kim_page_url_path",
        ),
    ]
