"""Each public page makes a fixed, small number of SQL queries, with 10 posts or with 1,000.

Posts carry hero photos, categories and tags, so a page that forgets to fetch them along with
the posts makes one more query per card and fails here. Renditions live in a cache that
forgets everything, so cards must get their renditions from a prefetch too.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from taggit.models import Tag
from wagtail.search.backends import get_search_backend

from home.models import FeaturedPost
from home.search import index_posts
from kim.models import GroupSocialLink, PostPage, SourceKind
from pagecache.generation import SHARED, advance
from tests.factories import (
    CategoryFactory,
    GroupPageFactory,
    PhotoFactory,
    PostPageFactory,
    bulk_posts,
    home_page,
    restrict,
)

pytestmark = pytest.mark.django_db

# The queries each page makes, whatever the number of posts. The site that answers the host
# comes from the cache (home.views.serve); groups and posts are routed in one query, other
# Wagtail pages take the home page's specific row (1) and one query per level below it.
# Wagtail's view-restriction check takes none: the site has no restriction, which is known
# from the cache (kim.models.OneQueryViewRestrictions); see test_restricted_pages below.
# Listings add the restrictions that keep private posts out (1), the posts (1) and their
# photo renditions (1); search also counts its matches for its pagination (1).
EXPECTED_QUERIES = {
    # the home page, restrictions for the listings, featured posts, latest posts, their
    # renditions (one query for both), categories, sub-districts
    "home": 7,
    # the group, logo renditions, social links + listing 3
    "group": 6,
    # the post at its address; for its article: the post with its group, category and
    # photo, the photo's renditions (for the article and the share preview), sources, tags
    "post": 5,
    # the home page, the directory, districts, restrictions for the listing,
    # the count, the groups, their logos' renditions
    "directory": 7,
    # Not Wagtail pages: the tag, category or area + listing 3 + the Site, for addresses
    "tag": 5,
    "category": 5,
    "region": 5,
    # listing 4 + the Site
    "search": 5,
}

# With every card of the page kept (kim.listings.render_cards): no photo renditions, and for
# listings that are not Wagtail pages no Site either (only the cards' addresses needed it).
EXPECTED_QUERIES_WITH_STORED_CARDS = {
    "home": 6,
    "group": 5,
    "tag": 3,
    "category": 3,
    "region": 3,
    "search": 3,
}


@pytest.fixture
def forgetful_rendition_cache(settings):
    """Keep Wagtail's usual cache, but give renditions one that never remembers."""
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "renditions": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
    }


def build_portal(region_tree, count):
    """Two groups; the first with `count` posts with photos, categories and tags."""
    *_, village = region_tree
    photos = PhotoFactory.create_batch(3)
    categories = [
        CategoryFactory(name="Berita", slug="berita"),
        CategoryFactory(name="Pengumuman", slug="pengumuman"),
    ]
    tags = [
        Tag.objects.create(name="banjir", slug="banjir"),
        Tag.objects.create(name="jalan", slug="jalan"),
    ]
    group = GroupPageFactory(
        title="KIM Sengon", slug="kim-sengon", region=village, logo=PhotoFactory()
    )
    GroupSocialLink.objects.create(
        page=group, network="instagram", url="https://instagram.com/kimsengon"
    )
    other = GroupPageFactory(title="KIM Depok", slug="kim-depok", logo=PhotoFactory())
    post = PostPageFactory(
        parent=group,
        title="Jembatan bambu",
        slug="jembatan-bambu",
        with_hero=True,
        category=categories[0],
        tags=["banjir", "jalan"],
        sources=[
            {"title": "Kepala desa", "description": "Rapat desa.", "kind": SourceKind.OFFICIAL},
            {
                "title": "Radio lokal",
                "url": "https://radio.example.id/berita",
                "kind": SourceKind.MEDIA,
            },
        ],
    )
    posts = bulk_posts(group, count, hero_images=photos, categories=categories, tags=tags)
    others = bulk_posts(other, 3, hero_images=photos, categories=categories, tags=tags)
    get_search_backend().add_bulk(
        PostPage, PostPage.objects.filter(pk__in=[p.pk for p in posts + others])
    )
    index_posts([p.pk for p in posts + others])  # the site search's own, on PostgreSQL
    home = home_page()
    FeaturedPost.objects.create(page=home, post=others[0], sort_order=0)
    FeaturedPost.objects.create(page=home, post=post, sort_order=1)
    return {
        "home": "/",
        "group": group.url,
        "post": post.url,
        "directory": "/kelompok/",
        "tag": "/tag/banjir/",
        "category": "/kategori/berita/",
        "region": "/wilayah/33.10.01/",
        "search": "/cari/?q=warga",
    }


@pytest.mark.usefixtures("forgetful_rendition_cache")
@pytest.mark.parametrize("count", [10, 1000])
def test_public_pages_make_a_constant_number_of_queries(
    client, region_tree, django_assert_num_queries, settings, count
):
    # Every page's own work, as after a change to photos or tags (tests/pagecache has the
    # post page around its stored article).
    settings.PAGECACHE_FRAGMENTS = False
    addresses = build_portal(region_tree, count)

    for page, address in addresses.items():
        # The first visit makes the renditions and fills Wagtail's caches (site root paths).
        assert client.get(address).status_code == 200, page
        with django_assert_num_queries(EXPECTED_QUERIES[page], info=page):
            response = client.get(address)
        assert response.status_code == 200


@pytest.mark.usefixtures("forgetful_rendition_cache")
def test_older_and_newer_pages_of_listings_make_as_many_queries_as_the_first(
    client, region_tree, django_assert_num_queries, settings
):
    settings.PAGECACHE_FRAGMENTS = False
    addresses = build_portal(region_tree, 100)

    for page in ("group", "tag", "category", "region"):
        first = client.get(addresses[page]).context["posts"]
        older = f"{addresses[page]}?{first.older_query}"
        assert client.get(older).status_code == 200, page
        with django_assert_num_queries(EXPECTED_QUERIES[page], info=page):
            response = client.get(older)
        newer = f"{addresses[page]}?{response.context['posts'].newer_query}"
        assert client.get(newer).status_code == 200, page
        with django_assert_num_queries(EXPECTED_QUERIES[page], info=page):
            back = client.get(newer)
        assert [post.pk for post in back.context["posts"]] == [post.pk for post in first]


@pytest.mark.usefixtures("forgetful_rendition_cache")
def test_restricted_pages_take_one_query_for_the_check(
    client, region_tree, django_assert_num_queries, settings
):
    """Once any page on the site is restricted, every page view checks, in one query."""
    settings.PAGECACHE_FRAGMENTS = False
    addresses = build_portal(region_tree, 10)
    restrict(GroupPageFactory(title="KIM Tertutup", slug="kim-tertutup"))

    for page in ("home", "group", "post", "directory"):
        assert client.get(addresses[page]).status_code == 200, page
        with django_assert_num_queries(EXPECTED_QUERIES[page] + 1, info=page):
            response = client.get(addresses[page])
        assert response.status_code == 200


@pytest.mark.usefixtures("forgetful_rendition_cache")
@pytest.mark.parametrize("count", [10, 1000])
def test_listings_whose_cards_are_all_stored_make_fewer_queries(
    client, region_tree, django_assert_num_queries, count
):
    addresses = build_portal(region_tree, count)

    for page, expected in EXPECTED_QUERIES_WITH_STORED_CARDS.items():
        assert client.get(addresses[page]).status_code == 200, page
        # As after a change to photos or tags: every card rendered again, and kept.
        advance(SHARED)
        with CaptureQueriesContext(connection) as cold:
            client.get(addresses[page])
        with django_assert_num_queries(expected, info=page):
            response = client.get(addresses[page])
        assert response.status_code == 200
        assert expected < len(cold) == EXPECTED_QUERIES[page], page


@pytest.mark.usefixtures("forgetful_rendition_cache")
def test_listings_show_full_pages_of_cards(client, region_tree, settings):
    """Guard the counts above: listings really do show a page of posts with photos."""
    addresses = build_portal(region_tree, 20)

    for page in ("group", "tag", "category", "region", "search"):
        response = client.get(addresses[page])
        cards = response.context["posts" if page != "search" else "results"]
        assert len(cards) == settings.PORTAL_POSTS_PER_PAGE, page
        assert all(post.hero_image for post in cards), page
        assert response.content.decode().count("<picture") >= settings.PORTAL_POSTS_PER_PAGE
    home = client.get(addresses["home"])
    assert len(home.context["latest"]) == 12
    assert [post.slug for post in home.context["featured"]] == [
        "kim-depok-kabar-1",
        "jembatan-bambu",
    ]


def test_bulk_posts_make_a_sound_page_tree(client):
    """Guard the helper the counts rely on: its posts are pages like any other."""
    group = GroupPageFactory(title="KIM Ramai", slug="kim-ramai")
    PostPageFactory(parent=group, slug="pertama")
    posts = bulk_posts(group, 5)

    assert all(not problems for problems in PostPage.find_problems())
    assert PostPage.objects.child_of(group).count() == 6
    assert client.get(posts[-1].url).status_code == 200
    assert posts[-1].get_parent().specific == group
