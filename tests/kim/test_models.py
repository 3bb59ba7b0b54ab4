"""A post's rules, enforced where members write: the Wagtail admin's edit form."""

import pytest
from django.db import connection
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from kim.blocks import POST_RICH_TEXT_FEATURES
from kim.models import PostPage, SourceKind
from tests.factories import GroupPageFactory, PhotoFactory, PostPageFactory

pytestmark = pytest.mark.django_db

OFFICIAL_SOURCE = {
    "title": "Siaran pers Dinas Kesehatan",
    "kind": SourceKind.OFFICIAL,
    "url": "https://dinkes.example.go.id/siaran",
    "description": "",
}


def edit_form(post, *, sources=(), **changes):
    """Form data for the post's admin edit view, as the browser would send it."""
    data = {
        "title": post.title,
        "slug": post.slug,
        "summary": post.summary,
        "hero_image": post.hero_image_id or "",
        "hero_alt": post.hero_alt,
        "body": streamfield(
            [
                (
                    "paragraph",
                    rich_text(
                        "<p>Warga membersihkan saluran air.</p>", features=POST_RICH_TEXT_FEATURES
                    ),
                ),
            ]
        ),
        "category": "",
        "tags": "",
        "event_date": "",
        "event_place": "",
        "sources": inline_formset(list(sources)),
        "comments": inline_formset([]),
    }
    data.update(changes)
    return nested_form_data(data)


def save_draft(client, post, **kwargs):
    return client.post(f"/admin/pages/{post.pk}/edit/", edit_form(post, **kwargs))


def saved_revision(post):
    return PostPage.objects.get(pk=post.pk).get_latest_revision_as_object()


@pytest.fixture
def post(db):
    return PostPageFactory(title="Kerja bakti", slug="kerja-bakti")


def test_a_complete_post_is_saved(admin_client, post):
    photo = PhotoFactory()

    response = save_draft(
        admin_client,
        post,
        summary="S" * 280,
        hero_image=photo.pk,
        hero_alt="Warga mengangkat lumpur dari selokan.",
        sources=[OFFICIAL_SOURCE],
    )

    assert response.status_code == 302
    revision = saved_revision(post)
    assert revision.summary == "S" * 280
    assert revision.hero_image == photo
    assert [source.title for source in revision.sources.all()] == [OFFICIAL_SOURCE["title"]]


def test_summary_over_280_characters_is_refused(admin_client, post):
    response = save_draft(admin_client, post, summary="S" * 281)

    assert response.status_code == 200
    assert "summary" in response.context["form"].errors
    assert saved_revision(post).summary != "S" * 281


def test_hero_image_without_alt_text_is_refused(admin_client, post):
    photo = PhotoFactory()

    response = save_draft(admin_client, post, hero_image=photo.pk, hero_alt="  ")

    assert response.status_code == 200
    assert "hero_alt" in response.context["form"].errors
    assert saved_revision(post).hero_image is None


def test_hero_alt_text_alone_is_fine(admin_client, post):
    response = save_draft(admin_client, post, hero_alt="")
    assert response.status_code == 302


def test_source_without_link_or_description_is_refused(admin_client, post):
    vague = {"title": "Kata tetangga", "kind": SourceKind.EYEWITNESS, "url": "", "description": ""}

    response = save_draft(admin_client, post, sources=[vague])

    assert response.status_code == 200
    sources = response.context["form"].formsets["sources"]
    assert sources.errors[0]
    assert not saved_revision(post).sources.exists()


@pytest.mark.parametrize(
    "source",
    [
        {
            "title": "Ketua RT 03",
            "kind": SourceKind.EYEWITNESS,
            "url": "",
            "description": "Hadir langsung di lokasi kerja bakti.",
        },
        OFFICIAL_SOURCE,
    ],
)
def test_source_with_a_link_or_a_description_is_accepted(admin_client, post, source):
    response = save_draft(admin_client, post, sources=[source])

    assert response.status_code == 302
    assert saved_revision(post).sources.get().title == source["title"]


@pytest.mark.django_db
def test_posts_have_one_index_by_category():
    """kim_post_category replaces the foreign key's own index (migration 0009)."""
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, "kim_postpage")

    by_category = [
        name
        for name, constraint in constraints.items()
        if constraint["index"] and constraint["columns"][:1] == ["category_id"]
    ]
    assert by_category == ["kim_post_category"]


def test_pages_are_indexed_by_url_path():
    """Routing finds a post by its address among pages sharing its slug (migration 0010)."""
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, "wagtailcore_page")

    assert constraints["kim_page_url_path"]["columns"] == ["url_path"]


def test_moved_post_is_listed_under_its_new_group(client, region_tree):
    post = PostPageFactory(title="Panen raya jagung")
    old_group = post.group
    new_group = GroupPageFactory(parent=old_group.get_parent(), title="KIM Tunas Muda")

    post.move(new_group, pos="last-child")

    assert PostPage.objects.get(pk=post.pk).group_id == new_group.pk
    assert "Panen raya jagung" in client.get(new_group.url).content.decode()
    assert "Panen raya jagung" not in client.get(old_group.url).content.decode()
