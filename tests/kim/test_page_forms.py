"""The post editor's form: the address is made, never refused, for members."""

from types import SimpleNamespace

import pytest

from kim.models import PostPage
from tests.kim.conftest import World
from tests.moderation.test_workflow import form

pytestmark = pytest.mark.django_db


def add_post(client, world, title, slug):
    client.force_login(world.member)
    new = SimpleNamespace(title=title, slug=slug, summary="Warga membersihkan saluran air.")
    response = client.post(f"/admin/pages/add/kim/postpage/{world.group_a.page_id}/", form(new))
    assert response.status_code == 302, response.content[-2000:]
    return PostPage.objects.get(pk=response["Location"].rstrip("/").split("/")[-2])


@pytest.fixture
def world(db):
    return World()


def test_an_empty_address_is_made_from_the_title_and_a_taken_one_made_unique(client, world):
    first = add_post(client, world, "Kerja bakti RW 03", "")
    assert first.slug == "kerja-bakti-rw-03"
    second = add_post(client, world, "Kerja bakti RW 03", "kerja-bakti-rw-03")
    assert second.slug == "kerja-bakti-rw-03-2"
