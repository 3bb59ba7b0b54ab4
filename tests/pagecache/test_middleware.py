"""Anonymous readers get cached pages; nobody ever gets a stale, draft or personal one."""

import gzip

import pytest
from django.test import Client
from wagtail.models import PageViewRestriction

from kim.models import Category
from pagecache import generation
from pagecache.middleware import HIT_HEADER
from tests.factories import (
    CategoryFactory,
    GroupPageFactory,
    PostPageFactory,
    UserFactory,
    restrict,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache(settings, tmp_path):
    settings.PAGECACHE_ENABLED = True
    settings.PAGECACHE_GENERATION_FILE = tmp_path / "pagecache-generation"


@pytest.fixture
def group(region_tree):
    *_, village = region_tree
    return GroupPageFactory(title="KIM Sengon", slug="kim-sengon", region=village)


@pytest.fixture
def post(group):
    return PostPageFactory(
        parent=group,
        title="Jembatan bambu diperbaiki",
        slug="jembatan-bambu",
        category=CategoryFactory(name="Berita", slug="berita"),
    )


def cached_get(client, url, **headers):
    """Request a page twice; return the second answer, which must come from the cache."""
    first = client.get(url, **headers)
    assert first.status_code == 200
    assert first[HIT_HEADER] == "miss"
    second = client.get(url, **headers)
    assert second[HIT_HEADER] == "hit"
    return second


def test_anonymous_second_request_is_served_from_cache_without_queries(
    client, post, django_assert_num_queries
):
    first = client.get(post.url)
    assert first[HIT_HEADER] == "miss"

    with django_assert_num_queries(0):
        second = client.get(post.url)

    assert second.status_code == 200
    assert second[HIT_HEADER] == "hit"
    assert second.content == first.content
    assert "Jembatan bambu diperbaiki" in second.content.decode()


def test_cached_pages_tell_browsers_and_proxies_how_long_to_keep_them(client, post):
    response = cached_get(client, post.url)

    assert "public" in response["Cache-Control"]
    assert "max-age=60" in response["Cache-Control"]
    assert response["ETag"]
    assert response["Last-Modified"]


def test_browser_with_current_copy_gets_304_without_queries(
    client, post, django_assert_num_queries
):
    etag = cached_get(client, post.url)["ETag"]

    with django_assert_num_queries(0):
        response = client.get(post.url, HTTP_IF_NONE_MATCH=etag)

    assert response.status_code == 304
    assert response.content == b""


def test_browser_with_outdated_copy_gets_the_new_page(client, post):
    etag = cached_get(client, post.url)["ETag"]
    post.title = "Jembatan bambu selesai"
    post.save_revision().publish()

    response = client.get(post.url, HTTP_IF_NONE_MATCH=etag)

    assert response.status_code == 200
    assert "Jembatan bambu selesai" in response.content.decode()


def test_publishing_shows_the_new_version_everywhere_at_once(client, group, post):
    cached_get(client, post.url)
    cached_get(client, group.url)
    cached_get(client, "/")

    post.title = "Jembatan bambu selesai"
    post.save_revision().publish()
    newcomer = PostPageFactory(parent=group, title="Posyandu balita dibuka", slug="posyandu")

    for url in (post.url, group.url, "/"):
        assert "Jembatan bambu selesai" in client.get(url).content.decode(), url
    assert "Posyandu balita dibuka" in client.get(group.url).content.decode()
    assert client.get(newcomer.url).status_code == 200


def test_unpublished_post_disappears_at_once(client, group, post):
    cached_get(client, post.url)
    cached_get(client, group.url)

    post.unpublish()

    assert client.get(post.url).status_code == 404
    assert "Jembatan bambu diperbaiki" not in client.get(group.url).content.decode()


def test_moved_post_leaves_its_old_address_at_once(client, post, region_tree):
    old_url = post.url
    cached_get(client, old_url)
    other_group = GroupPageFactory(title="KIM Depok", slug="kim-depok")

    post.move(other_group, pos="last-child")
    post.refresh_from_db()

    # Wagtail leaves a redirect at the old address.
    old = client.get(old_url)
    assert old.status_code == 301
    assert old["Location"].endswith(post.url)
    assert client.get(post.url).status_code == 200


def test_deleted_post_disappears_at_once(client, post):
    url = post.url
    cached_get(client, url)

    post.delete()

    assert client.get(url).status_code == 404


def test_renamed_category_shows_at_once_on_its_listing(client, post):
    cached_get(client, "/kategori/berita/")

    category = Category.objects.get(slug="berita")
    category.name = "Kabar desa"
    category.save()

    assert "Kabar desa" in client.get("/kategori/berita/").content.decode()


def test_each_language_has_its_own_cached_copy(client, post):
    indonesian = cached_get(client, post.url)
    english = cached_get(client, f"/en{post.url}")

    assert 'lang="id"' in indonesian.content.decode()
    assert 'lang="en"' in english.content.decode()


def test_signed_in_user_neither_gets_nor_fills_the_cache(client, post):
    anonymous_copy = cached_get(client, post.url)
    member = Client()
    member.force_login(UserFactory())

    response = member.get(post.url)

    assert response.status_code == 200
    assert HIT_HEADER not in response
    assert "private" in response["Cache-Control"]
    # Nor does a signed-in visit fill the cache for an address nobody anonymous asked for.
    member.get("/kategori/berita/")
    assert client.get("/kategori/berita/")[HIT_HEADER] == "miss"
    assert anonymous_copy[HIT_HEADER] == "hit"


def test_drafts_and_their_previews_are_never_cached_or_served(client, post):
    cached_get(client, post.url)
    post.title = "Judul draf rahasia"
    post.save_revision()
    editor = Client()
    editor.force_login(UserFactory(superuser=True))

    draft_view = editor.get(f"/admin/pages/{post.pk}/view_draft/")

    assert "Judul draf rahasia" in draft_view.content.decode()
    assert HIT_HEADER not in draft_view
    anonymous = client.get(post.url)
    assert anonymous[HIT_HEADER] == "hit"
    assert "Judul draf rahasia" not in anonymous.content.decode()
    never_published = PostPageFactory(parent=post.get_parent(), slug="draf", draft=True)
    assert client.get(never_published.url).status_code == 404


def test_admin_pages_are_never_cached(admin_client):
    admin_client.get("/admin/")

    response = admin_client.get("/admin/")

    assert HIT_HEADER not in response
    assert Client().get("/admin/").status_code == 302


def test_page_with_a_form_token_is_never_stored(client, post):
    restrict(post, PageViewRestriction.PASSWORD)

    first = client.get(post.url)
    second = Client().get(post.url)

    assert "csrfmiddlewaretoken" in first.content.decode()
    assert HIT_HEADER not in first
    assert HIT_HEADER not in second


def test_reader_with_only_a_csrf_cookie_still_gets_cached_pages(client, post):
    cached_get(client, post.url)
    client.cookies["csrftoken"] = "x" * 32

    assert client.get(post.url)[HIT_HEADER] == "hit"


def test_change_made_by_another_process_reaches_this_one(client, post):
    """Without Redis, processes share the generation through a file's modification time."""
    cached_get(client, post.url)
    before = generation.current()

    generation.advance()

    assert generation.current() != before
    assert client.get(post.url)[HIT_HEADER] == "miss"


def test_switched_off_cache_serves_every_request_fresh(client, post, settings):
    settings.PAGECACHE_ENABLED = False

    client.get(post.url)

    assert HIT_HEADER not in client.get(post.url)


def test_browsers_get_the_page_compressed_from_the_cache(client, post):
    """Every browser accepts gzip: the cached copy comes compressed, and says so."""
    first = client.get(post.url, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    second = client.get(post.url, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    plain = client.get(post.url)

    assert (first[HIT_HEADER], second[HIT_HEADER]) == ("miss", "hit")
    for response in (first, second):
        assert response["Content-Encoding"] == "gzip"
        assert "Accept-Encoding" in response["Vary"]
        assert int(response["Content-Length"]) == len(response.content)
        assert gzip.decompress(response.content) == plain.content
        assert len(response.content) < len(plain.content) / 2
    assert plain[HIT_HEADER] == "hit"
    assert not plain.has_header("Content-Encoding")
    assert int(plain["Content-Length"]) == len(plain.content)
    assert "Jembatan bambu diperbaiki" in plain.content.decode()


def test_compressed_copy_answers_conditional_requests(client, post):
    etag = cached_get(client, post.url, HTTP_ACCEPT_ENCODING="gzip")["ETag"]

    response = client.get(post.url, HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=etag)

    assert etag.startswith('W/"')
    assert response.status_code == 304


def test_pages_outside_the_cache_are_compressed_too(client, post, settings):
    settings.PAGECACHE_ENABLED = False

    response = client.get(post.url, HTTP_ACCEPT_ENCODING="gzip")

    assert response["Content-Encoding"] == "gzip"
    assert "Jembatan bambu diperbaiki" in gzip.decompress(response.content).decode()


def test_a_new_release_does_not_serve_pages_stored_by_the_previous_one(client, post, monkeypatch):
    """A Redis that outlives a deploy must not serve pages linking static files now gone."""
    from pagecache import fragments

    cached_get(client, post.url)
    monkeypatch.setattr(fragments, "release", lambda: "next-release")

    assert client.get(post.url)[HIT_HEADER] == "miss"
    assert client.get(post.url)[HIT_HEADER] == "hit"


def test_two_hundred_posts_read_twice_are_all_served_from_the_cache_the_second_time(
    client, settings
):
    """The local cache is sized for a district, not Django's default 300 entries for all."""
    from django.core.management import call_command

    from kim.models import PostPage

    settings.DEBUG = True  # generate_data's guard against real databases
    call_command("generate_data", groups=4, members=4, posts=220, images=2, stdout=None)
    settings.DEBUG = False
    generation.advance()
    urls = [post.url for post in PostPage.objects.live().public()]
    assert len(urls) >= 200
    urls = urls[:200]

    first = [client.get(url) for url in urls]
    assert [response.status_code for response in first] == [200] * 200
    second = [client.get(url)[HIT_HEADER] for url in urls]

    assert second.count("hit") == 200


def test_fragments_cannot_evict_pages(client, post, settings):
    from django.conf import settings as live_settings

    from pagecache.fragments import cached_fragments

    settings.CACHES = {
        **live_settings.LOCAL_CACHES,
        "fragments": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "tiny-fragments",
            "OPTIONS": {"MAX_ENTRIES": 10},
        },
    }
    cached_get(client, post.url)

    items = [str(number) for number in range(50)]
    cached_fragments(None, "card", items, lambda item: (item,), lambda missing: missing)

    assert client.get(post.url)[HIT_HEADER] == "hit"
