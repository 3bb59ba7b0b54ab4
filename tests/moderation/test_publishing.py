"""A post goes live only when both reviews approve it: every publish route, every role."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Page, Revision

from kim.models import PostPage
from moderation.publishing import publish_reviewed
from tests.factories import UserFactory
from tests.kim.conftest import World
from tests.moderation.test_workflow import (
    ACCURACY_OK,
    USEFULNESS_OK,
    act,
    current,
    draft,
    form,
    refresh,
    submit,
)

pytestmark = pytest.mark.django_db

ROLES = ["member", "group_admin", "editor", "administrator", "superuser"]
DISTRICT = {"editor", "administrator", "superuser"}


@pytest.fixture
def world(db):
    world = World()
    world.superuser = UserFactory(username="root", superuser=True)
    return world


def sign_in(client, world, role):
    user = getattr(world, role)
    client.force_login(user)
    return user


def live_slugs(slug):
    return Page.objects.filter(slug__startswith=slug, live=True).count()


@pytest.mark.parametrize("role", ROLES)
def test_edit_with_publish_only_saves_a_draft(client, world, role):
    post = draft(world)
    sign_in(client, world, role)

    page = client.get(f"/admin/pages/{post.pk}/edit/")
    client.post(f"/admin/pages/{post.pk}/edit/", form(post, **{"action-publish": "1"}))

    assert page.status_code == 200
    assert 'name="action-publish"' not in page.text
    assert not refresh(post).live


@pytest.mark.parametrize("role", ROLES)
def test_create_with_publish_only_saves_a_draft(client, world, role):
    sign_in(client, world, role)
    parent = world.group_a.page
    new = PostPage(title="Posting baru", slug="posting-baru", summary="Ringkasan.")

    page = client.get(f"/admin/pages/add/kim/postpage/{parent.pk}/")
    client.post(f"/admin/pages/add/kim/postpage/{parent.pk}/", form(new, **{"action-publish": "1"}))

    assert page.status_code == 200
    assert 'name="action-publish"' not in page.text
    assert PostPage.objects.filter(slug="posting-baru").exists()  # kept as a draft
    assert live_slugs("posting-baru") == 0


@pytest.mark.parametrize("role", ROLES)
def test_bulk_publish_publishes_nothing(client, world, role):
    post = draft(world)
    sign_in(client, world, role)

    client.post(f"/admin/bulk/wagtailcore/page/publish/?id={post.pk}", {})

    assert not refresh(post).live


@pytest.mark.parametrize("role", ROLES)
def test_reverting_to_a_revision_cannot_publish_it(client, world, role):
    post = draft(world)
    first = post.get_latest_revision()
    post.title = "Judul kedua"
    post.save_revision(user=world.member)
    sign_in(client, world, role)

    page = client.get(f"/admin/pages/{post.pk}/revisions/{first.pk}/revert/")
    client.post(
        f"/admin/pages/{post.pk}/edit/",
        form(first.as_object(), **{"action-publish": "1", "revision": first.pk}),
    )

    assert 'name="action-publish"' not in page.text
    assert not refresh(post).live


@pytest.mark.parametrize("role", ROLES)
def test_a_go_live_time_set_without_review_never_goes_live(client, world, role):
    post = draft(world)
    sign_in(client, world, role)
    soon = timezone.localtime() + timedelta(minutes=1)

    client.post(
        f"/admin/pages/{post.pk}/edit/",
        form(post, go_live_at=soon.strftime("%Y-%m-%d %H:%M"), **{"action-publish": "1"}),
    )
    # Even a draft whose go-live time has passed is left alone by the scheduler.
    Revision.page_revisions.filter(object_id=str(post.pk)).update(
        created_at=timezone.now() - timedelta(hours=1)
    )
    call_command("publish_scheduled")

    assert not Revision.page_revisions.filter(
        object_id=str(post.pk), approved_go_live_at__isnull=False
    ).exists()
    assert not refresh(post).live


@pytest.mark.parametrize("role", ROLES)
def test_copies_and_aliases_of_a_live_post_are_not_published(client, world, role):
    post = world.post(world.group_a, owner=world.member, live=True)
    sign_in(client, world, role)

    for i, extra in enumerate(({"publish_copies": "on"}, {"alias": "on"})):
        client.post(
            f"/admin/pages/{post.pk}/copy/",
            {
                "new_title": f"Salinan {i}",
                "new_slug": f"salinan-{i}",
                "new_parent_page": world.group_a.page.pk,
                **extra,
            },
        )

    assert live_slugs("salinan-") == 0


@pytest.mark.parametrize("role", ["editor", "administrator", "superuser"])
def test_moving_a_draft_under_a_live_group_keeps_it_a_draft(client, world, role):
    post = draft(world)
    sign_in(client, world, role)

    client.post(f"/admin/pages/{post.pk}/move/{world.group_b.page.pk}/confirm/")

    post = refresh(post)
    assert post.get_parent().pk == world.group_b.page.pk
    assert not post.live


@pytest.mark.parametrize("role", ["editor", "superuser"])
def test_approval_without_the_checklists_publishes_nothing(client, world, role):
    post = submit(client, world.member, draft(world))
    reviewer = getattr(world, role)

    act(client, reviewer, post, "approve", {})  # accuracy checklist missing
    assert current(post).task.name == "Verifikasi akurasi"
    act(client, reviewer, post, "approve", ACCURACY_OK)
    act(client, reviewer, post, "approve", {"relevant": "on"})  # usefulness incomplete

    assert current(post).task.name == "Uji manfaat"
    assert not refresh(post).live


@pytest.mark.parametrize("role", ["editor", "superuser"])
def test_both_reviews_with_their_checklists_publish(client, world, role):
    post = submit(client, world.member, draft(world))
    reviewer = getattr(world, role)

    act(client, reviewer, post, "approve", ACCURACY_OK)
    act(client, reviewer, post, "approve", USEFULNESS_OK)

    post = refresh(post)
    assert post.live and not post.workflow_in_progress
    assert post.live_revision.user_id == world.member.pk


def test_the_workflow_refuses_to_publish_reviews_approved_without_their_checklists(client, world):
    post = submit(client, world.member, draft(world))
    # Approved through Wagtail's API directly, past the review form: no item ticked.
    current(post).approve(user=world.editor)
    state = current(post)

    with pytest.raises(PermissionDenied):
        state.approve(user=world.editor)
    with pytest.raises(PermissionDenied):
        publish_reviewed(state.workflow_state, user=world.editor)
    assert not refresh(post).live


@pytest.mark.parametrize("role", ROLES)
def test_district_staff_unpublish_and_group_people_do_not(client, world, role):
    post = world.post(world.group_a, owner=world.member, live=True)
    sign_in(client, world, role)

    client.post(f"/admin/pages/{post.pk}/unpublish/")

    assert refresh(post).live is (role not in DISTRICT)


@pytest.mark.parametrize("role", ROLES)
def test_group_page_edits_go_live_only_through_review(client, world, role):
    page = world.group_a.page.specific
    sign_in(client, world, role)

    assert not page.permissions_for_user(getattr(world, role)).can_publish()
    assert (
        not world.group_a.page.get_parent()
        .specific.permissions_for_user(getattr(world, role))
        .can_publish_subpage()
    )
