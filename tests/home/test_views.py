"""Tag, category and area listings; robots.txt and sitemap.xml."""

import html
import re
from datetime import timedelta
from xml.etree import ElementTree

import pytest
from django.utils import formats, timezone
from pytest_django.asserts import assertContains, assertNotContains, assertTemplateUsed

from kim.models import RegionLevel
from tests.factories import (
    CategoryFactory,
    GroupPageFactory,
    PostPageFactory,
    RegionFactory,
    directory_page,
    home_page,
)

pytestmark = pytest.mark.django_db

SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


@pytest.fixture
def posts(region_tree):
    """A post in Sengon (Prambanan, Klaten), one in Jogonalan (Klaten), one in Sleman."""
    _, klaten, prambanan, sengon = region_tree
    jogonalan = RegionFactory(code="33.10.02", name="Jogonalan", parent=klaten)
    sleman = RegionFactory(code="34.04", name="Kab. Sleman", level=RegionLevel.DISTRICT)
    depok = RegionFactory(code="34.04.07", name="Depok", parent=sleman)
    news = CategoryFactory(name="Berita", slug="berita", description="Kabar dari desa.")
    notice = CategoryFactory(name="Pengumuman", slug="pengumuman")
    now = timezone.now()

    def post(slug, region, category, tags, hours):
        group = GroupPageFactory(title=f"KIM {region.name}", slug=f"kim-{slug}", region=region)
        return PostPageFactory(
            parent=group,
            title=f"Kabar {slug}",
            slug=slug,
            category=category,
            tags=tags,
            first_published_at=now - timedelta(hours=hours),
        )

    return {
        "sengon": post("sengon", sengon, news, ["banjir", "jalan"], 3),
        "jogonalan": post("jogonalan", jogonalan, notice, ["banjir"], 2),
        "depok": post("depok", depok, news, ["jalan"], 1),
    }


def listed(response):
    return [post.slug for post in response.context["posts"]]


@pytest.mark.parametrize(
    ("address", "expected", "heading"),
    [
        ("/tag/banjir/", ["jogonalan", "sengon"], "#banjir"),
        ("/tag/jalan/", ["depok", "sengon"], "#jalan"),
        ("/kategori/berita/", ["depok", "sengon"], "Berita"),
        ("/kategori/pengumuman/", ["jogonalan"], "Pengumuman"),
        ("/wilayah/33.10/", ["jogonalan", "sengon"], "Kab. Klaten"),
        ("/wilayah/33.10.01/", ["sengon"], "Prambanan"),
        ("/wilayah/34.04/", ["depok"], "Kab. Sleman"),
    ],
)
def test_listing_shows_matching_posts_newest_first(client, posts, address, expected, heading):
    response = client.get(address)

    assert response.status_code == 200
    assertTemplateUsed(response, "home/listing.html")
    assert listed(response) == expected
    assertContains(response, f"<h1>{heading}</h1>", html=True)
    for slug, post in posts.items():
        if slug in expected:
            assertContains(response, f'href="{post.url}"')
        else:
            assertNotContains(response, f'href="{post.url}"')


def test_category_listing_shows_its_description(client, posts):
    assertContains(client.get("/kategori/berita/"), "Kabar dari desa.")


@pytest.mark.parametrize(
    "address",
    [
        "/tag/tidak-ada/",
        "/kategori/tidak-ada/",
        "/wilayah/99.99/",
        "/wilayah/33/",
        "/wilayah/33.10.01.2001/",
    ],
)
def test_unknown_tag_category_or_area_is_not_found(client, posts, address):
    # Provinces and villages have no listing of their own: only districts and sub-districts.
    assert client.get(address).status_code == 404


def follow(client, response, rel):
    """The page a listing's "Newer posts" (prev) or "Older posts" (next) link leads to."""
    links = re.findall(rf'<a rel="{rel}" href="([^"]+)"', response.content.decode())
    assert len(links) == 1, rel
    return client.get(response.request["PATH_INFO"] + html.unescape(links[0]))


def test_listing_pages_lead_from_the_newest_post_to_the_oldest_and_back(client, settings, posts):
    settings.PORTAL_POSTS_PER_PAGE = 1

    PostPageFactory(
        parent=posts["depok"].get_parent(),
        slug="lama",
        category=posts["depok"].category,
        first_published_at=timezone.now() - timedelta(hours=9),
    )
    first = client.get("/kategori/berita/")
    middle = follow(client, first, "next")
    last = follow(client, middle, "next")

    assert [listed(first), listed(middle), listed(last)] == [["depok"], ["sengon"], ["lama"]]
    assertNotContains(first, 'rel="prev"')
    assertContains(first, "Tulisan lebih lama")
    assertContains(middle, "Tulisan lebih baru")
    assertNotContains(last, 'rel="next"')
    assert listed(follow(client, last, "prev")) == ["sengon"]
    assert listed(follow(client, middle, "prev")) == ["depok"]


def test_a_later_page_of_a_listing_is_titled_with_its_newest_posts_date(client, settings, posts):
    settings.PORTAL_POSTS_PER_PAGE = 1

    older = follow(client, client.get("/tag/banjir/"), "next")

    # As readers see it: in the portal's time zone (Asia/Jakarta is UTC+7).
    date = formats.date_format(
        timezone.localtime(posts["sengon"].first_published_at), "DATE_FORMAT"
    )
    assertContains(older, f"<title>#banjir · Tulisan hingga {date} ·", count=1)


@pytest.mark.parametrize("address", ["/tag/banjir/", "/kategori/berita/", "/wilayah/33.10/"])
@pytest.mark.parametrize("parameter", ["sebelum", "sesudah"])
def test_listing_past_its_end_says_so_and_leads_back_to_the_newest_posts(
    client, posts, address, parameter
):
    far = (
        "1900-01-01T00:00:00.000000,1" if parameter == "sebelum" else "2999-01-01T00:00:00.000000,1"
    )

    response = client.get(address, {parameter: far})

    assert response.status_code == 200
    assert listed(response) == []
    assertContains(response, "Tidak ada tulisan lagi di sini.")
    assertContains(response, f'<a href="{address}">Kembali ke tulisan terbaru</a>', html=True)
    assertNotContains(response, 'class="pagination"')


@pytest.mark.parametrize(
    "cursor",
    [
        "",
        "abc",
        "2026-13-01T00:00:00.000000,1",
        "2026-01-01T00:00:00.000000,-1",
        "2026-01-01T00:00:00.000000,99999999999999999999",
        "2026-01-01,1",
        "\x00,1",
    ],
)
def test_an_unreadable_listing_cursor_gives_the_first_page(client, posts, cursor):
    response = client.get("/tag/jalan/", {"sebelum": cursor})

    assert response.status_code == 200
    assert listed(response) == ["depok", "sengon"]


def test_tag_of_drafts_alone_is_not_found_on_any_page(client, posts):
    PostPageFactory(parent=posts["depok"].get_parent(), draft=True, tags=["rahasia"])

    for query in (
        {},
        {"sebelum": "2999-01-01T00:00:00.000000,1"},
        {"sesudah": "1900-01-01T00:00:00.000000,1"},
    ):
        assert client.get("/tag/rahasia/", query).status_code == 404


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_the_admin(client):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


XHTML_NS = "{http://www.w3.org/1999/xhtml}link"


def sitemap_entries(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ElementTree.fromstring(response.content)  # noqa: S314 (our own response)
    return {
        url.find("s:loc", SITEMAP_NS).text: {
            link.get("hreflang"): link.get("href") for link in url.iter(XHTML_NS)
        }
        for url in root.findall("s:url", SITEMAP_NS)
    }


def english(address):
    return address.replace("http://localhost/", "http://localhost/en/", 1)


def test_sitemap_lists_the_public_pages_in_both_languages(client, posts):
    entries = sitemap_entries(client)
    pages = [
        home_page(),
        directory_page(),
        *posts.values(),
        *(post.get_parent() for post in posts.values()),
    ]
    # Addresses are built from the Wagtail Site record's host name.
    for page in pages:
        address = page.full_url
        alternates = {"id": address, "en": english(address), "x-default": address}
        assert entries[address] == alternates
        assert entries[english(address)] == alternates
    root = ElementTree.fromstring(client.get("/sitemap.xml").content)  # noqa: S314
    assert all(lastmod.text for lastmod in root.findall("s:url/s:lastmod", SITEMAP_NS))


def test_sitemap_lists_the_listings_that_have_published_posts(client, posts):
    CategoryFactory(name="Kosong", slug="kosong")
    PostPageFactory(
        parent=posts["sengon"].get_parent(), slug="draf", tags=["slotgacor"], live=False
    )
    entries = sitemap_entries(client)
    for path in (
        "kategori/berita/",
        "kategori/pengumuman/",
        "tag/banjir/",
        "tag/jalan/",
        "wilayah/33.10/",
        "wilayah/33.10.01/",
        "wilayah/34.04/",
    ):
        address = f"http://localhost/{path}"
        assert entries[address]["en"] == english(address)
        assert english(address) in entries
    assert "http://localhost/kategori/kosong/" not in entries
    # A tag only a draft carries has no public page to list.
    assert "http://localhost/tag/slotgacor/" not in entries


def test_a_tag_only_drafts_carry_has_no_public_page_nor_sitemap_entry(client, posts):
    from tests.factories import PostPageFactory

    PostPageFactory(draft=True, tags=["slotgacor"])
    assert client.get("/tag/slotgacor/").status_code == 404
    assert "slotgacor" not in client.get("/sitemap.xml").content.decode()
    assert client.get("/tag/banjir/").status_code == 200
