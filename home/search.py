"""Site search: a stored full-text vector per post on PostgreSQL, Wagtail's backend on SQLite.

On PostgreSQL each post's words are kept in `PostSearch.vector` (weighted title, summary and
tags, body, sources; the `indonesian` configuration, so "pembangunan" finds "membangun"),
GIN-indexed, and searched with Django's own `django.contrib.postgres.search`. The vector is
written whenever a post is saved or published and deleted when it is withdrawn (`index_posts`,
from the post_save, page_published and page_unpublished signals); bulk writers that send no
signals call `index_posts` themselves, and `manage.py index_posts` rebuilds every vector.
Which posts a search shows is still decided by `PostPage.objects.published()` at query
time: a group closed or a post restricted later needs no re-indexing.

SQLite has no `indonesian` configuration nor GIN index: there the site search is Wagtail's
database backend (FTS5), which is fast enough for the small sites SQLite serves.

A common word matches most posts: counting them all, or ranking all of them, would read
every match. The search counts at most one match past `MATCHES_SHOWN`, says "more than"
beyond it, and pages through the best `MATCHES_SHOWN`; on PostgreSQL the best of the newest
`MATCHES_SHOWN` + 1 matches (search_posts). A workshop's training posts are never public and
never indexed.
"""

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Exists, F, Func, IntegerField, OuterRef, Value

CONFIG = "indonesian"
MATCHES_SHOWN = 1000

# One statement for one post or all of them: the vector is computed by the database from the
# stored rows, which hold the live version of a published post (a draft is a revision).
# Rich text's tags are not words to PostgreSQL's parser; only text blocks' strings are read
# (not block types, identifiers or embed addresses).
VECTOR_SQL = """
INSERT INTO home_postsearch (post_id, published_at, vector)
SELECT post.page_ptr_id,
       coalesce(page.first_published_at, now()),
       setweight(to_tsvector(%(config)s, page.title), 'A')
       || setweight(to_tsvector(%(config)s, post.summary || ' ' || coalesce(
           (SELECT string_agg(tag.name, ' ') FROM kim_postpagetag item
            JOIN taggit_tag tag ON tag.id = item.tag_id
            WHERE item.content_object_id = post.page_ptr_id), '')), 'B')
       || setweight(jsonb_to_tsvector(%(config)s, jsonb_path_query_array(post.body::jsonb,
           '$[*] ? (@.type == "paragraph" || @.type == "quote").value'), '["string"]'), 'C')
       || setweight(to_tsvector(%(config)s, coalesce(
           (SELECT string_agg(source.title, ' ') FROM kim_postsource source
            WHERE source.page_id = post.page_ptr_id), '')), 'D')
FROM kim_postpage post
JOIN wagtailcore_page page ON page.id = post.page_ptr_id
WHERE page.live AND NOT EXISTS (
    SELECT 1 FROM kim_grouppage grp WHERE grp.page_ptr_id = post.group_id AND grp.is_training)
  AND post.page_ptr_id > %(after)s AND (%(all)s OR post.page_ptr_id = ANY(%(ids)s))
ORDER BY post.page_ptr_id
LIMIT %(limit)s
ON CONFLICT (post_id) DO UPDATE
    SET vector = EXCLUDED.vector, published_at = EXCLUDED.published_at
RETURNING post_id
"""


def index_posts(ids=None, *, batch=5000):
    """Write the search vectors of the live posts with these keys (all posts if None).

    A post among `ids` that is no longer live loses its vector. Returns how many vectors were
    written. A no-op on SQLite, whose search reads Wagtail's index.
    """
    from .models import PostSearch

    if connection.vendor != "postgresql" or (ids is not None and not ids):
        return 0
    withdrawn = PostSearch.objects.filter(post__live=False)
    (withdrawn if ids is None else withdrawn.filter(post_id__in=ids)).delete()
    written, after = 0, 0
    with connection.cursor() as cursor:
        while True:
            cursor.execute(
                VECTOR_SQL,
                {
                    "config": CONFIG,
                    "after": after,
                    "all": ids is None,
                    "ids": list(ids or []),
                    "limit": batch,
                },
            )
            keys = [row[0] for row in cursor.fetchall()]
            if not keys:
                return written
            written += len(keys)
            after = max(keys)


def post_changed(sender, instance, raw=False, **kwargs):
    """Keep a post's vector as its stored row: saved, published (with its tags) or withdrawn."""
    if not raw:
        index_posts([instance.pk])


def search_posts(posts, words):
    """How many posts match all of `words` (at most MATCHES_SHOWN + 1), and those, best first.

    `words` are letters and digits separated by spaces (home.views.search_words). On
    PostgreSQL a common word matches most posts, and ranking every match reads every one of
    their vectors (seconds at 100,000 posts): past MATCHES_SHOWN matches, only the newest
    MATCHES_SHOWN + 1 are ranked.

    The newest matches are found in the vectors' own table, which keeps each post's
    publication time beside its vector, by a database function (migration home.0007) that
    plans that search for each call's words: PostgreSQL either walks the table's date index
    and tests each vector (a common word: a thousand rows) or reads the word's matches from
    the GIN index and keeps the newest (a rarer one). One statement around it ranks those
    rows and asks `posts`, row by row, whether the public may see each; a page of results
    then fetches its own cards by key (RankedPosts). When some of the newest matches are
    hidden (a closed group's, a restricted post), the newest visible ones are looked for
    again through `posts`, the slower way.

    Asked inside the newest matches' statement, visibility had PostgreSQL hash every visible
    post; and once prepared, that statement's plan read all matches of a common word (README,
    Performance).
    """
    if connection.vendor != "postgresql":
        matches = posts.search(words)
        return matches[: MATCHES_SHOWN + 1].count(), matches

    query = SearchQuery(words, search_type="plain", config=CONFIG)
    limit = MATCHES_SHOWN + 1
    keys, found = _best_visible(NewestMatches(query, limit), posts, query)
    if found == limit and len(keys) < limit:
        newest = (
            posts.filter(site_search__vector=query)
            .order_by("-site_search__published_at", "-pk")
            .values("pk")[:limit]
        )
        keys, found = _best_visible(newest, posts, query)
    return len(keys), RankedPosts(posts, keys)


class NewestMatches(Func):
    """The keys of the newest `how_many` posts matching a SearchQuery, as a subquery.

    Found by a database function (migration home.0007) that plans each call for its own
    words, where a prepared statement's plan would serve every word alike.
    """

    function = "home_newest_matches"
    template = "(SELECT %(function)s(%(expressions)s))"
    output_field = IntegerField()

    def __init__(self, query, how_many):
        super().__init__(query, Value(how_many))


def _best_visible(newest, posts, query):
    """The keys of `posts` among `newest` (post keys), best match for `query` first, and how
    many keys `newest` held.

    Whether `posts` holds each is asked row by row: the rows are few.
    """
    from .models import PostSearch

    matches = list(
        PostSearch.objects.filter(post_id__in=newest)
        .annotate(
            visible=Exists(posts.filter(pk=OuterRef("post_id"))),
            rank=SearchRank(F("vector"), query),
        )
        .order_by("-rank", "-published_at", "-post_id")
        .values_list("post_id", "visible")
    )
    return [key for key, visible in matches if visible], len(matches)


class RankedPosts:
    """Posts in the order of their keys, fetched a slice (a page of results) at a time."""

    def __init__(self, posts, keys):
        self.posts, self.keys = posts, keys

    def __len__(self):
        return len(self.keys)

    def __getitem__(self, page):
        keys = self.keys[page]
        found = self.posts.in_bulk(keys)
        # A post withdrawn since the keys were read is left out, not an error.
        return [found[key] for key in keys if key in found]


class SearchPaginator(Paginator):
    """Pages through the best `shown` of the matches counted by search_posts.

    `matched`, the count search_posts gives, is at most `shown` + 1: one past `shown` says
    "more than `shown`" (`more_than_shown`) and is not itself shown.
    """

    shown = MATCHES_SHOWN

    def __init__(self, object_list, per_page, *, count, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.matched = count
        self.count = min(count, self.shown)

    @property
    def more_than_shown(self):
        return self.matched > self.shown
