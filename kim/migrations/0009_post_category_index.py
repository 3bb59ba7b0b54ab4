"""Index posts by category with their group and key, in place of the foreign key's own index.

On PostgreSQL the group and key are included in the index, so counting a category's
published posts reads the index instead of the posts' wide rows; SQLite gets a plain index on
the category. The foreign key's index is then redundant: it is dropped by name (the same on
both databases) rather than by altering the field, which would rebuild the table on SQLite
and re-check the constraint on PostgreSQL.
"""

import django.db.models.deletion
from django.db import migrations, models

FOREIGN_KEY_INDEX = "kim_postpage_category_id_3d1e7504"


class Migration(migrations.Migration):
    dependencies = [
        ("kim", "0008_post_district_message_index"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="postpage",
            index=models.Index(
                fields=["category"], include=("group", "page_ptr"), name="kim_post_category"
            ),
        ),
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="postpage",
                    name="category",
                    field=models.ForeignKey(
                        blank=True,
                        db_index=False,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="posts",
                        to="kim.category",
                        verbose_name="category",
                    ),
                ),
            ],
            database_operations=[
                migrations.RunSQL(
                    f"DROP INDEX IF EXISTS {FOREIGN_KEY_INDEX}",
                    f'CREATE INDEX {FOREIGN_KEY_INDEX} ON "kim_postpage" ("category_id")',
                ),
            ],
        ),
    ]
