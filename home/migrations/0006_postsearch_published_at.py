"""The search vectors' publication time and its index (home.search.search_posts).

Existing vectors get their post's first publication time; a training sandbox's posts, which
the public never sees, lose theirs (index_posts no longer writes them).
"""

from django.db import migrations, models

FILL = """
UPDATE home_postsearch search SET published_at = coalesce(page.first_published_at, now())
FROM wagtailcore_page page WHERE page.id = search.post_id
"""
DROP_TRAINING = """
DELETE FROM home_postsearch search USING kim_postpage post, kim_grouppage grp
WHERE post.page_ptr_id = search.post_id AND grp.page_ptr_id = post.group_id AND grp.is_training
"""


def fill(apps, schema_editor):
    # Rows exist on PostgreSQL only: SQLite's search is Wagtail's.
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP_TRAINING)
        schema_editor.execute(FILL)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0005_postsearch"),
        ("kim", "0011_temporary_password_expiry"),
    ]

    operations = [
        migrations.AddField(
            model_name="postsearch",
            name="published_at",
            field=models.DateTimeField(null=True),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="postsearch",
            name="published_at",
            field=models.DateTimeField(),
        ),
        migrations.AddIndex(
            model_name="postsearch",
            index=models.Index(fields=["published_at", "post"], name="home_postsearch_newest"),
        ),
    ]
