"""Drafts, unpublished and private posts never reach the public site, feeds, search or sitemap."""

from datetime import timedelta

import pytest
from django.utils import timezone
from pytest_django.asserts import assertTemplateUsed
from wagtail.models import PageViewRestriction

from tests.factories import CategoryFactory, GroupPageFactory, PostPageFactory, restrict

pytestmark = pytest.mark.django_db

SECRET_DRAFT_TITLE = "Judul draf yang belum disetujui"


class Portal:
    """One live group with a published post and every kind of post the public must not see."""

    def __init__(self, region_tree):
        *_, village = region_tree
        self.category = CategoryFactory(name="Bencana", slug="bencana")
        self.group = GroupPageFactory(title="KIM Sengon", slug="kim-sengon", region=village)
        earlier = timezone.now() - timedelta(hours=1)

        def post(title, slug, parent=None, **kwargs):
            return PostPageFactory(
                parent=parent or self.group,
                title=title,
                slug=slug,
                category=self.category,
                tags=["banjir"],
                first_published_at=earlier,
                summary=f"Ringkasan {title}: air sungai meluap di dukuh kami.",
                **kwargs,
            )

        self.published = post("Kabar banjir terbit", "kabar-terbit")
        # A newer draft of a published post: the public keeps seeing the approved version.
        self.published.title = SECRET_DRAFT_TITLE
        self.published.save_revision()

        self.draft = post("Kabar banjir draf", "kabar-draf", draft=True)
        self.unpublished = post("Kabar banjir ditarik", "kabar-ditarik")
        self.unpublished.unpublish()
        self.password_post = post("Kabar banjir bersandi", "kabar-bersandi")
        restrict(self.password_post)
        self.login_post = post("Kabar banjir anggota", "kabar-anggota")
        restrict(self.login_post, PageViewRestriction.LOGIN)

        private_group = GroupPageFactory(title="KIM Tertutup", slug="kim-tertutup", region=village)
        restrict(private_group)
        self.private_group_post = post(
            "Kabar banjir grup tertutup", "kabar-tertutup", parent=private_group
        )

        closed_group = GroupPageFactory(title="KIM Dibekukan", slug="kim-dibekukan", region=village)
        self.closed_group_post = post(
            "Kabar banjir grup dibekukan", "kabar-dibekukan", parent=closed_group
        )
        closed_group.unpublish()

        self.hidden = [
            self.draft,
            self.unpublished,
            self.password_post,
            self.login_post,
            self.private_group_post,
            self.closed_group_post,
        ]


@pytest.fixture
def portal(region_tree):
    return Portal(region_tree)


PUBLIC_ADDRESSES = [
    "/",
    "/en/",
    "/kelompok/kim-sengon/",
    "/tag/banjir/",
    "/kategori/bencana/",
    "/wilayah/33.10/",
    "/wilayah/33.10.01/",
    "/cari/?q=banjir",
    "/cari/?q=meluap",
    "/feed/rss/",
    "/feed/atom/",
    "/feed/kelompok/kim-sengon/rss/",
    "/feed/kelompok/kim-sengon/atom/",
    "/sitemap.xml",
]


def test_public_surfaces_show_only_the_published_post(client, portal):
    problems = []
    for address in PUBLIC_ADDRESSES:
        response = client.get(address)
        assert response.status_code == 200, address
        text = response.content.decode()

        # The published post is there (titles are not in the sitemap, addresses are)...
        shown = [portal.published.url]
        if address != "/sitemap.xml":
            shown.append("Kabar banjir terbit")
        problems += [f"{address} lacks {item}" for item in shown if item not in text]
        # ...and nothing else: neither other posts nor the draft of the published one.
        hidden = [SECRET_DRAFT_TITLE]
        hidden += [item for post in portal.hidden for item in (post.title, post.url)]
        problems += [f"{address} shows {item}" for item in hidden if item in text]

    assert not problems


@pytest.mark.parametrize("post", ["draft", "unpublished", "closed_group_post"])
def test_unpublished_post_address_is_not_found(client, portal, post):
    assert client.get(getattr(portal, post).url).status_code == 404


@pytest.mark.parametrize("post", ["password_post", "private_group_post"])
def test_password_protected_post_asks_for_the_password(client, portal, post):
    post = getattr(portal, post)

    response = client.get(post.url)

    assert response.status_code == 200
    assertTemplateUsed(response, "wagtailcore/password_required.html")
    assert post.title not in response.content.decode()
    assert "air sungai meluap" not in response.content.decode()


def test_the_right_password_opens_a_password_protected_post(client, portal):
    """The form posts to Wagtail's /_util/ address, which the page route must leave alone."""
    post = portal.password_post
    action = client.get(post.url).context["action_url"]

    response = client.post(action, {"password": "rahasia", "return_url": post.url})

    assert response.status_code == 302
    assert response.url == post.url
    assert client.get(post.url).context["page"].pk == post.pk


def test_members_only_post_sends_visitors_to_sign_in(client, portal):
    response = client.get(portal.login_post.url)

    assert response.status_code == 302
    assert "login" in response.url
    assert f"next={portal.login_post.url}" in response.url.replace("%2F", "/")


def test_published_post_shows_its_approved_version(client, portal):
    response = client.get(portal.published.url)

    assert response.status_code == 200
    assert "Kabar banjir terbit" in response.content.decode()
    assert SECRET_DRAFT_TITLE not in response.content.decode()


@pytest.mark.parametrize(
    "address", ["/feed/kelompok/kim-tertutup/rss/", "/feed/kelompok/kim-dibekukan/atom/"]
)
def test_feeds_of_private_or_unpublished_groups_do_not_exist(client, portal, address):
    assert client.get(address).status_code == 404


def test_private_and_unpublished_groups_are_not_in_the_directory(client, portal):
    response = client.get("/kelompok/")

    assert [group.slug for group in response.context["groups"]] == ["kim-sengon"]
    assert "KIM Tertutup" not in response.content.decode()
    assert "KIM Dibekukan" not in response.content.decode()
