"""Groups and posts are routed in one query (HomePage.route) yet answer as Wagtail would."""

import pytest
from pytest_django.asserts import assertContains, assertRedirects, assertTemplateUsed
from wagtail.models import Page, Site

from tests.factories import GroupPageFactory, PostPageFactory, restrict

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
