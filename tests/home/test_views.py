"""Tag, category and area listings; robots.txt and sitemap.xml."""

from datetime import timedelta
from xml.etree import ElementTree

import pytest
from django.utils import timezone
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


def test_listing_is_paginated(client, settings, posts):
    settings.PORTAL_POSTS_PER_PAGE = 1

    response = client.get("/tag/banjir/", {"page": 2})

    assert listed(response) == ["sengon"]
    assertContains(response, 'rel="prev"')


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
