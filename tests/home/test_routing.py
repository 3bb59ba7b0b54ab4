"""Groups and posts are routed in one query (HomePage.route) yet answer as Wagtail would."""

import pytest
from pytest_django.asserts import assertContains, assertRedirects, assertTemplateUsed
from wagtail.models import Page, Site

from kim.models import GroupPage, GroupState, PostPage
from tests.factories import (
    CategoryFactory,
    GroupPageFactory,
    PhotoFactory,
    PostPageFactory,
    restrict,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def groups(region_tree):
    *_, village = region_tree
    return (
        GroupPageFactory(title="KIM Sengon", slug="kim-sengon", region=village),
        GroupPageFactory(title="KIM Jati", slug="kim-jati", region=village),
    )


@pytest.fixture
def post(groups):
    return PostPageFactory(parent=groups[0], title="Jembatan bambu", slug="jembatan-bambu")


def test_post_and_group_pages_are_served(client, groups, post):
    assertContains(client.get("/kelompok/kim-sengon/jembatan-bambu/"), "Jembatan bambu")
    assertContains(client.get("/kelompok/kim-sengon/"), "Jembatan bambu")


def test_same_slug_in_another_group_is_another_post(client, groups, post):
    PostPageFactory(parent=groups[1], title="Jembatan besi", slug="jembatan-bambu")

    assertContains(client.get("/kelompok/kim-jati/jembatan-bambu/"), "Jembatan besi")
    assertContains(client.get("/kelompok/kim-sengon/jembatan-bambu/"), "Jembatan bambu")
    assert client.get("/kelompok/kim-lain/jembatan-bambu/").status_code == 404


def test_moved_post_answers_at_its_new_address_and_the_old_one_redirects(client, groups, post):
    post.move(groups[1], pos="last-child")

    assertContains(client.get("/kelompok/kim-jati/jembatan-bambu/"), "Jembatan bambu")
    assertRedirects(
        client.get("/kelompok/kim-sengon/jembatan-bambu/"),
        "/kelompok/kim-jati/jembatan-bambu/",
        status_code=301,
    )


def test_post_of_a_training_sandbox_is_not_found(client, groups, post):
    GroupPageFactory._meta.model.objects.filter(pk=groups[0].pk).update(is_training=True)

    assert client.get(post.url).status_code == 404
    assert client.get(groups[0].url).status_code == 404


def test_alias_of_a_protected_post_asks_for_the_password(client, groups, post):
    """Wagtail gives an alias its source page's restrictions; so must the one-query check."""
    restrict(post)
    alias = post.create_alias(parent=groups[1], update_slug="jembatan-salinan")

    response = client.get(alias.url)

    assert alias.url == "/kelompok/kim-jati/jembatan-salinan/"
    assertTemplateUsed(response, "wagtailcore/password_required.html")


def test_restriction_on_the_source_of_an_aliased_group_covers_its_posts(client, groups):
    alias = groups[0].create_alias(parent=groups[0].get_parent(), update_slug="kim-sengon-salinan")
    restrict(groups[0])
    aliased_post = PostPageFactory(parent=alias, title="Kabar salinan", slug="kabar-salinan")

    response = client.get(aliased_post.url)

    assertTemplateUsed(response, "wagtailcore/password_required.html")


def test_a_new_site_for_a_host_is_used_at_once(client, settings, groups, post):
    """The site kept per process is dropped when sites change."""
    settings.ALLOWED_HOSTS = ["*"]
    assert client.get(post.url, HTTP_HOST="pelatihan.example").status_code == 200
    other_root = Page.get_first_root_node().add_child(title="Pelatihan", slug="pelatihan")

    Site.objects.create(hostname="pelatihan.example", root_page=other_root)

    assert client.get(post.url, HTTP_HOST="pelatihan.example").status_code == 404
    assert client.get(post.url).status_code == 200


def test_a_new_restriction_applies_at_once(client, groups, post):
    """Pages of a site without restrictions skip the check; the first restriction ends that."""
    assertContains(client.get(post.url), "Jembatan bambu")

    restrict(groups[0])

    assertTemplateUsed(client.get(post.url), "wagtailcore/password_required.html")


def test_what_routing_reads_of_a_post_and_its_group_is_what_they_hold(groups, post):
    """The post's statement brings the group's state as the ORM would read it, on either
    database (SQLite gives 0 and 1 and text for times where the ORM's own fields convert)."""
    group = GroupPage.objects.get(pk=groups[0].pk)
    group.save_revision().publish()
    group.refresh_from_db()

    routed = PostPage.objects.at_address(post.url_path)

    assert routed == post
    assert routed.title == "Jembatan bambu"
    assert routed.last_published_at == PostPage.objects.get(pk=post.pk).last_published_at
    assert routed.group_state == GroupState(
        pk=group.pk,
        path=group.path,
        live=True,
        is_training=False,
        live_revision_id=group.live_revision_id,
        last_published_at=group.last_published_at,
    )
    assert PostPage.objects.at_address("/home/kelompok/kim-sengon/lain/") is None


def test_a_post_of_an_unpublished_group_is_not_found(client, groups, post):
    assert client.get(post.url).status_code == 200

    groups[0].unpublish()

    assert client.get(post.url).status_code == 404


def test_a_post_whose_group_link_is_stale_is_routed_the_way_wagtail_does(client, groups, post):
    """Its group column names another group: the tree, not the column, says where it lives."""
    PostPage.objects.filter(pk=post.pk).update(group=groups[1])

    assertContains(client.get("/kelompok/kim-sengon/jembatan-bambu/"), "Jembatan bambu")


def test_an_article_rendered_afresh_shows_the_group_category_and_photo(
    client, groups, post, settings
):
    """Routing brings the post without its relations; the article fetches them itself."""
    settings.PAGECACHE_ENABLED = False
    photo = PhotoFactory(title="Jembatan baru")
    post.hero_image, post.hero_alt = photo, "Jembatan bambu yang baru"
    post.category = CategoryFactory(name="Infrastruktur", slug="infrastruktur")
    post.save_revision().publish()

    for _ in range(2):  # rendered afresh, then around the kept article
        response = client.get(post.url)
        assertContains(response, "KIM Sengon")
        assertContains(response, "Infrastruktur")
        assertContains(response, 'alt="Jembatan bambu yang baru"')
