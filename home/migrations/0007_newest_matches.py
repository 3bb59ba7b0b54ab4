"""A database function for the site search's newest matches (home.search.search_posts).

The portal's statements are prepared once a connection has run them a few times
(DB_PREPARED_STATEMENTS), and PostgreSQL may then plan them for any word. For the newest
matches that plan was wrong for some word whatever it chose: a common word wants the date
index walked, a rare one its matches read from the GIN index. Inside this function the query
is planned for each call's own word (plan_cache_mode), while the statement around it keeps
one plan that starts from at most `how_many` keys.
"""

from django.db import migrations

# ROWS is only the planner's estimate of what a call returns: MATCHES_SHOWN + 1 (home.search).
CREATE = """
CREATE OR REPLACE FUNCTION home_newest_matches(query tsquery, how_many integer)
RETURNS SETOF integer
LANGUAGE plpgsql STABLE ROWS 1001
SET plan_cache_mode = force_custom_plan
AS $$
BEGIN
    RETURN QUERY
        SELECT search.post_id FROM home_postsearch search
        WHERE search.vector @@ query
        ORDER BY search.published_at DESC, search.post_id DESC
        LIMIT how_many;
END
$$
"""
DROP = "DROP FUNCTION IF EXISTS home_newest_matches(tsquery, integer)"


def create(apps, schema_editor):
    # PostgreSQL only: SQLite's search is Wagtail's.
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("home", "0006_postsearch_published_at")]

    operations = [migrations.RunPython(create, drop)]
