"""Every change a reader could see reaches the public pages, with pages and fragments kept.

Each test reads the pages until they come from the cache, changes one thing they depend on
(through the admin's signals or a bulk write that sends none) and reads them again. What is
kept and what it depends on is declared in pagecache.dependencies.
"""

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.utils import timezone
from taggit.models import Tag

from complaints.models import Complaint
from kim.models import Region
from pagecache.dependencies import KEPT, writes
from pagecache.middleware import HIT_HEADER
from pagecache.stores import FRAGMENTS, store
from tests.factories import (
    CategoryFactory,
    ComplaintFactory,
    GroupPageFactory,
    PostPageFactory,
    rich_text_body,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache(settings, tmp_path):
    settings.PAGECACHE_ENABLED = True
    settings.PAGECACHE_FRAGMENTS = True
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
        body=rich_text_body("Tiang jembatan diganti bambu petung."),
        category=CategoryFactory(name="Infrastruktur", slug="infrastruktur"),
        tags=["gotong-royong"],
        sources=[{"title": "Balai desa Sengon"}],
        with_hero=True,
    )


def cached(client, *urls):
    """Read each page until the cache answers; return the pages' HTML."""
    pages = []
    for url in urls:
        client.get(url)
        response = client.get(url)
        assert response[HIT_HEADER] == "hit", url
        pages.append(response.content.decode())
    return pages


def read(client, *urls):
    return [client.get(url).content.decode() for url in urls]


def publish_change(page, **changes):
    page = page.get_latest_revision_as_object()
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()


def test_a_post_published_anew_shows_on_its_page_and_its_cards(client, post):
    urls = (post.url, "/", post.group.url)
    cached(client, *urls)

    publish_change(post, title="Jembatan bambu selesai diperbaiki")

    for html in read(client, *urls):
        assert "Jembatan bambu selesai diperbaiki" in html


def test_a_group_renamed_shows_on_its_posts_page_and_cards(client, post):
    urls = (post.url, "/", "/kategori/infrastruktur/")
    for html in cached(client, *urls):
        assert "KIM Sengon" in html

    publish_change(post.group, title="KIM Sumber Rejeki")

    for html in read(client, *urls):
        assert "KIM Sumber Rejeki" in html
        assert "KIM Sengon" not in html


def test_a_category_renamed_shows_on_posts_and_cards(client, post):
    urls = (post.url, "/", "/kategori/infrastruktur/", post.group.url)
    cached(client, *urls)

    category = post.category
    category.name = "Jalan dan jembatan"
    category.save()

    for html in read(client, *urls):
        assert ">Jalan dan jembatan</a>" in html
        assert ">Infrastruktur</a>" not in html


def test_a_tag_renamed_shows_on_posts_and_its_listing(client, post):
    cached(client, post.url, "/tag/gotong-royong/")

    tag = Tag.objects.get(slug="gotong-royong")
    tag.name = "Gotong royong warga"
    tag.save()

    [article, listing] = read(client, post.url, "/tag/gotong-royong/")
    assert "#Gotong royong warga" in article
    assert "Gotong royong warga" in listing


def test_a_region_renamed_by_load_regions_shows_on_its_pages(client, post):
    """load_regions writes in bulk, sending no signal."""
    [area, group_page, directory] = cached(client, "/wilayah/33.10/", post.group.url, "/kelompok/")
    assert "Kab. Klaten" in area
    assert "Kab. Klaten" in directory

    call_command("load_regions", "33.10", verbosity=0, stdout=None)

    [area, group_page, directory] = read(client, "/wilayah/33.10/", post.group.url, "/kelompok/")
    assert "Kabupaten Klaten" in area
    assert "Kabupaten Klaten" in directory
    assert "Kab. Klaten" not in area + directory


def test_a_region_renamed_in_bulk_elsewhere_shows_through_writes(client, post):
    [group_page] = cached(client, post.group.url)
    assert "Sengon, Prambanan" in group_page

    with writes(Region):
        Region.objects.filter(code="33.10.01").update(name="Prambanan Timur")

    [group_page] = read(client, post.group.url)
    assert "Sengon, Prambanan Timur" in group_page


def test_writes_refuses_a_model_no_page_is_declared_to_show(client, post):
    with pytest.raises(LookupError), writes(Complaint, get_user_model()):
        pytest.fail("the block must not run")


def test_a_photo_replaced_shows_on_posts_and_cards(client, post):
    for html in cached(client, post.url, "/"):
        assert "jembatan-baru" not in html

    photo = post.hero_image
    photo.file.open()
    photo.file = ContentFile(photo.file.read(), name="jembatan-baru.png")
    photo.save()
    photo.renditions.all().delete()

    for html in read(client, post.url, "/"):
        assert "jembatan-baru" in html


def test_a_photo_deleted_leaves_posts_and_cards(client, post):
    for html in cached(client, post.url, "/"):
        assert "<picture>" in html

    post.hero_image.delete()

    for html in read(client, post.url, "/"):
        assert "<picture>" not in html


def test_the_menu_and_footer_follow_the_language_and_the_place_read(client, post):
    [indonesian, group_page] = cached(client, "/", post.group.url)
    [english] = cached(client, "/en/")

    assert '<a href="/kelompok/">Kelompok</a>' in indonesian
    assert "Masuk untuk anggota" in indonesian
    assert '<a href="/en/kelompok/">Groups</a>' in english
    assert "Sign in for members" in english
    assert '<a href="/kelompok/" aria-current="true">Kelompok</a>' in group_page


def test_a_post_read_in_another_language_shows_its_kept_article_in_that_language(client, post):
    [indonesian] = cached(client, post.url)
    [english] = read(client, f"/en{post.url}")

    assert '<h2 id="sources-heading">Sumber</h2>' in indonesian
    assert '<h2 id="sources-heading">Sources</h2>' in english
    assert 'href="/en/tag/gotong-royong/"' in english
    assert "Tiang jembatan diganti bambu petung." in english


def test_an_answer_published_and_withdrawn_shows_on_the_answers_page(client):
    complaint = ComplaintFactory(subject="Blangko KTP habis", public_question="Blangko?")
    [before] = cached(client, "/tanggapan/")
    assert "Blangko KTP habis" not in before

    complaint.published_at = timezone.now()
    complaint.save()
    assert "Blangko KTP habis" in read(client, "/tanggapan/")[0]

    complaint.published_at = None
    complaint.save(update_fields=["published_at", "updated_at"])
    assert "Blangko KTP habis" not in read(client, "/tanggapan/")[0]


def test_handling_an_unpublished_complaint_keeps_the_cached_pages(client, post):
    complaint = ComplaintFactory()
    cached(client, "/")

    complaint.status = "diproses"
    complaint.save()

    assert client.get("/")[HIT_HEADER] == "hit"


def test_every_fragment_the_pages_keep_is_declared(client, post, monkeypatch):
    cache = store(FRAGMENTS)
    set_many = cache.set_many
    names = set()

    def recording(data, *args, **kwargs):
        names.update(key.split(":")[1] for key in data)
        return set_many(data, *args, **kwargs)

    monkeypatch.setattr(cache, "set_many", recording)
    read(client, post.url, "/", post.group.url, "/kategori/infrastruktur/", "/cari/?q=jembatan")

    assert names == {"post-page", "post-card"}
    assert names <= {kept.name for kept in KEPT}
