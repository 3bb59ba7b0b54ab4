"""Post listings are paged from post to post (kim.listings.paginate_posts), not numbered."""

import pytest
from django.test import RequestFactory
from django.utils import timezone

from kim.listings import NEWER, OLDER, PostsPage, paginate_posts, read_cursor
from kim.models import PostPage
from tests.factories import GroupPageFactory, bulk_posts

pytestmark = pytest.mark.django_db


def pages(posts, per_page, parameter=None, cursor=None):
    """Every page from the first (or the cursor's), following one kind of link."""
    found = []
    while True:
        query = {parameter: cursor} if cursor else {}
        page = paginate_posts(RequestFactory().get("/", query), posts, per_page)
        found.append([post.pk for post in page])
        more = page.has_older if parameter != NEWER else page.has_newer
        if not more:
            return found
        parameter = parameter or OLDER
        cursor = PostsPage.cursor(page[-1] if parameter == OLDER else page[0])


def test_posts_published_at_the_same_instant_are_each_listed_once():
    group = GroupPageFactory()
    same_time = timezone.now()
    bulk_posts(group, 7)
    PostPage.objects.update(first_published_at=same_time)
    posts = PostPage.objects.published()
    newest_first = list(posts.order_by("-pk").values_list("pk", flat=True))

    older = pages(posts, 3)
    newer = pages(posts, 3, NEWER, PostsPage.cursor(posts.order_by("pk").first()))

    assert older == [newest_first[0:3], newest_first[3:6], newest_first[6:7]]
    # Back from the oldest post: pages of three, the last one short, at the newest end.
    assert newer == [newest_first[3:6], newest_first[0:3]]


def test_a_cursor_names_a_post_by_its_publication_in_utc_and_its_key():
    group = GroupPageFactory()
    post = bulk_posts(group, 1)[0]

    cursor = PostsPage.cursor(post)

    assert read_cursor(cursor) == (post.first_published_at, post.pk)
    assert cursor.endswith(f",{post.pk}")
