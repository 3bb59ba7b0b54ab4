import datetime

import pytest

from kim.models import PostPage, RegionLevel
from tests.factories import RegionFactory
from tests.kim.conftest import World
from workshops import services


def make_workshop(world, *, count=3, names=None, title="Pelatihan Menulis Berita"):
    district = RegionFactory(code="33.13", name="Kab. Karanganyar", level=RegionLevel.DISTRICT)
    entries = services.entries_from_names(names) if names else services.entries_from_count(count)
    return services.workshop_create(
        title=title,
        date=datetime.date(2026, 3, 14),
        place="Aula Diskominfo",
        region=district,
        trainers=[world.trainer],
        entries=entries,
        created_by=world.trainer,
    )


def enter(user):
    """Sign the participant in as a person would: a last login and a chosen password."""
    from django.utils import timezone

    user.last_login = timezone.now()
    user.save(update_fields=["last_login"])
    user.member_profile.must_change_password = False
    user.member_profile.save()
    return user


def act(client, user, post, action, data):
    """Take a workflow action on the post as `user`, as the review modal does."""
    client.force_login(user)
    state = PostPage.objects.get(pk=post.pk).current_workflow_task_state
    return client.post(
        f"/admin/pages/workflow/action/{post.pk}/{action}/{state.pk}/",
        data,
        headers={"x-requested-with": "XMLHttpRequest"},
    )


@pytest.fixture
def world(db):
    return World()


@pytest.fixture
def workshop(world):
    workshop, credentials = make_workshop(world)
    workshop.credentials = credentials
    return workshop
