"""District-wide messages are the office's: credited to it everywhere, never to a village group."""

import feedparser
import pytest
from django.test import override_settings

from tests.factories import GroupPageFactory, PostPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def message():
    village = GroupPageFactory(title="KIM Sengon", slug="kim-sengon")
    other = GroupPageFactory(title="KIM Jogonalan", slug="kim-jogonalan")
    PostPageFactory(parent=other, title="Kerja bakti Jogonalan", slug="kerja-bakti")
    post = PostPageFactory(
        parent=village,
        title="Vaksinasi gratis di puskesmas",
        slug="vaksinasi",
        is_district_message=True,
    )
    return post, village, other


@override_settings(PORTAL_OFFICE_NAME="Diskominfo Klaten")
def test_the_post_page_credits_the_office_not_the_group_it_was_written_under(client, message):
    post, _village, _other = message
    html = client.get(post.url).content.decode()
    assert "data-byline>Diskominfo Klaten<" in html
    assert "data-byline>KIM Sengon<" not in html


@override_settings(PORTAL_OFFICE_NAME="Diskominfo Klaten")
def test_every_groups_card_credits_the_office(client, message):
    post, village, other = message
    for group in (village, other):
        html = client.get(group.url).content.decode()
        card = html[html.index("Vaksinasi gratis di puskesmas") :][:600]
        assert "Diskominfo Klaten" in card
        assert "KIM Sengon" not in card
    # An ordinary post keeps its group's name.
    html = client.get(other.url).content.decode()
    assert "<span>KIM Jogonalan</span>" in html


@override_settings(PORTAL_OFFICE_NAME="Diskominfo Klaten")
def test_feeds_name_the_office_as_author(client, message):
    _post, _village, other = message
    for address in ("/feed/rss/", f"/feed/kelompok/{other.slug}/atom/"):
        feed = feedparser.parse(client.get(address).content)
        authors = {entry.title: entry.get("author") for entry in feed.entries}
        assert authors["Vaksinasi gratis di puskesmas"] == "Diskominfo Klaten"
        assert authors["Kerja bakti Jogonalan"] == "KIM Jogonalan"
