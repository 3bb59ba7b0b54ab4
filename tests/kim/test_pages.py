"""Every public page type renders with its template and links; the page tree keeps its shape."""

from datetime import timedelta

import pytest
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains, assertTemplateUsed
from wagtail.models import Page

from home.models import FeaturedPost, HomePage
from kim.models import GroupDirectoryPage, GroupKind, GroupPage, PostPage, RegionLevel, SourceKind
from tests.factories import (
    CategoryFactory,
    GroupPageFactory,
    PostPageFactory,
    RegionFactory,
    directory_page,
    home_page,
)

pytestmark = pytest.mark.django_db


def days_ago(days):
    return timezone.now() - timedelta(days=days)


@pytest.fixture
def sengon(region_tree):
    """KIM Sengon (a village in Prambanan, Klaten) with three posts, newest last made."""
    *_, village = region_tree
    group = GroupPageFactory(title="KIM Sengon Sejahtera", slug="kim-sengon", region=village)
    posts = [
        PostPageFactory(parent=group, title=f"Kabar Sengon {n}", first_published_at=days_ago(n))
        for n in (3, 2, 1)
    ]
    return group, posts


@pytest.fixture
def other_group_post(db):
    group = GroupPageFactory(
        title="Komunitas Info Sleman", slug="info-sleman", kind=GroupKind.COMMUNITY
    )
    return PostPageFactory(parent=group, title="Kabar dari Sleman", first_published_at=days_ago(5))


def position(response, text):
    index = response.text.find(text)
    assert index >= 0, f"{text!r} not on the page"
    return index


def test_home_page_lists_the_latest_posts_newest_first(client, sengon, other_group_post):
    _, posts = sengon

    response = client.get("/")

    assert response.status_code == 200
    assertTemplateUsed(response, "home/home_page.html")
    for post in [*posts, other_group_post]:
        assertContains(response, f'href="{post.url}"')
    newest_first = [posts[2], posts[1], posts[0], other_group_post]
    places = [position(response, post.title) for post in newest_first]
    assert places == sorted(places)


def test_home_page_shows_featured_posts_in_the_editors_order(client, sengon):
    _, posts = sengon
    home = home_page()
    FeaturedPost.objects.create(page=home, post=posts[0], sort_order=0)
    FeaturedPost.objects.create(page=home, post=posts[1], sort_order=1)

    response = client.get("/")

    assert response.context["featured"] == [posts[0], posts[1]]
    assert response.context["latest"] == [posts[2]]
    assert position(response, posts[0].title) < position(response, posts[1].title)


def test_home_page_offers_categories_and_sub_districts(client, sengon):
    category = CategoryFactory(name="Pengumuman", slug="pengumuman")

    response = client.get("/")

    assertContains(response, 'href="/kategori/pengumuman/"')
    assertContains(response, category.name)
    assertContains(response, 'href="/wilayah/33.10.01/"')


def test_group_page_lists_its_own_posts_only(client, sengon, other_group_post):
    group, posts = sengon

    response = client.get(group.url)

    assert response.status_code == 200
    assertTemplateUsed(response, "kim/group_page.html")
    assertContains(response, "<h1>KIM Sengon Sejahtera</h1>", html=True)
    assertContains(response, "Prambanan")
    for post in posts:
        assertContains(response, f'href="{post.url}"')
    assertNotContains(response, other_group_post.title)
    assertContains(response, 'href="/feed/kelompok/kim-sengon/rss/"')
    assertContains(response, 'href="/feed/kelompok/kim-sengon/atom/"')


def test_group_page_paginates_its_posts(client, settings, sengon):
    settings.PORTAL_POSTS_PER_PAGE = 2
    group, posts = sengon

    first = client.get(group.url)
    second = client.get(group.url + "?" + first.context["posts"].older_query)

    assert [p.title for p in first.context["posts"]] == [posts[2].title, posts[1].title]
    assert [p.title for p in second.context["posts"]] == [posts[0].title]
    assertContains(first, 'rel="next"')
    assertContains(second, 'rel="prev"')
    assertNotContains(second, 'rel="next"')


def test_group_page_past_its_oldest_post_says_so(client, sengon):
    group, _ = sengon

    response = client.get(group.url, {"sebelum": "1900-01-01T00:00:00.000000,1"})

    assert response.status_code == 200
    assertContains(response, "Tidak ada tulisan lagi di sini.")
    assertNotContains(response, "Kelompok ini belum menerbitkan tulisan.")


def test_post_page_links_to_its_group_category_and_tags(client, region_tree):
    *_, village = region_tree
    group = GroupPageFactory(title="KIM Sengon", slug="kim-sengon", region=village)
    category = CategoryFactory(name="Pengumuman", slug="pengumuman")
    post = PostPageFactory(
        parent=group,
        title="Jadwal posyandu balita",
        slug="jadwal-posyandu-balita",
        category=category,
        with_hero=True,
        tags=["posyandu", "kesehatan"],
        sources=[
            {
                "title": "Surat edaran Dinas Kesehatan",
                "url": "https://dinkes.example.go.id/se",
                "kind": SourceKind.OFFICIAL,
            },
            {
                "title": "Kader posyandu",
                "description": "Disampaikan di balai desa.",
                "kind": SourceKind.EYEWITNESS,
            },
        ],
    )

    response = client.get(post.url)

    assert response.status_code == 200
    assertTemplateUsed(response, "kim/post_page.html")
    assert post.url == "/kelompok/kim-sengon/jadwal-posyandu-balita/"
    assertContains(response, f'href="{group.url}"')
    assertContains(response, 'href="/kategori/pengumuman/"')
    assertContains(response, 'href="/tag/posyandu/"')
    assertContains(response, 'href="/tag/kesehatan/"')
    assertContains(response, 'href="https://dinkes.example.go.id/se"')
    assertContains(response, "Surat edaran Dinas Kesehatan")
    assertContains(response, "Disampaikan di balai desa.")
    assertContains(response, 'alt="Warga membersihkan saluran air di tepi sawah."')
    assertContains(response, "Warga desa bergotong royong membersihkan saluran air.")


def test_post_remembers_its_group(sengon):
    group, posts = sengon
    assert all(post.group_id == group.pk for post in posts)
    assert PostPage.objects.get(pk=posts[0].pk).group == group


def test_unknown_address_is_not_found(client, sengon):
    group, _ = sengon
    assert client.get(f"{group.url}tidak-ada/").status_code == 404
    assert client.get("/kelompok/tidak-ada/").status_code == 404
    assert client.get("/tidak-ada/").status_code == 404


# The group directory and its filters.


@pytest.fixture
def directory_groups(region_tree):
    """Groups in Klaten (two sub-districts, one a community) and one in Sleman."""
    province, klaten, prambanan, sengon = region_tree
    jogonalan = RegionFactory(
        code="33.10.02", name="Jogonalan", parent=klaten, level=RegionLevel.SUBDISTRICT
    )
    sleman = RegionFactory(code="34.04", name="Kab. Sleman", level=RegionLevel.DISTRICT)
    depok = RegionFactory(
        code="34.04.07", name="Depok", parent=sleman, level=RegionLevel.SUBDISTRICT
    )
    return {
        "sengon": GroupPageFactory(title="KIM Sengon", slug="kim-sengon", region=sengon),
        "prambanan": GroupPageFactory(
            title="Info Prambanan",
            slug="info-prambanan",
            region=prambanan,
            kind=GroupKind.COMMUNITY,
        ),
        "jogonalan": GroupPageFactory(
            title="KIM Jogonalan", slug="kim-jogonalan", region=jogonalan
        ),
        "depok": GroupPageFactory(title="KIM Depok", slug="kim-depok", region=depok),
    }


def listed(response):
    return {group.slug for group in response.context["groups"]}


def test_directory_lists_every_live_group(client, directory_groups):
    response = client.get("/kelompok/")

    assert response.status_code == 200
    assertTemplateUsed(response, "kim/group_directory_page.html")
    assert listed(response) == {"kim-sengon", "info-prambanan", "kim-jogonalan", "kim-depok"}
    for group in directory_groups.values():
        assertContains(response, f'href="{group.url}"')
    assertContains(response, '<option value="33.10">Kab. Klaten</option>', html=True)
    assertContains(response, '<option value="34.04">Kab. Sleman</option>', html=True)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"kabupaten": "33.10"}, {"kim-sengon", "info-prambanan", "kim-jogonalan"}),
        ({"kabupaten": "34.04"}, {"kim-depok"}),
        ({"kabupaten": "33.10", "kecamatan": "33.10.01"}, {"kim-sengon", "info-prambanan"}),
        ({"kecamatan": "33.10.01"}, {"kim-sengon", "info-prambanan"}),
        ({"kecamatan": "33.10.02"}, {"kim-jogonalan"}),
        ({"jenis": "community"}, {"info-prambanan"}),
        ({"kabupaten": "33.10", "jenis": "kim"}, {"kim-sengon", "kim-jogonalan"}),
        # Unknown values are ignored rather than emptying the list.
        (
            {"kabupaten": "99.99", "jenis": "bogus"},
            {"kim-sengon", "info-prambanan", "kim-jogonalan", "kim-depok"},
        ),
    ],
)
def test_directory_filters_by_district_sub_district_and_kind(
    client, directory_groups, query, expected
):
    response = client.get("/kelompok/", query)

    assert listed(response) == expected
    for group in directory_groups.values():
        if group.slug not in expected:
            assertNotContains(response, f'href="{group.url}"')


def test_directory_offers_only_districts_with_groups_the_public_can_see(client, directory_groups):
    depok = directory_groups["depok"]
    depok.unpublish()

    response = client.get("/kelompok/")

    assertContains(response, '<option value="33.10">Kab. Klaten</option>', html=True)
    assertNotContains(response, "Kab. Sleman")


def test_home_page_offers_no_sub_district_whose_groups_are_training_sandboxes(client, sengon):
    group, _ = sengon
    type(group).objects.filter(pk=group.pk).update(is_training=True)

    response = client.get("/")

    assertNotContains(response, 'href="/wilayah/33.10.01/"')


def test_directory_keeps_the_filter_when_paginating(client, directory_groups, settings):
    response = client.get("/kelompok/", {"kabupaten": "33.10", "kecamatan": "33.10.01"})

    assert response.context["extra_query"] == "kabupaten=33.10&kecamatan=33.10.01"
    assertContains(response, '<option value="33.10.01" selected>Prambanan</option>', html=True)


# Where each page type may live.


def test_post_can_only_be_created_under_a_group_page(sengon):
    group, _ = sengon
    assert PostPage.can_create_at(group)
    assert not PostPage.can_create_at(home_page())
    assert not PostPage.can_create_at(directory_page())
    assert not PostPage.can_create_at(Page.get_first_root_node())
    assert not PostPage.can_create_at(PostPage.objects.first())


def test_group_page_lives_under_the_directory_and_comes_only_from_the_registry(sengon):
    group, _ = sengon
    assert GroupPage.allowed_parent_page_models() == [GroupDirectoryPage]
    # Activation in the registry makes group pages; nobody adds one by hand.
    for parent in (directory_page(), home_page(), group):
        assert not GroupPage.can_create_at(parent)


def test_home_page_and_directory_are_singletons():
    assert HomePage.objects.count() == 1
    assert not HomePage.can_create_at(Page.get_first_root_node())
    assert not GroupDirectoryPage.can_create_at(home_page())


def add_url(model, parent):
    return f"/admin/pages/add/{model._meta.app_label}/{model._meta.model_name}/{parent.pk}/"


def test_admin_can_add_a_post_under_a_group(admin_client, sengon):
    group, _ = sengon
    response = admin_client.get(add_url(PostPage, group))
    assert response.status_code == 200


@pytest.mark.parametrize(
    ("model", "parent"),
    [
        (PostPage, home_page),
        (PostPage, directory_page),
        (GroupPage, home_page),
        (HomePage, Page.get_first_root_node),
        (GroupDirectoryPage, home_page),
    ],
)
def test_admin_refuses_to_add_a_page_where_it_may_not_live(admin_client, model, parent):
    parent = parent()
    pages_before = Page.objects.count()

    shown = admin_client.get(add_url(model, parent))
    posted = admin_client.post(add_url(model, parent), {"title": "Salah tempat", "slug": "salah"})

    for response in (shown, posted):
        # Wagtail turns PermissionDenied into a redirect to the dashboard with a message.
        assert response.status_code in (302, 403)
        if response.status_code == 302:
            assert response.url == "/admin/"
    assert Page.objects.count() == pages_before
