"""Post cards are kept per revision of their post, and never show what has since changed."""

import pytest

from kim import services
from kim.models import PostPage
from tests.factories import CategoryFactory, GroupPageFactory, PostPageFactory
from tests.kim.conftest import make_group

pytestmark = pytest.mark.django_db

TITLE = "Jembatan bambu diperbaiki"
LISTINGS = ["home", "group", "category", "tag", "region", "search"]


@pytest.fixture(autouse=True)
def generations(settings, tmp_path):
    settings.PAGECACHE_GENERATION_FILE = tmp_path / "pagecache-generation"


@pytest.fixture
def post(region_tree):
    *_, village = region_tree
    group = GroupPageFactory(title="KIM Sengon", slug="kim-sengon", region=village)
    return PostPageFactory(
        parent=group,
        title=TITLE,
        slug="jembatan-bambu",
        with_hero=True,
        category=CategoryFactory(name="Berita", slug="berita"),
        tags=["banjir"],
    )


@pytest.fixture
def addresses(post):
    return {
        "home": "/",
        "group": post.get_parent().url,
        "category": "/kategori/berita/",
        "tag": "/tag/banjir/",
        "region": "/wilayah/33.10.01/",
        "search": "/cari/?q=jembatan",
    }


def change_behind_wagtails_back(post, title):
    """Change the post's row with no revision and no signal: what a stored card cannot see."""
    PostPage.objects.filter(pk=post.pk).update(title=title)


def publish_change(page, **changes):
    page = page.get_latest_revision_as_object()
    for field, value in changes.items():
        setattr(page, field, value)
    page.save_revision().publish()


@pytest.mark.parametrize("listing", LISTINGS)
def test_a_second_render_serves_the_stored_card(client, post, addresses, listing):
    assert TITLE in client.get(addresses[listing]).content.decode()

    change_behind_wagtails_back(post, "Judul tanpa revisi")

    text = client.get(addresses[listing]).content.decode()
    assert TITLE in text
    assert "Judul tanpa revisi" not in text


@pytest.mark.parametrize("listing", LISTINGS)
def test_a_new_revision_of_the_post_shows_at_once(client, post, addresses, listing):
    client.get(addresses[listing])

    publish_change(post, title="Jembatan bambu selesai diperbaiki")

    text = client.get(addresses[listing]).content.decode()
    assert "Jembatan bambu selesai diperbaiki" in text
    assert f">{TITLE}<" not in text


def test_renamed_category_shows_at_once(client, post, addresses):
    assert ">Berita</a>" in client.get(addresses["group"]).content.decode()

    category = post.category
    category.name = "Kabar desa"
    category.save()

    assert ">Kabar desa</a>" in client.get(addresses["group"]).content.decode()


def test_deleted_photo_leaves_the_card_at_once(client, post, addresses):
    assert "<picture" in client.get(addresses["group"]).content.decode()

    post.hero_image.delete()

    assert "<picture" not in client.get(addresses["group"]).content.decode()


def test_group_renamed_in_the_registry_shows_on_its_cards_at_once(client, region_tree):
    group = make_group("KIM Sekar Jagad", code="33.13.11.2001")
    PostPageFactory(parent=group.page.specific, title=TITLE)
    assert "<span>KIM Sekar Jagad</span>" in client.get("/").content.decode()

    group.name = "KIM Sekar Jagad Jaten"
    group.save()
    services.group_sync(group=group)

    assert "<span>KIM Sekar Jagad Jaten</span>" in client.get("/").content.decode()


def test_language_versions_are_kept_apart(client, post, addresses):
    assert 'href="/kategori/berita/"' in client.get(addresses["group"]).content.decode()

    english = client.get(f"/en{addresses['group']}").content.decode()

    assert 'href="/en/kategori/berita/"' in english


def test_a_card_is_kept_for_each_place_it_takes_in_a_list(client, post, addresses):
    """The category listing's lead card (h2, fetched first) is not the group page's (h3)."""
    category = client.get(addresses["category"]).content.decode()
    assert f'<h2 class="card__title"><a href="{post.url}">{TITLE}</a></h2>' in category
    assert 'fetchpriority="high"' in category

    group = client.get(addresses["group"]).content.decode()

    assert f'<h3 class="card__title"><a href="{post.url}">{TITLE}</a></h3>' in group
    assert 'fetchpriority="high"' not in group


@pytest.mark.parametrize("page", ["home", "group"])
def test_previews_neither_use_nor_fill_the_stored_cards(client, post, addresses, page):
    listing_page = post.get_parent().specific if page == "group" else post.get_site().root_page
    listing_page.specific.make_preview_request()
    change_behind_wagtails_back(post, "Judul tanpa revisi")
    # Nothing was stored by the preview: the public page shows the row as it is now.
    assert "Judul tanpa revisi" in client.get(addresses[page]).content.decode()

    change_behind_wagtails_back(post, "Judul kedua tanpa revisi")

    preview = listing_page.specific.make_preview_request().content.decode()
    assert "Judul kedua tanpa revisi" in preview


def test_with_fragments_off_every_card_is_rendered_afresh(client, post, addresses, settings):
    settings.PAGECACHE_FRAGMENTS = False
    client.get(addresses["group"])

    change_behind_wagtails_back(post, "Judul tanpa revisi")

    assert "Judul tanpa revisi" in client.get(addresses["group"]).content.decode()
