"""RSS and Atom feeds, site-wide and per group, read by a real feed parser."""

from datetime import timedelta

import feedparser
import pytest
from django.utils import timezone

from home.feeds import FEED_LENGTH
from tests.factories import CategoryFactory, GroupPageFactory, PostPageFactory, bulk_posts

pytestmark = pytest.mark.django_db

BASE = "http://testserver"


def parse(client, address):
    response = client.get(address)
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    return response, feed


@pytest.fixture
def groups():
    """Two groups whose posts interleave in time; the first group's newest is the site's."""
    now = timezone.now()
    sengon = GroupPageFactory(title="KIM Sengon", slug="kim-sengon")
    depok = GroupPageFactory(title="Info Depok", slug="info-depok")
    category = CategoryFactory(name="Pengumuman", slug="pengumuman")
    posts = {}
    for hours, group, slug in [
        (5, sengon, "sengon-lama"),
        (4, depok, "depok-lama"),
        (3, sengon, "sengon-baru"),
        (2, depok, "depok-baru"),
        (1, sengon, "sengon-terbaru"),
    ]:
        posts[slug] = PostPageFactory(
            parent=group,
            title=f"Kabar {slug}",
            slug=slug,
            category=category,
            summary=f"Ringkasan kabar {slug}.",
            first_published_at=now - timedelta(hours=hours),
        )
    return sengon, depok, posts


@pytest.mark.parametrize(
    ("address", "version"), [("/feed/rss/", "rss20"), ("/feed/atom/", "atom10")]
)
def test_site_feed_lists_every_group_newest_first(client, groups, address, version):
    _, _, posts = groups

    response, feed = parse(client, address)

    assert feed.version == version
    assert feed.feed.title
    expected = ["sengon-terbaru", "depok-baru", "sengon-baru", "depok-lama", "sengon-lama"]
    assert [entry.title for entry in feed.entries] == [f"Kabar {slug}" for slug in expected]
    assert [entry.link for entry in feed.entries] == [
        f"{BASE}{posts[slug].url}" for slug in expected
    ]
    published = [entry.published_parsed for entry in feed.entries]
    assert published == sorted(published, reverse=True)
    first = feed.entries[0]
    assert first.summary == "Ringkasan kabar sengon-terbaru."
    assert first.author == "KIM Sengon"
    assert [tag.term for tag in first.tags] == ["Pengumuman"]


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_group_feed_has_only_that_groups_posts(client, groups, kind):
    sengon, _, posts = groups

    _, feed = parse(client, f"/feed/kelompok/kim-sengon/{kind}/")

    assert feed.feed.title == "KIM Sengon"
    assert feed.feed.link == f"{BASE}{sengon.url}"
    assert [entry.title for entry in feed.entries] == [
        "Kabar sengon-terbaru",
        "Kabar sengon-baru",
        "Kabar sengon-lama",
    ]
    assert all("depok" not in entry.link for entry in feed.entries)


def test_group_feed_of_an_unknown_group_is_not_found(client, groups):
    assert client.get("/feed/kelompok/tidak-ada/rss/").status_code == 404


def test_feeds_stop_at_the_newest_posts(client):
    group = GroupPageFactory(title="KIM Ramai", slug="kim-ramai")
    posts = bulk_posts(group, FEED_LENGTH + 5)

    _, feed = parse(client, "/feed/rss/")

    assert len(feed.entries) == FEED_LENGTH
    assert feed.entries[0].title == posts[0].title
    assert feed.entries[-1].title == posts[FEED_LENGTH - 1].title


def test_pages_advertise_their_feeds(client, groups):
    sengon, _, _ = groups

    home = client.get("/").content.decode()
    group = client.get(sengon.url).content.decode()

    assert 'type="application/rss+xml"' in home and 'href="/feed/rss/"' in home
    assert 'href="/feed/kelompok/kim-sengon/rss/"' in group
    assert 'href="/feed/kelompok/kim-sengon/atom/"' in group


@pytest.mark.parametrize("address", ["/feed/rss/", "/feed/atom/", "/feed/kelompok/kim-sengon/rss/"])
def test_feed_links_use_the_public_address_not_the_host_asked(client, groups, settings, address):
    """Behind a proxy the request's host may be internal: readers need BASE_URL's links."""
    settings.WAGTAILADMIN_BASE_URL = "https://kim.example.go.id"

    _, feed = parse(client, address)

    links = [feed.feed.link] + [entry.link for entry in feed.entries]
    assert all(link.startswith("https://kim.example.go.id/") for link in links), links
    assert "testserver" not in str(feed.feed)


@pytest.mark.parametrize("address", ["/feed/rss/", "/feed/atom/"])
def test_feed_summaries_are_plain_text_a_reader_cannot_render(client, address):
    """Markup typed into a summary reaches a feed reader as text, never as tags it renders."""
    PostPageFactory(
        summary=(
            '<script>alert(1)</script>Jalan <a href="http://judi.example">rusak</a> '
            '<img src=x onerror="alert(2)"> & licin, 3 < 5'
        )
    )

    response = client.get(address)

    # What a reader gets once the XML is parsed: HTML to it, here with no tag at all.
    summary = feedparser.parse(response.content).entries[0].summary_detail
    assert summary.type == "text/html"
    assert summary.value == "alert(1)Jalan rusak &amp; licin, 3 &lt; 5"
