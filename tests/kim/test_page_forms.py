"""A post's address is made unique for its author instead of being refused."""

import pytest

from kim.models import PostPage
from tests.moderation.test_workflow import draft, form

pytestmark = pytest.mark.django_db


def add(client, world, **extra):
    template = PostPage(
        title="Kerja bakti saluran air",
        slug="kerja-bakti",
        summary="Warga membersihkan saluran air sebelum musim hujan.",
    )
    return client.post(
        f"/admin/pages/add/kim/postpage/{world.group_a.page_id}/", form(template, **extra)
    )


def test_a_second_post_with_a_taken_address_is_saved_under_a_free_one(client, world):
    draft(world)  # kerja-bakti, e.g. the draft autosave already made
    client.force_login(world.member)

    response = add(client, world)
    assert response.status_code == 302  # saved, not sent back with an error
    response = add(client, world)
    assert response.status_code == 302

    slugs = sorted(PostPage.objects.child_of(world.group_a.page).values_list("slug", flat=True))
    assert slugs == ["kerja-bakti", "kerja-bakti-2", "kerja-bakti-3"]


def test_editing_a_post_keeps_its_own_address(client, world):
    post = draft(world)
    client.force_login(world.member)
    response = client.post(f"/admin/pages/{post.pk}/edit/", form(post))
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.slug == "kerja-bakti"


def test_the_same_address_in_another_group_is_left_alone(client, world):
    draft(world)
    client.force_login(world.member_b)
    template = PostPage(title="Kerja bakti", slug="kerja-bakti", summary="Ringkasan.")
    response = client.post(
        f"/admin/pages/add/kim/postpage/{world.group_b.page_id}/", form(template)
    )
    assert response.status_code == 302
    assert PostPage.objects.child_of(world.group_b.page).get().slug == "kerja-bakti"
