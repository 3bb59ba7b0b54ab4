"""A post's article is kept per revision, survives other posts' publication, never goes stale."""

import pytest
from taggit.models import Tag

from pagecache import fragments
from pagecache.fragments import cached_fragments
from pagecache.stores import FRAGMENTS, store
from tests.factories import GroupPageFactory, PostPageFactory, rich_text_body

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def generations(settings, tmp_path):
    settings.PAGECACHE_GENERATION_FILE = tmp_path / "pagecache-generation"


@pytest.fixture
def post(region_tree):
    return PostPageFactory(
        title="Jembatan bambu diperbaiki",
        slug="jembatan-bambu",
        body=rich_text_body("Tiang jembatan diganti bambu petung."),
        tags=["gotong-royong"],
        with_hero=True,
    )


def publish_change(page, **changes):
    page = page.get_latest_revision_as_object()
    for field, value in changes.items():
        setattr(page, field, value)
    page.save_revision().publish()


def test_article_is_served_from_the_fragment_cache_after_another_post_is_published(
    client, post, django_assert_num_queries
):
    client.get(post.url)
    PostPageFactory(parent=post.get_parent(), title="Kabar lain")

    # The post alone: no view restrictions (the site has none), photo renditions, sources
    # or tags.
    with django_assert_num_queries(1):
        response = client.get(post.url)

    assert "Tiang jembatan diganti bambu petung." in response.content.decode()
    assert "#gotong-royong" in response.content.decode()
    assert "<picture>" in response.content.decode()


def test_a_new_revision_of_the_post_shows_at_once(client, post):
    client.get(post.url)

    publish_change(post, body=rich_text_body("Koreksi: tiangnya dari bambu wulung."))

    text = client.get(post.url).content.decode()
    assert "Koreksi: tiangnya dari bambu wulung." in text
    assert "bambu petung" not in text


def test_new_title_shows_at_once_in_the_heading_and_the_shared_preview(client, post):
    client.get(post.url)

    publish_change(post, title="Jembatan bambu selesai diperbaiki")

    text = client.get(post.url).content.decode()
    assert "<h1>Jembatan bambu selesai diperbaiki</h1>" in text
    assert '<meta property="og:title" content="Jembatan bambu selesai diperbaiki">' in text


def test_renamed_group_shows_at_once_on_its_posts(client, post):
    client.get(post.url)

    publish_change(post.group, title="KIM Sumber Rejeki")

    assert ">KIM Sumber Rejeki</a>" in client.get(post.url).content.decode()


def test_moved_post_links_to_its_new_address_and_group(client, post):
    client.get(post.url)
    other_group = GroupPageFactory(parent=post.group.get_parent(), title="KIM Tunas Muda")

    post.move(other_group, pos="last-child")
    post.refresh_from_db()

    text = client.get(post.url).content.decode()
    assert f'<link rel="canonical" href="http://testserver{post.url}">' in text
    assert ">KIM Tunas Muda</a>" in text


def test_renamed_tag_shows_at_once(client, post):
    client.get(post.url)

    tag = Tag.objects.get(name="gotong-royong")
    tag.name = "kerja-bakti"
    tag.save()

    assert "#kerja-bakti" in client.get(post.url).content.decode()


def test_deleted_photo_leaves_the_article_at_once(client, post):
    assert "<picture>" in client.get(post.url).content.decode()

    post.hero_image.delete()

    assert "<picture>" not in client.get(post.url).content.decode()


def test_link_to_a_page_whose_slug_changed_follows_it(
    client, post, django_capture_on_commit_callbacks
):
    other = PostPageFactory(parent=post.get_parent(), title="Sumber air", slug="sumber-air")
    link = f'<a linktype="page" id="{other.pk}">sumber air</a>'
    publish_change(post, body=rich_text_body(f"Lihat juga {link}."))
    assert f"{other.url}" in client.get(post.url).content.decode()

    # Wagtail tells of a new slug once the publication is committed.
    with django_capture_on_commit_callbacks(execute=True):
        publish_change(other, slug="sumber-air-bersih")

    assert f"{other.get_parent().url}sumber-air-bersih/" in client.get(post.url).content.decode()


def test_language_versions_are_kept_apart(client, post):
    client.get(post.url)

    english = client.get(f"/en{post.url}").content.decode()

    assert 'href="/en/tag/gotong-royong/"' in english


def test_preview_of_a_draft_shows_the_draft_not_the_cached_article(client, post):
    client.get(post.url)
    draft = post.get_latest_revision_as_object()
    draft.body = rich_text_body("Draf: belum diperiksa.")
    draft.save_revision()

    preview = draft.make_preview_request()

    assert "Draf: belum diperiksa." in preview.content.decode()
    assert "Draf: belum diperiksa." not in client.get(post.url).content.decode()


def test_post_made_live_outside_a_publication_is_shown(client, post):
    """Imported or bulk-loaded posts may lack a publication time; they still render."""
    type(post).objects.filter(pk=post.pk).update(last_published_at=None, live_revision=None)

    assert "Tiang jembatan diganti bambu petung." in client.get(post.url).content.decode()


class Renderer:
    """Render items as paragraphs, noting which items each call was asked for."""

    def __init__(self):
        self.calls = []

    def __call__(self, items):
        self.calls.append(items)
        return [f"<p>{item}</p>" for item in items]


def test_fragments_render_only_what_the_cache_lacks_in_one_round_trip(monkeypatch):
    render = Renderer()
    cached_fragments(None, "test", ["a", "b"], lambda item: (item,), render)
    lookups = []
    cache = store(FRAGMENTS)
    get_many = cache.get_many
    monkeypatch.setattr(cache, "get_many", lambda keys: lookups.append(keys) or get_many(keys))

    html = cached_fragments(None, "test", ["b", "c", "a"], lambda item: (item,), render)

    assert html == ["<p>b</p>", "<p>c</p>", "<p>a</p>"]
    assert render.calls == [["a", "b"], ["c"]]
    assert len(lookups) == 1


def test_fragments_are_rendered_every_time_when_switched_off(settings):
    settings.PAGECACHE_FRAGMENTS = False
    render = Renderer()

    cached_fragments(None, "test", ["a"], lambda item: (item,), render)
    cached_fragments(None, "test", ["a"], lambda item: (item,), render)

    assert render.calls == [["a"], ["a"]]


def test_a_new_release_renders_articles_afresh(
    client, post, monkeypatch, django_assert_num_queries
):
    """A deploy must not serve HTML its predecessor stored in a cache that outlived it."""
    client.get(post.url)
    with django_assert_num_queries(1):
        client.get(post.url)

    monkeypatch.setattr(fragments, "release", lambda: "next-release")

    # The post at its address, then for the article: the post with its group, category and
    # photo, the photo's renditions, sources and tags (HomePage.route routes posts by a
    # statement that brings only what a stored article needs).
    with django_assert_num_queries(5):
        response = client.get(post.url)
    assert "Tiang jembatan diganti bambu petung." in response.content.decode()


def test_the_release_changes_with_any_template_or_code(tmp_path):
    files = [tmp_path / "post_card.html", tmp_path / "models.py"]
    for path in files:
        path.write_text("<p>{{ page.title }}</p>")
    before = fragments.digest_files(files, tmp_path)

    files[0].write_text("<p class='card'>{{ page.title }}</p>")

    assert fragments.digest_files(files, tmp_path) != before
    assert fragments.digest_files(files, tmp_path) == fragments.digest_files(files, tmp_path)


def test_the_release_changes_with_the_site_name_or_address(tmp_path):
    """Meta tags show both; the environment, not a file, sets them."""
    site = ("Portal KIM", "https://kim.example.go.id")
    before = fragments.digest_files([], tmp_path, site)

    assert fragments.digest_files([], tmp_path, ("Portal KIM Sleman", site[1])) != before
    assert fragments.digest_files([], tmp_path, (site[0], "https://kim.slemankab.go.id")) != before


def test_the_release_changes_with_a_static_file(settings, tmp_path):
    """Fragments link static files by hashed name (a post without photo shares the default
    picture); a deploy that changes the file must not leave links to the old name."""
    (tmp_path / "img").mkdir()
    picture = tmp_path / "img" / "og-default.png"
    picture.write_bytes(b"old picture")
    settings.STATICFILES_DIRS = [tmp_path]
    before = fragments.release.__wrapped__()

    picture.write_bytes(b"new picture")

    assert fragments.release.__wrapped__() != before
