"""District-wide messages (narasi tunggal): on every group's page and feed, offered to accounts."""

import feedparser
import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from crossposting.models import Delivery, DeliveryStatus, Network

from .conftest import login_in_english, make_account, publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def message(people):
    """An approved post of group B that an editor marked as a district-wide message."""
    post = people.draft(people.group_b, owner=people.admin_b, title="Jadwal vaksinasi polio")
    post.is_district_message = True
    post.save_revision(user=people.editor)
    return publish(post, people.editor)


def test_it_appears_on_every_groups_page_marked_with_its_source(client, people, message):
    ordinary = publish(people.draft(people.group_b, owner=people.admin_b, title="Rapat RT"))

    page = client.get("/en" + people.group_a.page.url).content.decode()

    assert message.title in page and "District-wide message" in page
    # Credited to the office, not to the village group it was written under.
    assert settings.PORTAL_OFFICE_NAME in page
    assert people.group_b.name not in page
    assert ordinary.title not in page


def test_it_appears_in_every_groups_feed_with_its_source(client, people, message):
    with translation.override("en"):
        response = client.get(reverse("group_feed_rss", args=[people.group_a.page.slug]))

    [entry] = feedparser.parse(response.content).entries
    assert entry.title == message.title
    assert entry.author == settings.PORTAL_OFFICE_NAME
    assert "District-wide message" in [tag.term for tag in entry.tags]


def test_each_groups_admin_is_offered_it_for_their_own_accounts(
    client, people, message, telegram, django_capture_on_commit_callbacks
):
    ours = make_account(Network.TELEGRAM, group=people.group_a, name="Kanal Sekar")
    make_account(Network.X, group=people.group_b, name="Ngudi di X")
    login_in_english(client, people.admin_a)

    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    page = client.get(reverse("crossposting_post", args=[message.pk])).content.decode()
    assert reverse("crossposting_post", args=[message.pk]) in dashboard
    assert "Kanal Sekar" in page and "Ngudi di X" not in page

    link = f"http://testserver{message.url}"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("crossposting_post", args=[message.pk]),
            {"accounts": [ours.pk], "text_telegram": f"Vaksinasi polio\n\n{link}", "send": "1"},
        )

    delivery = Delivery.objects.get(post=message)
    assert delivery.account == ours and delivery.status == DeliveryStatus.SENT
    assert len(telegram.channel_messages("@kabarklaten")) == 1
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("crossposting_post", args=[message.pk]) not in dashboard


@pytest.mark.parametrize(("who", "offered"), [("editor", True), ("admin_a", False)])
def test_only_editors_may_mark_a_post_as_a_district_message(client, people, who, offered):
    post = publish(people.draft(owner=people.admin_a), people.editor)
    login_in_english(client, getattr(people, who))

    page = client.get(reverse("wagtailadmin_pages:edit", args=[post.pk])).content.decode()

    assert page.count('name="is_district_message"') == int(offered)
