import pytest
from django.contrib.auth.models import Group

from kim.models import ContributorGroup, GroupStatus, RegionLevel
from kim.roles import Role
from kim.services import group_sync, member_create
from tests.factories import PostPageFactory, RegionFactory, UserFactory


def make_group(name, *, code, status=GroupStatus.ACTIVE):
    region = RegionFactory(code=code, name=f"Desa {name}", level=RegionLevel.VILLAGE)
    group = ContributorGroup.objects.create(name=name, region=region, status=status)
    return group_sync(group=group)


def role_user(username, role):
    user = UserFactory(username=username)
    user.groups.add(Group.objects.get(name=role))
    return user


class World:
    """Two active groups, A and B, with people in every role and posts in each."""

    def __init__(self):
        self.group_a = make_group("KIM Sekar Jagad", code="33.13.11.2001")
        self.group_b = make_group("KIM Ngudi Kawruh", code="33.13.11.2002")
        self.member, _ = member_create(
            group=self.group_a, full_name="Sri Lestari", username="sri", email="sri@example.test"
        )
        self.group_admin, _ = member_create(
            group=self.group_a,
            full_name="Budi Santoso",
            username="budi",
            email="budi@example.test",
            as_admin=True,
        )
        self.member_b, _ = member_create(group=self.group_b, full_name="Wati", username="wati")
        for user in (self.member, self.group_admin, self.member_b):
            user.member_profile.must_change_password = False
            user.member_profile.save()
        self.editor = role_user("editor", Role.EDITOR)
        self.trainer = role_user("pelatih", Role.TRAINER)
        self.administrator = role_user("administrator", Role.ADMINISTRATOR)

    def post(self, group, *, owner, live=False):
        post = PostPageFactory(parent=group.page, owner=owner, live=live)
        post.save_revision(user=owner)
        if live:
            post.get_latest_revision().publish()
        return post


@pytest.fixture
def world(db):
    return World()
