"""Sandbox content never reaches the public: pages, listings, feeds, search, sitemap, networks."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Workflow

from crossposting.models import Delivery, DeliveryStatus, Network, SocialAccount
from crossposting.services import deliveries_create
from kim.models import GroupPage, PostPage
from tests.factories import CategoryFactory, PostPageFactory
from tests.workshops.conftest import enter

pytestmark = pytest.mark.django_db

SANDBOX_WORD = "Latihanrahasia"


@pytest.fixture
def published_sandbox_post(world, workshop):
    """A live post in the sandbox, as if a trainer approved it, next to a real published post."""
    category = CategoryFactory(name="Berita", slug="berita")
    user = enter(workshop.participants.first().user)
    post = PostPageFactory(
        parent=workshop.sandbox.page,
        owner=user,
        title=f"{SANDBOX_WORD} pos",
        slug="latihan-pos",
        summary=f"{SANDBOX_WORD} ringkasan banjir",
        category=category,
        tags=["banjir"],
    )
    real = PostPageFactory(
        parent=world.group_a.page,
        owner=world.member,
        title="Kabar banjir",
        slug="kabar-banjir",
        summary="Ringkasan banjir",
        category=category,
        tags=["banjir"],
    )
    assert post.live and real.live
    return post


PUBLIC_ADDRESSES = [
    "/",
    "/en/",
    "/kelompok/",
    "/cari/?q=banjir",
    f"/cari/?q={SANDBOX_WORD}",
    "/tag/banjir/",
    "/kategori/berita/",
    "/wilayah/33.13/",
    "/feed/rss/",
    "/feed/atom/",
    "/sitemap.xml",
]


def test_sandbox_posts_and_group_stay_off_every_public_surface(
    client, workshop, published_sandbox_post
):
    for address in PUBLIC_ADDRESSES:
        response = client.get(address)
        assert response.status_code == 200, address
        text = response.content.decode()
        assert f"{SANDBOX_WORD} pos" not in text, address
        assert f"{SANDBOX_WORD} ringkasan" not in text, address
        assert workshop.sandbox.name not in text, address
        assert published_sandbox_post.url not in text, address
        assert workshop.sandbox.page.url not in text, address
        if address not in ("/kelompok/", f"/cari/?q={SANDBOX_WORD}"):
            assert "kabar-banjir" in text, address  # the real post is listed, the sandbox's not


def test_sandbox_addresses_answer_not_found(client, workshop, published_sandbox_post):
    slug = workshop.sandbox.page.slug
    for address in (
        published_sandbox_post.url,
        workshop.sandbox.page.url,
        f"/feed/kelompok/{slug}/rss/",
        f"/feed/kelompok/{slug}/atom/",
    ):
        assert client.get(address).status_code == 404, address


def test_published_querysets_leave_the_sandbox_out(world, workshop, published_sandbox_post):
    assert not PostPage.objects.published().filter(pk=published_sandbox_post.pk).exists()
    assert PostPage.objects.published().exists()
    assert not GroupPage.objects.public_groups().filter(pk=workshop.sandbox.page_id).exists()
    assert published_sandbox_post.get_parent().specific.get_sitemap_urls() == []


def test_trainer_can_preview_a_sandbox_post(client, world, workshop, published_sandbox_post):
    client.force_login(world.trainer)
    response = client.get(f"/admin/pages/{published_sandbox_post.pk}/view_draft/")
    assert response.status_code == 200
    assert SANDBOX_WORD in response.content.decode()


def test_sandbox_social_accounts_are_always_dry_run(world, workshop):
    practice = SocialAccount.objects.get(group=workshop.sandbox)
    assert practice.dry_run
    account = SocialAccount.objects.create(
        group=workshop.sandbox, network=Network.TELEGRAM, name="Kanal latihan", dry_run=False
    )
    account.refresh_from_db()
    assert account.dry_run
    real = SocialAccount.objects.create(
        group=world.group_a, network=Network.TELEGRAM, name="Kanal KIM", dry_run=False
    )
    real.refresh_from_db()
    assert not real.dry_run


def test_sandbox_posts_never_reach_a_real_account(
    world, workshop, published_sandbox_post, django_capture_on_commit_callbacks
):
    district = SocialAccount.objects.create(network=Network.TELEGRAM, name="Kanal Diskominfo")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        created = deliveries_create(post=published_sandbox_post, accounts=[district])
    assert [d.status for d in created] == [DeliveryStatus.DRY_RUN]
    assert Delivery.objects.get().status == DeliveryStatus.DRY_RUN
    assert callbacks == []  # no worker is started
    real_post = PostPage.objects.get(slug="kabar-banjir")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        (real,) = deliveries_create(post=real_post, accounts=[district])
    assert real.status == DeliveryStatus.QUEUED and callbacks


def test_sandbox_submissions_use_the_real_moderation_workflow(world, workshop):
    page = workshop.sandbox.page
    assert Workflow.objects.get(name="Moderasi KIM") == page.get_workflow()


def test_sandbox_documents_are_for_signed_in_users_only(client, world, workshop):
    document = get_document_model().objects.create(
        title="Data warga latihan",
        collection=workshop.sandbox.collection,
        file=ContentFile(b"NIK 3313xxxxxxxxxxxx", name="data-warga.txt"),
    )
    real = get_document_model().objects.create(
        title="Jadwal posyandu", file=ContentFile(b"Jadwal", name="jadwal.txt")
    )
    assert client.get(real.url).status_code == 200
    response = client.get(document.url)
    assert response.status_code == 302 and "/login/" in response.url
    client.force_login(enter(workshop.participants.first().user))
    assert client.get(document.url).status_code == 200
