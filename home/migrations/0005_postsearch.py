"""The site search's stored vectors (home.search); their GIN index on PostgreSQL only.

SQLite keeps the table, empty: its site search is Wagtail's database backend. Fill the
vectors of existing posts with `manage.py index_posts`.
"""

import django.contrib.postgres.indexes
import django.contrib.postgres.search
import django.db.models.deletion
from django.db import migrations, models

INDEX = django.contrib.postgres.indexes.GinIndex(fields=["vector"], name="home_postsearch_vector")


def add_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.add_index(apps.get_model("home", "PostSearch"), INDEX)


def remove_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.remove_index(apps.get_model("home", "PostSearch"), INDEX)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0004_search_index_on_title_and_body"),
        ("kim", "0011_temporary_password_expiry"),
    ]

    operations = [
        migrations.CreateModel(
            name="PostSearch",
            fields=[
                (
                    "post",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="site_search",
                        serialize=False,
                        to="kim.postpage",
                    ),
                ),
                ("vector", django.contrib.postgres.search.SearchVectorField()),
            ],
        ),
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.AddIndex(model_name="postsearch", index=INDEX)],
            database_operations=[migrations.RunPython(add_index, remove_index)],
        ),
    ]
