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


def test_sitemap_lists_the_public_pages(client, posts):
    response = client.get("/sitemap.xml")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ElementTree.fromstring(response.content)  # noqa: S314 (our own response)
    locations = [loc.text for loc in root.findall("s:url/s:loc", SITEMAP_NS)]
    pages = [
        home_page(),
        directory_page(),
        *posts.values(),
        *(post.get_parent() for post in posts.values()),
    ]
    # Addresses are built from the Wagtail Site record's host name.
    assert sorted(locations) == sorted(page.full_url for page in pages)
    assert all(lastmod.text for lastmod in root.findall("s:url/s:lastmod", SITEMAP_NS))


def test_a_tag_only_drafts_carry_has_no_public_page_nor_sitemap_entry(client, posts):
    from tests.factories import PostPageFactory

    PostPageFactory(draft=True, tags=["slotgacor"])
    assert client.get("/tag/slotgacor/").status_code == 404
    assert "slotgacor" not in client.get("/sitemap.xml").content.decode()
    assert client.get("/tag/banjir/").status_code == 200
